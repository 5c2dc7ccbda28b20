"""Draft a case from extracted evidence: actors, and each actor's stand on each issue.

``accord extract`` turns articles into evidence records (actors, quotes, events, dates);
:func:`draft_case` turns those records and the analyst's issues into a case that validates
and that the analyst then reviews:

- **actors**: every state, bloc or organisation that acts in an event, has a spokesperson in
  the evidence or is named at least twice; people are listed under the body they speak for,
  with their roles. Capability is left to the analyst: a wide range with the rationale
  "to be set by the analyst", so a forecast run on the raw draft shows how little it knows.
- **positions**: an event links to the issues its sentence bears on
  (:mod:`accord.draft.linking`). Its type gives a direction relative to what the sentence
  proposes: REQUEST, SUPPORT, AGREE (to a substance, not to a meeting) and CONCEDE are *for*
  it, REJECT (but not a denial of a charge, mode ``deny``) is *against* it; a negated event
  ("will not water down their demands") gives no direction, since what a refusal is against
  depends on what was refused; a demand to withdraw or scrap something (mode ``retreat``) is
  *against* what the sentence describes. What the sentence
  proposes is the end of the scale whose label the sentence echoes, or else the end away from
  the status quo (a demand on the table is a demand for change). The position then lies
  somewhere in the half of the scale on that side: a uniform range, to be narrowed by the
  analyst; evidence pointing both ways leaves the whole scale.
- **evidence**: each item is ``kind: extracted`` with the sentence, the speaker and a
  confidence (the link score times the event's reliability); quotes and undirected events on
  an issue where the actor already has a position are added as further evidence.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from accord.case import Actor, Case, Evidence, Issue, Person, Position, Source
from accord.draft.issue_specs import IssueSpec
from accord.draft.linking import Link, Linker
from accord.errors import CaseError
from accord.extract.records import ActorRecord, EventRecord, Mention, QuoteRecord
from accord.quantity import Quantity

FOR, AGAINST = 1, -1
DIRECTION = {"REQUEST": FOR, "SUPPORT": FOR, "AGREE": FOR, "CONCEDE": FOR, "REJECT": AGAINST}
# modes whose act says nothing about the substance: agreeing to meet, denying a charge
UNDIRECTED_MODES = frozenset({"meet", "consult", "negotiate", "discuss", "visit", "deny"})
# modes that ask for or agree to the undoing of what the sentence describes
REVERSING_MODES = frozenset({"retreat"})
EVENT_RELIABILITY = 0.9  # a typed event with a direction
STATEMENT_RELIABILITY = 0.6  # a quote or an undirected event: relevant, direction unread
BODY_KINDS = {"state": "state", "bloc": "bloc", "organisation": "organisation"}
TO_BE_SET = "to be set by the analyst"


@dataclass
class EvidenceSet:
    """The records of one evidence file, by type."""

    actors: list[ActorRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in (*self.actors, *self.quotes, *self.events):
            seen.setdefault(r.article, None)
        return list(seen)


def _record(data: dict[str, Any]) -> ActorRecord | QuoteRecord | EventRecord | None:
    kind = data.pop("type")
    if kind == "actor":
        data["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
        return ActorRecord(**data)
    if kind == "quote":
        return QuoteRecord(**data)
    if kind == "event":
        return EventRecord(**data)
    if kind == "date":
        return None
    raise ValueError(f"unknown record type {kind!r}")


def read_evidence(path: str | Path) -> EvidenceSet:
    """Read an ``accord extract`` JSONL file; :class:`CaseError` names each bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise CaseError(path, [("", f"cannot read the file: {err.strerror}")]) from None
    out = EvidenceSet()
    problems = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if not isinstance(data, dict) or "type" not in data:
                raise ValueError("expected a JSON object with a 'type'")
            rec = _record(data)
        except (ValueError, TypeError) as err:
            problems.append((f"line {n}", str(err)))
            continue
        if isinstance(rec, ActorRecord):
            out.actors.append(rec)
        elif isinstance(rec, QuoteRecord):
            out.quotes.append(rec)
        elif isinstance(rec, EventRecord):
            out.events.append(rec)
    if problems:
        raise CaseError(path, problems)
    if not (out.actors or out.quotes or out.events):
        raise CaseError(path, [("", "no evidence records (run `accord extract` first)")])
    return out


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


