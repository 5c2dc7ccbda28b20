"""PLOVER events: the founding article's events, negation, and the coder's rules."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="event coding needs the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex  # noqa: E402
from accord.extract.events import PhraseResolver, find_events  # noqa: E402
from accord.extract.events.triggers import lemma, trigger  # noqa: E402
from accord.extract.plover_lexicon import VERBS  # noqa: E402
from accord.extract.records import EventRecord  # noqa: E402


@pytest.fixture(scope="module")
def founding(founding_text: str, nlp) -> tuple[str, list[EventRecord]]:
    doc = nlp(founding_text)
    return founding_text, find_events(doc, ActorIndex.from_doc(doc))


def _in(events: list[EventRecord], fragment: str) -> list[EventRecord]:
    return [e for e in events if fragment in e.sentence.replace("\xa0", " ")]


def _has(events, plover, source, target, fragment, mode=None, negated=False) -> EventRecord:
    found = [
        e for e in _in(events, fragment)
        if (e.plover, e.source, e.target, e.negated) == (plover, source, target, negated)
        and (mode is None or e.mode == mode)
    ]
    assert found, f"no {plover} {source} → {target} in {fragment!r}: {_in(events, fragment)}"
    return found[0]


def test_founding_requests(founding):
    _, events = founding
    # Russia's demands
    _has(events, "REQUEST", "Russia", "NATO", "Russia is seeking written guarantees")
    _has(events, "REQUEST", "Russia", "NATO", "the proposed agreements demand that NATO")
    # the EU urging Washington
    _has(events, "REQUEST", "European Union", "United States", "the EU has urged Washington")


def test_founding_reject_threaten_accuse(founding):
    _, events = founding
    _has(events, "REJECT", "Jens Stoltenberg", "Vladimir Putin", "Stoltenberg also rejects")
    _has(events, "THREATEN", "United States", "Russia", "prepared to issue sanctions",
         mode="sanction")
    _has(events, "ACCUSE", "Vladimir Putin", "NATO", "to accuse NATO of lying")


def test_founding_denial(founding):
    _, events = founding
    # Russia denies planning an offensive: a REJECT of the charge, mode deny, aimed at the
    # side that made it (Washington, named in the sentence before)
    _has(events, "REJECT", "Russia", "United States", "Russia denies that it is planning",
         mode="deny")


def test_founding_agreement_to_meet(founding):
    _, events = founding
    _has(events, "AGREE", "United States", "Russia", "the American side has agreed to meet",
         mode="meet")


def test_founding_negation_is_no_concession(founding):
    _, events = founding
    water = _in(events, "will not water down their demands")
    # one event: Russia's refusal to concede, aimed at the other side (not at itself)
    assert [(e.plover, e.mode, e.source, e.negated) for e in water] == [
        ("REJECT", "concede", "Russia", True)
    ]
    assert water[0].target not in (None, "Russia")


def test_offsets_point_at_the_sentence(founding):
    text, events = founding
    assert len(events) >= 10
    for e in events:
        assert text[e.start : e.end] == e.sentence


def _code(nlp, text: str) -> list[EventRecord]:
    return find_events(nlp(text), PhraseResolver())


@pytest.mark.parametrize(
    ("text", "plover", "mode"),
    [
        ("Iran will not agree to the ceasefire.", "REJECT", "agree"),
        ("The rebels won't withdraw from the town.", "REJECT", "retreat"),
        ("The union failed to reach an agreement with the government.", "REJECT", "agree"),
        ("Greece cannot support the Macedonian request.", "REJECT", "support"),
    ],
)
def test_a_refused_cooperative_act_is_a_reject(nlp, text, plover, mode):
    events = _code(nlp, text)
    assert [(e.plover, e.mode, e.negated) for e in events] == [(plover, mode, True)]


def test_a_negated_conflictual_act_keeps_its_type(nlp):
    (e,) = _code(nlp, "Iran did not threaten Iraq on Monday.")
    assert (e.plover, e.negated, e.source, e.target) == ("THREATEN", True, "Iran", "Iraq")


def test_an_announced_forceful_act_is_a_threat(nlp):
    (e,) = _code(nlp, "Washington said it would impose sanctions on Moscow.")
    assert (e.plover, e.mode, e.source) == ("THREATEN", "sanction", "Washington")


def test_must_in_reported_speech_is_a_demand(nlp):
    (e,) = _code(nlp, "Russia said on Tuesday that Sudan must return the helicopter.")
    assert (e.plover, e.source, e.target) == ("REQUEST", "Russia", "Sudan")


def test_a_promise_to_cooperate_is_an_agreement(nlp):
    (e,) = _code(nlp, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert (e.plover, e.mode, e.source) == ("AGREE", "retreat", "Syria")


def test_passive_voice_takes_the_agent_as_source(nlp):
    (e,) = _code(nlp, "The camp was attacked by Burundian militiamen.")
    assert (e.plover, e.source) == ("ASSAULT", "Burundian")


def test_no_trigger_no_event(nlp):
    assert _code(nlp, "The weather in Geneva was cold on Monday.") == []
    # a question reports nothing, and "a signed agreement" is no signing
    assert _code(nlp, "Why is Russia demanding concessions?") == []
    assert _code(nlp, "A signed agreement could be torn up.") == []


def test_a_verb_that_modifies_a_noun_is_no_trigger(nlp):
    # "signed" is the trigger verb "sign", but "a signed agreement" reports no signing
    signed = nlp("A signed agreement could be torn up.")[1]
    assert (signed.dep_, lemma(signed)) == ("amod", "sign") and "sign" in VERBS
    assert trigger(signed) is None
    assert trigger(nlp("Russia signed an agreement with NATO.")[1]) == VERBS["sign"]
    # "the right to protect and defend all allies" reports no defending
    doc = nlp("NATO has the right to protect and defend all allies.")
    assert [t.text for t in doc if trigger(t) is not None] == []
    assert trigger(nlp("NATO will defend all allies.")[2]) == VERBS["defend"]


def test_a_condition_is_no_event(nlp):
    for condition in ("if the embargo is lifted", "if Beijing lifts the embargo"):
        # the second has a source and a target, and still is no event
        text = f"Washington argues that {condition}, China could buy arms."
        assert _code(nlp, text) == [], text
    # the conditional act of the main clause is a threat; the condition is none
    events = _code(nlp, "Unless Baghdad agrees, the United States will attack Iraq.")
    assert [(e.plover, e.mode, e.source, e.target) for e in events] == [
        ("THREATEN", "assault", "the United States", "Iraq")
    ]


def test_an_agentless_passive_has_no_source(nlp):
    (e,) = _code(nlp, "Three Iraqi civilians were killed in Baghdad.")
    assert (e.plover, e.source, e.target) == ("ASSAULT", None, "Iraqi")
