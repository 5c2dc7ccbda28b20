"""Score extraction against hand-written gold files: quotes, speakers and events.

Gold files (read recursively from a folder, merged by article id = file name):

* ``quotes/<id>.json``: ``{"article", "path", "quotes": [{"text", "speaker", "start", "end",
  "direct"}]}`` where ``path`` is the article's path relative to the shared folder
  (``articles/bbc/x.txt``) and offsets index the article file;
  and optionally ``"actors": [{"name", "kind", "roles", "affiliation"}]``;
* ``events/<id>.json``: ``{"article", "events": [{"plover", "source", "target", ...}]}``
  (see :mod:`accord.evaluation.events`).

Quotes match by span overlap, one to one (a predicted quote may match one gold quote, the one
it overlaps most), separately for direct quotes and for reported speech; precision and
recall count matches.  Speaker accuracy is over matched quotes: the predicted speaker equals
the gold one (case-insensitive).  Events match on type, source and target in an overlapping
stretch of text (:func:`accord.evaluation.events.score_article`).  Actors: recall by name
and kind, then role and affiliation accuracy over the actors found.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.evaluation.events import EventScore, GoldActors, load_event_gold, score_article
from accord.evaluation.scores import Counts, share
from accord.extract.actors import ActorIndex
from accord.extract.events import find_events
from accord.extract.ingest import Article, read_text
from accord.extract.nlp import load_nlp
from accord.extract.quotes import find_quotes
from accord.extract.records import ActorRecord, QuoteRecord


class GoldError(ValueError):
    """A gold file is malformed or names an article that cannot be found."""


@dataclass
class Gold:
    article: str
    path: str | None = None
    quotes: list[dict[str, Any]] | None = None  # None: no quote gold for this article
    actors: list[dict[str, Any]] | None = None
    events_file: Path | None = None


@dataclass
class QuoteScore(Counts):
    speaker_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str | None, str]] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return share(self.speaker_right, self.matched)

    def add(self, other: QuoteScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.missed += other.missed
        self.wrong_speaker += other.wrong_speaker
        self.spurious += other.spurious


@dataclass
class ActorScore:
    """Gold actors found by name (with the right kind), and, for those found, the share
    whose gold roles are all among the roles found and whose affiliation is the gold one."""

    gold: int = 0
    found: int = 0
    roles: int = 0
    roles_right: int = 0
    affiliations: int = 0
    affiliations_right: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return share(self.found, self.gold)

    @property
    def role_accuracy(self) -> float:
        return share(self.roles_right, self.roles)

    @property
    def affiliation_accuracy(self) -> float:
        return share(self.affiliations_right, self.affiliations)

    def add(self, other: ActorScore) -> None:
        for name in ("gold", "found", "roles", "roles_right", "affiliations",
                     "affiliations_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed


def match_actors(predicted: list[ActorRecord], gold: list[dict[str, Any]]) -> ActorScore:
    by_name = {a.name.casefold(): a for a in predicted}
    score = ActorScore(gold=len(gold))
    for g in gold:
        a = by_name.get(g["name"].casefold())
        if a is None or (g.get("kind") and g["kind"] != a.kind):
            score.missed.append(g["name"])
            continue
        score.found += 1
        if g.get("roles"):
            score.roles += 1
            have = {r.casefold() for r in a.roles}
            score.roles_right += all(r.casefold() in have for r in g["roles"])
        if g.get("affiliation"):
            score.affiliations += 1
            score.affiliations_right += (a.affiliation or "").casefold() == g[
                "affiliation"].casefold()
    return score


@dataclass
class ArticleScore:
    article: str
    direct: QuoteScore | None
    reported: QuoteScore | None
    events: EventScore | None
    actors: ActorScore | None = None


def load_gold_dir(folder: str | Path) -> dict[str, Gold]:
    """Every gold file under ``folder``, merged by article id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder")
    golds: dict[str, Gold] = {}
    for f in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise GoldError(f"{f}: not readable JSON ({e})") from None
        if not isinstance(data, dict) or not isinstance(data.get("article"), str):
            raise GoldError(f"{f}: field 'article' (the article's file name) is required")
        gold = golds.setdefault(data["article"], Gold(data["article"]))
        gold.path = data.get("path") or gold.path
        if "quotes" in data:
            for i, q in enumerate(data["quotes"]):
                for key in ("start", "end"):
                    if not isinstance(q.get(key), int):
                        raise GoldError(f"{f}: quotes[{i}].{key} must be an integer offset")
            gold.quotes = (gold.quotes or []) + data["quotes"]
        if "actors" in data:
            gold.actors = (gold.actors or []) + data["actors"]
        if "events" in data:
            gold.events_file = f
    if not golds:
        raise GoldError(f"{folder}: no gold files (*.json)")
    return golds


def find_article(gold: Gold, articles_dir: Path) -> Path:
    """The article file: ``path`` relative to the shared folder, else by name under it."""
    if gold.path:
        rel = Path(gold.path)
        rel = Path(*rel.parts[1:]) if rel.parts and rel.parts[0] == "articles" else rel
        if (articles_dir / rel).is_file():
            return articles_dir / rel
    hits = sorted(articles_dir.rglob(gold.article))
    if not hits:
        raise GoldError(f"article {gold.article!r} not found under {articles_dir}")
    return hits[0]


def match_quotes(predicted: list[QuoteRecord], gold: list[dict[str, Any]]) -> QuoteScore:
    """One-to-one matching by span overlap (largest overlap first)."""
    score = QuoteScore(gold=len(gold), predicted=len(predicted))
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(p.end, g["end"]) - max(p.start, g["start"])
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in sorted(pairs, reverse=True):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        score.matched += 1
        want, got = gold[gi].get("speaker"), predicted[pi].speaker
        if (want or "").casefold() == (got or "").casefold():
            score.speaker_right += 1
        else:
            score.wrong_speaker.append((gold[gi]["text"], got, want or ""))
    score.missed = [g["text"] for i, g in enumerate(gold) if i not in used_g]
    score.spurious = [p.text for i, p in enumerate(predicted) if i not in used_p]
    return score


def evaluate_article(gold: Gold, path: Path) -> ArticleScore:
    article: Article = read_text(path)
    doc = load_nlp()(article.text)
    index = ActorIndex.from_doc(doc)
    direct = reported = None
    if gold.quotes is not None:
        quotes = find_quotes(doc, index)
        wanted = [q for q in gold.quotes if q.get("direct", True)]
        direct = match_quotes([q for q in quotes if q.direct], wanted)
        gold_reported = [q for q in gold.quotes if not q.get("direct", True)]
        if gold_reported:
            reported = match_quotes([q for q in quotes if not q.direct], gold_reported)
    events = None
    if gold.events_file is not None:
        events, _ = score_article(
            find_events(doc, index), load_event_gold(gold.events_file), GoldActors(doc, index)
        )
    actors = match_actors(index.actors(), gold.actors) if gold.actors is not None else None
    return ArticleScore(gold.article, direct, reported, events, actors)


def evaluate(gold_dir: str | Path, articles_dir: str | Path) -> list[ArticleScore]:
    """Scores for every article with gold files, in article order."""
    golds = load_gold_dir(gold_dir)
    articles_dir = Path(articles_dir)
    return [evaluate_article(g, find_article(g, articles_dir)) for _, g in sorted(golds.items())]
