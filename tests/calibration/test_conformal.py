"""The conformal quantile, widening and spread, against hand-worked numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from accord.calibration.conformal import conformal_quantile, fit, scores, widen
from accord.calibration.spread import position_spread
from accord.models.arrays import CaseArrays


def test_finite_sample_rank() -> None:
    s = np.arange(1.0, 10.0)  # 9 scores
    assert conformal_quantile(s, 0.8) == 8.0  # ceil(10 × 0.8) = 8th smallest
    assert conformal_quantile(s, 0.5) == 5.0  # ceil(5) = 5th
    assert conformal_quantile(s, 0.95) == math.inf  # ceil(9.5) = 10 > 9
    assert conformal_quantile(np.array([]), 0.5) == math.inf


def test_scores_are_distance_outside_the_interval_over_the_scale() -> None:
    base = np.array([[[40.0, 60.0]], [[40.0, 60.0]], [[50.0, 50.0]]])
    y = np.array([70.0, 45.0, 50.0])
    s = scores(base, y, np.array([10.0, 10.0, 5.0]))
    assert s[:, 0].tolist() == [1.0, -0.5, 0.0]


def test_widen_clips_narrows_to_the_midpoint_and_nests() -> None:
    base = np.array([[[40.0, 60.0], [35.0, 65.0], [30.0, 70.0]]])
    q = np.array([-2.0, 1.0, math.inf])
    got = widen(base, q, np.array([10.0]))
    assert got[0].tolist() == [[50.0, 50.0], [25.0, 75.0], [0.0, 100.0]]
    nested = widen(np.array([[[10.0, 90.0], [40.0, 60.0], [45.0, 55.0]]]),
                   np.zeros(3), np.array([1.0]))
    assert nested[0].tolist() == [[10.0, 90.0], [10.0, 90.0], [10.0, 90.0]]


def test_fit_keeps_the_coverage_on_its_rows() -> None:
    rng = np.random.default_rng(3)
    spread = rng.uniform(0, 10, 400)
    y = 50 + rng.normal(0, 1, 400) * (spread + 5)
    base = np.repeat(np.full((400, 1, 1), 50.0), 3, 1).repeat(2, 2)
    c, q = fit(base, y, spread)
    ivs = widen(base, q, spread + c)
    inside = (ivs[..., 0] <= y[:, None]) & (y[:, None] <= ivs[..., 1])
    assert inside.mean(0) == pytest.approx([0.5, 0.8, 0.95], abs=0.01)
    assert c in (2.0, 5.0, 10.0)  # the grid's points nearest the noise's true offset, 5


def test_spread_is_the_weighted_sd_of_stated_positions() -> None:
    X = np.array([[0.0, 30.0, 10.0], [100.0, 30.0, 20.0], [50.0, 30.0, 90.0]])
    S = np.array([[1.0, 1.0, 0.5], [1.0, 1.0, 0.5], [0.0, 1.0, 0.0]])
    has = np.array([[True, True, True], [True, True, True], [True, True, False]])
    a = CaseArrays(["a", "b", "c"], ["i", "j", "k"], np.array([0.25, 0.25, 0.5]), X, S,
                   np.zeros(3), np.zeros(3, bool), has)
    # i: two equal weights at 0 and 100 (c's salience is 0) → 50; j: all agree → 0;
    # k: two equal weights at 10 and 20 (c has no position) → 5
    assert position_spread(a).tolist() == pytest.approx([50.0, 0.0, 5.0])
