"""Calibrated intervals for a forecast or a sweep.

**How input uncertainty and model error combine.** The interval at level ``L`` is the
input-uncertainty interval at that level (what a sweep of the case's stated ranges gives)
widened on each side by ``q_L (σ + c)``, where ``σ`` is the issue's position spread and
``q_L`` the conformal quantile of backtest scores (:mod:`accord.calibration.conformal`). It is
a sum of quantiles, but the model-error part is fitted *given* the input part: ``q_L`` is
what the sweep's own intervals missed on cases with known outcomes, so the two are not counted
twice and the sum keeps the coverage the backtest measured (a cross-validation by case checks
this, docs/backtest.md). Without a calibration (``--calibration none``) the intervals are the
input-uncertainty ones alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from accord.backtest.defaults import SAMPLES
from accord.calibration.conformal import LEVELS, widen
from accord.calibration.sampling import input_intervals
from accord.calibration.schema import Calibration
from accord.calibration.spread import position_spread
from accord.case import Case
from accord.forecast import Forecast
from accord.models.arrays import case_arrays
from accord.models.registry import resolve
from accord.uncertainty.summary import Sweep

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble


def calibrated(
    base: dict[str, np.ndarray], spread: np.ndarray, calibration: Calibration | None
) -> dict[str, np.ndarray]:
    """Per model ``[k, L, 2]``: ``base`` widened by the calibration (unchanged without one)."""
    if calibration is None:
        return base
    out = {}
    for name, b in base.items():
        mc = calibration.model(name)
        out[name] = widen(b, mc.q(), spread + mc.c)
    return out


def _as_dict(iv: np.ndarray) -> dict[str, tuple[float, float]]:
    if np.isnan(iv).any():
        return {}
    return {lv: (round(float(iv[i, 0]), 3), round(float(iv[i, 1]), 3))
            for i, lv in enumerate(LEVELS)}


def input_note(samples: int) -> str:
    return (f"intervals from input uncertainty only ({samples} samples of the case's stated "
            "ranges), without the models' own error: not calibrated")


def with_intervals(
    case: Case, forecast: Forecast, calibration: Calibration | None,
    ensemble: Ensemble | None = None,
) -> Forecast:
    """``forecast`` with 50/80/95% intervals per issue and model, calibrated when given one
    (sampled with its ``samples`` and ``seed``), else from input uncertainty alone;
    ``ensemble``: the one ``forecast`` was made with (None: the shipped one)."""
    models = resolve(forecast.models, ensemble)
    samples, seed = (calibration.samples, calibration.seed) if calibration else (SAMPLES, 0)
    point = {m: np.array([i.outcomes[m] if i.outcomes[m] is not None else np.nan
                          for i in forecast.issues]) for m in forecast.models}
    base = input_intervals(case, models, point, samples, seed)
    ivs = calibrated(base, position_spread(case_arrays(case)), calibration)
    issues = [
        i.model_copy(update={"intervals": {m: d for m in forecast.models
                                           if (d := _as_dict(ivs[m][j]))}})
        for j, i in enumerate(forecast.issues)
    ]
    note = calibration.note() if calibration else input_note(samples)
    return forecast.model_copy(update={"issues": issues, "intervals_note": note})


def calibrate_sweep(sweep: Sweep, case: Case, calibration: Calibration | None) -> Sweep:
    """``sweep`` with each model's intervals widened by ``calibration`` (as it is without)."""
    if calibration is None:
        return sweep
    spread = position_spread(case_arrays(case))
    issues = []
    for j, issue in enumerate(sweep.issues):
        models = {}
        for name, m in issue.models.items():
            if not m.intervals:
                models[name] = m
                continue
            b = np.array([m.intervals[lv] for lv in LEVELS], dtype=float)[None]
            iv = calibrated({name: b}, spread[j:j + 1], calibration)[name][0]
            models[name] = m.model_copy(update={"intervals": _as_dict(iv)})
        issues.append(issue.model_copy(update={"models": models}))
    return sweep.model_copy(update={"issues": issues, "calibration": calibration.note()})
