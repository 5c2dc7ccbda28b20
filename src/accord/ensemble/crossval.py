"""Choosing the penalty and scoring the ensemble honestly: cross-validation by case.

The penalty ``λ`` is chosen from :data:`PENALTIES` by the MAE of forecasts made on inner
folds (cases split by :func:`accord.backtest.folds.fold_of`); the ensemble is then fitted on
all its training rows with that ``λ``. A :class:`Rule` says how (:data:`PRIMARY` is
accord's; docs/backtest.md, "fourth attempt", says why and when it was adopted):

- ``penalty="one-se"``: the **one-standard-error rule** (Breiman et al. 1984, §3.4.3;
  Hastie, Tibshirani & Friedman, *ESL* §7.10): the largest ``λ`` whose inner MAE is within
  one standard error of the smallest, the standard error over the inner folds as
  ``cv.glmnet`` computes it (Friedman, Hastie & Tibshirani 2010): ``sqrt(Σ_f w_f (m_f − m)² /
  (K − 1))``, ``m_f`` a fold's MAE, ``w_f`` its share of the rows, ``m`` the pooled MAE;
  ``penalty="min"``: the ``λ`` with the smallest inner MAE (ties: the larger);
- ``convex=m``: the weights on the first ``m`` offsets (for :data:`PRIMARY`, the models'
  offsets, :data:`accord.ensemble.features.COMPONENTS`) are non-negative and sum to at most
  1 (:func:`accord.ensemble.lad.fit_lad`), so they cannot cancel; ``0``: free weights.

:func:`out_of_fold` repeats the whole procedure (the choice of ``λ`` included) inside each
outer fold, so every case's forecast comes from an
ensemble that never saw it, not even to choose ``λ`` (nested cross-validation: Varma &
Simon 2006, *BMC Bioinformatics* 7:91).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from accord.backtest.folds import FOLDS, row_folds
from accord.ensemble.features import COMPONENTS, combine
from accord.ensemble.lad import fit_lad

PENALTIES = (0.0, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
PenaltyRule = Literal["min", "one-se"]


@dataclass(frozen=True)
class Rule:
    """How the penalty is chosen and whether the models' weights form a convex combination."""

    penalty: PenaltyRule
    convex: int  # how many leading columns' weights form a convex combination


PRIMARY = Rule("one-se", len(COMPONENTS))  # accord's procedure since issue 11's 4th attempt
EARLIER = Rule("min", 0)  # the procedure before it


@dataclass(frozen=True)
class Fitted:
    penalty: float
    beta: np.ndarray  # [p]
    inner_mae: dict[float, float]  # penalty → MAE on the inner folds
    inner_se: dict[float, float]  # penalty → its standard error over the inner folds


@dataclass(frozen=True)
class OutOfFold:
    forecast: np.ndarray  # [r]: each row forecast by the ensemble fitted without its case
    fold: np.ndarray  # [r]: the outer fold of each row
    fits: list[Fitted]  # per outer fold (none for an equal-weight mean: nothing is fitted)

    @property
    def folds(self) -> int:
        """The number of outer folds (folds are numbered 0..folds-1)."""
        return int(self.fold.max()) + 1 if self.fold.size else 0


def _fit_predict(base: np.ndarray, z: np.ndarray, y: np.ndarray, train: np.ndarray,
                 penalty: float, convex: int) -> np.ndarray:
    beta = fit_lad(z[train], y[train] - base[train], penalty, convex)
    return combine(base[~train], z[~train], beta)


def fold_se(error: np.ndarray, fold: np.ndarray) -> float:
    """The standard error of a cross-validated MAE over its folds, as ``cv.glmnet``:
    ``sqrt(Σ_f w_f (m_f − m)² / (K − 1))`` with ``w_f`` the fold's share of the rows."""
    folds = np.unique(fold)
    if folds.size < 2:
        return 0.0
    m = float(np.mean(np.abs(error)))
    w = np.array([np.mean(fold == f) for f in folds])
    m_f = np.array([np.mean(np.abs(error[fold == f])) for f in folds])
    return float(np.sqrt(np.sum(w * (m_f - m) ** 2) / (folds.size - 1)))


def choose_penalty(mae: dict[float, float], se: dict[float, float], rule: PenaltyRule) -> float:
    """The penalty ``rule`` picks from inner MAEs and their standard errors."""
    best = min(mae, key=lambda lam: (round(mae[lam], 9), -lam))
    if rule == "min":
        return best
    bound = round(mae[best] + se[best], 9)
    return max(lam for lam in mae if round(mae[lam], 9) <= bound)


def fit_chosen(
    base: np.ndarray, z: np.ndarray, y: np.ndarray, case: np.ndarray,
    penalties: tuple[float, ...] = PENALTIES, k: int = FOLDS, seed: int = 0,
    rule: Rule = PRIMARY,
) -> Fitted:
    """The ensemble on rows ``(base, z, y)`` of cases ``case``, its penalty chosen by
    cross-validation by case on these rows only, by ``rule``."""
    if np.unique(case).size < 2:
        raise ValueError("choosing the penalty needs rows of at least 2 cases")
    fold = row_folds(case, k, seed)
    mae, se = {}, {}
    for lam in penalties:
        pred = np.empty_like(y)
        for f in np.unique(fold):
            test = fold == f
            pred[test] = _fit_predict(base, z, y, ~test, lam, rule.convex)
        mae[lam] = float(np.mean(np.abs(pred - y)))
        se[lam] = fold_se(pred - y, fold)
    best = choose_penalty(mae, se, rule.penalty)
    return Fitted(best, fit_lad(z, y - base, best, rule.convex), mae, se)


def out_of_fold(
    base: np.ndarray, z: np.ndarray, y: np.ndarray, case: np.ndarray,
    k: int = FOLDS, seed: int = 0, penalties: tuple[float, ...] = PENALTIES,
    fold: np.ndarray | None = None, rule: Rule = PRIMARY,
) -> OutOfFold:
    """Every row's forecast by an ensemble fitted by ``rule`` (penalty chosen on inner folds)
    on the other outer folds' cases; ``fold``: each row's outer fold (default: the fold rule over
    the cases of these rows)."""
    if fold is None:
        fold = row_folds(case, k, seed)
    pred = np.full_like(y, np.nan)
    fits = []
    for f in range(int(fold.max()) + 1):
        test = fold == f
        if not test.any():
            fits.append(fit_chosen(base, z, y, case, penalties, k, seed, rule))
            continue
        fitted = fit_chosen(base[~test], z[~test], y[~test], case[~test], penalties, k, seed,
                            rule)
        pred[test] = combine(base[test], z[test], fitted.beta)
        fits.append(fitted)
    return OutOfFold(pred, fold, fits)