class _Actors:
    """Bodies and the people who speak for them, merged over all articles."""

    def __init__(self, records: Iterable[ActorRecord]):
        self.kind: dict[str, str] = {}
        self.affiliation: dict[str, str] = {}
        self.roles: dict[str, list[str]] = defaultdict(list)
        self.mentions: Counter[str] = Counter()
        for r in records:
            self.kind.setdefault(r.name, r.kind)
            if r.affiliation:
                self.affiliation.setdefault(r.name, r.affiliation)
            for role in r.roles:
                if role not in self.roles[r.name]:
                    self.roles[r.name].append(role)
            self.mentions[r.name] += len(r.mentions)

    def body(self, name: str | None) -> str | None:
        """The body an actor name stands for: itself, a person's affiliation, or the person."""
        if name is None:
            return None
        return self.affiliation.get(name, name) if self.kind.get(name) == "person" else name

    def is_person(self, name: str) -> bool:
        return self.kind.get(name) == "person"


@dataclass
class _Item:
    evidence: Evidence
    direction: int | None  # FOR/AGAINST the end ``end``, None if undirected
    end: float | None


def _toward(item: _Item, issue: Issue) -> float | None:
    """The end of the scale an item pushes toward."""
    if item.direction is None or item.end is None:
        return None
    lo, hi = min(issue.scale), max(issue.scale)
    if item.direction == FOR:
        return item.end
    return hi if item.end == lo else lo


def _position(items: list[_Item], issue: Issue) -> tuple[Quantity, str]:
    lo, hi = min(issue.scale), max(issue.scale)
    mid = (lo + hi) / 2
    ends = [e for e in (_toward(i, issue) for i in items) if e is not None]
    weight = Counter[float]()
    for item in items:
        e = _toward(item, issue)
        if e is not None:
            weight[e] += item.evidence.confidence or 0.0
    if not ends:
        why = "no event in the evidence gives a direction: the whole scale, " + TO_BE_SET
        return Quantity(low=lo, high=hi, rationale=why), why
    if len(weight) == 2:
        why = "evidence points both ways: the whole scale, " + TO_BE_SET
        return Quantity(low=lo, high=hi, rationale=why), why
    end = ends[0]
    label = issue.scale[end]
    why = (
        f"extracted evidence points toward {end:g} ({label!r}); the position lies in that "
        f"half of the scale, the point {TO_BE_SET}"
    )
    low, high = (mid, hi) if end == hi else (lo, mid)
    return Quantity(low=low, high=high, rationale=why), why


def _confidence(link: Link, reliability: float) -> float:
    return round(min(0.95, max(0.05, link.score * reliability)), 2)


def _proposed_end(linker: Linker, issue: Issue, text: str) -> float:
    end = linker.content_end(issue.id, text)
    if end is not None:
        return end
    lo, hi = min(issue.scale), max(issue.scale)
    sq = issue.status_quo.central
    return hi if abs(hi - sq) >= abs(sq - lo) else lo


