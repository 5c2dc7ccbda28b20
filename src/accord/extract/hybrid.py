"""The speaker of a direct quotation chosen by a learned ranker among the candidates the rules
propose and allow (a hybrid of :mod:`accord.extract.quotes` and :mod:`accord.extract.speakers`).

The rules propose: besides the ranker's candidates (actors named near the quote, the previous
quotation's speaker), the actor the rules' subject resolution gives for every speech verb in
the quote's paragraph and the one before, for the speech verb or proposal noun governing the
quote, and for "according to X" in its sentence.  The rules forbid (hard constraints): the one
a speech verb of the quote's sentence addresses ("…," he told Berg), a document ("the Bill
says"), a candidate that disagrees with the pronoun subject of the quote's speech verb (he/she:
a person of that sex or of unknown sex; they: no single person), and a candidate named only
inside the quote; a quote the rules leave without a speaker although a speech verb stands in
its sentence gets none.  Among the survivors a conditional logit over the ranker's features
and six relations to the speech verbs chooses (McFadden 1974; the constrained ranking follows
the candidate filtering of Pareti et al. 2013, "Automatically detecting and attributing
indirect quotations", EMNLP).  Its weights are package data written by
``scripts/fit_speaker_hybrid.py`` from the development gold only; the experiment is registered
in ``tests/gold/SPLIT.md``.  When no candidate survives the quote keeps the rules' speaker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np
from spacy.tokens import Doc, Token

from accord.extract.actors import ActorIndex
from accord.extract.attribution import is_speech_verb
from accord.extract.lexicon import DOCUMENTS, SPEECH_VERBS, SUBJECT_DEPS
from accord.extract.records import QuoteRecord
from accord.extract.speakers import FEATURES, Ranker, SpeakerFeatures, candidates, load_ranker

RELATIONS = ("governs", "cue_after", "cue_before", "nearest_before", "named_source",
             "not_indexed")
HYBRID_FEATURES = (*FEATURES, *RELATIONS)
WEIGHTS_FILE = "speaker_hybrid.json"
SINGULAR = {"he": "m", "she": "f"}


class _Named(Protocol):
    speaker: str


class Attributor(Protocol):
    """What the hybrid asks of the rules (:class:`accord.extract.quotes.QuoteFinder`)."""

    inside: list[bool]

    def subject(self, verb: Token) -> str | None: ...
    def governor(self, start: int) -> Token | None: ...
    def proposer(self, noun: Token) -> str | None: ...
    def addressees(self, verb: Token) -> frozenset[str]: ...
    def named_source(self, t: Token) -> _Named | None: ...


@dataclass
class Choice:
    """One quote's candidates: every actor of the index, then the names only the rules'
    resolution proposes; their features; which are near the quote or proposed (``window``);
    which pass the hard constraints (``allowed``); and whether the rules refuse a speaker."""

    names: list[str]
    X: np.ndarray
    window: np.ndarray
    allowed: np.ndarray
    refused: bool


class HybridFeatures:
    """Candidates, features and constraints for the direct quotes of one parsed document."""

    def __init__(self, doc: Doc, index: ActorIndex, rules: Attributor,
                 quotes: list[tuple[int, int]]) -> None:
        self.doc, self.index, self.rules = doc, index, rules
        self.base = SpeakerFeatures(doc, index, quotes)
        self.verbs = [t.i for t in doc if not rules.inside[t.i] and is_speech_verb(t)]
        self._tok_idx = [t.idx for t in doc]
        self._who: dict[int, str | None] = {}

    def _subject(self, verb: Token) -> str | None:
        if verb.i not in self._who:
            self._who[verb.i] = self.rules.subject(verb)
        return self._who[verb.i]

    def _sentence_tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of the quote's sentence(s) outside any quotation marks."""
        first = self.doc[min(bisect_left(self._tok_idx, start), len(self.doc) - 1)].sent
        last = self.doc[max(bisect_left(self._tok_idx, end) - 1, 0)].sent
        return [t for t in self.doc[first.start:last.end] if not self.rules.inside[t.i]]

    def relations(self, start: int, end: int) -> dict[str, set[str]]:
        """Relation name → the actors the rules' resolution gives for it; "window": every
        speech verb's subject in the quote's paragraph and the one before."""
        pp = self.base.paragraphs(start, end)[0]
        sentence = self._sentence_tokens(start, end)
        rel: dict[str, set[str]] = {r: set() for r in (*RELATIONS[:-1], "window")}
        head = self.rules.governor(start)
        if head is not None:
            who = self._subject(head) if head.pos_ == "VERB" else self.rules.proposer(head)
            rel["governs"].update([who] if who else [])
        after = [t for t in sentence if t.idx >= end and is_speech_verb(t)]
        before = [t for t in sentence if t.idx < start and is_speech_verb(t)]
        for key, verbs in (("cue_after", after), ("cue_before", before[::-1])):
            who = next((w for t in verbs if (w := self._subject(t))), None)
            rel[key].update([who] if who else [])
        lo, hi = bisect_left(self._tok_idx, pp), bisect_left(self._tok_idx, start)
        near = self.verbs[bisect_left(self.verbs, lo):bisect_left(self.verbs, hi)]
        who = next((w for i in reversed(near) if (w := self._subject(self.doc[i]))), None)
        rel["nearest_before"].update([who] if who else [])
        for t in sentence:
            named = self.rules.named_source(t)
            rel["named_source"].update([named.speaker] if named else [])
        p1 = self.base.paragraphs(start, end)[2]
        hi = bisect_right(self._tok_idx, p1)
        for i in self.verbs[bisect_left(self.verbs, lo):bisect_left(self.verbs, hi)]:
            who = self._subject(self.doc[i])
            rel["window"].update([who] if who else [])
        return rel

    def choice(self, start: int, end: int, rules_speaker: str | None) -> Choice:
        """Every candidate's features for the quote at ``start:end`` (the previous-speaker
        feature 0) and the constraints on them."""
        X, window = self.base.table(start, end)
        rel = self.relations(start, end)
        names = list(self.base.names)
        extra = sorted(set().union(*rel.values()) - set(names))
        names += extra
        rows = [*X, *(self.base.features(n, start, end)[0] for n in extra)]
        known = set(self.base.names)
        added = [[float(n in rel[r]) for r in RELATIONS[:-1]] + [float(n not in known)]
                 for n in names]
        full = np.hstack([np.array(rows, dtype=float).reshape(len(names), len(FEATURES)),
                          np.array(added, dtype=float).reshape(len(names), len(RELATIONS))])
        proposed = set().union(*rel.values())
        near = np.array([*window, *([False] * len(extra))], dtype=bool)
        near |= np.array([n in proposed for n in names], dtype=bool)
        sentence = self._sentence_tokens(start, end)
        allowed = np.array([self.allowed(n, sentence) and not self._inside_only(n, start, end)
                            for n in names], dtype=bool)
        refused = rules_speaker is None and any(t.lemma_ in SPEECH_VERBS for t in sentence)
        return Choice(names, full, near, allowed, refused)

    def _inside_only(self, name: str, start: int, end: int) -> bool:
        """Whether every mention of ``name`` in the quote's paragraph and the one before lies
        inside this quote's marks (a speaker names others in the third person)."""
        pp, _, p1 = self.base.paragraphs(start, end)
        near = [s for s, _ in self.base.spans.get(name, []) if pp <= s < p1]
        return bool(near) and all(start <= s < end for s in near)

    def allowed(self, name: str, sentence: list[Token]) -> bool:
        """The hard constraints but one: no addressee of the speech verbs of the quote's
        ``sentence`` (unless also the subject of one), no document, agreement with their
        pronoun subject."""
        verbs = [t for t in sentence if is_speech_verb(t)]
        if name.split()[-1].lower() in DOCUMENTS:
            return False
        subjects = {self._subject(v) for v in verbs}
        if name not in subjects and any(name in self.rules.addressees(v) for v in verbs):
            return False
        pronouns = {c.lower_ for v in verbs for c in v.children
                    if c.dep_ in SUBJECT_DEPS and c.lower_ in (*SINGULAR, "they")}
        kind = self.index.kind(name)
        if "they" in pronouns and kind == "person":
            return False
        sexes = {SINGULAR[p] for p in pronouns if p in SINGULAR}
        return not sexes or (kind == "person" and self.index.sex(name) in (None, *sexes))


def choose(c: Choice, ranker: Ranker, previous: str | None,
           rules_speaker: str | None) -> str | None:
    """The ranker's choice among the surviving candidates; none when the rules refuse one;
    the rules' speaker when no candidate survives."""
    if c.refused:
        return None
    return ranker.best(*candidates(c.names, c.X, c.window, previous, c.allowed)) or rules_speaker


def hybrid_speakers(doc: Doc, index: ActorIndex, rules: Attributor,
                    quotes: list[QuoteRecord], ranker: Ranker | None = None) -> list[QuoteRecord]:
    """The direct quotes (in text order) with the hybrid's speakers."""
    ranker = ranker or load_ranker(WEIGHTS_FILE, HYBRID_FEATURES)
    feats = HybridFeatures(doc, index, rules, [(q.start, q.end) for q in quotes])
    out, previous = [], None
    for q in quotes:
        speaker = choose(feats.choice(q.start, q.end, q.speaker), ranker, previous, q.speaker)
        out.append(replace(q, speaker=speaker))
        previous = speaker
    return out
