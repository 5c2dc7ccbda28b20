"""Draft a case from extracted evidence: actors, and each actor's stand on each issue.

``accord extract`` turns articles into evidence records (actors, quotes, events, dates);
:func:`draft_case` turns those records and the analyst's issues into a case that validates
and that the analyst then reviews, in four steps:

1. **evidence items** (:mod:`accord.draft.items`): each event and quote linked to the issues
   its sentence bears on, with a direction for or against what the sentence proposes;
2. **positions** (:mod:`accord.draft.positions`): the half of the scale an actor's directed
   items point to, a range for the analyst to narrow;
3. **actors** (:mod:`accord.draft.actors`): the bodies that act, have a spokesperson or are
   named twice, with the people who speak for them; capability left to the analyst;
4. **sources**: every article of the evidence, and any other source an item cites.
"""

from __future__ import annotations

from accord.case import Case, Position, Source
from accord.draft.actors import DraftActors, case_actors
from accord.draft.issue_specs import IssueSpec
from accord.draft.items import Items, add_events, add_quotes
from accord.draft.linking import Linker
from accord.draft.positions import draft_position
from accord.extract.evidence import EvidenceSet

NOTES = (
    "Drafted by `accord draft` from extracted evidence. Every position is a direction "
    "with its evidence (kind: extracted, with a confidence) for the analyst to review; "
    "capability, salience and veto are the analyst's to set."
)


def _sources(evidence: EvidenceSet, positions: list[Position]) -> list[Source]:
    """Every article of the evidence, then any other source the positions cite."""
    sources = [Source(id=a, title=a) for a in evidence.articles or ["evidence"]]
    cited = {ev.source for p in positions for ev in p.evidence}
    sources += [Source(id=s, title=s) for s in sorted(cited - {s.id for s in sources})]
    return sources


def draft_case(
    evidence: EvidenceSet,
    specs: list[IssueSpec],
    linker: Linker,
    title: str | None = None,
) -> Case:
    """A case for analyst review, drafted from ``evidence`` on the issues ``specs``."""
    actors = DraftActors(evidence.actors)
    issues = {s.issue.id: s.issue for s in specs}
    items = Items()
    add_events(items, evidence.events, actors, linker, issues)
    add_quotes(items, evidence.quotes, actors, linker)
    drafted = (
        draft_position(body, issues[issue_id], found)
        for (body, issue_id), found in items.by_position.items()
    )
    positions = [p for p in drafted if p is not None]
    return Case(
        title=title or "Draft case from " + ", ".join(evidence.articles[:3]),
        actors=case_actors(
            evidence.events, actors, {p.actor for p in positions}, items.speakers
        ),
        issues=[s.issue for s in specs],
        positions=sorted(positions, key=lambda p: (p.actor, p.issue)),
        sources=_sources(evidence, positions),
        notes=NOTES,
    )
