"""A person's sex from the pronouns bound to them."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="binding needs the 'nlp' extra (spaCy)")

from accord.extract.binding import bound_sexes


def _sexes(nlp, text: str, names: dict[str, str]) -> dict[str, str]:
    """``names``: token text → the person it stands for."""
    doc = nlp(text)
    return bound_sexes(doc, lambda t: names.get(t.text), lambda t: t.lemma_ == "say")


def test_a_possessive_binds_to_its_clause_subject(nlp):
    assert _sexes(nlp, "Berg met his counterpart on Friday.", {"Berg": "Karl Berg"}) == {
        "Karl Berg": "m"}


def test_a_possessive_in_a_relative_clause_binds_to_the_antecedent(nlp):
    text = "Cole met Berg, who gave her view on the border."
    assert _sexes(nlp, text, {"Cole": "Ann Cole", "Berg": "Eva Berg"}) == {"Eva Berg": "f"}


def test_the_subject_of_what_a_speaker_says_is_the_speaker(nlp):
    assert _sexes(nlp, "Cole said she would stay.", {"Cole": "Ann Cole"}) == {"Ann Cole": "f"}


def test_another_person_between_subject_and_possessive_leaves_it_unbound(nlp):
    # "his" may be Uribe's: no evidence for Rice (who is a woman)
    text = "Rice praised the leadership of President Uribe, particularly his efforts."
    assert _sexes(nlp, text, {"Rice": "Condoleezza Rice", "Uribe": "Alvaro Uribe"}) == {}


def test_a_pronoun_before_its_subject_binds_nothing(nlp):
    assert _sexes(nlp, "In his view, the deal is dead.", {}) == {}
    assert _sexes(nlp, "His aides said Berg would stay.", {"Berg": "Karl Berg"}) == {}


def test_the_first_evidence_is_kept(nlp):
    text = "Berg met his counterpart. Later Berg praised her speech."
    assert _sexes(nlp, text, {"Berg": "Karl Berg"}) == {"Karl Berg": "m"}


@pytest.mark.parametrize("text", [
    'President Karl Berg met his counterpart Ann Cole on Friday. She said the talks were '
    '"difficult but honest."',
    'Karl Berg met Ann Cole on Friday. Berg said he would stay. She said the talks were '
    '"difficult but honest."',
])
def test_a_pronoun_skips_a_person_the_text_binds_to_the_other_sex(quoted, text):
    assert [s for _, s in quoted(text)] == ["Ann Cole"]
