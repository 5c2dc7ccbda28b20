"""The answer to a case's question, as facts: is a deal possible, and who blocks it?

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

The overall verdict then counts the issues with a zone. This module holds the facts only;
the brief puts them into words (:mod:`accord.report.wording`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from accord.case import SCALE_MAX, SCALE_MIN, Case
from accord.forecast import Forecast, IssueForecast

AGREE_WITHIN = 10.0
"""Models "agree" on an issue when their forecasts lie within this many scale points."""

_TOL = 1e-9
_SAME = 1e-6
"""Two scale values this close are the same point (a zone's edge, a forecast of no change)."""

Direction = Literal["up", "down"]
Side = Literal["up", "down", "at"]  # above, below or at the status quo


class VetoStance(BaseModel):
    """Where a veto player stands relative to the status quo of one issue."""

    actor: str
    name: str
    position: float
    side: Side


class Move(BaseModel):
    actor: str
    name: str
    shift: float  # it must move by more than this many points, past the status quo

    @property
    def at_status_quo(self) -> bool:
        """It sits at the status quo, so any shift to the opening's side will do."""
        return self.shift <= _TOL


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

    @property
    def possible(self) -> bool:
        return self.zone is not None

    @property
    def unchanged(self) -> list[str]:
        """The models whose forecast is the status quo."""
        return [
            m
            for m, v in self.outcomes.items()
            if v is not None and abs(v - self.status_quo) <= _SAME
        ]

    def side(self, side: Side) -> list[VetoStance]:
        return [v for v in self.veto if v.side == side]


class Assessment(BaseModel):
    question: str | None
    issues: list[IssueAssessment]

    @property
    def possible(self) -> list[IssueAssessment]:
        return [i for i in self.issues if i.possible]

    def issue(self, issue_id: str) -> IssueAssessment:
        return next(i for i in self.issues if i.id == issue_id)


def _stances(case: Case, f: IssueForecast) -> list[VetoStance]:
    out = []
    for a in case.actors:
        p = case.position(a.id, f.id)
        if not a.veto or p is None:
            continue
        x = p.position.central
        side: Side = (
            "at" if abs(x - f.status_quo) <= _TOL else "up" if x > f.status_quo else "down"
        )
        out.append(VetoStance(actor=a.id, name=a.name, position=x, side=side))
    return out


def _edge(veto: list[VetoStance], zone: tuple[float, float], q: float) -> str | None:
    """The veto player closest to the status quo, whose mirror image bounds the zone."""
    if not veto:
        return None
    closest = min(veto, key=lambda v: abs(v.position - q))
    far = zone[1] if closest.position > q else zone[0]
    return closest.actor if abs((2 * closest.position - q) - far) <= _SAME else None


def _openings(veto: list[VetoStance], q: float) -> list[Opening]:
    """Ways to put every veto player strictly on one side of ``q``, fewest movers first."""
    rooms: list[tuple[Direction, bool]] = [("up", q < SCALE_MAX), ("down", q > SCALE_MIN)]
    options = []
    for direction, room in rooms:
        if not room:
            continue
        moves = [
            Move(actor=v.actor, name=v.name, shift=abs(v.position - q))
            for v in veto
            if v.side != direction
        ]
        options.append(Opening(direction=direction, moves=moves))
    return sorted(options, key=lambda o: (len(o.moves), o.total))


def _spread(outcomes: dict[str, float | None]) -> ModelSpread | None:
    values = [v for v in outcomes.values() if v is not None]
    return ModelSpread(low=min(values), high=max(values)) if values else None


def assess_issue(case: Case, f: IssueForecast) -> IssueAssessment:
    veto = _stances(case, f)
    zone = f.agreement.zone
    positions = [v.position for v in veto]
    return IssueAssessment(
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
    )


def assess(case: Case, forecast: Forecast) -> Assessment:
    """Answer the case's question from its forecast."""
    issues = [assess_issue(case, f) for f in forecast.issues]
    return Assessment(question=case.question, issues=issues)
