"""The given-data first-order estimator on functions with known indices."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import ndtri

from accord.uncertainty.sensitivity import SensitivityStats, first_order


def test_linear_model_has_the_textbook_indices() -> None:
    # y = Σ a_i x_i with independent x_i ~ N(0, σ_i²): S_i = a_i² σ_i² / Σ_j a_j² σ_j²
    # a = (3, 1, 2, 0), σ = (1, 2, 0.5, 1): a²σ² = (9, 4, 1, 0), total 14
    rng = np.random.default_rng(11)
    u = rng.random((40_000, 4))
    x = ndtri(u) * np.array([1.0, 2.0, 0.5, 1.0])
    y = x @ np.array([3.0, 1.0, 2.0, 0.0])
    s = first_order(u, y)
    np.testing.assert_allclose(s, [9 / 14, 4 / 14, 1 / 14, 0.0], atol=0.02)
    assert s[3] < 0.005


def test_ishigami_function() -> None:
    # Ishigami (a = 7, b = 0.1) on U(-π, π)³: S1 = 0.3139, S2 = 0.4424, S3 = 0 (x3 acts only
    # through its interaction with x1); Ishigami & Homma (1990), a standard test function in
    # Saltelli et al., Global Sensitivity Analysis: The Primer (2008)
    rng = np.random.default_rng(5)
    u = rng.random((60_000, 3))
    x = np.pi * (2 * u - 1)
    y = np.sin(x[:, 0]) + 7 * np.sin(x[:, 1]) ** 2 + 0.1 * x[:, 2] ** 4 * np.sin(x[:, 0])
    s = first_order(u, y)
    np.testing.assert_allclose(s, [0.3139, 0.4424, 0.0], atol=0.02)


def test_streaming_in_chunks_equals_one_pass() -> None:
    rng = np.random.default_rng(2)
    u = rng.random((3000, 3))
    y = np.stack([u[:, 0] + 0.1 * u[:, 1], np.where(u[:, 2] > 0.5, np.nan, u[:, 2])], axis=1)
    whole = SensitivityStats.empty(3, 2)
    whole.add(u, y)
    parts = SensitivityStats.empty(3, 2)
    for lo in range(0, 3000, 700):
        part = SensitivityStats.empty(3, 2)
        part.add(u[lo : lo + 700], y[lo : lo + 700])
        parts.merge(part)
    np.testing.assert_allclose(parts.indices(), whole.indices(), atol=1e-12)
    # NaN outputs are skipped: the second output depends on x3 alone where it is defined
    assert whole.indices()[2, 1] == pytest.approx(1.0, abs=0.01)


def test_constant_output_has_no_drivers() -> None:
    u = np.random.default_rng(0).random((500, 2))
    assert (first_order(u, np.full(500, 20.0)) == 0).all()
