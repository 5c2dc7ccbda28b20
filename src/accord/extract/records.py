"""The evidence records that ``accord extract`` writes, one JSON object per line.

Every record has ``type`` (actor, quote, event, date) and ``article`` (the article id).
Offsets (``start``, ``end``) are character offsets into the article's text as read by
:mod:`accord.extract.ingest` (for a plain-text file, the file's own text), end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar


@dataclass
class Record:
    type: ClassVar[str] = "record"
    article: str = field(default="", kw_only=True)  # the article id, set by the pipeline

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return {"type": self.type, "article": d.pop("article"), **d}


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class ActorRecord(Record):
    """A person, state, bloc or organisation named in an article."""

    type: ClassVar[str] = "actor"
    name: str
    kind: str  # person | state | bloc | organisation
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    called: list[str] = field(default_factory=list)  # actor nouns the article calls a body


@dataclass
class QuoteRecord(Record):
    """Direct (``text`` is exactly what stands between the quotation marks) or reported speech."""

    type: ClassVar[str] = "quote"
    text: str
    speaker: str | None
    cue: str | None
    start: int
    end: int
    direct: bool


@dataclass
class DateRecord(Record):
    """A date expression resolved against the article date, or a scheduled future event.

    ``value`` is ISO 8601 at the expression's granularity (``2022-01-10``, ``2021-12``,
    ``1997``, ``1990s``) or None when it cannot be resolved; ``future`` marks a date or
    event still to come at publication; ``scheduled`` holds the clause of a scheduled event.
    """

    type: ClassVar[str] = "date"
    text: str
    value: str | None
    granularity: str  # day | week | month | year | decade | relative
    start: int
    end: int
    future: bool = False
    scheduled: str | None = None


@dataclass
class EventRecord(Record):
    """A PLOVER event (coded by :mod:`accord.extract.events`)."""

    type: ClassVar[str] = "event"
    plover: str
    mode: str | None
    source: str | None
    target: str | None
    negated: bool
    sentence: str
    start: int
    end: int


RECORD_TYPES: dict[str, type[Record]] = {
    r.type: r for r in (ActorRecord, QuoteRecord, DateRecord, EventRecord)
}


def from_dict(data: dict[str, Any]) -> Record:
    """The record that :meth:`Record.to_dict` wrote; ``ValueError`` or ``TypeError`` when
    ``data`` is not one (an unknown ``type``, a missing or unexpected field)."""
    fields = dict(data)
    kind = fields.pop("type", None)
    record_type = RECORD_TYPES.get(kind) if isinstance(kind, str) else None
    if record_type is None:
        raise ValueError(f"unknown record type {kind!r}")
    if record_type is ActorRecord:
        fields["mentions"] = [Mention(**m) for m in fields.get("mentions", [])]
    return record_type(**fields)
