"""Which issue does a statement or an event bear on?

Two signals, both scored in [0, 1]:

- **lexical**: the cosine between the sentence's and the issue's bags of stemmed content
  words, each word weighted by its inverse issue frequency (a word every issue uses, such as
  "NATO" in the Geneva case, tells the issues apart less than "missiles"), the analyst's
  keywords counting double (Salton & Buckley, "Term-weighting approaches in automatic text
  retrieval", IP&M 24(5), 1988, the tf-idf cosine);
- **semantic** (when the ``embeddings`` extra is installed): the cosine between MiniLM sentence
  embeddings, rescaled so that 0.2 (unrelated news sentences) maps to 0 and 0.6 to 1.

The link score is the lexical score alone, or the mean of the two. A sentence is linked to
every issue that scores at least :data:`THRESHOLD` and at least :data:`RELATIVE` of its best.
The same machinery tells which end of an issue's scale a sentence speaks of
(:meth:`Linker.content_end`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from accord.draft.embeddings import Embedder
from accord.draft.issue_specs import IssueSpec
from accord.extract.plover_lexicon import words

THRESHOLD = 0.25
RELATIVE = 0.5
SEMANTIC_FLOOR, SEMANTIC_CEIL = 0.2, 0.6
KEYWORD_WEIGHT = 2  # a keyword counts double (an integer: word counts stay counts)
END_MIN, END_MARGIN = 0.1, 2.0

STOPWORDS = words(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during each
    either even ever every few for from further had has have having he her here hers him his
    how i if in into is it its itself just least less let like made make many may me might
    more most much must my no nor not now of off on once only or other our ours out over own
    per rather said same say says she should since so some such than that the their theirs
    them then there these they this those though through to too under until up upon us very
    was we were what when where whether which while who whom whose why will with within without
    would yet you your mr mrs ms monday tuesday wednesday thursday friday saturday sunday
    year years week weeks month months day days"""
)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-]*")


def stem(word: str) -> str:
    """A light suffix-stripping stem: plurals, -ing, -ed, -ly, -wards (guarantees → guarantee)."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix, repl, min_len in (
        ("ies", "y", 4), ("sses", "ss", 5), ("wards", "ward", 6), ("ing", "", 6),
        ("ed", "", 5), ("ly", "", 5), ("es", "e", 5), ("s", "", 4),
    ):
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + repl
    return w


def terms(text: str) -> Counter[str]:
    """Stemmed content words of ``text`` (hyphenated words also count by their parts)."""
    out: Counter[str] = Counter()
    for raw in _WORD.findall(text):
        parts = [raw, *raw.split("-")] if "-" in raw else [raw]
        for part in parts:
            if len(part) > 1 and part.lower() not in STOPWORDS:
                out[stem(part)] += 1
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    shared = a.keys() & b.keys()
    if not shared:
        return 0.0
    dot = sum(a[w] * b[w] for w in shared)
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


@dataclass(frozen=True)
class Link:
    """A sentence linked to an issue, with the evidence for the link."""

    issue: str
    score: float
    lexical: float
    semantic: float | None


class Linker:
    """Links sentences to the analyst's issues."""

    def __init__(self, specs: list[IssueSpec], embedder: Embedder | None = None):
        self.specs = specs
        self.embedder = embedder
        docs = []
        for spec in specs:
            bag = terms(". ".join([spec.issue.title, *spec.issue.scale.values()]))
            if spec.issue.description:
                bag.update(terms(spec.issue.description))
            for kw in spec.keywords:
                for w, n in terms(kw).items():
                    bag[w] += KEYWORD_WEIGHT * n
            docs.append(bag)
        df = Counter(w for bag in docs for w in bag)
        n = len(specs)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self.issue_vecs = [self._weigh(bag) for bag in docs]
        self.issue_emb = embedder.embed([s.text for s in specs]) if embedder else None

    def _weigh(self, bag: Counter[str] | dict[str, float]) -> dict[str, float]:
        # words no issue uses carry the smallest weight an issue word can have
        floor = min(self.idf.values(), default=1.0) if hasattr(self, "idf") else 1.0
        return {w: float(c) * self.idf.get(w, floor) for w, c in bag.items()}

    @property
    def semantic(self) -> bool:
        return self.embedder is not None

    def _semantic(self, texts: list[str]) -> np.ndarray | None:
        if self.embedder is None or self.issue_emb is None:
            return None
        cos = self.embedder.embed(texts) @ self.issue_emb.T
        return np.clip((cos - SEMANTIC_FLOOR) / (SEMANTIC_CEIL - SEMANTIC_FLOOR), 0.0, 1.0)

    def scores(self, texts: list[str]) -> list[list[Link]]:
        """Every issue's link to every text: ``[text][issue]``."""
        sem = self._semantic(texts)
        out = []
        for i, text in enumerate(texts):
            vec = self._weigh(terms(text))
            row = []
            for j, spec in enumerate(self.specs):
                lex = _cosine(vec, self.issue_vecs[j])
                s = None if sem is None else float(sem[i, j])
                score = lex if s is None else (lex + s) / 2
                row.append(Link(spec.issue.id, round(score, 4), round(lex, 4), s))
            out.append(row)
        return out

    def link(self, texts: list[str]) -> list[list[Link]]:
        """The issues each text bears on, best first (possibly none)."""
        result = []
        for row in self.scores(texts):
            best = max((lk.score for lk in row), default=0.0)
            kept = [lk for lk in row if lk.score >= THRESHOLD and lk.score >= RELATIVE * best]
            result.append(sorted(kept, key=lambda lk: -lk.score))
        return result

    def similarity(self, text: str, label: str) -> float:
        """The lexical cosine between a sentence and a label (an issue's labelled point)."""
        return _cosine(self._weigh(terms(text)), self._weigh(terms(label)))

    def content_end(self, issue_id: str, text: str) -> float | None:
        """The end of the issue's scale (0 or 100) whose label the text echoes, if either.

        ``None`` unless one label scores at least :data:`END_MIN` and :data:`END_MARGIN` times
        the other.
        """
        spec = next(s for s in self.specs if s.issue.id == issue_id)
        lo, hi = min(spec.issue.scale), max(spec.issue.scale)
        vec = self._weigh(terms(text))
        ends = {lo: spec.issue.scale[lo], hi: spec.issue.scale[hi]}
        lex = {end: _cosine(vec, self._weigh(terms(label))) for end, label in ends.items()}
        if self.embedder is not None:
            emb = self.embedder.embed([text, ends[lo], ends[hi]])
            for k, end in enumerate((lo, hi), start=1):
                lex[end] = (lex[end] + max(0.0, float(emb[0] @ emb[k]))) / 2
        strong, weak = (lo, hi) if lex[lo] > lex[hi] else (hi, lo)
        # both labels usually share the issue's words ("pledge", "Ukraine"); only a clear
        # margin says which end the sentence speaks of (negation and reversal are invisible
        # to word overlap)
        if lex[strong] < END_MIN or lex[strong] < END_MARGIN * lex[weak]:
            return None
        return strong
