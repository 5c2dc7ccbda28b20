"""The result of a sweep: intervals, agreement and veto-gain probabilities, drivers.

``Sweep.to_json()`` is what ``accord sweep --format json`` prints (schema in the README).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from pydantic import BaseModel

from accord.uncertainty.chunk import CENTRE, ChunkStats
from accord.uncertainty.inputs import Input

LEVELS = (50, 80, 95)
TOP_DRIVERS = 5
MIN_INDEX = 0.01


class Driver(BaseModel):
    """An input and the share of an output's variance it explains on its own."""

    input: str
    kind: str
    actor: str | None
    issue: str | None
    index: float


class ModelSweep(BaseModel):
    median: float | None
    mean: float | None
    intervals: dict[str, tuple[float, float]]  # "80" → central 80% interval
    undefined: float  # share of samples in which the model gives no outcome
    veto_gains: dict[str, float]  # veto player → P(it prefers the outcome to the status quo)
    drivers: list[Driver]


class IssueSweep(BaseModel):
    id: str
    title: str
    status_quo: float
    agreement_probability: float
    agreement_drivers: list[Driver]
    models: dict[str, ModelSweep]


class Sweep(BaseModel):
    case: str
    date: dt.date | None
    samples: int
    seed: int
    chunk: int
    jitter: float
    models: list[str]
    veto_players: list[str]
    inputs: list[str]
    issues: list[IssueSweep]
    # set when the intervals were widened by a calibration (accord.calibration.apply): how
    calibration: str | None = None

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    def issue(self, issue_id: str) -> IssueSweep:
        return next(i for i in self.issues if i.id == issue_id)


def _drivers(inputs: tuple[Input, ...], index: np.ndarray) -> list[Driver]:
    order = np.argsort(-index, kind="stable")[:TOP_DRIVERS]
    return [
        Driver(input=inputs[i].label, kind=inputs[i].kind, actor=inputs[i].actor,
               issue=inputs[i].issue, index=round(float(index[i]), 4))
        for i in order
        if index[i] >= MIN_INDEX
    ]


def summarise(
    stats: ChunkStats,
    *,
    case: str,
    date: dt.date | None,
    issues: list[tuple[str, str, float]],
    models: tuple[str, ...],
    actors: list[str],
    veto: np.ndarray,
    inputs: tuple[Input, ...],
    seed: int,
    chunk: int,
    jitter: float,
) -> Sweep:
    """Turn folded chunk statistics into the published summary."""
    m, k = len(models), len(issues)
    vetoes = [actors[v] for v in np.flatnonzero(veto)]
    sens = stats.sens.indices().reshape(len(inputs), m + 1, k)
    defined = stats.sens.n.reshape(m + 1, k)
    sums = stats.sens.s1.reshape(m + 1, k)
    tails = [(1 - level / 100) / 2 for level in LEVELS]
    probs = np.array([q for t in tails for q in (t, 1 - t)])
    out = []
    for j, (issue_id, title, sq) in enumerate(issues):
        per_model = {}
        for a, name in enumerate(models):
            qs = stats.grid.quantiles(a * k + j, np.concatenate([[0.5], probs]))
            if qs is None:
                median = mean = None
                intervals: dict[str, tuple[float, float]] = {}
            else:
                median = round(float(qs[0]), 3)
                mean = round(float(sums[a, j] / defined[a, j] + CENTRE), 3)
                intervals = {
                    str(level): (round(float(qs[1 + 2 * i]), 3), round(float(qs[2 + 2 * i]), 3))
                    for i, level in enumerate(LEVELS)
                }
            per_model[name] = ModelSweep(
                median=median,
                mean=mean,
                intervals=intervals,
                undefined=round(float(stats.undefined[a, j] / stats.samples), 4),
                veto_gains={
                    v: round(float(stats.gains[a, i, j] / stats.samples), 4)
                    for i, v in enumerate(vetoes)
                },
                drivers=_drivers(inputs, sens[:, a, j]),
            )
        out.append(
            IssueSweep(
                id=issue_id,
                title=title,
                status_quo=sq,
                agreement_probability=round(float(stats.zone[j] / stats.samples), 4),
                agreement_drivers=_drivers(inputs, sens[:, m, j]),
                models=per_model,
            )
        )
    return Sweep(
        case=case, date=date, samples=stats.samples, seed=seed, chunk=chunk, jitter=jitter,
        models=list(models), veto_players=vetoes, inputs=[i.label for i in inputs], issues=out,
    )
