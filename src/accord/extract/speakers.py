"""The speaker of a direct quotation chosen by a learned ranker over candidate actors.

The candidates for a quotation are the actors of the :class:`~accord.extract.actors.ActorIndex`
mentioned in the quote's paragraph or in the paragraph before it (a subject the index resolves
to an actor, such as a pronoun or a title, counts as a mention), and the previous quotation's
speaker.  Each candidate is described by a few features of where it stands relative to the
quote (nearest mention before and after it, same sentence, subject of a speech verb in the
quote's sentence or next to it, named only inside the quote, kind, how often the article names
it, a colon between it and the quote) and the candidate with the highest linear score wins:
a conditional logit (McFadden 1974, "Conditional logit analysis of qualitative choice
behavior"; as a ranker for quote attribution, cf. Pareti et al. 2013, "Automatically detecting
and attributing indirect quotations", EMNLP).  The weights are package data written by
``scripts/fit_speaker_ranker.py`` from the development gold only; the experiment that decided
to use it is recorded in ``tests/gold/SPLIT.md``.  A quotation with no candidate keeps the
speaker the rules of :mod:`accord.extract.quotes` gave it.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc

from accord.extract.actors import ActorIndex
from accord.extract.lexicon import SPEECH_VERBS, SUBJECT_DEPS
from accord.extract.records import QuoteRecord

KINDS = ("person", "state", "organisation", "bloc")
FEATURES = ("before", "before_dist", "after", "after_dist", "same_sentence", "speech_subj",
            "speech_subj_prev", "speech_subj_next", "any_subj", "inside_only", "in_paragraph",
            "previous_paragraph_only", *KINDS, "log_count", "first_actor", "colon",
            "previous_speaker")
PREVIOUS = FEATURES.index("previous_speaker")  # filled in while ranking, quote by quote
COLON_REACH = 60  # characters from a mention to a quote it introduces with a colon
WEIGHTS_FILE = "speaker_ranker.json"

Span = tuple[int, int]


def _within(char: int, spans: list[Span]) -> bool:
    return any(s <= char < e for s, e in spans)


class SpeakerFeatures:
    """Candidate speakers of the quotations of one parsed document, with their features."""

    def __init__(self, doc: Doc, index: ActorIndex, quotes: list[Span]) -> None:
        self.text = doc.text
        self.sent_starts = [s.start_char for s in doc.sents]
        self.inside = quotes
        actors = index.actors()
        self.names = [a.name for a in actors]
        self.kinds = {a.name: a.kind for a in actors}
        self.named = {a.name: len(a.mentions) for a in actors}
        self.spans: dict[str, list[Span]] = {
            a.name: [(m.start, m.end) for m in a.mentions] for a in actors}
        self.subjects: dict[str, list[tuple[int, bool]]] = {}  # (char, of a speech verb)
        for tok in doc:
            if tok.dep_ not in SUBJECT_DEPS or _within(tok.idx, quotes):
                continue
            name = index.resolve(tok)
            if name is None or name not in self.spans:
                continue
            speech = tok.head.pos_ == "VERB" and tok.head.lemma_ in SPEECH_VERBS
            self.subjects.setdefault(name, []).append((tok.idx, speech))
            self.spans[name].append((tok.idx, tok.idx + len(tok)))

    def _sentence(self, char: int) -> int:
        return bisect_right(self.sent_starts, char) - 1

    def paragraphs(self, start: int, end: int) -> tuple[int, int, int]:
        """(the previous paragraph's start, the quote's paragraph's start, its end)."""
        text = self.text
        p0 = text.rfind("\n", 0, start) + 1
        p1 = text.find("\n", end)
        p1 = len(text) if p1 < 0 else p1
        q = p0 - 1
        while q > 0 and text[q - 1] == "\n":
            q -= 1
        return (text.rfind("\n", 0, q) + 1 if q > 0 else p0), p0, p1

    def _speech_subject(self, name: str, start: int, end: int) -> list[float]:
        """Subject of a speech verb in the quote's sentence(s), the one before, the one
        after; subject of any verb within a sentence of it."""
        q_sent, last = self._sentence(start), self._sentence(max(end - 1, start))
        subj = self.subjects.get(name, [])
        at = {self._sentence(c) for c, speech in subj if speech}
        return [float(bool(at & set(range(q_sent, last + 1)))), float(q_sent - 1 in at),
                float(last + 1 in at),
                float(any(q_sent - 1 <= self._sentence(c) <= last + 1 for c, _ in subj))]

    def features(self, name: str, start: int, end: int) -> tuple[list[float], bool]:
        """The candidate's features for the quote at ``start:end`` (the previous-speaker
        feature 0), and whether it is mentioned in the quote's paragraph or the one before."""
        pp, p0, p1 = self.paragraphs(start, end)
        spans = self.spans.get(name, [])
        outside = [(s, e) for s, e in spans if not _within(s, self.inside)]
        before = [start - e for s, e in outside if e <= start and s >= pp]
        after = [s - end for s, e in outside if s >= end and s < p1]
        sents = {self._sentence(start), self._sentence(max(end - 1, start))}
        in_window = [s for s, _ in spans if pp <= s < p1]
        in_paragraph = any(p0 <= s < p1 for s, _ in outside)
        f = [
            float(bool(before)), math.log1p(min(before)) if before else 0.0,
            float(bool(after)), math.log1p(min(after)) if after else 0.0,
            float(any(self._sentence(s) in sents for s, _ in outside)),
            *self._speech_subject(name, start, end),
            float(bool(in_window) and all(_within(s, self.inside) for s in in_window)),
            float(in_paragraph),
            float(bool(in_window) and not any(p0 <= s < p1 for s in in_window)),
            *(float(self.kinds.get(name) == k) for k in KINDS),
            math.log1p(self.named.get(name, 0)),
            float(name == self.names[0]),
            float(any(0 <= start - e <= COLON_REACH and ":" in self.text[e:start]
                      for _, e in outside)),
            0.0,
        ]
        return f, bool(in_window)

    def table(self, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        """Every actor's features for one quote (rows in ``names`` order), and which of them
        are candidates by mention."""
        rows = [self.features(n, start, end) for n in self.names]
        X = np.array([r[0] for r in rows], dtype=float).reshape(len(rows), len(FEATURES))
        return X, np.array([r[1] for r in rows], dtype=bool)


def candidates(names: list[str], X: np.ndarray, window: np.ndarray, previous: str | None,
               allowed: np.ndarray | None = None) -> tuple[list[str], np.ndarray]:
    """The candidates of one quote (those mentioned near it and the previous quotation's
    speaker) with their features, the previous-speaker feature set; only the ``allowed``
    ones when given (the hard constraints of :mod:`accord.extract.hybrid`)."""
    keep = window.copy() if allowed is None else window & allowed
    X = X.copy()
    if previous in names and (allowed is None or allowed[names.index(previous)]):
        i = names.index(previous)
        keep[i] = True
        X[i, PREVIOUS] = 1.0
    return [n for n, k in zip(names, keep, strict=True) if k], X[keep]


class Ranker:
    """Linear scores over standardised features; the best candidate is the speaker."""

    def __init__(self, weights: np.ndarray, mean: np.ndarray, sd: np.ndarray) -> None:
        self.weights, self.mean, self.sd = weights, mean, sd

    def best(self, names: list[str], X: np.ndarray) -> str | None:
        if not names:
            return None
        return names[int(np.argmax(((X - self.mean) / self.sd) @ self.weights))]


@lru_cache(maxsize=2)
def load_ranker(weights_file: str = WEIGHTS_FILE,
                features: tuple[str, ...] = FEATURES) -> Ranker:
    """A ranker shipped as package data (``extract/data/speaker_ranker.json`` by default)."""
    path = resources.files("accord.extract") / "data" / weights_file
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != features:
        raise RuntimeError(f"{weights_file} was fitted for other features; rerun its "
                           "scripts/fit_speaker_*.py")
    return Ranker(*(np.array(data[k], dtype=float) for k in ("weights", "mean", "sd")))


def rank_speakers(doc: Doc, index: ActorIndex, quotes: list[QuoteRecord],
                  ranker: Ranker | None = None) -> list[QuoteRecord]:
    """The direct quotes (in text order) with the ranker's speakers; a quote with no
    candidate keeps its own."""
    ranker = ranker or load_ranker()
    feats = SpeakerFeatures(doc, index, [(q.start, q.end) for q in quotes])
    out, previous = [], None
    for q in quotes:
        X, window = feats.table(q.start, q.end)
        speaker = ranker.best(*candidates(feats.names, X, window, previous)) or q.speaker
        out.append(replace(q, speaker=speaker))
        previous = speaker
    return out
