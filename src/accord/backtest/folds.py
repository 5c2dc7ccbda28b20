"""The fold rule of every cross-validation by case in accord.

Cases, not issues, are split, since the issues of a case share its actors. Sort the case ids,
shuffle them with ``numpy.random.default_rng(seed).permutation``, and give the case at
shuffled position ``i`` fold ``i mod k``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from accord.backtest.defaults import FOLDS


def fold_of(case_ids: Sequence[str], k: int = FOLDS, seed: int = 0) -> dict[str, int]:
    """Each case's fold, 0..k-1 (see the module doc for the rule)."""
    if k < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, got {k}")
    order = np.random.default_rng(seed).permutation(len(case_ids))
    ids = sorted(case_ids)
    return {ids[p]: i % k for i, p in enumerate(order)}


def row_folds(case: np.ndarray, k: int = FOLDS, seed: int = 0) -> np.ndarray:
    """The fold of each row ``r`` whose case is ``case[r]`` (any hashable labels): the rows of
    one case always share a fold."""
    labels = sorted({str(c) for c in case.tolist()})
    folds = fold_of(labels, min(k, len(labels)), seed)
    return np.array([folds[str(c)] for c in case.tolist()], dtype=int)
