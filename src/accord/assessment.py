"""The plain-language answer to a case's question: is a deal possible, and who blocks it?

Everything here is derived from the case and its :class:`~accord.forecast.Forecast`; nothing
is written for a particular negotiation. Per issue, :func:`assess` works out

- whether the veto players have a zone of agreement (outcomes each prefers to the status quo;
  see :mod:`accord.models.zone`) and, if they have, which veto player sets its far edge;
- if they have not, who blocks: the veto players that want to move the status quo in opposite
  directions, and any that sits at the status quo (and so prefers it to every change);
- how far apart the veto players are (the distance between the two outermost);
- whether the models agree: the spread of their forecasts, against :data:`AGREE_WITHIN`;
- what would have to change: the fewest veto players that must move to one side of the status
  quo for a zone to open, and by how much (:class:`Opening`).

With single-peaked symmetric utilities a veto player at ``x`` prefers ``y`` to the status quo
``q`` iff ``|y - x| < |q - x|``; the zone is empty exactly when the veto players do not all
lie strictly on one side of ``q``. So a zone opens once every veto player has moved past ``q``
to the same side, and the smallest change is to move the players on the other side (or at
``q``) there: each must move by more than its distance to ``q``.

The overall verdict then counts the issues with a zone. The texts are assembled from these
facts, so they change when the case does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel

from accord.case import SCALE_MAX, SCALE_MIN, Case
from accord.forecast import Forecast, IssueForecast

AGREE_WITHIN = 10.0
"""Models "agree" on an issue when their forecasts lie within this many scale points."""

_TOL = 1e-9

Direction = Literal["up", "down"]


class VetoStance(BaseModel):
    """Where a veto player stands relative to the status quo of one issue."""

    actor: str
    name: str
    position: float
    side: Literal["up", "down", "at"]  # above, below or at the status quo


class Move(BaseModel):
    actor: str
    name: str
    shift: float  # it must move by more than this many points, past the status quo


class Opening(BaseModel):
    """A way to open a zone: these veto players move past the status quo towards ``direction``."""

    direction: Direction
    moves: list[Move]

    @property
    def total(self) -> float:
        return sum(m.shift for m in self.moves)


class ModelSpread(BaseModel):
    low: float
    high: float

    @property
    def spread(self) -> float:
        return self.high - self.low

    @property
    def agree(self) -> bool:
        return self.spread <= AGREE_WITHIN


class IssueAssessment(BaseModel):
    id: str
    title: str
    status_quo: float
    zone: tuple[float, float] | None
    veto: list[VetoStance]
    stated: int  # how many actors state a position on the issue
    edge: str | None  # veto player whose preferences set the zone's far edge (None: the scale)
    gap: float | None  # distance between the outermost veto players (None: fewer than two)
    outcomes: dict[str, float | None]
    inside: dict[str, bool]
    models: ModelSpread | None  # None when no model gives a forecast
    openings: list[Opening]  # best first; empty when a zone exists
    summary: list[str]  # the plain-language sentences

    @property
    def possible(self) -> bool:
        return self.zone is not None

    def side(self, side: str) -> list[VetoStance]:
        return [v for v in self.veto if v.side == side]


class Assessment(BaseModel):
    question: str | None
    verdict: str
    changes: list[str]  # what would have to change, one line per blocked issue
    issues: list[IssueAssessment]

    @property
    def possible(self) -> list[IssueAssessment]:
        return [i for i in self.issues if i.possible]

    def issue(self, issue_id: str) -> IssueAssessment:
        return next(i for i in self.issues if i.id == issue_id)


def pt(x: float) -> str:
    """A scale value as text: one decimal, none when it is whole."""
    r = round(float(x), 1)
    return f"{r:.0f}" if r.is_integer() else f"{r:.1f}"


def join(words: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    w = list(words)
    return w[0] if len(w) == 1 else ", ".join(w[:-1]) + " and " + w[-1] if w else ""


def _names(stances: Iterable[VetoStance]) -> str:
    return join(f"{v.name} at {pt(v.position)}" for v in stances)


def _stances(case: Case, f: IssueForecast) -> list[VetoStance]:
    out = []
    for a in case.actors:
        p = case.position(a.id, f.id)
        if not a.veto or p is None:
            continue
        x = p.position.central
        side = "at" if abs(x - f.status_quo) <= _TOL else "up" if x > f.status_quo else "down"
        out.append(VetoStance(actor=a.id, name=a.name, position=x, side=side))
    return out


def _edge(veto: list[VetoStance], zone: tuple[float, float], q: float) -> str | None:
    """The veto player closest to the status quo, whose mirror image bounds the zone."""
    if not veto:
        return None
    closest = min(veto, key=lambda v: abs(v.position - q))
    far = zone[1] if closest.position > q else zone[0]
    return closest.actor if abs((2 * closest.position - q) - far) <= 1e-6 else None


def _openings(veto: list[VetoStance], q: float) -> list[Opening]:
    """Ways to put every veto player strictly on one side of ``q``, fewest movers first."""
    options = []
    for direction, ok, room in (("up", "up", q < SCALE_MAX), ("down", "down", q > SCALE_MIN)):
        if not room:
            continue
        moves = [
            Move(actor=v.actor, name=v.name, shift=abs(v.position - q))
            for v in veto
            if v.side != ok
        ]
        options.append(Opening(direction=direction, moves=moves))
    return sorted(options, key=lambda o: (len(o.moves), o.total))


def _spread(outcomes: dict[str, float | None]) -> ModelSpread | None:
    values = [v for v in outcomes.values() if v is not None]
    return ModelSpread(low=min(values), high=max(values)) if values else None


def _towards(case: Case, a: IssueAssessment, direction: Direction) -> str:
    """``towards 100 (“label”), where Russia stands`` for an opening's direction."""
    end = SCALE_MAX if direction == "up" else SCALE_MIN
    text = f"towards {pt(end)} (“{case.issue(a.id).scale[end]}”)"
    there = a.side(direction)
    if there:
        text += f", where {join(v.name for v in there)} {'stands' if len(there) == 1 else 'stand'}"
    return text


