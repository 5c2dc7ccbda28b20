"""The input-uncertainty intervals that a calibration widens.

A quick sweep: ``samples`` draws of the case's uncertain inputs (one chunk of
:mod:`accord.uncertainty`, seed ``seed``), every model run on all of them at once, and the
central 50/80/95% intervals of each model's outcomes (``numpy.quantile``, linear). A case that
states no uncertainty gets point intervals at the forecast without sampling. Backtests,
``accord calibrate`` and ``accord forecast`` all use this, with the calibration's ``samples``
and ``seed``, so the intervals a calibration was fitted on and the ones it widens are made
the same way.
"""

from __future__ import annotations

import warnings

import numpy as np

from accord.backtest.defaults import SAMPLES
from accord.calibration.conformal import LEVELS
from accord.case import Case
from accord.forecast import run_models
from accord.models.registry import Model
from accord.uncertainty.chunk import chunk_rng
from accord.uncertainty.inputs import sampling_plan

TAILS = np.array([t for lv in LEVELS for t in ((1 - int(lv) / 100) / 2, (1 + int(lv) / 100) / 2)])


def input_intervals(
    case: Case, models: list[Model], point: dict[str, np.ndarray],
    samples: int = SAMPLES, seed: int = 0,
) -> dict[str, np.ndarray]:
    """Per model ``[k, L, 2]``: the central intervals of its outcomes over ``samples`` draws
    of the case's inputs (``point`` repeated when nothing is uncertain; NaN where the model
    has no outcome in any draw)."""
    plan = sampling_plan(case)
    if not plan.inputs:
        return {m.name: np.repeat(point[m.name][:, None, None], len(LEVELS), 1)
                .repeat(2, 2) for m in models}
    u = chunk_rng(seed, 0).random((samples, len(plan.inputs)))
    outcomes = run_models(plan.sample(u), models)
    out = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns: no outcome
        for name, v in outcomes.items():
            q = np.nanquantile(v, TAILS, axis=0)  # [2L, k]
            out[name] = q.T.reshape(-1, len(LEVELS), 2)
    return out
