"""Evidence items: what each extracted event and quote says on the issues it is linked to.

An event links to the issues its sentence bears on (:mod:`accord.draft.linking`). Its type
gives a direction relative to what the sentence proposes: REQUEST, SUPPORT, AGREE (to a
substance, not to a meeting) and CONCEDE are *for* it, REJECT (but not a denial of a charge,
mode ``deny``) is *against* it; a negated event ("will not water down their demands") gives no
direction, since what a refusal is against depends on what was refused; a demand to withdraw
or scrap something (mode ``retreat``) is *against* what the sentence describes. What the
sentence proposes is the end of the scale whose label the sentence echoes, or else the end away
from the status quo (a demand on the table is a demand for change).

Each item is evidence of ``kind: extracted`` with the sentence, the speaker and a confidence
(the link score times the event's reliability); quotes and undirected events on an issue where
the actor already has directed evidence are added as further evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from accord.case import Evidence, Issue
from accord.draft.actors import DraftActors
from accord.draft.linking import Link, Linker
from accord.extract.records import EventRecord, QuoteRecord

FOR, AGAINST = 1, -1
DIRECTION = {"REQUEST": FOR, "SUPPORT": FOR, "AGREE": FOR, "CONCEDE": FOR, "REJECT": AGAINST}
# modes whose act says nothing about the substance: agreeing to meet, denying a charge
UNDIRECTED_MODES = frozenset({"meet", "consult", "negotiate", "discuss", "visit", "deny"})
# modes that ask for or agree to the undoing of what the sentence describes
REVERSING_MODES = frozenset({"retreat"})
EVENT_RELIABILITY = 0.9  # a typed event with a direction
STATEMENT_RELIABILITY = 0.6  # a quote or an undirected event: relevant, direction unread


@dataclass
class Item:
    """One piece of evidence on an issue, and the end of the scale it is for or against."""

    evidence: Evidence
    direction: int | None  # FOR/AGAINST the end ``end``, None if undirected
    end: float | None


@dataclass
class Items:
    """The items found for each (body, issue id), and the people heard for each body."""

    by_position: dict[tuple[str, str], list[Item]] = field(
        default_factory=lambda: defaultdict(list)
    )
    speakers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


def event_direction(event: EventRecord) -> int | None:
    """FOR or AGAINST what the event's sentence proposes, or None when the act says neither."""
    direction = DIRECTION.get(event.plover)
    if event.mode in UNDIRECTED_MODES or event.negated:
        return None  # what a refusal is against depends on what was refused
    if direction is not None and event.mode in REVERSING_MODES:
        return -direction  # "want the government to withdraw the regulations"
    return direction


def _confidence(link: Link, reliability: float) -> float:
    return round(min(0.95, max(0.05, link.score * reliability)), 2)


def _proposed_end(linker: Linker, issue: Issue, text: str) -> float:
    """The end whose label the text echoes, else the end farther from the status quo."""
    end = linker.content_end(issue.id, text)
    if end is not None:
        return end
    lo, hi = min(issue.scale), max(issue.scale)
    sq = issue.status_quo.central
    return hi if abs(hi - sq) >= abs(sq - lo) else lo


def _event_item(event: EventRecord, link: Link, issue: Issue, linker: Linker) -> Item:
    direction = event_direction(event)
    end = _proposed_end(linker, issue, event.sentence) if direction is not None else None
    toward = "" if direction is None else (
        f"; {'for' if direction == FOR else 'against'} the {end:g} end"
    )
    what = f"{event.plover}{'/' + event.mode if event.mode else ''}"
    neg = " (negated)" if event.negated else ""
    reliability = EVENT_RELIABILITY if direction is not None else STATEMENT_RELIABILITY
    evidence = Evidence(
        source=event.article or "evidence",
        kind="extracted",
        speaker=event.source,
        quote=event.sentence,
        rationale=(
            f"event {what}{neg} {event.source} → {event.target or '?'}; linked to "
            f"the issue with score {link.score:.2f}{toward}"
        ),
        confidence=_confidence(link, reliability),
    )
    return Item(evidence, direction, end)


def _quote_item(quote: QuoteRecord, link: Link) -> Item:
    evidence = Evidence(
        source=quote.article or "evidence",
        kind="extracted",
        speaker=quote.speaker,
        quote=quote.text,
        rationale=f"statement linked to the issue with score {link.score:.2f}",
        confidence=_confidence(link, STATEMENT_RELIABILITY),
    )
    return Item(evidence, None, None)


def add_events(
    items: Items, events: list[EventRecord], actors: DraftActors, linker: Linker,
    issues: dict[str, Issue],
) -> None:
    """An item for every link of every event with a source, under the body that acts."""
    acted = [(e, e.source) for e in events if e.source]
    for (event, source), links in zip(acted, linker.link([e.sentence for e, _ in acted]),
                                      strict=True):
        body = actors.body(source)
        if actors.is_person(source):
            items.speakers[body].add(source)
        for link in links:
            items.by_position[body, link.issue].append(
                _event_item(event, link, issues[link.issue], linker)
            )


def add_quotes(
    items: Items, quotes: list[QuoteRecord], actors: DraftActors, linker: Linker
) -> None:
    """An item for every link of every attributed quote, where the speaker's body already has
    items on the issue: a quote alone gives no direction, it supports, it does not found."""
    said = [(q, q.speaker) for q in quotes if q.speaker]
    for (quote, speaker), links in zip(said, linker.link([q.text for q, _ in said]),
                                       strict=True):
        body = actors.body(speaker)
        for link in links:
            if (body, link.issue) not in items.by_position:
                continue
            if actors.is_person(speaker):
                items.speakers[body].add(speaker)
            items.by_position[body, link.issue].append(_quote_item(quote, link))
