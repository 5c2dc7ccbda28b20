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

from accord.errors import GoldError
from accord.evaluation.gold import Gold, find_article
from accord.evaluation.scores import ArticleScore, Counts
from accord.extract.actors import ActorIndex
from accord.extract.events import ActorResolver, find_events, generic_actor
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
    file: Path | None = None  # the gold file, named in errors


def _gold_event(e: dict[str, Any]) -> GoldEvent:
    return GoldEvent(
        plover=e["plover"],
        mode=e.get("mode"),
        source=e.get("source"),
        target=e.get("target"),
        negated=bool(e.get("negated", False)),
        sentence=e["sentence"],
    )


def load_event_gold(path: str | Path) -> EventGold:
    """An event gold file; :class:`GoldError` when it is not one."""
    path = Path(path)
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return EventGold(data["article"], [_gold_event(e) for e in data["events"]], path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        problem = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        raise GoldError(path, f"not an event gold file: {problem}") from None


def _normal(text: str) -> str:
    return text.replace("\xa0", " ")  # same length: offsets stay valid


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

    def locate(self, sentence: str) -> tuple[int, int] | None:
        """Where the sentence lies in the article, or None when it does not."""
        at = self.text.find(_normal(sentence))
        return None if at < 0 else (at, at + len(sentence))


def score_article(
    predicted: list[EventRecord], gold: EventGold, actors: GoldActors, level: str = "strict"
) -> tuple[Counts, list[GoldEvent]]:
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
    score = Counts(gold=len(gold.events), predicted=len(predicted))
    for g in gold.events:
        where = actors.locate(g.sentence)
        if where is None:
            raise GoldError(gold.file, f"gold sentence not in the article: {g.sentence[:60]!r}")
        start, end = where
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


def score_events(doc: Doc, index: ActorIndex, gold: EventGold) -> tuple[Counts, Counts]:
    """The events coded in ``doc`` scored against the gold: strict, and by side."""
    events, actors = find_events(doc, index), GoldActors(doc, index)
    strict, _ = score_article(events, gold, actors, "strict")
    sides, _ = score_article(events, gold, actors, "sides")
    return strict, sides


def evaluate_gold(nlp: Language, gold_files: list[Path], articles: Path) -> list[ArticleScore]:
    """Code each gold file's article with the actor index and score it, strict and by side."""
    out = []
    for path in gold_files:
        gold = load_event_gold(path)
        article = find_article(Gold(gold.article), articles)
        doc = nlp(article.read_text(encoding="utf-8"))
        strict, sides = score_events(doc, ActorIndex.from_doc(doc), gold)
        out.append(ArticleScore(gold.article, events=strict, event_sides=sides))
    return out
