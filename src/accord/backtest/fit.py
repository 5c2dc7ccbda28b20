"""``accord calibrate``: fit a calibration on a backtest's rows."""

from __future__ import annotations

import datetime as dt

from accord import __version__
from accord.backtest.runner import BacktestResult
from accord.calibration.conformal import LEVELS, fit
from accord.calibration.schema import Calibration, ModelCalibration


def fit_calibration(
    result: BacktestResult, label: str, today: dt.date | None = None
) -> Calibration:
    """Per model, the offset ``c`` and conformal quantiles of every scored row of ``result``."""
    models = {}
    for model in result.models:
        rows = result.model_rows(model)
        c, q = fit(rows.intervals, rows.outcome, rows.spread)
        models[model] = ModelCalibration(
            c=c,
            quantiles={lv: None if q[i] == float("inf") else round(float(q[i]), 6)
                       for i, lv in enumerate(LEVELS)},
            issues=int(rows.outcome.size),
        )
    return Calibration(
        label=label,
        files=result.case_ids,
        cases=len(result.cases),
        issues=sum(c.issues - len(c.no_outcome) for c in result.cases),
        samples=result.samples,
        seed=result.seed,
        date=today or dt.date.today(),
        accord_version=__version__,
        models=models,
    )
