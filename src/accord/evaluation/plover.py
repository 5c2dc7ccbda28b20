"""Score the event coder on PLOVER gold-standard records (one sentence each).

The records (openeventdata/PLOVER, ``PLOVER_GSR_CAMEO.txt``, CC BY-SA 4.0) give a sentence, its
event type in PLOVER's 2016 names, and the source and target actors as they appear in the text.
Each sentence is coded alone with :class:`~accord.extract.events.PhraseResolver`, and scored:

- **type recall**: the share of records for which the coder finds an event of the gold type;
- **type precision**: the share of coded events whose type is the record's type (a sentence
  usually reports one event, so a second, different type counts against precision);
- **source** / **target**: among records typed right, the share whose event names a gold source
  (target) actor. Actors match when their names share a word (``British Defence Secretary Tom
  King`` ~ ``Tom King``; a shared stem of five letters counts: ``Hungarian`` ~ ``Hungary``).
  Target is scored on records that have a gold target.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from accord.evaluation.scores import Counts, share
from accord.extract.events import EventRecord, PhraseResolver, find_events
from accord.extract.plover_lexicon import LEGACY_TYPES, words

STOP = words("the a an of 's ’s and in on for to")


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    plover: str
    mode: str | None
    sources: tuple[str, ...]
    targets: tuple[str, ...]


def _actors(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def load_gold(path: str | Path) -> list[GoldRecord]:
    """The records of a PLOVER gold-standard JSONL file, with types renamed to today's."""
    records = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        kind, mode = LEGACY_TYPES.get(r["event"], (r["event"], None))
        records.append(
            GoldRecord(
                id=r["id"],
                text=r["text"],
                plover=kind,
                mode=mode or (r.get("mode") or None),
                sources=_actors(r.get("source")),
                targets=_actors(r.get("target")),
            )
        )
    return records


PARTS = ("dev", "heldout")


def part_of(record: GoldRecord) -> str:
    """The part a record belongs to (``tests/gold/SPLIT.md``): "dev" when the sha1 of its text
    is even, else "heldout". Rules may be written from dev errors only."""
    digest = hashlib.sha1(record.text.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "heldout"


def split(records: list[GoldRecord]) -> dict[str, list[GoldRecord]]:
    """The records of each part, in file order."""
    return {part: [r for r in records if part_of(r) == part] for part in PARTS}


def _name_words(name: str) -> set[str]:
    return {w for w in name.lower().replace("'s", " ").replace("’s", " ").split() if w not in STOP}


def same_actor(predicted: str | None, gold: tuple[str, ...]) -> bool:
    """Whether a predicted actor name shares a word (or a five-letter stem) with a gold one."""
    if predicted is None:
        return False
    mine = _name_words(predicted)
    for name in gold:
        theirs = _name_words(name)
        if mine & theirs or {w[:5] for w in mine if len(w) >= 5} & {
            w[:5] for w in theirs if len(w) >= 5
        }:
            return True
    return False


@dataclass
class PloverScore:
    """The coder on records scored one at a time.

    ``records``: gold = the records, matched = those for which the coder finds an event of the
    gold type (type recall); ``events``: predicted = the events coded, matched = those of
    their record's type (type precision). Two counts, not one, since a record can get two
    events of its type. Source and target are scored on the records typed right.
    """

    records: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    source_right: int = 0
    target_scored: int = 0  # records typed right that have a gold target
    target_right: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def typed(self) -> int:
        """Records with an event of the gold type."""
        return self.records.matched

    @property
    def type_recall(self) -> float:
        return self.records.recall

    @property
    def type_precision(self) -> float:
        return self.events.precision

    @property
    def source_accuracy(self) -> float:
        return share(self.source_right, self.typed)

    @property
    def target_accuracy(self) -> float:
        return share(self.target_right, self.target_scored)

    def rows(self) -> list[tuple[str, str]]:
        """(figure, value with its counts) for each score."""
        records, events = self.records, self.events
        return [
            ("records", f"{records.gold}"),
            ("type recall", f"{self.type_recall:.3f} ({self.typed}/{records.gold})"),
            ("type precision",
             f"{self.type_precision:.3f} ({events.matched}/{events.predicted})"),
            ("source | type right",
             f"{self.source_accuracy:.3f} ({self.source_right}/{self.typed})"),
            ("target | type right",
             f"{self.target_accuracy:.3f} ({self.target_right}/{self.target_scored})"),
        ]

    def table(self) -> str:
        return "\n".join(f"{k:22} {v}" for k, v in self.rows())


def score_record(gold: GoldRecord, events: list[EventRecord], score: PloverScore) -> None:
    score.records.gold += 1
    score.events.predicted += len(events)
    right = [e for e in events if e.plover == gold.plover]
    score.events.matched += len(right)
    for e in events:
        if e.plover != gold.plover:
            score.confusion[gold.plover, e.plover] += 1
    if not events:
        score.confusion[gold.plover, "-"] += 1
    if not right:
        return
    score.records.matched += 1
    if any(same_actor(e.source, gold.sources) for e in right):
        score.source_right += 1
    if gold.targets:
        score.target_scored += 1
        if any(same_actor(e.target, gold.targets) for e in right):
            score.target_right += 1


def evaluate(nlp: Language, gold: list[GoldRecord]) -> PloverScore:
    """Code every gold sentence alone and score the events against the record."""
    score = PloverScore()
    resolver = PhraseResolver()
    for record, doc in zip(gold, nlp.pipe(r.text for r in gold), strict=True):
        score_record(record, find_events(doc, resolver), score)
    return score
