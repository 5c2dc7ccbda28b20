"""Quotations: direct quotes with their speakers, and reported (indirect) speech.

Direct quotes are found on the characters (:mod:`accord.extract.marks`); a headline's quotes,
a name in title case between marks (a programme, a book), words quoted from a document and a
short quoted term with no speaker are no quotations.  The speaker of a quote is found, in this
order, from the speech verb or proposal noun that governs it in the parse when it stands
before the quote (:mod:`accord.extract.governing`: "Cole called it "useful""), from an
attribution cue next to it (:mod:`accord.extract.cues`: "…," he said; "X said: …"; "according
to X"; the reporting patterns the parse does not give are in
:mod:`accord.extract.attribution`), from a governor after it, and for a quote opening a
sentence with no cue of its own from the closest attribution before it
(:mod:`accord.extract.closest_speaker`).  A cue's subject is resolved by
:mod:`accord.extract.speech_subjects`.  Reported speech is :mod:`accord.extract.reported_speech`;
the direct quotes' speakers may instead be chosen by the learned ranker
(:mod:`accord.extract.speakers`) or the hybrid (:mod:`accord.extract.hybrid`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from accord.extract.actors import ActorIndex
from accord.extract.attribution import Attribution, impersonal
from accord.extract.closest_speaker import ClosestSpeaker
from accord.extract.cues import Cues
from accord.extract.governing import documents_words, governing, governor
from accord.extract.hybrid import hybrid_speakers
from accord.extract.lexicon import WEAK_SPEECH_VERBS
from accord.extract.marks import CLOSING, SENT_END, STRAIGHT
from accord.extract.quoted_tokens import QuotedTokens
from accord.extract.records import QuoteRecord
from accord.extract.reported_speech import ReportedSpeech
from accord.extract.speakers import rank_speakers
from accord.extract.speech_subjects import SpeechSubjects

_OPENERS = frozenset({"And", "But", "So", "Yet", "Or"})  # may open a sentence before a quote
MAX_TITLE_WORDS = 5  # a longer run of capitalised words in marks may be speech
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "at"})
MAX_TERM_WORDS = 3  # a shorter quote with no speaker is a quoted term, not a quotation


class QuoteFinder:
    """Direct and reported speech in one parsed document; to the hybrid
    (:class:`accord.extract.hybrid.Attributor`) the rules' subject resolution."""

    def __init__(self, doc: Doc, index: ActorIndex, headline: str = "") -> None:
        self.index = index
        self.quoted = QuotedTokens(doc, index.tokens)
        self.text = doc.text
        self.headline_end = _headline_end(self.text, headline)
        self.inside = self.quoted.inside
        self.subjects = SpeechSubjects(self.quoted, index)
        self.cues = Cues(self.quoted, self.subjects)
        self.closest = ClosestSpeaker(self.quoted, index, self.subjects, self.cues)
        self.reports = ReportedSpeech(self.quoted, index, self.subjects)
        # the rules' subject resolution, as the hybrid asks for it
        self.subject = self.subjects.subject
        self.proposer = self.subjects.proposer
        self.addressees = self.subjects.addressees
        self.named_source = self.cues.named_source

    def governor(self, start: int) -> Token | None:
        """The first speech verb or proposal noun above the quote opening before ``start``."""
        return governor(self.quoted, self.subjects, start)

    def direct(self) -> list[QuoteRecord]:
        """The direct quotes, with the rules' speakers, in text order."""
        out: list[QuoteRecord] = []
        previous: Attribution | None = None
        token_at = self.quoted.token_at
        for start, end in self.quoted.spans:
            if start < self.headline_end:
                continue  # a headline is no quotation (the gold annotates none)
            text = self.text[start:end]
            last = max(start, self.text.rfind("\n", start, end))  # (its last paragraph)
            self.subjects.quoted_people = self.index.people_between(token_at(last),
                                                                    token_at(end))
            if _title_case(text) and not self._starts_sentence(start):
                continue  # a name in marks (a programme, a book), no one's words
            head = self.governor(start)
            # a speech verb or proposal before the quote governing it comes first ("Cole
            # called it "useful"", "a Chinese proposal for an "informal" version")
            before = head is not None and head.i < token_at(start)
            said = before and head is not None and head.lemma_ not in WEAK_SPEECH_VERBS
            att = (governing(self.subjects, head) if before else None) or self.cues.attribute(
                start, end, text, after=not said) or governing(self.subjects, head)
            if att is None and documents_words(head):
                continue
            if att is None and self._starts_sentence(start):
                att = self.closest.fallback(start, previous)
            if att is None and len(text.split()) <= MAX_TERM_WORDS and not self._reported(head):
                continue
            if att is not None:  # it reaches the next paragraph from this quote on
                previous = replace(att, at=max(att.at, start))
            out.append(
                QuoteRecord(
                    text=text,
                    speaker=att.speaker if att else None,
                    cue=att.cue if att else None,
                    start=start,
                    end=end,
                    direct=True,
                )
            )
        return out

    def reported(self) -> list[QuoteRecord]:
        """Reported speech with a known speaker (:mod:`accord.extract.reported_speech`)."""
        return self.reports.reported()

    def _reported(self, head: Token | None) -> bool:
        """Whether a short quote with no known speaker still stands in someone's reported
        speech: a speech verb governs it, with a subject, that names someone's words rather
        than a term ("what is being called "phase one"") and is not the paper's own voice
        ("…, our correspondent added")."""
        if head is None or head.pos_ != "VERB" or impersonal(head):
            return False
        found = self.subjects.subject_token(head)
        return found is not None and not any(c.lower_ == "our" for c in found[0].children)

    def _starts_sentence(self, start: int) -> bool:
        """Whether the quote opening before ``start`` begins a sentence or a paragraph."""
        raw = self.text[max(0, start - 300) : max(0, start - 1)]
        before = raw.rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        if word in _OPENERS:  # "And "intense discussions" were taking place"
            raw = before[: len(before) - len(word)]
            before = raw.rstrip()
        if not before or "\n" in raw[len(before) :]:
            return True
        return before.endswith((*SENT_END, CLOSING, STRAIGHT, ":"))


def _title_case(text: str) -> bool:
    """A name in title case ("Press Conference USA,"): two to five words, each capitalised
    or a short function word."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return 2 <= len(words) <= MAX_TITLE_WORDS and words[0][0].isupper() and all(
        w[0].isupper() or w in FUNCTION_WORDS for w in words)


def _headline_end(text: str, headline: str) -> int:
    """Where the article's headline ends when the text opens with it (0 if not)."""
    lead = len(text) - len(text.lstrip())
    found = headline.strip() and text.startswith(headline.strip(), lead)
    return lead + len(headline.strip()) if found else 0


def find_quotes(doc: Doc, index: ActorIndex, headline: str = "",
                speakers: str = "rules") -> list[QuoteRecord]:
    """Direct quotes and reported speech, in text order; quotes in the ``headline`` the text
    opens with are left out.  The direct quotes' ``speakers`` are the rules', the learned
    ranker's (:mod:`accord.extract.speakers`) or the hybrid's (:mod:`accord.extract.hybrid`)."""
    finder = QuoteFinder(doc, index, headline)
    direct = finder.direct()
    if speakers == "ranker":
        direct = rank_speakers(doc, index, direct)
    elif speakers == "hybrid":
        direct = hybrid_speakers(doc, index, finder, direct)
    return sorted(direct + finder.reported(), key=lambda q: q.start)
