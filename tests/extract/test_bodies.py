"""Bodies named by a state and a common noun, and the people who act for a state
(:mod:`accord.extract.bodies`), on sentences made up for them."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="actors need the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


def _speakers(nlp, text: str) -> list[str | None]:
    doc = nlp(text)
    return [q.speaker for q in find_quotes(doc, ActorIndex.from_doc(doc)) if q.direct]


def _affiliations(nlp, text: str) -> dict[str, str | None]:
    return {a.name: a.affiliation for a in ActorIndex.from_doc(nlp(text)).actors()}


@pytest.mark.parametrize(("text", "body", "state"), [
    ('The U.S. embassy in Juba said the talks were "a step forward."',
     "U.S. embassy in Juba", "United States"),
    ('"We will not sign," the Venezuelan government said in a statement.',
     "Venezuelan government", "Venezuela"),
    ('"This is a good day," the British embassy said.', "British embassy", "United Kingdom"),
    ("Russia's foreign ministry called the offer \"a provocation.\"",
     "Russia's foreign ministry", "Russia"),
])
def test_a_state_institution_speaks_as_named_with_its_state_for_affiliation(
        nlp, text, body, state):
    assert _speakers(nlp, text) == [body]
    affiliations = _affiliations(nlp, text)
    assert affiliations[body] == state
    assert state in affiliations  # the state's own name is still the state


def test_a_state_city_after_the_body_stays_the_state(nlp):
    text = 'The U.S. embassy in Moscow said the visit was "routine."'
    assert _speakers(nlp, text) == ["U.S. embassy in Moscow"]
    assert {"United States", "Russia"} <= set(_affiliations(nlp, text))


@pytest.mark.parametrize(("text", "state"), [
    ('The Iranian delegation said the offer was "not enough."', "Iran"),
    ('"We are close," Iranian officials said.', "Iran"),
    ('A senior Iranian official said the offer was "a joke."', "Iran"),
    ('The American side said the talks were "useful."', "United States"),
    ('Russian negotiators called the plan "unacceptable."', "Russia"),
])
def test_people_who_act_for_a_state_are_the_state(nlp, text, state):
    assert _speakers(nlp, text) == [state]


def test_another_body_among_the_modifiers_speaks_itself(nlp):
    text = 'A Syrian opposition official called the talks "encouraging."'
    assert _speakers(nlp, text) == ["Syrian opposition"]


def test_a_tagged_body_opening_with_a_state_is_affiliated_to_it(nlp):
    text = 'The Russian Foreign Ministry said the proposal was "unacceptable."'
    assert _speakers(nlp, text) == ["Russian Foreign Ministry"]
    assert _affiliations(nlp, text)["Russian Foreign Ministry"] == "Russia"


def test_a_generic_collective_is_no_body(nlp):
    text = ('Viktor Makarov claims he was betrayed by the British authorities, who promised he '
            'would live like an "average British citizen".')
    assert _speakers(nlp, text) == ["Viktor Makarov"]


def test_a_title_of_a_body_with_its_field_before_the_name(nlp):
    """Branch p4-flagship3: "High Representative of the European Union for Foreign Affairs
    Josep Borrell" (the style of EU titles) gave the role but no body, so the draft took the
    state the article is about for his; a title with no body before its field gives none."""
    text = ("On 3 May, High Representative of the European Union for Foreign Affairs "
            "Anna Lindqvist held a phone call with Ruritania's Foreign Minister.")
    people = {a.name: a for a in ActorIndex.from_doc(nlp(text)).actors() if a.kind == "person"}
    assert people["Anna Lindqvist"].roles == ["High Representative"]
    assert people["Anna Lindqvist"].affiliation == "European Union"
    plain = _affiliations(nlp, "Minister for Foreign Affairs Anna Lindqvist spoke on Monday.")
    assert plain.get("Anna Lindqvist") is None


def test_the_eu_institutions_speak_as_themselves_not_as_the_eu(nlp):
    text = ('"The agreement is fair," the European Commission said. European Council President '
            'Charles Michel met EU leaders, and the European Parliament will vote on it.')
    doc = nlp(text)
    index = ActorIndex.from_doc(doc)
    kinds = {a.name: a.kind for a in index.actors()}
    assert kinds["European Commission"] == "organisation"
    assert kinds["European Parliament"] == "organisation"
    assert kinds["European Union"] == "bloc"  # "EU leaders"
    assert _speakers(nlp, text) == ["European Commission"]
    assert _affiliations(nlp, text)["Charles Michel"] == "European Council"


def test_the_g20_is_not_the_g7():
    from accord.extract.lexicon import ALIASES

    assert ALIASES["G20"][0] == "G20" and ALIASES["G8"][0] == "G8"
    assert ALIASES["G7"][0] == "G7"
