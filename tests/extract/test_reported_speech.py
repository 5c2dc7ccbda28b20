"""Reported (indirect) speech (:mod:`accord.extract.reported_speech`), on the founding article
and on sentences made up for it."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="reported speech needs the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


def test_reported_speech_with_a_speech_verb(founding):
    doc, index = founding
    reported = {q.text: q for q in find_quotes(doc, index) if not q.direct}
    stolt = reported["there had never been any pledges that it would not expand"]
    assert (stolt.speaker, stolt.cue) == ("Jens Stoltenberg", "saying")
    # "Russia denies that X and insists that Y": two reports, one speaker
    assert reported["it is planning any such offensive"].speaker == "Russia"
    insists = reported["the presence of troops and hardware near the border are not a "
                       "precursor to a large-scale conflict"]
    assert (insists.speaker, insists.cue) == ("Russia", "insists")
    # "According to him, …" and a parenthetical "Putin said,"
    according = reported["pledges given to Soviet premier Mikhail Gorbachev were disregarded"]
    assert (according.speaker, according.cue) == ("Vladimir Putin", "according to")
    assert reported["written assurances are necessary"].speaker == "Vladimir Putin"


def _reports(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    doc = nlp(text)
    return [(q.text, q.speaker, q.cue) for q in find_quotes(doc, ActorIndex.from_doc(doc))
            if not q.direct]


@pytest.mark.parametrize(("text", "report"), [
    ("Ann Cole said that the talks would resume on Friday.",
     ("the talks would resume on Friday", "Ann Cole", "said")),  # without its "that"
    ("According to Ann Cole, the talks failed.", ("the talks failed", "Ann Cole",
                                                 "according to")),
])
def test_a_clause_and_its_speaker(nlp, text, report):
    assert _reports(nlp, text) == [report]


def test_a_clause_holding_a_direct_quote_is_no_report(nlp):
    assert _reports(nlp, 'Ann Cole said the deal was "a real step forward".') == []
