"""A backtest's published result: the scores per model and the rows per issue.

:func:`build_report` scores a :class:`~accord.backtest.runner.BacktestResult`, with the
calibrated intervals either cross-validated by case (the honest default: each case's intervals
come from a calibration fitted without it) or taken from a calibration file (in-sample for the
cases it was fitted on, which the report says).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import TypeAdapter

from accord.backtest.bootstrap import LEVEL, RESAMPLES
from accord.backtest.crossval import cross_validate
from accord.backtest.defaults import CV, FOLDS
from accord.backtest.metrics import MOVE_TOLERANCE, REFERENCE, ModelScore, score_model
from accord.backtest.runner import BacktestResult
from accord.calibration.conformal import LEVELS, widen
from accord.calibration.schema import Calibration


@dataclass(frozen=True)
class IssueRow:
    case: str
    issue: str
    model: str
    forecast: float
    outcome: float
    outcome_range: tuple[float, float] | None
    status_quo: float | None
    error: float
    intervals: dict[str, tuple[float, float]]  # input uncertainty only
    calibrated: dict[str, tuple[float, float]] | None


@dataclass(frozen=True)
class BacktestReport:
    cases: int
    issues: int  # issues in the cases
    no_outcome: int  # of which without an outcome: skipped
    samples: int
    seed: int
    calibration: str  # how the calibrated intervals were made
    notes: list[str]
    models: list[ModelScore]
    rows: list[IssueRow]

    def to_json(self) -> str:
        return TypeAdapter(BacktestReport).dump_json(self, indent=2).decode() + "\n"


def _calibrated(
    result: BacktestResult, calibration: Calibration | str | None, folds: int, seed: int
) -> tuple[dict[str, np.ndarray], str]:
    if calibration is None:
        return {}, "none (input uncertainty only)"
    if calibration == CV:
        if len(result.cases) < 2:
            return {}, "none: cross-validation by case needs at least 2 cases"
        folds = min(folds, len(result.cases))
        return cross_validate(result, folds, seed), (
            f"cross-validated by case: {folds} folds (seed {seed}); each case's intervals are "
            "calibrated on the other folds")
    assert isinstance(calibration, Calibration)
    out = {}
    for m in result.models:
        rows, mc = result.model_rows(m), calibration.model(m)
        out[m] = widen(rows.intervals, mc.q(), rows.spread + mc.c)
    fitted = {Path(f).name for f in calibration.files}
    overlap = sum(Path(c).name in fitted for c in result.case_ids)
    said = f"from a file: {calibration.note()}"
    if overlap:
        said += (f"; IN-SAMPLE for {overlap} of these {len(result.cases)} cases (same file "
                 "names as cases it was fitted on)")
    return out, said


def _pairs(iv: np.ndarray) -> dict[str, tuple[float, float]]:
    return {lv: (round(float(iv[i, 0]), 3), round(float(iv[i, 1]), 3))
            for i, lv in enumerate(LEVELS)}


def _rows(result: BacktestResult, calibrated: dict[str, np.ndarray]) -> list[IssueRow]:
    seen: dict[str, int] = {}
    out = []
    for r in result.rows:
        i = seen[r.model] = seen.get(r.model, -1) + 1
        cal = calibrated.get(r.model)
        out.append(IssueRow(
            case=r.case, issue=r.issue, model=r.model, forecast=round(r.forecast, 3),
            outcome=r.outcome, outcome_range=r.outcome_range, status_quo=r.status_quo,
            error=round(r.error, 3), intervals=_pairs(np.array(r.intervals)),
            calibrated=None if cal is None else _pairs(cal[i]),
        ))
    return out


def notes(result: BacktestResult) -> list[str]:
    """The rules every backtest report states."""
    return [
        "errors are forecast − outcome in points of the issue's 0–100 scale; an outcome coded "
        "with a range is scored against its central value",
        f"issues without an outcome are skipped: {result.no_outcome}",
        f"the MAE difference against {REFERENCE} has a paired bootstrap {LEVEL:.0%} interval "
        f"({RESAMPLES} resamples of CASES, not issues: the issues of a case share its actors)",
        f"deal/no-deal: an issue moved when its outcome lies more than {MOVE_TOLERANCE:g} "
        "points from the status quo; a model predicts a deal when its forecast does; scored "
        "on issues whose status quo is stated without uncertainty",
        f"input-uncertainty intervals: {result.samples} samples of each case's stated ranges "
        f"(seed {result.seed}); a case without uncertainty gives point intervals",
    ]


def build_report(
    result: BacktestResult, calibration: Calibration | str | None = CV,
    folds: int = FOLDS, seed: int = 0,
) -> BacktestReport:
    """Score ``result``: calibrated intervals by ``calibration`` (:data:`CV`, a
    :class:`Calibration`, or None for input uncertainty only)."""
    calibrated, how = _calibrated(result, calibration, folds, seed)
    scores = [score_model(result, m, calibrated.get(m), seed) for m in result.models]
    return BacktestReport(
        cases=len(result.cases),
        issues=sum(c.issues for c in result.cases),
        no_outcome=result.no_outcome,
        samples=result.samples,
        seed=result.seed,
        calibration=how,
        notes=notes(result),
        models=[s for s in scores if s is not None],
        rows=_rows(result, calibrated),
    )
