"""Equal-weight combinations of the models' forecasts: nothing is fitted.

The forecast-combination literature's best-documented finding is that a simple average of
forecasts does as well as, or better than, a combination whose weights are estimated, when
there is little data to estimate them on (the "forecast combination puzzle": Bates & Granger
1969, *Operational Research Quarterly* 20(4); Clemen 1989, *Int. J. Forecasting* 5(4); Stock
& Watson 2004, *J. Forecasting* 23(6); Smith & Wallis 2009, *Oxford Bulletin of Economics and
Statistics* 71(3); Claeskens, Magnus, Vasnev & Wang 2016, *Int. J. Forecasting* 32(3)).

- :func:`mean_of`: the equal-weight mean of named models' forecasts (an ensemble file of
  ``combination: mean``; docs/backtest.md, issue 11's fifth attempt);
- :func:`median_of`: their median;
- :func:`within_best`: the models whose MAE is at most a share above the best one's (trimming
  a combination by past accuracy: Granger & Jeon 2004, *Economic Modelling* 21(2); Aiolfi &
  Timmermann 2006, *J. Econometrics* 135).

A member that gives no forecast on an issue (it does not apply to the case, or its forecast
is NaN) is left out of that issue's combination; where no member gives one, the result is NaN.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

TRIM = 0.10  # within_best: at most 10% above the smallest MAE (fixed in the fifth attempt)


@dataclass(frozen=True)
class Mean:
    """The method of an ensemble that is the equal-weight mean of ``members`` (model names):
    nothing is fitted, so its forecasts on the cases it is scored on are out of sample."""

    members: tuple[str, ...]


def _stack(forecasts: Mapping[str, np.ndarray], members: Sequence[str]) -> np.ndarray:
    """The members' forecasts on a new last axis ``[..., k, m]`` (NaN where one is missing;
    the shape is that of the forecasts given, which must not all be missing)."""
    if not members or not forecasts:
        raise ValueError("a combination needs at least one member and one forecast")
    given = np.broadcast_arrays(*(np.asarray(f, dtype=float) for f in forecasts.values()))
    nan = np.full(given[0].shape, np.nan)
    return np.stack([given[list(forecasts).index(m)] if m in forecasts else nan
                     for m in members], axis=-1)


def _combine(
    forecasts: Mapping[str, np.ndarray], members: Sequence[str],
    how: Callable[[np.ndarray], np.ndarray],
) -> np.ndarray:
    x = _stack(forecasts, members)
    ok = ~np.isnan(x)
    out = np.full(x.shape[:-1], np.nan)
    any_ok = ok.any(axis=-1)
    if any_ok.any():
        out[any_ok] = how(x[any_ok])  # rows [r, m] with at least one forecast
    return out


def _row_mean(x: np.ndarray) -> np.ndarray:
    """The mean of each row's numbers ``x[r, m]``, NaNs left out (``np.nanmean`` without its
    warnings; every row has at least one number)."""
    ok = ~np.isnan(x)
    return np.where(ok, x, 0.0).sum(axis=-1) / ok.sum(axis=-1)


def mean_of(forecasts: Mapping[str, np.ndarray], members: Sequence[str]) -> np.ndarray:
    """The equal-weight mean ``[..., k]`` of the ``members``' forecasts ``[..., k]``."""
    return _combine(forecasts, members, _row_mean)


def median_of(forecasts: Mapping[str, np.ndarray], members: Sequence[str]) -> np.ndarray:
    """The median ``[..., k]`` of the ``members``' forecasts (an even count: the mean of the
    middle two)."""
    return _combine(forecasts, members, lambda x: np.nanmedian(x, axis=-1))


def within_best(mae: Mapping[str, float], within: float = TRIM) -> list[str]:
    """The models (in ``mae``'s order) whose MAE is at most ``(1 + within)`` times the
    smallest."""
    if not mae:
        raise ValueError("no model to choose from")
    bound = (1.0 + within) * min(mae.values())
    return [m for m, v in mae.items() if v <= bound]
