"""Draft a case from extracted evidence: actors, and each actor's stand on each issue.

``accord extract`` turns articles into evidence records (actors, quotes, events, dates);
:func:`draft_case` turns those records and the analyst's issues into a case that validates
and that the analyst then reviews, in five steps:

1. **stances** (:mod:`accord.draft.stances`): who demands, holds firm, rejects or offers to
   negotiate, with the sentence as evidence, collective and coordinated holders resolved;
2. **issues** (:mod:`accord.draft.positions`): each stance under the issues its sentence links
   to, or, for a response to the demands as a whole, every issue a demand was made on;
3. **positions**: each stance placed on the scale by its act and the issue's labelled points,
   with a range, a salience and the reasoning;
4. **actors and veto** (:mod:`accord.draft.actors`): the bodies with a position or addressed
   by a demand; veto proposed for the parties at the table (whose demands, addressed to
   another, bear on an issue, and who meet them) and for the bodies the demands are addressed
   to, when they hold stances on at least half the issues (silent on the others: placed at the
   status quo, wide range, flagged); capability from a documented prior;
5. **sources**: every article of the evidence, and any other source an item cites.

What the draft could not decide is listed in :attr:`Draft.undecided`, for the analyst.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from accord.case import Case, Evidence, Issue, Position, Source
from accord.draft.actors import DraftActors, case_actors, slug
from accord.draft.acts import Act
from accord.draft.issue_specs import IssueSpec
from accord.draft.linking import Linker
from accord.draft.positions import (
    Placed,
    assign,
    draft_position,
    membership_issues,
    process_issues,
    proposed_end,
)
from accord.draft.stances import Stances, read_stances
from accord.extract.evidence import EvidenceSet
from accord.quantity import Quantity

NOTES = (
    "Drafted by `accord draft` from extracted evidence. Every position places a stance "
    "(demand, refusal, rejection, offer to negotiate) on the issue's labelled points, with "
    "its evidence (kind: extracted) and reasoning; capability is a prior, salience is read "
    "from how often and how strongly an actor speaks, veto players are proposed: all for "
    "the analyst to review."
)


@dataclass
class Draft:
    case: Case
    undecided: list[str] = field(default_factory=list)


def _sources(evidence: EvidenceSet, positions: list[Position]) -> list[Source]:
    """Every article of the evidence, then any other source the positions cite."""
    sources = [Source(id=a, title=a) for a in evidence.articles or ["evidence"]]
    cited = {ev.source for p in positions for ev in p.evidence}
    sources += [Source(id=s, title=s) for s in sorted(cited - {s.id for s in sources})]
    return sources


def propose_veto(stances: Stances, placed: Placed, with_position: set[str]) -> dict[str, str]:
    """Veto players proposed from the text, each with its reason: the bodies whose demand,
    addressed to another, bears on an issue; those it is addressed to; those meeting them."""
    veto: dict[str, str] = {}
    demanders = {body for (body, _), found in placed.by_position.items() for f in found
                 if f.stance.act is Act.DEMAND and f.stance.target and f.score is not None}
    for body in sorted(demanders & with_position):
        veto[body] = "party at the table: its demands are on the agenda"
    for body in sorted(stances.addressees() & with_position):
        veto.setdefault(body, "the demands are addressed to it: its consent is needed")
    for pair in stances.talks:
        if pair & demanders:
            for body in sorted((pair - demanders) & with_position):
                veto.setdefault(body, "party at the table: meets the side making the demands")
    return veto


def _positions(
    placed: Placed, issues: dict[str, IssueSpec], linker: Linker
) -> tuple[list[Position], list[str]]:
    positions, undecided = [], list(placed.undecided)
    for (body, issue_id), found in placed.by_position.items():
        issue = issues[issue_id].issue
        end = placed.demand_end.get(issue_id)
        if end is None:
            end = proposed_end(linker, issue, found[0].stance.text)
        position, unsure = draft_position(body, issue, found, end, linker)
        positions.append(position)
        if unsure:
            undecided.append(f"{body} on {issue_id}: the text both demands and rejects; "
                             f"read the evidence of that position")
    return positions, undecided


def _veto(
    proposed: dict[str, str], placed: Placed, issues: list[Issue]
) -> tuple[dict[str, str], list[Position], list[str]]:
    """The proposed veto players kept, the positions of those silent on an issue, and what
    the analyst must decide. A veto player needs a position on every issue: where no one
    demands a change, a silent one is read as keeping the status quo (wide range, the analyst
    told); where others do, its silence says nothing, and it is named for the analyst
    instead."""
    held = {body: {i for b, i in placed.by_position if b == body} for body in proposed}
    veto = {b: why for b, why in proposed.items()
            if all(i.id in held[b] or i.id not in placed.demand_end for i in issues)}
    unsure = [f"{b} would be a veto player ({why}) but holds positions on only "
              f"{len(held[b])} of {len(issues)} issues: place it on the others or drop it"
              for b, why in proposed.items() if b not in veto]
    silent = silent_positions(veto, placed, issues)
    unsure += [f"{p.actor} on {p.issue}: proposed as a veto player but no stance found; "
               f"placed at the status quo with a wide range — look for its statements"
               for p in silent]
    return veto, silent, unsure


SILENT_WIDTH = 25.0  # the range around the status quo of a silent veto player's position


def silent_positions(veto: dict[str, str], placed: Placed, issues: list[Issue]) -> list[Position]:
    """For each proposed veto player, a position on every issue the text gives it no stance
    on (issues on which no one demands a change): the status quo, ±:data:`SILENT_WIDTH`, low
    salience (nobody pushes, and the party says nothing: things stay as they are), cited to
    the article of its first stance."""
    out = []
    for body in sorted(veto):
        own = [(i, f) for (b, i), f in placed.by_position.items() if b == body]
        article = own[0][1][0].stance.article or "evidence"
        held = {i for i, _ in own}
        for issue in (i for i in issues if i.id not in held):
            sq = issue.status_quo.central
            why = ("no stance found in the text and no demand on the issue; a veto player "
                   "silent on it is read as keeping the status quo, with a wide range")
            out.append(Position(
                actor=slug(body), issue=issue.id,
                position=Quantity(value=sq, low=max(0.0, sq - SILENT_WIDTH),
                                  high=min(100.0, sq + SILENT_WIDTH), rationale=why),
                salience=Quantity(value=0.2, low=0.05, high=0.4, rationale="silent on the issue"),
                evidence=[Evidence(source=article, kind="inferred", quote=None, rationale=why,
                                   confidence=None)],
                rationale=f"drafted for analyst review: {why}"))
    return out


def _gaps(specs: list[IssueSpec], placed: Placed) -> list[str]:
    """Where the draft is silent: issues without a demand."""
    gaps = []
    for spec in specs:
        if spec.issue.id not in placed.demand_end:
            gaps.append(f"{spec.issue.id}: no demand found; its positions (if any) are "
                        f"placed against the end away from the status quo — check the scale")
    return gaps


def draft_case(
    evidence: EvidenceSet,
    specs: list[IssueSpec],
    linker: Linker,
    title: str | None = None,
) -> Draft:
    """A case for analyst review, drafted from ``evidence`` on the issues ``specs``."""
    actors = DraftActors(evidence.actors, {e.article: e.end for e in evidence.events
                                           if e.start == 0})
    issues = {s.issue.id: s for s in specs}
    stances = read_stances(evidence.events, evidence.quotes, actors, evidence.actors)
    plain = {k: s.issue for k, s in issues.items()}
    placed = assign(stances.found, linker, plain,
                    membership_issues(plain, {k: s.keywords for k, s in issues.items()}),
                    process_issues(plain))
    positions, undecided = _positions(placed, issues, linker)
    spoke = Counter(body for body, _ in placed.by_position)
    # a veto player is a named body: never a person or a collective named by a common noun
    proposed = propose_veto(stances, placed, {b for b in spoke if not actors.is_collective(b)
                                              and not actors.is_person(b)})
    veto, silent, unsure = _veto(proposed, placed, [s.issue for s in specs])
    positions += silent
    undecided += unsure
    bodies = list(dict.fromkeys([*spoke, *sorted(stances.addressees())]))
    unheard = [q for q in evidence.quotes if not q.speaker]
    if unheard:
        undecided.append(f"{len(unheard)} quote(s) without a speaker: read them, they may "
                         f"carry stances (first: {unheard[0].text[:60]!r})")
    case = Case(
        title=title or "Draft case from " + ", ".join(evidence.articles[:3]),
        actors=case_actors(actors, bodies, veto, spoke),
        issues=[s.issue for s in specs],
        positions=sorted(positions, key=lambda p: (p.actor, p.issue)),
        sources=_sources(evidence, positions),
        notes=NOTES,
    )
    return Draft(case, undecided + _gaps(specs, placed))
