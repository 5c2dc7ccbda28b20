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
