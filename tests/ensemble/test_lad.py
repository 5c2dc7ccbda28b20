"""The LAD fit with an L1 penalty, against hand-worked answers."""

from __future__ import annotations

import numpy as np

from accord.ensemble.lad import fit_lad, objective


def test_one_weight_without_penalty_is_a_weighted_median_of_ratios() -> None:
    # min Σ|r_i − β z_i| over β: the weighted median of r_i / z_i with weights |z_i|.
    # ratios 1, 2, 10 with weights 1, 1, 1 → the median 2.
    z = np.array([[1.0], [2.0], [1.0]])
    r = np.array([1.0, 4.0, 10.0])
    assert np.allclose(fit_lad(z, r), [2.0])


def test_exact_combination_is_recovered() -> None:
    # y − base = 0.5 (f_e − base) + 0.25 (q − base) exactly: LAD finds it with no residual
    rng = np.random.default_rng(1)
    z = rng.normal(0, 10, (30, 2))
    r = z @ np.array([0.5, 0.25])
    beta = fit_lad(z, r)
    assert np.allclose(beta, [0.5, 0.25], atol=1e-7)
    assert objective(z, r, beta, 0.0) < 1e-7


def test_penalty_shrinks_to_zero_when_it_outweighs_the_gain() -> None:
    # one row z = 2, r = 2: β = 1 costs λ·1 and saves |2| / 1 row: zero once λ > 2
    z, r = np.array([[2.0]]), np.array([2.0])
    assert np.allclose(fit_lad(z, r, penalty=1.0), [1.0])
    assert np.allclose(fit_lad(z, r, penalty=3.0), [0.0])
