"""Fitting and cross-validating the speaker ranker of :mod:`accord.extract.speakers` and the
hybrid of :mod:`accord.extract.hybrid` (the same ranker over the candidates the rules propose
and allow, with six more features).

The training quotes are the direct quotations of the readable development gold that the rules'
quote finder finds (span overlap, as in :mod:`accord.evaluation.quotes`); each has the features
of every actor of its article.  The model is a conditional logit (softmax over a quote's
candidates) with an L2 penalty, fitted by full-batch gradient descent on standardised features;
its hyper-parameters were fixed in ``tests/gold/SPLIT.md`` before the first fit.  Only the
development parts are read; see ``scripts/speaker_ranker_experiment.py`` and
``scripts/speaker_hybrid_experiment.py`` (cross-validation and the decisions) and
``scripts/fit_speaker_ranker.py`` / ``fit_speaker_hybrid.py`` (the shipped weights).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from accord.evaluation.gold import Gold, find_article, load_gold_dir
from accord.evaluation.quotes import match_quotes
from accord.extract.actors import ActorIndex
from accord.extract.hybrid import HYBRID_FEATURES, Choice, HybridFeatures, choose
from accord.extract.ingest import read_text
from accord.extract.quotes import QuoteFinder
from accord.extract.speakers import FEATURES, Ranker, SpeakerFeatures, candidates

L2, STEPS, RATE = 1.0, 300, 0.5  # registered in tests/gold/SPLIT.md, never tuned
# the rules' first-contact speaker accuracy (right, quotes) on the development parts that had
# one, and the margin the experiments must beat it by (both recorded in tests/gold/SPLIT.md)
FIRST_CONTACT = {"dev2": (20, 25), "dev3": (26 + 5, 30 + 7), "dev4": (31, 37)}
MARGIN = 0.05


@dataclass
class Quote:
    """One gold quotation the quote finder found, with its candidates' features (every actor
    of the article; for the hybrid also the names only the rules propose)."""

    article: str
    part: str
    gold: str  # the gold speaker
    rules: str | None  # the rules' speaker
    choice: Choice


def _article_quotes(part: str, gold: Gold, path: Path, nlp: Callable[[str], Any],
                    hybrid: bool) -> list[Quote]:
    article = read_text(path)
    doc = nlp(article.text)
    index = ActorIndex.from_doc(doc)
    finder = QuoteFinder(doc, index, article.title)
    found = finder.direct()
    spans = [(q.start, q.end) for q in found]
    feats = SpeakerFeatures(doc, index, spans)
    both = HybridFeatures(doc, index, finder, spans) if hybrid else None
    out = []
    for g in sorted((q for q in gold.quotes or [] if q.get("direct", True)),
                    key=lambda g: g["start"]):
        hit = next((q for q in found if match_quotes([q], [g]).matched), None)
        if hit is None:
            continue
        if both is not None:
            choice = both.choice(hit.start, hit.end, hit.speaker)
        else:
            X, window = feats.table(hit.start, hit.end)
            choice = Choice(feats.names, X, window, np.ones(len(window), dtype=bool), False)
        out.append(Quote(gold.article, part, g["speaker"], hit.speaker, choice))
    return out


def load_quotes(parts: dict[str, tuple[Path, Path]], nlp: Callable[[str], Any],
                hybrid: bool = False) -> list[Quote]:
    """The quotes of every part (part name → (gold folder, articles folder)), with the
    ranker's candidates, or the hybrid's with ``hybrid``."""
    quotes: list[Quote] = []
    for part, (gold_dir, articles) in parts.items():
        for _, gold in sorted(load_gold_dir(gold_dir).items()):
            if gold.quotes:
                quotes += _article_quotes(part, gold, find_article(gold, articles), nlp, hybrid)
    return quotes


def share(flags: list[bool]) -> str:
    """"0.939 (92/98)": the share of true flags with its counts ("-" for none)."""
    return f"{sum(flags) / len(flags):.3f} ({sum(flags)}/{len(flags)})" if flags else "-"


def in_reach(q: Quote) -> bool:
    """Whether the gold speaker is among the quote's surviving candidates (the ceiling)."""
    c = q.choice
    return q.gold.casefold() in {n.casefold() for n, k in zip(c.names, c.window & c.allowed,
                                                                 strict=True) if k}


