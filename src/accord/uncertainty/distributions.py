"""Truncated distributions sampled by inverse transform, vectorised over many inputs.

Every uncertain number is drawn as ``x = F⁻¹(F(lo) + u·(F(hi) − F(lo)))`` from one uniform
``u`` in [0, 1): the stated distribution (normal, uniform or triangular, cdf ``F``) truncated
to the quantity's valid range ``[lo, hi]``. Truncation, not clipping: clipping would pile a
point mass on the bounds (a salience of exactly 0 silences an actor, a capability of 0 is not
allowed), while truncation keeps the stated shape inside the valid range and needs no
resampling, so one uniform per input and sample suffices. Because ``x`` is monotone in ``u``,
the sensitivity estimator (:mod:`accord.uncertainty.sensitivity`) can bin inputs on ``u``
into exactly equal-probability classes.

scipy (its normal cdf and quantile function) loads only when a normal law is sampled: it costs
more start-up time than a forecast's intervals take to compute.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NORMAL, UNIFORM, TRIANGULAR = 0, 1, 2
FAMILIES = ("normal", "uniform", "triangular")


@dataclass(frozen=True)
class Marginals:
    """Distributions of ``p`` inputs, one row each.

    ``family[p]`` is :data:`NORMAL` (``a`` mean, ``b`` sd), :data:`UNIFORM` (``a`` low,
    ``b`` high) or :data:`TRIANGULAR` (``a`` low, ``b`` high, ``mode``); ``lo``/``hi`` are the
    truncation bounds (``hi`` may be ``inf``).
    """

    family: np.ndarray
    a: np.ndarray
    b: np.ndarray
    mode: np.ndarray
    lo: np.ndarray
    hi: np.ndarray

    def __len__(self) -> int:
        return len(self.family)


def _cdf(m: Marginals, x: np.ndarray) -> np.ndarray:
    out = np.empty(np.broadcast(x, m.a).shape)
    nor, uni, tri = (m.family == f for f in (NORMAL, UNIFORM, TRIANGULAR))
    # (over: a tiny sd overflows to ±inf, which ndtr maps to 0 or 1, a step at the mean)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        if nor.any():
            from scipy.special import ndtr

            out[..., nor] = ndtr((x[..., nor] - m.a[nor]) / m.b[nor])
        width = m.b - m.a
        out[..., uni] = np.clip((x[..., uni] - m.a[uni]) / width[uni], 0.0, 1.0)
        a, b, c, xt = m.a[tri], m.b[tri], m.mode[tri], np.clip(x[..., tri], m.a[tri], m.b[tri])
        left = (xt - a) ** 2 / ((b - a) * (c - a))
        right = 1.0 - (b - xt) ** 2 / ((b - a) * (b - c))
        out[..., tri] = np.where(xt <= c, np.nan_to_num(left), np.nan_to_num(right, nan=1.0))
    return out


def _ppf(m: Marginals, u: np.ndarray) -> np.ndarray:
    out = np.empty(u.shape)
    nor, uni, tri = (m.family == f for f in (NORMAL, UNIFORM, TRIANGULAR))
    if nor.any():
        from scipy.special import ndtri

        out[..., nor] = m.a[nor] + m.b[nor] * ndtri(u[..., nor])
    out[..., uni] = m.a[uni] + u[..., uni] * (m.b[uni] - m.a[uni])
    a, b, c, ut = m.a[tri], m.b[tri], m.mode[tri], u[..., tri]
    split = (c - a) / (b - a)
    left = a + np.sqrt(ut * (b - a) * (c - a))
    right = b - np.sqrt((1.0 - ut) * (b - a) * (b - c))
    out[..., tri] = np.where(ut < split, left, right)
    return out


def truncated_ppf(m: Marginals, u: np.ndarray) -> np.ndarray:
    """Values ``[..., p]`` for uniforms ``u[..., p]``: each stated law truncated to [lo, hi]."""
    f_lo = _cdf(m, m.lo)
    f_hi = _cdf(m, m.hi)
    v = f_lo + u * (f_hi - f_lo)
    v = np.clip(v, np.finfo(float).tiny, 1.0 - np.finfo(float).epsneg)
    return np.clip(_ppf(m, v), m.lo, m.hi)
