"""How good each model's forecasts were: accuracy, deal/no-deal, interval coverage.

Errors are ``forecast − outcome`` in points of the 0–100 scale, one per issue (the outcome's
central value when it was coded with a range). Against the compromise model: the win rate is
the share of issues (scored by both) on which the model's absolute error is smaller, ties
counting half; the MAE difference has a paired bootstrap interval over cases
(:mod:`accord.backtest.bootstrap`).

**Deal or no deal.** An issue *moved* when its outcome lies more than :data:`MOVE_TOLERANCE`
points from the status quo; a model *predicts a deal* when its forecast does. Scored only on
issues whose case states the status quo without uncertainty.

**Coverage** is the share of outcomes inside a model's 50/80/95% intervals (ends included);
the width is the mean ``high − low``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.backtest.bootstrap import Difference, mae_difference
from accord.backtest.runner import BacktestResult, ModelRows
from accord.calibration.conformal import LEVELS

REFERENCE = "compromise"
MOVE_TOLERANCE = 5.0  # points: closer than this to the status quo counts as "did not move"


@dataclass(frozen=True)
class Coverage:
    share: dict[str, float]  # level → share of outcomes inside
    width: dict[str, float]  # level → mean width


@dataclass(frozen=True)
class Deal:
    issues: int  # issues with a certain status quo
    accuracy: float
    moved: float  # share of those issues whose outcome moved
    predicted: float  # share on which the model predicts a move


@dataclass(frozen=True)
class ModelScore:
    model: str
    issues: int
    cases: int
    no_forecast: int
    mae: float
    rmse: float
    median_ae: float
    bias: float  # mean of forecast − outcome
    within_10: float
    within_20: float
    win_rate: float | None  # against the compromise model
    vs_reference: Difference | None  # MAE − MAE(compromise), case bootstrap
    deal: Deal | None
    input_coverage: Coverage
    calibrated_coverage: Coverage | None


def coverage(intervals: np.ndarray, outcome: np.ndarray) -> Coverage:
    """Share inside and mean width of ``intervals[r, L, 2]`` for ``outcome[r]``."""
    inside = (intervals[..., 0] <= outcome[:, None]) & (outcome[:, None] <= intervals[..., 1])
    width = intervals[..., 1] - intervals[..., 0]
    return Coverage(
        share={lv: float(inside[:, i].mean()) for i, lv in enumerate(LEVELS)},
        width={lv: float(width[:, i].mean()) for i, lv in enumerate(LEVELS)},
    )


def deal(rows: ModelRows, tolerance: float = MOVE_TOLERANCE) -> Deal | None:
    known = ~np.isnan(rows.status_quo)
    if not known.any():
        return None
    sq = rows.status_quo[known]
    moved = np.abs(rows.outcome[known] - sq) > tolerance
    predicted = np.abs(rows.forecast[known] - sq) > tolerance
    return Deal(int(known.sum()), float(np.mean(moved == predicted)), float(moved.mean()),
                float(predicted.mean()))


def _paired(rows: ModelRows, ref: ModelRows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Errors of ``rows`` and ``ref`` on the issues both scored, with their case indices."""
    def keys(r: ModelRows) -> list[tuple[int, str]]:
        return list(zip(r.case.tolist(), r.issue.tolist(), strict=True))

    at = {k: i for i, k in enumerate(keys(ref))}
    mine = [(i, at[k]) for i, k in enumerate(keys(rows)) if k in at]
    a = np.array([i for i, _ in mine], dtype=int)
    b = np.array([j for _, j in mine], dtype=int)
    return rows.case[a], (rows.forecast - rows.outcome)[a], (ref.forecast - ref.outcome)[b]


def score_model(
    result: BacktestResult, model: str, calibrated: np.ndarray | None = None, seed: int = 0
) -> ModelScore | None:
    """``model``'s scores over ``result`` (``calibrated``: its calibrated intervals); None
    when it scored no issue."""
    rows = result.model_rows(model)
    if not rows.outcome.size:
        return None
    e = rows.forecast - rows.outcome
    a = np.abs(e)
    win = diff = None
    if model != REFERENCE and REFERENCE in result.models:
        case, mine, theirs = _paired(rows, result.model_rows(REFERENCE))
        if case.size:
            am, at = np.abs(mine), np.abs(theirs)
            win = float(np.mean((am < at) + 0.5 * (am == at)))
            diff = mae_difference(case, mine, theirs, seed=seed)
    return ModelScore(
        model=model,
        issues=int(a.size),
        cases=int(np.unique(rows.case).size),
        no_forecast=result.no_forecast(model),
        mae=float(a.mean()),
        rmse=float(np.sqrt(np.mean(e**2))),
        median_ae=float(np.median(a)),
        bias=float(e.mean()),
        within_10=float(np.mean(a <= 10)),
        within_20=float(np.mean(a <= 20)),
        win_rate=win,
        vs_reference=diff,
        deal=deal(rows),
        input_coverage=coverage(rows.intervals, rows.outcome),
        calibrated_coverage=None if calibrated is None else coverage(calibrated, rows.outcome),
    )