def _blockers(a: IssueAssessment, numbers: bool = True) -> str:
    """Who blocks an issue without a zone, as a clause (with positions when ``numbers``)."""
    up, down, at = a.side("up"), a.side("down"), a.side("at")
    names = _names if numbers else lambda vs: join(v.name for v in vs)
    q = f" ({pt(a.status_quo)})" if numbers else ""
    parts = []
    if up and down:
        parts.append(
            f"{names(up)} and {names(down)} want to move the status quo{q} "
            "in opposite directions"
        )
    if at:
        verb = "sits" if len(at) == 1 else "sit"
        parts.append(f"{join(v.name for v in at)} {verb} at the status quo{q}")
        if numbers:
            parts[-1] += ", preferring no change to any deal"
    return "; ".join(parts)


def _opening_text(case: Case, a: IssueAssessment, o: Opening) -> str:
    where = {v.actor: v.position for v in a.veto}
    q = pt(a.status_quo)
    clauses = [
        f"{m.name} would have to move from {pt(where[m.actor])} past the status quo ({q}), "
        f"a shift of more than {pt(m.shift)} points"
        for m in o.moves
        if m.shift > _TOL
    ]
    at = [m.name for m in o.moves if m.shift <= _TOL]
    if at:
        clauses.append(
            f"{join(at)} would have to move off the status quo ({q}), where any shift opens "
            "a narrow zone"
        )
    return f"{_towards(case, a, o.direction)}, {'; and '.join(clauses)}"


def _changes(case: Case, a: IssueAssessment) -> str:
    if not a.openings:
        return ""
    best = a.openings[0]
    text = f"{a.title}: {_opening_text(case, a, best)}"
    if len(a.openings) > 1 and len(a.openings[1].moves) == len(best.moves):
        text += f"; or else, {_opening_text(case, a, a.openings[1])}"
    return text + "."


