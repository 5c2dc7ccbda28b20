"""Cross-validation of the ensemble by case: a case's rows never straddle folds, and each
case is forecast by weights fitted without it."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from accord.backtest.folds import fold_of, row_folds
from accord.ensemble.crossval import (
    EARLIER,
    PRIMARY,
    Rule,
    choose_penalty,
    fit_chosen,
    fold_se,
    out_of_fold,
)
from accord.ensemble.features import combine
from accord.ensemble.lad import fit_lad


@given(st.lists(st.integers(0, 12), min_size=2, max_size=60), st.integers(2, 6),
       st.integers(0, 5))
def test_row_folds_never_split_a_case(cases: list[int], k: int, seed: int) -> None:
    assume(len(set(cases)) >= 2)  # one case cannot be cross-validated (a ValueError)
    case = np.array([f"c{c}" for c in cases], dtype=object)
    fold = row_folds(case, k, seed)
    for c in set(case.tolist()):
        assert np.unique(fold[case == c]).size == 1
    expected = fold_of(sorted(set(case.tolist())), min(k, len(set(cases))), seed)
    assert [expected[c] for c in case.tolist()] == fold.tolist()


def _synthetic() -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(3)
    case = np.repeat([f"case{i}" for i in range(12)], 3).astype(object)
    base = rng.uniform(20, 80, case.size)
    z = rng.normal(0, 10, (case.size, 2))
    y = np.clip(base + z @ np.array([0.6, 0.0]) + rng.normal(0, 1, case.size), 0, 100)
    return base, z, y, case


def test_out_of_fold_forecasts_come_from_fits_without_the_case() -> None:
    base, z, y, case = _synthetic()
    rule = Rule("one-se", 2)
    oof = out_of_fold(base, z, y, case, k=4, seed=0, rule=rule)
    for f, fitted in enumerate(oof.fits):
        test = oof.fold == f
        # refit by hand on the other folds with the penalty the inner folds chose
        again = fit_chosen(base[~test], z[~test], y[~test], case[~test], k=4, seed=0,
                           rule=rule)
        assert again.penalty == fitted.penalty
        assert np.allclose(combine(base[test], z[test], again.beta), oof.forecast[test])
        # no test case among the training rows
        assert not set(case[test]) & set(case[~test])


def test_the_penalty_is_chosen_on_inner_folds_only() -> None:
    base, z, y, case = _synthetic()
    fitted = fit_chosen(base, z, y, case, penalties=(0.0, 100.0), k=3, rule=EARLIER)
    # the signal is strong: no penalty wins on the inner folds, and the weight is near 0.6
    assert fitted.penalty == 0.0
    assert fitted.inner_mae[0.0] + fitted.inner_se[0.0] < fitted.inner_mae[100.0]
    assert np.allclose(fitted.beta, fit_lad(z, y - base, 0.0))
    assert abs(fitted.beta[0] - 0.6) < 0.1 and abs(fitted.beta[1]) < 0.1


def test_fold_se_is_glmnets_weighted_standard_error() -> None:
    # folds of 1, 1 and 2 rows with MAEs 2, 4 and 3: pooled m = (2 + 4 + 3 + 3) / 4 = 3;
    # Σ w (m_f − m)² = ¼·1 + ¼·1 + ½·0 = ½; over K − 1 = 2: ¼; SE = ½
    error = np.array([2.0, -4.0, 3.0, -3.0])
    fold = np.array([0, 1, 2, 2])
    assert np.isclose(fold_se(error, fold), 0.5)
    assert fold_se(error, np.zeros(4, int)) == 0.0


def test_one_se_rule_takes_the_largest_penalty_within_one_se_of_the_best() -> None:
    mae = {0.0: 10.0, 0.1: 9.0, 1.0: 9.4, 10.0: 9.6}
    se = {0.0: 0.1, 0.1: 0.5, 1.0: 0.5, 10.0: 0.1}
    assert choose_penalty(mae, se, "min") == 0.1
    # the bound is the best's MAE + the best's SE: 9.0 + 0.5 = 9.5; 10 (9.6) is beyond it
    assert choose_penalty(mae, se, "one-se") == 1.0
    se[0.1] = 0.6  # now 9.6 is within it
    assert choose_penalty(mae, se, "one-se") == 10.0


def _cancelling() -> tuple[np.ndarray, ...]:
    """Two models whose offsets nearly coincide while the outcome follows their difference:
    the unconstrained fit gives them large weights that cancel (−5 and +5)."""
    rng = np.random.default_rng(7)
    case = np.repeat([f"case{i}" for i in range(10)], 4).astype(object)
    base = rng.uniform(30, 70, case.size)
    a = rng.normal(0, 10, case.size)
    d = rng.normal(0, 1, case.size)
    z = np.column_stack([a, a + d])  # model 2 = model 1 + a small difference d
    y = base + 5.0 * d  # = base − 5 z_1 + 5 z_2 exactly
    return base, z, y, case


def test_unconstrained_fit_cancels_and_the_convex_one_cannot() -> None:
    base, z, y, case = _cancelling()
    r = y - base
    free = fit_lad(z, r)
    assert np.allclose(free, [-5.0, 5.0], atol=1e-6)  # large weights that cancel
    convex = fit_lad(z, r, convex=2)
    assert (convex >= -1e-9).all() and convex.sum() <= 1 + 1e-9
    # the constrained optimum, checked against a grid over the simplex
    grid = np.array([(u, v) for u in np.linspace(0, 1, 101) for v in np.linspace(0, 1, 101)
                     if u + v <= 1 + 1e-12])
    grid_best = np.abs(r[:, None] - z @ grid.T).mean(axis=0).min()
    assert np.abs(r - z @ convex).mean() <= grid_best + 1e-9
    # a nested fit under a convex rule keeps the weights convex in every outer fold
    oof = out_of_fold(base, z, y, case, k=5, seed=0, rule=Rule("one-se", 2))
    for fitted in oof.fits:
        assert (fitted.beta >= -1e-9).all() and fitted.beta.sum() <= 1 + 1e-9


def test_the_convex_constraint_leaves_the_later_columns_free() -> None:
    # r = −0.5 z_2: with only the first column constrained, the second is free to be −0.5
    rng = np.random.default_rng(2)
    z = rng.normal(0, 10, (20, 2))
    beta = fit_lad(z, -0.5 * z[:, 1], convex=1)
    assert np.allclose(beta, [0.0, -0.5], atol=1e-7)


def test_the_primary_rule_constrains_the_model_offsets_only() -> None:
    from accord.ensemble.features import COMPONENTS, FEATURES

    assert (PRIMARY.penalty, PRIMARY.convex) == ("one-se", len(COMPONENTS))
    assert FEATURES[:PRIMARY.convex] == tuple(f"{m} − compromise" for m in COMPONENTS)
