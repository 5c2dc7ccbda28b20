"""Cross-validation by case: the fold rule, out-of-fold calibration, and the coverage it
measures on the DEU III development half (Arregui & Perarnaud 2021, doi:10.34810/data53)."""

from __future__ import annotations

import numpy as np
import pytest

from accord.backtest import BacktestResult, cross_validate, fold_of, score_model
from accord.backtest.crossval import _subset, calibrated_rows


def test_folds_are_balanced_fixed_and_do_not_depend_on_order() -> None:
    ids = [f"case{i:02d}" for i in range(23)]
    folds = fold_of(ids, 5, seed=0)
    assert fold_of(list(reversed(ids)), 5, seed=0) == folds
    sizes = np.bincount(list(folds.values()))
    assert sorted(sizes) == [4, 4, 5, 5, 5]
    assert fold_of(ids, 5, seed=1) != folds
    with pytest.raises(ValueError):
        fold_of(ids, 1)


def test_each_case_is_calibrated_without_its_own_rows(deu_static: BacktestResult) -> None:
    ivs = cross_validate(deu_static, 5, seed=0)["nash"]
    rows = deu_static.model_rows("nash")
    folds = fold_of(deu_static.case_ids, 5, 0)
    fold = np.array([folds[deu_static.case_ids[c]] for c in rows.case])
    test = fold == 2
    expected = calibrated_rows(_subset(rows, ~test), _subset(rows, test))
    assert np.array_equal(ivs[test], expected)


@pytest.mark.parametrize("model", ["compromise", "median", "nash"])
def test_cross_validated_coverage_is_near_nominal(deu_static: BacktestResult, model: str) -> None:
    cal = cross_validate(deu_static, 5, seed=0)[model]
    s = score_model(deu_static, model, cal)
    assert s is not None and s.calibrated_coverage is not None
    share = s.calibrated_coverage.share
    assert 0.72 <= share["80"] <= 0.88, share
    assert 0.42 <= share["50"] <= 0.58, share
    # the input uncertainty alone is far too narrow on this data
    assert s.input_coverage.share["80"] < 0.5
