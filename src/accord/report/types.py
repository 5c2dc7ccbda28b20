"""The brief's shared types: what it is built from, what it is made of, and its charts.

Every other module of :mod:`accord.report` imports these; this module imports nothing else
from the report, so the report's modules never import each other in a circle.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from accord import __version__
from accord.assessment import Assessment
from accord.case import Actor, Case, Issue, Source
from accord.forecast import Forecast
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.registry import Model
from accord.models.trajectory import Trajectory
from accord.uncertainty.summary import Sweep


@dataclass(frozen=True)
class Chart:
    """An SVG chart: ``name`` is a file-safe stem unique within a brief."""

    name: str
    alt: str
    svg: str


@dataclass(frozen=True)
class Move:
    """An actor's move in a trade: on ``issue``, from ``before`` to ``after``."""

    actor: Actor
    issue: Issue
    before: float
    after: float

    @property
    def labels(self) -> tuple[str, str]:
        return self.issue.label(self.before), self.issue.label(self.after)


@dataclass(frozen=True)
class Trade:
    """``first`` gives ground on its issue towards ``second``, who does so on the other."""

    first: Move
    second: Move
    gain: float  # each side's gain: salience-weighted shifts of the expected outcomes


@dataclass(frozen=True)
class Trades:
    """The exchange model's first round on a case, as the brief lists it."""

    trades: list[Trade]  # the first round's best trades, best first
    more: int  # further first-round trades not listed
    rounds: int  # rounds behind the model's forecast
    forecast: dict[str, float]  # issue id → expected outcome after ``rounds`` rounds


@dataclass(frozen=True)
class BriefInput:
    """Everything a section may draw on: the case and what was computed from it.

    ``sweep``, ``trades`` and ``trajectories`` are given only when the brief shows them (see
    :mod:`accord.report.compose`); a section whose input is missing is left out.
    """

    case: Case
    models: list[Model]
    forecast: Forecast
    assessment: Assessment
    sweep: Sweep | None = None  # the Monte Carlo sweep, when the brief was asked for samples
    trades: Trades | None = None  # the exchange model's first round
    trajectories: Mapping[str, Trajectory] = field(default_factory=dict)  # issue id → EUM rounds

    @cached_property
    def arrays(self) -> CaseArrays:
        return case_arrays(self.case)

    @cached_property
    def labels(self) -> dict[str, str]:
        return {m.name: m.label for m in self.models}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.case.sources}


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    build: Callable[[BriefInput], Any | None]


@dataclass(frozen=True)
class IssuePart:
    id: str
    build: Callable[[BriefInput, str], Any | None]


@dataclass(frozen=True)
class Built:
    """A section or part with the data its templates show."""

    id: str
    title: str
    data: Any


@dataclass(frozen=True)
class Brief:
    input: BriefInput
    sections: list[Built]
    version: str = __version__

    @property
    def case(self) -> Case:
        return self.input.case
