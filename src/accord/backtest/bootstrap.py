"""A paired bootstrap of the difference in mean absolute error, resampling cases.

Issues of one case share its actors, capabilities and coders, so their errors are not
independent; resampling issues would understate the uncertainty. Each resample draws as many
cases as there are, with replacement, keeps all the issues of each drawn case, and computes
``MAE(model) − MAE(reference)`` over those issues (both models on the same issues: paired).
The interval is the percentile interval of the resampled differences (Efron & Tibshirani
1993, *An Introduction to the Bootstrap*, ch. 13).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RESAMPLES = 2000
LEVEL = 0.95


@dataclass(frozen=True)
class Difference:
    value: float  # MAE(model) − MAE(reference) on the data
    low: float
    high: float
    resamples: int
    level: float


def mae_difference(
    case: np.ndarray, error: np.ndarray, reference: np.ndarray,
    resamples: int = RESAMPLES, seed: int = 0, level: float = LEVEL,
) -> Difference:
    """The paired case bootstrap of ``mean|error| − mean|reference|`` (rows paired, each
    in case ``case[r]``)."""
    ids, inverse = np.unique(case, return_inverse=True)
    n = np.bincount(inverse, minlength=ids.size).astype(float)
    d = np.bincount(inverse, weights=np.abs(error) - np.abs(reference), minlength=ids.size)
    draws = np.random.default_rng(seed).integers(0, ids.size, (resamples, ids.size))
    counts = np.zeros((resamples, ids.size))
    np.add.at(counts, (np.arange(resamples)[:, None], draws), 1.0)
    diffs = (counts @ d) / (counts @ n)
    tail = (1 - level) / 2
    lo, hi = np.quantile(diffs, [tail, 1 - tail])
    return Difference(float(d.sum() / n.sum()), float(lo), float(hi), resamples, level)
