"""Choosing the penalty and scoring the ensemble honestly: cross-validation by case.

The penalty ``λ`` is chosen from :data:`PENALTIES` by the MAE of forecasts made on inner
folds (cases split by :func:`accord.backtest.folds.fold_of`); the ensemble is then fitted on
all its training rows with that ``λ``. :func:`out_of_fold` repeats the whole procedure (the
choice of ``λ`` included) inside each outer fold, so every case's forecast comes from an
ensemble that never saw it, not even to choose ``λ`` (nested cross-validation: Varma &
Simon 2006, *BMC Bioinformatics* 7:91).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.backtest.folds import FOLDS, row_folds
from accord.ensemble.features import combine
from accord.ensemble.lad import fit_lad

PENALTIES = (0.0, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)


@dataclass(frozen=True)
class Fitted:
    penalty: float
    beta: np.ndarray  # [p]
    inner_mae: dict[float, float]  # penalty → MAE on the inner folds


@dataclass(frozen=True)
class OutOfFold:
    forecast: np.ndarray  # [r]: each row forecast by the ensemble fitted without its case
    fold: np.ndarray  # [r]: the outer fold of each row
    fits: list[Fitted]  # per outer fold


def _fit_predict(base: np.ndarray, z: np.ndarray, y: np.ndarray, train: np.ndarray,
                 penalty: float) -> np.ndarray:
    beta = fit_lad(z[train], y[train] - base[train], penalty)
    return combine(base[~train], z[~train], beta)


def fit_chosen(
    base: np.ndarray, z: np.ndarray, y: np.ndarray, case: np.ndarray,
    penalties: tuple[float, ...] = PENALTIES, k: int = FOLDS, seed: int = 0,
) -> Fitted:
    """The ensemble on rows ``(base, z, y)`` of cases ``case``, its penalty chosen by
    cross-validation by case on these rows only (ties: the larger penalty)."""
    if np.unique(case).size < 2:
        raise ValueError("choosing the penalty needs rows of at least 2 cases")
    fold = row_folds(case, k, seed)
    mae = {}
    for lam in penalties:
        pred = np.empty_like(y)
        for f in np.unique(fold):
            test = fold == f
            pred[test] = _fit_predict(base, z, y, ~test, lam)
        mae[lam] = float(np.mean(np.abs(pred - y)))
    best = min(penalties, key=lambda lam: (round(mae[lam], 9), -lam))
    return Fitted(best, fit_lad(z, y - base, best), mae)


def out_of_fold(
    base: np.ndarray, z: np.ndarray, y: np.ndarray, case: np.ndarray,
    k: int = FOLDS, seed: int = 0, penalties: tuple[float, ...] = PENALTIES,
    fold: np.ndarray | None = None,
) -> OutOfFold:
    """Every row's forecast by an ensemble fitted (penalty chosen on inner folds) on the
    other outer folds' cases; ``fold``: each row's outer fold (default: the fold rule over
    the cases of these rows)."""
    if fold is None:
        fold = row_folds(case, k, seed)
    pred = np.full_like(y, np.nan)
    fits = []
    for f in range(int(fold.max()) + 1):
        test = fold == f
        if not test.any():
            fits.append(fit_chosen(base, z, y, case, penalties, k, seed))
            continue
        fitted = fit_chosen(base[~test], z[~test], y[~test], case[~test], penalties, k, seed)
        pred[test] = combine(base[test], z[test], fitted.beta)
        fits.append(fitted)
    return OutOfFold(pred, fold, fits)
