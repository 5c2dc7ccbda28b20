"""Quote attribution rules written from the VOA dev errors (tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="quote attribution needs the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


def _direct(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(q.text, q.speaker) for q in find_quotes(doc, ActorIndex.from_doc(doc)) if q.direct]


def test_a_phrase_quoted_in_reported_speech_has_the_reporter_as_speaker(nlp):
    text = ('A spokesman for the Syrian opposition said the discussions on Sunday were '
            '"encouraging and positive" concerning humanitarian issues.')
    assert _direct(nlp, text) == [("encouraging and positive", "Syrian opposition")]


def test_a_headline_is_not_the_subject_of_the_lead(nlp):
    text = ('Deal Reached at Climate Talks\n\nUnited Nations chief Ban Ki-moon says that the '
            'agreement sets the stage for a "universal and meaningful" deal next year.')
    assert _direct(nlp, text) == [("universal and meaningful", "Ban Ki-moon")]
    assert next(s.text.strip() for s in nlp(text).sents) == "Deal Reached at Climate Talks"


def test_a_named_spokesperson_speaks_in_person(nlp):
    text = ('The spokesperson for the opposition Movement for Democratic Change (MDC), Nelson '
            'Chamisa, confirmed the framework. "We are close to agreeing," he said. The MDC '
            'spokesperson would not reveal details, but said "it is about the time zone and '
            'the size of the delegation."')
    assert [s for _, s in _direct(nlp, text)] == ["Nelson Chamisa", "Nelson Chamisa"]


def test_a_surname_with_its_particle_finds_the_full_name(nlp):
    text = ('UN envoy Staffan de Mistura met the delegation on Sunday. De Mistura told '
            'reporters he is "optimistic and determined" that the opposition will join.')
    assert _direct(nlp, text) == [("optimistic and determined", "Staffan de Mistura")]


def _all(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    return [(q.text, q.speaker) for q in find_quotes(doc, ActorIndex.from_doc(doc))]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Finance Minister Tendai Biti met Prime Minister Morgan Tsvangirai on Monday. Tsvangirai '
     'asked for more time. "We will not sign this budget," he told Tsvangirai.', "Tendai Biti"),
    ('Ann Cole met Karl Berg on Friday. Berg asked about the deal. "The deal is done," she '
     'said to Berg.', "Ann Cole"),
])
def test_a_quote_is_not_given_to_the_person_it_is_addressed_to(nlp, text: str, speaker: str):
    """"…," he told Smith: he is not Smith, even when Smith is the last subject."""
    assert [s for _, s in _direct(nlp, text)] == [speaker]


def test_the_one_spoken_to_is_never_the_speaker_even_if_no_one_else_is_named(nlp):
    assert _direct(nlp, 'Mr Berg arrived late. "We must be patient," he said to Berg.') == [
        ("We must be patient,", None)]


def test_a_law_is_not_a_speaker(nlp):
    text = ("The Prevention of Terrorism Bill says that the home secretary can impose control "
            "orders. Critics attacked it.")
    assert all(s != "Prevention of Terrorism Bill" for _, s in _all(nlp, text))
    text = ('Home Secretary Charles Clarke defended the plans. "The orders will be judged by a '
            'judge," the Bill states.')
    assert _direct(nlp, text) == [("The orders will be judged by a judge,", None)]
