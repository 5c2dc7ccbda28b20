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

import numpy as np

from accord.backtest.defaults import SAMPLES
from accord.calibration.conformal import LEVELS
from accord.case import Case
from accord.forecast import run_models
from accord.models.arrays import CaseArrays
from accord.models.registry import Model
from accord.uncertainty.chunk import chunk_rng
from accord.uncertainty.inputs import sampling_plan

TAILS = np.array([t for lv in LEVELS for t in ((1 - int(lv) / 100) / 2, (1 + int(lv) / 100) / 2)])


Sampled = tuple[CaseArrays, dict[str, np.ndarray]]  # sampled arrays, outcomes [m, k] per model


def sample_outcomes(
    case: Case, models: list[Model], samples: int = SAMPLES, seed: int = 0
) -> Sampled | None:
    """The sampled arrays of the case's uncertain inputs and every model's outcomes on them;
    None when nothing is uncertain."""
    plan = sampling_plan(case)
    if not plan.inputs:
        return None
    arrays = plan.sample(chunk_rng(seed, 0).random((samples, len(plan.inputs))))
    return arrays, run_models(arrays, models)


def intervals_of(outcomes: np.ndarray) -> np.ndarray:
    """The central intervals ``[k, L, 2]`` of sampled outcomes ``[m, k]`` (NaN where no
    draw has an outcome)."""
    q = nan_quantiles(outcomes, TAILS)  # [2L, k]
    return q.T.reshape(-1, len(LEVELS), 2)


def nan_quantiles(x: np.ndarray, q: np.ndarray) -> np.ndarray:
    """``np.nanquantile(x, q, axis=0)`` ``[len(q), k]`` for ``x[m, k]`` with numpy's default
    (linear, Hyndman & Fan 1996 type 7) method, bit for bit, NaN for a column of NaNs only.
    Written out because numpy's own imports ``numpy.ma`` (about 20 ms of every forecast's
    start-up)."""
    s = np.sort(x, axis=0)  # NaNs sort last
    n = np.count_nonzero(~np.isnan(x), axis=0)  # [k]
    at = q[:, None] * (np.maximum(n, 1) - 1)  # virtual index [len(q), k]
    below = np.floor(at)
    t = at - below
    lo = below.astype(np.intp)
    hi = np.minimum(lo + 1, np.maximum(n, 1) - 1)
    cols = np.arange(x.shape[1])
    a, b = s[lo, cols], s[hi, cols]
    diff = b - a
    out = np.where(t >= 0.5, b - diff * (1 - t), a + diff * t)  # numpy's _lerp
    out[:, n == 0] = np.nan
    return out


def point_intervals(point: np.ndarray) -> np.ndarray:
    """Intervals ``[k, L, 2]`` that are all the point forecast (nothing uncertain)."""
    return np.repeat(point[:, None, None], len(LEVELS), 1).repeat(2, 2)


def input_intervals(
    case: Case, models: list[Model], point: dict[str, np.ndarray],
    samples: int = SAMPLES, seed: int = 0, sampled: Sampled | None = None,
) -> dict[str, np.ndarray]:
    """Per model ``[k, L, 2]``: the central intervals of its outcomes over ``samples`` draws
    of the case's inputs (``point`` repeated when nothing is uncertain; NaN where the model
    has no outcome in any draw). ``sampled``: :func:`sample_outcomes` already run."""
    drawn = sampled if sampled is not None else sample_outcomes(case, models, samples, seed)
    if drawn is None:
        return {m.name: point_intervals(point[m.name]) for m in models}
    return {m.name: intervals_of(drawn[1][m.name]) for m in models}