def draft_case(
    evidence: EvidenceSet,
    specs: list[IssueSpec],
    linker: Linker,
    title: str | None = None,
) -> Case:
    """A case for analyst review, drafted from ``evidence`` on the issues ``specs``."""
    actors = _Actors(evidence.actors)
    issues = {s.issue.id: s.issue for s in specs}
    items: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    speakers: dict[str, set[str]] = defaultdict(set)

    events = [e for e in evidence.events if e.source]
    for event, links in zip(events, linker.link([e.sentence for e in events]), strict=True):
        body = actors.body(event.source)
        assert body is not None
        if actors.is_person(event.source or ""):
            speakers[body].add(event.source or "")
        direction = DIRECTION.get(event.plover)
        if event.mode in UNDIRECTED_MODES:
            direction = None
        if event.negated:
            direction = None  # what a refusal is against depends on what was refused
        elif direction is not None and event.mode in REVERSING_MODES:
            direction = -direction  # "want the government to withdraw the regulations"
        for link in links:
            issue = issues[link.issue]
            end = _proposed_end(linker, issue, event.sentence) if direction else None
            toward = "" if direction is None else (
                f"; {'for' if direction == FOR else 'against'} the {end:g} end"
            )
            what = f"{event.plover}{'/' + event.mode if event.mode else ''}"
            neg = " (negated)" if event.negated else ""
            items[body, link.issue].append(_Item(
                Evidence(
                    source=event.article or "evidence",
                    kind="extracted",
                    speaker=event.source,
                    quote=event.sentence,
                    rationale=(
                        f"event {what}{neg} {event.source} → {event.target or '?'}; linked to "
                        f"the issue with score {link.score:.2f}{toward}"
                    ),
                    confidence=_confidence(
                        link, EVENT_RELIABILITY if direction else STATEMENT_RELIABILITY
                    ),
                ),
                direction,
                end,
            ))

    quotes = [q for q in evidence.quotes if q.speaker]
    for quote, links in zip(quotes, linker.link([q.text for q in quotes]), strict=True):
        body = actors.body(quote.speaker)
        assert body is not None
        for link in links:
            if (body, link.issue) not in items:
                continue  # a quote alone gives no direction: it supports, it does not found
            if actors.is_person(quote.speaker or ""):
                speakers[body].add(quote.speaker or "")
            items[body, link.issue].append(_Item(
                Evidence(
                    source=quote.article or "evidence",
                    kind="extracted",
                    speaker=quote.speaker,
                    quote=quote.text,
                    rationale=f"statement linked to the issue with score {link.score:.2f}",
                    confidence=_confidence(link, STATEMENT_RELIABILITY),
                ),
                None,
                None,
            ))

    positions = []
    for (body, issue_id), found in items.items():
        if not any(i.direction is not None for i in found):
            continue  # undirected evidence alone does not make a position
        value, why = _position(found, issues[issue_id])
        found.sort(key=lambda i: -(i.evidence.confidence or 0.0))
        positions.append(Position(
            actor=slug(body),
            issue=issue_id,
            position=value,
            salience=Quantity(
                low=0.2, high=1.0,
                rationale=f"{TO_BE_SET}: the actor spoke to the issue in "
                f"{len(found)} extracted item(s)",
            ),
            evidence=[i.evidence for i in found],
            rationale=f"drafted from extracted evidence, for analyst review: {why}",
        ))

    case_actors = _case_actors(evidence, actors, {p.actor for p in positions}, speakers)
    used_sources = {ev.source for p in positions for ev in p.evidence}
    sources = [
        Source(id=a, title=a) for a in evidence.articles or ["evidence"]
    ]
    sources += [Source(id=s, title=s) for s in sorted(used_sources - {s.id for s in sources})]
    return Case(
        title=title or "Draft case from " + ", ".join(evidence.articles[:3]),
        actors=case_actors,
        issues=[s.issue for s in specs],
        positions=sorted(positions, key=lambda p: (p.actor, p.issue)),
        sources=sources,
        notes=(
            "Drafted by `accord draft` from extracted evidence. Every position is a direction "
            "with its evidence (kind: extracted, with a confidence) for the analyst to review; "
            "capability, salience and veto are the analyst's to set."
        ),
    )


def _case_actors(
    evidence: EvidenceSet, actors: _Actors, with_positions: set[str],
    speakers: dict[str, set[str]],
) -> list[Actor]:
    people: dict[str, list[str]] = defaultdict(list)
    for name, kind in actors.kind.items():
        if kind == "person" and name in actors.affiliation:
            people[actors.affiliation[name]].append(name)
    acting = {actors.body(e.source) for e in evidence.events} | {
        actors.body(e.target) for e in evidence.events
    }
    bodies = [
        n for n, k in actors.kind.items()
        if k != "person" and (n in acting or n in people or actors.mentions[n] >= 2)
    ]
    names = list(dict.fromkeys(
        [*bodies, *(n for n in acting if n and slug(n) in with_positions)]
    ))
    for name in sorted(speakers):
        if slug(name) in with_positions and name not in names:
            names.append(name)
    out = []
    taken: set[str] = set()
    for name in names:
        if name is None or slug(name) in taken:
            continue
        taken.add(slug(name))
        kind = actors.kind.get(name)
        case_kind = BODY_KINDS.get(kind or "", "person" if kind == "person" else "group")
        out.append(Actor(
            id=slug(name),
            name=name,
            kind=case_kind,  # type: ignore[arg-type]
            capability=Quantity(
                value=1.0, low=0.1, high=10.0,
                rationale=f"{TO_BE_SET}: relative clout is not in the news evidence",
            ),
            people=[
                Person(name=p, role=(actors.roles.get(p) or [None])[0])
                for p in people.get(name, [])
            ],
        ))
    return out
