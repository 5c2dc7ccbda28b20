"""The actor nouns an article calls a body (sentences written for these tests)."""

from __future__ import annotations

import pytest

from accord.extract.actors import ActorIndex


def called(nlp, text: str) -> dict[str, list[str]]:
    return {r.name: r.called for r in ActorIndex.from_doc(nlp(text)).actors() if r.called}


@pytest.mark.parametrize(("text", "name"), [
    ("The country's largest union Unison will ballot its members on Monday.", "Unison"),
    ("The union Amicus joined the talks on Tuesday.", "Amicus"),
    ("Delegates from the Fire Brigades Union walked out of the meeting.", "Fire Brigades Union"),
    ("Several unions including Unison and Amicus have called a strike.", "Amicus"),
])
def test_a_body_called_a_union(nlp, text: str, name: str):
    assert "union" in called(nlp, text).get(name, [])


def test_other_nouns_call_the_subject_one_of_them(nlp):
    text = ("Amicus will coordinate the walkout with five other transport unions. "
            "Ministers have not replied.")
    assert called(nlp, text).get("Amicus") == ["union"]


def test_a_body_named_beside_no_noun_is_called_nothing(nlp):
    assert called(nlp, "Amicus met the minister on Monday to discuss wages.") == {}
