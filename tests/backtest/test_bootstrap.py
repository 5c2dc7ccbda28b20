"""The paired bootstrap resamples cases, not issues."""

from __future__ import annotations

import numpy as np
import pytest

from accord.backtest.bootstrap import mae_difference


def test_resampling_cases_gives_only_case_mixtures() -> None:
    # case 0: three issues, each 1 point worse than the reference; case 1: one issue 1 better
    case = np.array([0, 0, 0, 1])
    error = np.array([2.0, 2.0, 2.0, 0.0])
    reference = np.array([1.0, 1.0, 1.0, 1.0])
    d = mae_difference(case, error, reference, resamples=4000, seed=1)
    assert d.value == pytest.approx((3 - 1) / 4)
    # resamples: both case 0 → +1, both case 1 → −1, one of each → (3 − 1) / 4 = 0.5;
    # resampling issues would also give 0 (two and two) and −0.5
    assert (d.low, d.high) == (-1.0, 1.0)


def test_equal_errors_differ_by_nothing() -> None:
    case = np.arange(10) // 2
    e = np.linspace(-30, 30, 10)
    d = mae_difference(case, e, -e)
    assert (d.value, d.low, d.high) == (0.0, 0.0, 0.0)