def training_set(quotes: list[Quote]) -> list[tuple[np.ndarray, int]]:
    """(candidate features, index of the gold speaker) per quote whose gold speaker is a
    surviving candidate; the previous speaker is the gold one."""
    out, previous, article = [], None, None
    for q in quotes:
        if q.article != article:
            previous, article = None, q.article
        c = q.choice
        names, X = candidates(c.names, c.X, c.window, previous, c.allowed)
        folded = [n.casefold() for n in names]
        if q.gold.casefold() in folded:
            out.append((X, folded.index(q.gold.casefold())))
        previous = q.gold
    return out


def fit(train: list[tuple[np.ndarray, int]]) -> Ranker:
    """Conditional-logit weights over features standardised on the training rows."""
    rows = np.vstack([X for X, _ in train])
    mean, sd = rows.mean(axis=0), rows.std(axis=0)
    sd[sd == 0] = 1.0
    Z = (rows - mean) / sd
    sizes = np.array([len(X) for X, _ in train])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(train)), sizes)
    chosen = Z[starts + np.array([y for _, y in train])].sum(axis=0)
    w = np.zeros(rows.shape[1])
    for _ in range(STEPS):
        s = Z @ w
        e = np.exp(s - np.maximum.reduceat(s, starts)[group])
        p = e / np.add.reduceat(e, starts)[group]
        w -= RATE * (L2 * w + Z.T @ p - chosen) / len(train)
    return Ranker(w, mean, sd)


def rank(quotes: list[Quote], ranker: Ranker, keep_rules: bool) -> list[bool]:
    """Whether the ranker's speaker is the gold one, per quote of one article in order (the
    previous speaker is the ranker's own choice); a quote with no candidate is wrong, or
    keeps the rules' speaker when ``keep_rules`` (:func:`accord.extract.hybrid.choose`)."""
    right, previous = [], None
    for q in quotes:
        pick = choose(q.choice, ranker, previous, q.rules if keep_rules else None)
        right.append(pick is not None and pick.casefold() == q.gold.casefold())
        previous = pick
    return right


def cross_validate(quotes: list[Quote], keep_rules: bool) -> dict[str, list[bool]]:
    """Leave-one-article-out: each article's quotes ranked by a model fitted on the others;
    right/wrong per quote, by part."""
    by_part: dict[str, list[bool]] = {q.part: [] for q in quotes}
    for article in dict.fromkeys(q.article for q in quotes):
        held = [q for q in quotes if q.article == article]
        ranker = fit(training_set([q for q in quotes if q.article != article]))
        by_part[held[0].part] += rank(held, ranker, keep_rules)
    return by_part


def weights_json(ranker: Ranker, fitted_on: list[str],
                 features: tuple[str, ...] = FEATURES) -> str:
    """The package-data file for a fitted ranker."""
    data = {"features": list(features), "weights": ranker.weights.round(6).tolist(),
            "mean": ranker.mean.round(6).tolist(), "sd": ranker.sd.round(6).tolist(),
            "fitted_on": fitted_on, "l2": L2, "steps": STEPS, "rate": RATE}
    return json.dumps(data, indent=1) + "\n"


def development_parts(root: Path, shared: Path) -> dict[str, tuple[Path, Path]]:
    """The readable development gold (part → gold folder, articles folder); the held-out
    parts are never among them."""
    heldout_dev = {p: (root / "tests/gold-heldout" / p, root / "tests/articles")
                   for p in ("dev", "dev2", "dev3", "dev4")}
    return {"regression": (root / "tests/gold/quotes", shared / "articles"), **heldout_dev}


def fitted_weights(root: Path, shared: Path, hybrid: bool = False) -> str:
    """The weights file of the ranker (or the hybrid) fitted on every development part
    (``root``: the repository)."""
    from accord.extract.nlp import load_nlp

    parts = development_parts(root, shared)
    ranker = fit(training_set(load_quotes(parts, load_nlp(), hybrid)))
    return weights_json(ranker, [str(g.relative_to(root)) for g, _ in parts.values()],
                        HYBRID_FEATURES if hybrid else FEATURES)
