"""Cross-validation by case: calibrate on some cases, score intervals on the others.

Cases, not issues, are split, since the issues of a case share its actors. The fold rule:
sort the case ids, shuffle them with ``numpy.random.default_rng(seed).permutation``, and give
the case at shuffled position ``i`` fold ``i mod k``. Every row of a case is then scored with
the calibration fitted on the other ``k − 1`` folds (out-of-fold intervals).
"""

from __future__ import annotations

import numpy as np

from accord.backtest.defaults import FOLDS
from accord.backtest.runner import BacktestResult, ModelRows
from accord.calibration.conformal import fit, widen


def fold_of(case_ids: list[str], k: int = FOLDS, seed: int = 0) -> dict[str, int]:
    """Each case's fold, 0..k-1 (see the module doc for the rule)."""
    if k < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, got {k}")
    order = np.random.default_rng(seed).permutation(len(case_ids))
    ids = sorted(case_ids)
    return {ids[p]: i % k for i, p in enumerate(order)}


def calibrated_rows(train: ModelRows, test: ModelRows) -> np.ndarray:
    """Intervals ``[r, L, 2]`` for the ``test`` rows, calibrated on the ``train`` rows."""
    c, q = fit(train.intervals, train.outcome, train.spread)
    return widen(test.intervals, q, test.spread + c)


def _subset(rows: ModelRows, keep: np.ndarray) -> ModelRows:
    return ModelRows(*(getattr(rows, f)[keep] for f in ModelRows.__dataclass_fields__))


def cross_validate(
    result: BacktestResult, k: int = FOLDS, seed: int = 0
) -> dict[str, np.ndarray]:
    """Per model, out-of-fold calibrated intervals ``[r, L, 2]`` in the order of
    :meth:`BacktestResult.model_rows`."""
    folds = fold_of(result.case_ids, k, seed)
    fold = np.array([folds[c] for c in result.case_ids], dtype=int)
    out = {}
    for model in result.models:
        rows = result.model_rows(model)
        ivs = np.full_like(rows.intervals, np.nan)
        row_fold = fold[rows.case]
        for f in range(k):
            test = row_fold == f
            if test.any():
                ivs[test] = calibrated_rows(_subset(rows, ~test), _subset(rows, test))
        out[model] = ivs
    return out
