"""Split-conformal intervals around the input-uncertainty intervals, scaled by the spread.

For a forecast whose input-uncertainty interval at level ``L`` is ``[lo, hi]`` (a point when
the case states no uncertainty) and an issue whose positions have spread ``σ``
(:mod:`accord.calibration.spread`), the conformity score of the outcome ``y`` is

    ``s = max(lo − y, y − hi) / (σ + c)``

the normalised score of conformalised quantile regression (Romano, Patterson & Candès 2019,
*Conformalized quantile regression*, NeurIPS; normalisation as in Lei et al. 2018,
*Distribution-free predictive inference for regression*, JASA 113(523), section 5.2). It is
negative when the outcome falls inside the interval. ``c > 0`` keeps issues on which everyone
agrees from getting an interval of width zero. With ``n`` scores from cases with known
outcomes, ``q_L`` is the ``⌈(n + 1)·L⌉``-th smallest (the finite-sample correction; when that
rank exceeds ``n`` the interval is the whole scale) and the calibrated interval is

    ``[lo − q_L (σ + c), hi + q_L (σ + c)]``, clipped to 0–100,

which holds a new outcome with probability at least ``L`` if the new case is exchangeable with
the calibration cases. A negative ``q_L`` narrows the interval (never past its midpoint). The
levels are then nested (the 80% interval contains the 50% one, the 95% the 80% one).
"""

from __future__ import annotations

import math

import numpy as np

LEVELS = ("50", "80", "95")
# candidate offsets c (points on the 0–100 scale); a fit keeps the one with the best mean
# interval score on its own cases
C_GRID = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0)
SCALE_MIN, SCALE_MAX = 0.0, 100.0


def scores(base: np.ndarray, y: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Conformity scores ``[r, L]`` of outcomes ``y[r]`` for intervals ``base[r, L, 2]``."""
    lo, hi = base[..., 0], base[..., 1]
    return np.maximum(lo - y[:, None], y[:, None] - hi) / scale[:, None]


def conformal_quantile(s: np.ndarray, level: float) -> float:
    """The ``⌈(n + 1)·level⌉``-th smallest score (``level`` in 0..1); inf when too few."""
    n = s.size
    rank = math.ceil((n + 1) * level - 1e-9)
    return math.inf if rank > n or n == 0 else float(np.sort(s)[rank - 1])


def quantiles(base: np.ndarray, y: np.ndarray, spread: np.ndarray, c: float) -> np.ndarray:
    """``q_L`` per level ``[L]`` from the intervals, outcomes and spreads of the fit rows."""
    s = scores(base, y, spread + c)
    return np.array([conformal_quantile(s[:, i], int(lv) / 100) for i, lv in enumerate(LEVELS)])


def widen(base: np.ndarray, q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Calibrated intervals ``[..., L, 2]`` from ``base[..., L, 2]``, ``q[L]`` and the
    scale ``σ + c`` ``[...]``: widened (or narrowed to at most the midpoint), clipped to
    0–100 and nested across levels. NaN intervals (no forecast) stay NaN."""
    lo, hi = base[..., 0], base[..., 1]
    step = q * scale[..., None]
    mid = (lo + hi) / 2
    with np.errstate(invalid="ignore"):
        new_lo = np.minimum(lo - step, mid)
        new_hi = np.maximum(hi + step, mid)
    new_lo = np.minimum.accumulate(np.clip(new_lo, SCALE_MIN, SCALE_MAX), axis=-1)
    new_hi = np.maximum.accumulate(np.clip(new_hi, SCALE_MIN, SCALE_MAX), axis=-1)
    return np.stack([new_lo, new_hi], axis=-1)


def interval_score(intervals: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Interval scores ``[r, L]`` (Gneiting & Raftery 2007, *Strictly proper scoring rules*,
    JASA 102(477), eq. 43): width plus ``2/α`` times the distance by which ``y`` misses."""
    alpha = 1 - np.array([int(lv) / 100 for lv in LEVELS])
    lo, hi = intervals[..., 0], intervals[..., 1]
    miss = np.maximum(lo - y[:, None], 0) + np.maximum(y[:, None] - hi, 0)
    return (hi - lo) + 2 / alpha * miss


def fit(
    base: np.ndarray, y: np.ndarray, spread: np.ndarray, grid: tuple[float, ...] = C_GRID
) -> tuple[float, np.ndarray]:
    """``(c, q[L])`` for rows ``base[r, L, 2]``, ``y[r]``, ``spread[r]``: for each ``c`` of
    the grid the conformal quantiles, keeping the ``c`` with the lowest mean interval score
    over the levels (any ``c`` gives the coverage; the interval score, a proper scoring rule,
    rewards intervals that are narrow where outcomes are close and wide where they are not,
    which the mean width alone does not). Without rows every interval is the whole scale."""
    if not y.size:
        return grid[0], np.full(len(LEVELS), math.inf)
    best: tuple[float, float, np.ndarray] | None = None
    for c in grid:
        q = quantiles(base, y, spread, c)
        score = float(np.mean(interval_score(widen(base, q, spread + c), y)))
        if best is None or score < best[0] - 1e-9:
            best = (score, c, q)
    assert best is not None
    return best[1], best[2]