def _summary(a: IssueAssessment) -> list[str]:
    q = pt(a.status_quo)
    out = []
    if a.stated == 0:
        out.append(
            "No actor states a position on this issue, so nothing moves it from the status "
            f"quo ({q})."
        )
    elif not a.veto and a.zone is not None:
        out.append(
            "No veto player has a position on this issue, so no single actor can block an "
            "outcome; the forecasts show where the weight of opinion lies."
        )
    elif a.zone is not None:
        lo, hi = a.zone
        text = (
            f"A deal is possible: every veto player prefers any outcome between {pt(lo)} and "
            f"{pt(hi)} to the status quo ({q})."
        )
        if a.edge is not None:
            e = next(v for v in a.veto if v.actor == a.edge)
            far = hi if e.position > a.status_quo else lo
            text += (
                f" {e.name}, at {pt(e.position)} the veto player closest to the status quo, "
                f"prefers nothing beyond {pt(far)} to it."
            )
        out.append(text)
    else:
        out.append(f"No deal is possible as positions stand: {_blockers(a)}.")
    if a.gap is not None:
        outer = sorted(a.veto, key=lambda v: v.position)
        out.append(
            f"The veto players are {pt(a.gap)} points apart: {_names([outer[0], outer[-1]])}."
        )
    if a.models is not None:
        named = ", ".join(f"{m} {pt(v)}" for m, v in a.outcomes.items() if v is not None)
        if len([v for v in a.outcomes.values() if v is not None]) == 1:
            out.append(f"Forecast: {named}.")
        elif a.models.agree:
            out.append(
                f"The models agree, within {pt(a.models.spread)} points: {named}."
            )
        else:
            out.append(f"The models disagree by {pt(a.models.spread)} points: {named}.")
        if a.zone is not None and a.veto:
            outside = [m for m, ok in a.inside.items() if not ok]
            if outside:
                out.append(
                    f"Outside the zone of agreement: {join(outside)}; such a forecast shows "
                    "where the weight of opinion lies, not a deal every veto player accepts."
                )
            else:
                out.append("Every forecast lies in the zone of agreement.")
        elif a.zone is None:
            at_sq = [
                m
                for m, v in a.outcomes.items()
                if v is not None and abs(v - a.status_quo) <= 1e-6
            ]
            if at_sq:
                out.append(f"Forecasting the status quo (no change): {join(at_sq)}.")
    return out


def assess_issue(case: Case, f: IssueForecast) -> IssueAssessment:
    veto = _stances(case, f)
    zone = f.agreement.zone
    positions = [v.position for v in veto]
    a = IssueAssessment(
        id=f.id,
        title=f.title,
        status_quo=f.status_quo,
        zone=zone,
        veto=veto,
        stated=sum(1 for p in case.positions if p.issue == f.id),
        edge=_edge(veto, zone, f.status_quo) if zone is not None else None,
        gap=max(positions) - min(positions) if len(veto) >= 2 else None,
        outcomes=f.outcomes,
        inside=f.agreement.inside,
        models=_spread(f.outcomes),
        openings=[] if zone is not None else _openings(veto, f.status_quo),
        summary=[],
    )
    a.summary = _summary(a)
    return a


def _verdict(issues: list[IssueAssessment]) -> str:
    k = len(issues)
    ok = [i for i in issues if i.possible]
    blocked = [i for i in issues if not i.possible]
    # group the blocked issues by what blocks them, so a shared stand-off is said once
    groups: dict[str, list[str]] = {}
    for i in blocked:
        groups.setdefault(_blockers(i, numbers=False), []).append(f"“{i.title}”")
    every = "both issues" if k == 2 else f"all {k} issues"
    why = "; ".join(
        f"on {join(titles) if len(titles) < k or k == 1 else every}, {clause}"
        for clause, titles in groups.items()
    )
    if not any(i.veto for i in issues):
        return (
            "No actor can block a deal on its own (no veto player has a position): the "
            "forecasts show where the weight of opinion lies."
        )
    if not ok:
        scope = "" if k == 1 else " on any issue"
        return f"No deal{scope} is possible as positions stand: {why}."
    if not blocked:
        return (
            f"A deal is possible on {'the issue' if k == 1 else f'all {k} issues'}: every veto "
            "player prefers some outcome to the status quo."
        )
    return (
        f"A deal is possible on {len(ok)} of {k} issues: {join(f'“{i.title}”' for i in ok)}. "
        f"No deal on the others as positions stand: {why}."
    )


def assess(case: Case, forecast: Forecast) -> Assessment:
    """Answer the case's question from its forecast."""
    issues = [assess_issue(case, f) for f in forecast.issues]
    return Assessment(
        question=case.question,
        verdict=_verdict(issues),
        changes=[c for i in issues if (c := _changes(case, i))],
        issues=issues,
    )
