"""Cross-validation by case: calibrate on some cases, score intervals on the others.

Cases, not issues, are split, since the issues of a case share its actors (the fold rule is
:func:`accord.backtest.folds.fold_of`). Every row of a case is then scored with
the calibration fitted on the other ``k − 1`` folds (out-of-fold intervals).
"""

from __future__ import annotations

import numpy as np

from accord.backtest.folds import FOLDS, fold_of
from accord.backtest.runner import BacktestResult, ModelRows
from accord.calibration.conformal import fit, widen

__all__ = ["FOLDS", "calibrated_rows", "cross_validate", "fold_of"]


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
