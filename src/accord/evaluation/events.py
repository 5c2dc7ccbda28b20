"""Score coded events against a hand-written gold file (type + source + target).

A gold file (``tests/gold/events/<article-id>.json``) reads::

    {"article": "<file name>",
     "events": [{"plover", "mode", "source", "target", "negated", "sentence"}]}

``sentence`` is a verbatim stretch of the article (whitespace-normalised) that reports the
event; ``source`` and ``target`` are names as the article writes them ("Moscow", "Kamala
Harris"). Gold names go through the same actor index as the coder's, so "Moscow" and the
coder's "Russia" are the same actor when the index says so.

A coded event matches a gold event when it lies in an overlapping stretch of text and has the
same type, source and target (``strict``), or the same type and the same *sides*, a person
counting as the body they speak for (``sides``). Matching is one-to-one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from accord.evaluation.scores import Counts
from accord.extract.events import ActorResolver, generic_actor
from accord.extract.records import EventRecord


@dataclass(frozen=True)
class GoldEvent:
    plover: str
    mode: str | None
    source: str | None
    target: str | None
    negated: bool
    sentence: str


@dataclass(frozen=True)
class EventGold:
    article: str
    events: list[GoldEvent]


def load_event_gold(path: str | Path) -> EventGold:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    events = [
        GoldEvent(
            plover=e["plover"],
            mode=e.get("mode"),
            source=e.get("source"),
            target=e.get("target"),
            negated=bool(e.get("negated", False)),
            sentence=e["sentence"],
        )
        for e in data["events"]
    ]
    return EventGold(article=data["article"], events=events)


def _normal(text: str) -> str:
    return text.replace("\xa0", " ")  # same length: offsets stay valid


@dataclass
class EventScore(Counts):
    def add(self, other: EventScore) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched


class GoldActors:
    """Names gold actors with the article's actor index."""

    def __init__(self, doc: Doc, index: ActorResolver):
        self.doc, self.index = doc, index
        self.text = _normal(doc.text)

    def canonical(self, name: str | None) -> str | None:
        if name is None:
            return None
        at = self.text.find(name)
        if at >= 0:
            span = self.doc.char_span(at, at + len(name), alignment_mode="expand")
            if span is not None:
                resolved = self.index.resolve(span) or generic_actor(span)
                if resolved:
                    return resolved
        return name

    def side(self, name: str | None) -> str | None:
        if name is None:
            return None
        return self.index.affiliation(name) or name

    def locate(self, sentence: str) -> tuple[int, int]:
        at = self.text.find(_normal(sentence))
        if at < 0:
            raise ValueError(f"gold sentence not in the article: {sentence[:60]!r}")
        return at, at + len(sentence)


def score_article(
    predicted: list[EventRecord], gold: EventGold, actors: GoldActors, level: str = "strict"
) -> tuple[EventScore, list[GoldEvent]]:
    """Score one article; also return the gold events no coded event matched."""
    same: Callable[[str | None, str | None], bool]
    if level == "strict":
        def same(p: str | None, g: str | None) -> bool:
            return p == actors.canonical(g)
    else:
        def same(p: str | None, g: str | None) -> bool:
            return actors.side(p) == actors.side(actors.canonical(g))
    free = list(predicted)
    missed = []
    score = EventScore(gold=len(gold.events), predicted=len(predicted))
    for g in gold.events:
        start, end = actors.locate(g.sentence)
        hit = next(
            (
                p for p in free
                if p.start < end and start < p.end and p.plover == g.plover
                and same(p.source, g.source) and same(p.target, g.target)
            ),
            None,
        )
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            score.matched += 1
    return score, missed


@dataclass
class ArticleScore:
    article: str
    strict: EventScore
    sides: EventScore
    missed: list[GoldEvent]


def article_path(articles: Path, name: str) -> Path:
    """Where a gold file's article lies: in ``articles`` or one folder below it."""
    direct = articles / name
    if direct.exists():
        return direct
    found = sorted(articles.glob(f"*/{name}"))
    if not found:
        raise FileNotFoundError(f"article {name!r} not found under {articles}")
    return found[0]


def evaluate_gold(nlp: Language, gold_files: list[Path], articles: Path) -> list[ArticleScore]:
    """Code each gold file's article with the actor index and score it, strict and by side."""
    from accord.extract.actors import ActorIndex
    from accord.extract.events import find_events

    out = []
    for path in gold_files:
        gold = load_event_gold(path)
        doc = nlp(article_path(articles, gold.article).read_text(encoding="utf-8"))
        index = ActorIndex.from_doc(doc)
        events = find_events(doc, index)
        actors = GoldActors(doc, index)
        strict, missed = score_article(events, gold, actors, "strict")
        sides, _ = score_article(events, gold, actors, "sides")
        out.append(ArticleScore(gold.article, strict, sides, missed))
    return out
