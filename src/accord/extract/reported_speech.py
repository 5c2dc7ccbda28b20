"""Reported (indirect) speech with a known speaker.

A speech verb and its clausal complement ("X said (that) CLAUSE", the complement cut before a
conjoined speech verb: "denies that … and insists that …"), a parenthetical report ("CLAUSE,
X said, CLAUSE") or "according to X, CLAUSE"; the speaker is the verb's subject
(:mod:`accord.extract.speech_subjects`) or X.  A clause that overlaps a direct quote or opens
with a relative pronoun is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from accord.extract.actors import ActorIndex
from accord.extract.attribution import is_speech_verb
from accord.extract.lexicon import WEAK_SPEECH_VERBS
from accord.extract.quoted_tokens import QuotedTokens
from accord.extract.records import QuoteRecord
from accord.extract.speech_subjects import RELATIVE, SpeechSubjects


@dataclass
class _Report:
    """A report in the text: who, the cue, and the (first, last) tokens of what was said."""

    speaker: str | None
    cue: str
    clause: tuple[Token, Token] | None


class ReportedSpeech:
    """The reports of one parsed document."""

    def __init__(self, quoted: QuotedTokens, index: ActorIndex,
                 subjects: SpeechSubjects) -> None:
        self.quoted, self.index, self.subjects = quoted, index, subjects
        self.doc = quoted.doc
        self.inside = quoted.inside

    def reported(self) -> list[QuoteRecord]:
        """Reported speech with a known speaker: a speech verb and its clause ("X said (that)
        CLAUSE", "CLAUSE, X said, CLAUSE"), or "according to X, CLAUSE"."""
        out: list[QuoteRecord] = []
        text = self.quoted.text
        for t in self.index.tokens:
            report = None if self.inside[t.i] else self._report_at(t)
            if report is None or report.clause is None or not report.speaker:
                continue
            first, last = report.clause
            if first.lower_ in RELATIVE or any(
                self.inside[k] for k in range(first.i, last.i + 1)
            ):
                continue
            a, b = first.idx, last.idx + len(last)
            out.append(QuoteRecord(text[a:b], report.speaker, report.cue, a, b, direct=False))
        return out

    def _report_at(self, t: Token) -> _Report | None:
        """The report whose cue is ``t``: "according to X", a parenthetical "X said," or a
        speech verb with a clausal complement."""
        if t.lower_ == "according" and t.head.i > t.i:
            return self._according_to(t)
        if not is_speech_verb(t) or t.lemma_ in WEAK_SPEECH_VERBS:
            return None
        subject = self.subjects.subject
        if t.dep_ == "parataxis" and t.head.i > t.i:  # "For that reason, Putin said, …"
            return _Report(subject(t), t.text, self._clause_after(t.right_edge.i + 1, t.head))
        comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
        if comp is None:
            return None
        return _Report(subject(t), t.text, self._complement(comp))

    def _according_to(self, according: Token) -> _Report | None:
        """"According to X, CLAUSE"."""
        to = next((c for c in according.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if pobj is None:
            return None
        clause = self._clause_after(according.right_edge.i + 1, according.head)
        return _Report(self.index.resolve(pobj), "according to", clause)

    def _complement(self, comp: Token) -> tuple[Token, Token]:
        """A clausal complement without its "that", cut before a conjoined speech verb
        ("denies that it is planning X and insists that Y")."""
        doc = self.doc
        first, last = comp.left_edge, comp.right_edge
        if first.dep_ == "mark" and first.i < last.i:
            first = doc[first.i + 1]
        for c in comp.children:
            if c.dep_ == "conj" and is_speech_verb(c) and c.i > first.i:
                last = doc[c.left_edge.i - 1]
                while last.dep_ == "cc" or last.is_punct:
                    last = doc[last.i - 1]
                break
        while last.is_punct and last.i > first.i:
            last = doc[last.i - 1]
        return first, last

    def _clause_after(self, i: int, head: Token) -> tuple[Token, Token] | None:
        """The clause of ``head`` from token ``i`` (commas skipped) to the next comma after
        ``head`` or its end."""
        doc = self.doc
        while i < head.i and doc[i].is_punct:
            i += 1
        if i > head.i:
            return None
        j = head.i
        while j < head.right_edge.i and doc[j + 1].text not in {",", ";", ".", ":"}:
            j += 1
        return doc[i], doc[j]
