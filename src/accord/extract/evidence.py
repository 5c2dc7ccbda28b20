"""Reading back an evidence file: the JSONL that ``accord extract`` writes, one record a line.

The records are those of :mod:`accord.extract.records`; date records are read past, since
nothing downstream of the file uses them yet. A bad file raises
:class:`~accord.errors.EvidenceError` naming every bad line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import EvidenceError, Problem
from accord.extract.records import ActorRecord, EventRecord, QuoteRecord, Record, from_dict


@dataclass
class EvidenceSet:
    """The records of one evidence file, by type."""

    actors: list[ActorRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        """The article ids the records come from, in order of first appearance."""
        seen: dict[str, None] = {}
        for r in (*self.actors, *self.quotes, *self.events):
            seen.setdefault(r.article, None)
        return list(seen)

    def add(self, record: Record) -> None:
        if isinstance(record, ActorRecord):
            self.actors.append(record)
        elif isinstance(record, QuoteRecord):
            self.quotes.append(record)
        elif isinstance(record, EventRecord):
            self.events.append(record)


def _parse_line(line: str) -> Record | None:
    """The record on one line, or None for a date record; ValueError/TypeError when bad."""
    data = json.loads(line)
    if not isinstance(data, dict) or "type" not in data:
        raise ValueError("expected a JSON object with a 'type'")
    return None if data["type"] == "date" else from_dict(data)


def read_evidence(path: str | Path) -> EvidenceSet:
    """Read an ``accord extract`` JSONL file; :class:`EvidenceError` names each bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise EvidenceError(path, [("", f"cannot read the file: {err.strerror}")]) from None
    out = EvidenceSet()
    problems: list[Problem] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = _parse_line(line)
        except (ValueError, TypeError) as err:
            problems.append((f"line {n}", str(err)))
            continue
        if record is not None:
            out.add(record)
    if problems:
        raise EvidenceError(path, problems)
    if not (out.actors or out.quotes or out.events):
        raise EvidenceError(path, [("", "no evidence records (run `accord extract` first)")])
    return out
