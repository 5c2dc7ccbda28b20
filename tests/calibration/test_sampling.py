"""The calibration's sampling helpers: the NaN-aware quantiles written out for start-up."""

from __future__ import annotations

import warnings

import numpy as np

from accord.calibration.sampling import TAILS, intervals_of, nan_quantiles


def test_nan_quantiles_equal_numpys_bit_for_bit() -> None:
    rng = np.random.default_rng(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy warns on an all-NaN column
        for trial in range(500):
            m, k = int(rng.integers(1, 40)), int(rng.integers(1, 5))
            x = rng.normal(50, 30, (m, k))
            if trial % 2:
                x = np.round(x / 25) * 25  # ties
            x[rng.random((m, k)) < rng.random() * 0.6] = np.nan
            expected = np.nanquantile(x, TAILS, axis=0)
            assert np.array_equal(nan_quantiles(x, TAILS), expected, equal_nan=True)


def test_quantiles_by_hand() -> None:
    x = np.array([[10.0, np.nan], [20.0, np.nan], [40.0, 7.0], [np.nan, np.nan]])
    q = nan_quantiles(x, np.array([0.0, 0.25, 0.5, 1.0]))
    # column 0: 10, 20, 40 -> index 0.5 between 10 and 20, the median 20, the max 40
    assert q[:, 0].tolist() == [10.0, 15.0, 20.0, 40.0]
    assert q[:, 1].tolist() == [7.0] * 4  # one value
    assert intervals_of(np.full((3, 1), np.nan)).shape[0] == 1
    assert np.isnan(intervals_of(np.full((3, 1), np.nan))).all()  # no outcome in any draw
