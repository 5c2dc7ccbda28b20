"""Cross-validation of the ensemble by case: a case's rows never straddle folds, and each
case is forecast by weights fitted without it."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from accord.backtest.folds import fold_of, row_folds
from accord.ensemble.crossval import fit_chosen, out_of_fold
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
    oof = out_of_fold(base, z, y, case, k=4, seed=0)
    for f, fitted in enumerate(oof.fits):
        test = oof.fold == f
        # refit by hand on the other folds with the penalty the inner folds chose
        again = fit_chosen(base[~test], z[~test], y[~test], case[~test], k=4, seed=0)
        assert again.penalty == fitted.penalty
        assert np.allclose(combine(base[test], z[test], again.beta), oof.forecast[test])
        # no test case among the training rows
        assert not set(case[test]) & set(case[~test])


def test_the_penalty_is_chosen_on_inner_folds_only() -> None:
    base, z, y, case = _synthetic()
    fitted = fit_chosen(base, z, y, case, penalties=(0.0, 100.0), k=3)
    # the signal is strong: no penalty wins on the inner folds, and the weight is near 0.6
    assert fitted.penalty == 0.0
    assert fitted.inner_mae[0.0] < fitted.inner_mae[100.0]
    assert np.allclose(fitted.beta, fit_lad(z, y - base, 0.0))
    assert abs(fitted.beta[0] - 0.6) < 0.1 and abs(fitted.beta[1]) < 0.1
