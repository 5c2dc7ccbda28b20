"""Sampling of uncertain inputs: truncated laws, jitter, seeded chunks."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from accord.case import parse_case
from accord.uncertainty.chunk import chunk_rng
from accord.uncertainty.distributions import (
    NORMAL,
    TRIANGULAR,
    UNIFORM,
    Marginals,
    truncated_ppf,
)
from accord.uncertainty.inputs import sampling_plan


def marginals(*rows: tuple[int, float, float, float, float, float]) -> Marginals:
    arr = np.array(rows, dtype=float)
    return Marginals(arr[:, 0].astype(int), arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4], arr[:, 5])


def test_uniform_and_triangular_by_hand() -> None:
    # uniform [40, 60]: u = 0.25 → 45; triangular (0, mode 50, 100): F(x) = x²/5000 below the
    # mode, so u = 0.125 → x = √(0.125 · 5000) = 25, and u = 0.5 → 50 (symmetric)
    m = marginals((UNIFORM, 40, 60, 50, 0, 100), (TRIANGULAR, 0, 100, 50, 0, 100))
    x = truncated_ppf(m, np.array([[0.25, 0.125], [0.5, 0.5]]))
    np.testing.assert_allclose(x, [[45, 25], [50, 50]], atol=1e-9)


def test_truncated_normal_matches_scipy() -> None:
    # salience 0.95 ± 0.1 truncated to [0, 1]: a true truncation, no mass piled at 1
    m = marginals((NORMAL, 0.95, 0.1, 0.95, 0.0, 1.0))
    u = np.random.default_rng(3).random((200_000, 1))
    x = truncated_ppf(m, u)[:, 0]
    assert x.min() >= 0 and x.max() <= 1
    assert (x == 1.0).mean() < 1e-4
    ref = stats.truncnorm((0 - 0.95) / 0.1, (1 - 0.95) / 0.1, loc=0.95, scale=0.1)
    assert x.mean() == pytest.approx(ref.mean(), abs=1e-3)
    assert np.quantile(x, 0.2) == pytest.approx(ref.ppf(0.2), abs=2e-3)


def test_capability_stays_positive_without_upper_bound() -> None:
    # capability 0.05 ± 0.1 truncated below at 0 only: half a standard deviation of the law
    # lies below the bound, so a clipped (not truncated) sampler would pile 31% of the mass
    # at 0 and get the mean and quantiles wrong
    m = marginals((NORMAL, 0.05, 0.1, 0.05, 0.0, np.inf))
    x = truncated_ppf(m, np.random.default_rng(0).random((50_000, 1)))[:, 0]
    assert (x > 0).all()
    assert np.isfinite(x).all()
    ref = stats.truncnorm((0 - 0.05) / 0.1, np.inf, loc=0.05, scale=0.1)
    assert x.mean() == pytest.approx(ref.mean(), abs=1e-3)
    np.testing.assert_allclose(np.quantile(x, [0.1, 0.5, 0.9]), ref.ppf([0.1, 0.5, 0.9]),
                               atol=2e-3)


CASE = {
    "title": "toy",
    "actors": [
        {"id": "A", "name": "A", "capability": 2, "veto": True},
        {"id": "B", "name": "B", "capability": {"low": 1, "high": 3}},
    ],
    "issues": [{"id": "i", "title": "i", "scale": {0: "no", 100: "yes"}, "status_quo": 30}],
    "positions": [
        {"actor": "A", "issue": "i", "position": {"low": 40, "high": 60}, "salience": 0.5},
        {"actor": "B", "issue": "i", "position": {"value": 50, "low": 40, "high": 60},
         "salience": {"value": 0.6, "sd": 0.1}},
    ],
}


def test_inputs_are_the_uncertain_numbers() -> None:
    plan = sampling_plan(parse_case(CASE))
    assert [i.label for i in plan.inputs] == [
        "B capability", "A position on i", "B position on i", "B salience on i",
    ]


def test_jitter_adds_its_variance_keeping_the_family() -> None:
    plan = sampling_plan(parse_case(CASE), jitter=10)
    by = {i.label: k for k, i in enumerate(plan.inputs)}
    m = plan.marginals
    # certain capability 2 → normal sd 10% of 2; certain salience 0.5 → normal sd 0.1
    k = by["A capability"]
    assert (m.family[k], m.a[k], m.b[k]) == (NORMAL, 2.0, pytest.approx(0.2))
    k = by["A salience on i"]
    assert (m.family[k], m.b[k]) == (NORMAL, pytest.approx(0.1))
    # normal sd 0.1 with σ = 0.1 → √0.02
    assert m.b[by["B salience on i"]] == pytest.approx(np.sqrt(0.02))
    # uniform [40, 60], w = 20: d = (√(400 + 12·100) − 20)/2 = (40 − 20)/2 = 10 → [30, 70],
    # whose variance 40²/12 = 133.3 is 20²/12 = 33.3 plus 10² ✓
    k = by["A position on i"]
    assert (m.family[k], m.a[k], m.b[k]) == (UNIFORM, pytest.approx(30), pytest.approx(70))
    # triangular (40, 50, 60): d = (√(400 + 24·100) − 20)/2 = 16.46; variance grows by 100
    k = by["B position on i"]
    a, b, c = m.a[k], m.b[k], m.mode[k]
    assert (m.family[k], c) == (TRIANGULAR, 50)
    var = (a * a + b * b + c * c - a * b - a * c - b * c) / 18
    assert var == pytest.approx((40**2 + 60**2 + 50**2 - 2400 - 2000 - 3000) / 18 + 100)
    # the status quo is not jittered
    assert all(i.kind != "status quo" for i in plan.inputs)


def test_negative_jitter_is_refused() -> None:
    with pytest.raises(ValueError, match="jitter"):
        sampling_plan(parse_case(CASE), jitter=-1)


def test_sampled_arrays_normalise_capability_and_keep_structure() -> None:
    plan = sampling_plan(parse_case(CASE), jitter=5)
    u = np.random.default_rng(1).random((1000, len(plan.inputs)))
    a = plan.sample(u)
    assert a.c.shape == (1000, 2) and a.X.shape == (1000, 2, 1)
    np.testing.assert_allclose(a.c.sum(axis=1), 1.0)
    assert (a.X >= 0).all() and (a.X <= 100).all() and (a.S >= 0).all() and (a.S <= 1).all()
    assert a.X.std(axis=0).min() > 1  # every position varies


def test_chunk_generators_are_the_spawned_children() -> None:
    children = np.random.SeedSequence(42).spawn(5)
    for i in (0, 3, 4):
        expected = np.random.default_rng(children[i]).random(4)
        np.testing.assert_array_equal(chunk_rng(42, i).random(4), expected)
