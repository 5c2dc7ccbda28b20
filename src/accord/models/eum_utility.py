"""Utilities, expected utilities and risk attitudes of the expected utility model.

Equations of Bueno de Mesquita (1985, "The war trap revisited", *APSR* 79(1): 156–177, for
the risk exponent; 1994, "Political forecasting: an expected utility method", in Bueno de
Mesquita & Stokman (eds.), *European Community Decision Making*, for the rest) as made fully
explicit by Scholz, Calbert & Smith (2011, "Unravelling Bueno de Mesquita's group decision
model", *Journal of Theoretical Politics* 23(4), p. 510 ff., sections 2–5).

Positions are measured as a share of the issue's range, ``δ_ij = |x_i - x_j| / (x_max -
x_min)``, and ``r_i`` (between ½ and 2) is actor ``i``'s risk exponent. The utilities of ``i``
when it challenges ``j``::

    U^s  = 2 - 4 (0.5 - 0.5 δ_ij)^r_i                     i succeeds, j moves to x_i
    U^f  = 2 - 4 (0.5 + 0.5 δ_ij)^r_i                     i fails, i moves to x_j
    U^b  = 2 - 4 (0.5 - 0.25 (δ_iμ + δ_ij))^r_i           things get better without a challenge
    U^w  = 2 - 4 (0.5 + 0.25 (δ_iμ + δ_ij))^r_i           things get worse without a challenge
    U^sq = 2 - 4 (0.5)^r_i                                nothing changes

with ``μ`` the median voter position. The expected utility of challenging and of not
challenging::

    E^i(challenge j)    = s_j (P_ij U^s + (1 - P_ij) U^f) + (1 - s_j) U^s
    E^i(no challenge j) = Q U^sq + (1 - Q) (T U^b + (1 - T) U^w)
    EU^i_ij             = E^i(challenge j) - E^i(no challenge j)

``s_j`` is the probability that ``j`` resists, ``P_ij`` the probability that ``i`` prevails
(:mod:`accord.models.eum_votes`), ``Q`` the probability that nothing changes without a
challenge and ``T`` the probability that things then get better for ``i``.

Every actor judges a contest from its own point of view: ``i`` evaluates both its own
``EU^i_ij`` and the challenge it expects from ``j``, ``EU^i_ji``, with its own exponent ``r_i``.

Risk (Bueno de Mesquita 1985; Scholz et al. 2011, section 5): with every ``r = 1``, the
security level of ``i`` is the sum of the expected utilities of everyone else challenging it,
``S_i = Σ_{j≠i} EU_ji``, and::

    R_i = (2 S_i - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k)       in [-1, 1]
    r_i = (1 - R_i / 3) / (1 + R_i / 3)                                 in [1/2, 2]

An actor whose position draws the most challenges (``R = 1``) has revealed itself risk
acceptant (``r = ½``); the most secure (``R = -1``) risk averse (``r = 2``).
"""

from __future__ import annotations

import numpy as np

ALL = slice(None)


def _u(base: np.ndarray, r: np.ndarray | None) -> np.ndarray:
    """``2 - 4 base^r`` (``r = None``: the risk-neutral ``r = 1`` without a power).

    ``base`` lies in [0, 1] because distances are at most the width of the scale."""
    return 2.0 - 4.0 * (base if r is None else np.power(base, r))


def _status_quo(
    q: float, t: float, spread: np.ndarray, r: np.ndarray | None
) -> np.ndarray | float:
    """``E(no challenge) = Q U^sq + (1 - Q)(T U^b + (1 - T) U^w)``; ``spread`` is
    ``0.25 (δ_iμ + δ_ij)`` of the challenger ``i``."""
    value = q * _u(np.asarray(0.5), r)
    if q < 1.0:
        drift = t * _u(0.5 - spread, r) + (1.0 - t) * _u(0.5 + spread, r)
        value = value + (1.0 - q) * drift
    return value


def _gains(delta: np.ndarray, r_row: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """``(U^s, U^s - U^f)``, shared by both directions of a contest."""
    us = _u(0.5 - 0.5 * delta, r_row)
    return us, us - _u(0.5 + 0.5 * delta, r_row)


def _no_challenge(
    q: float, t: float, delta_mu: np.ndarray, delta: np.ndarray, r_row: np.ndarray | None
) -> np.ndarray | float:
    """``E(no challenge)`` of the challenger whose ``δ_iμ`` is ``delta_mu``."""
    return _status_quo(q, t, 0.25 * (delta_mu + delta) if q < 1.0 else delta, r_row)


def challenge_utilities(
    p: np.ndarray,
    s: np.ndarray,
    delta: np.ndarray,
    delta_mu: np.ndarray,
    r: np.ndarray | None,
    q: float,
    t: float,
    rows: slice = ALL,
    gains: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """``A[..., i, j] = EU^i_ij`` alone (see :func:`expected_utilities`), for the
    challengers ``rows`` (``p`` and ``delta`` hold only those rows; ``s``, ``delta_mu`` and
    ``r`` every actor); ``gains``: :func:`_gains` if already at hand."""
    r_row = None if r is None else r[..., rows, None]
    us, gap = _gains(delta, r_row) if gains is None else gains
    A = us - s[..., None, :] * (1.0 - p) * gap
    A -= _no_challenge(q, t, delta_mu[..., rows, None], delta, r_row)
    return A


def expected_utilities(
    p: np.ndarray,
    p_rev: np.ndarray,
    s: np.ndarray,
    delta: np.ndarray,
    delta_mu: np.ndarray,
    r: np.ndarray | None,
    q: float,
    t: float,
    rows: slice = ALL,
) -> tuple[np.ndarray, np.ndarray]:
    """``(A, B)[..., i, j]`` from the point of view of ``i`` (exponent ``r_i``).

    ``A[i, j] = EU^i_ij`` (``i`` challenges ``j``), ``B[i, j] = EU^i_ji`` (``j`` challenges
    ``i``, as ``i`` expects it). ``p[..., i, j] = P_ij``, ``p_rev[..., i, j] = P_ji`` (the
    transpose; ``1 - p`` for pairwise probabilities); ``s``, ``delta_mu`` and ``r`` are
    ``[..., n]`` (``r = None``: every exponent 1); ``delta`` is ``[..., n, n]``. ``rows``:
    the actors ``i`` that ``p``, ``p_rev`` and ``delta`` hold (default all).

    ``U^s`` and ``U^f`` depend only on the distance and the judge's exponent, so both
    directions share them: ``E(challenge) = U^s - s_target (1 - P) (U^s - U^f)``.
    """
    r_row = None if r is None else r[..., rows, None]
    us, gap = gains = _gains(delta, r_row)
    A = challenge_utilities(p, s, delta, delta_mu, r, q, t, rows, gains)
    B = us - s[..., rows, None] * (1.0 - p_rev) * gap
    B -= _no_challenge(q, t, delta_mu[..., None, :], delta, r_row)
    return A, B


def risk_exponents(A1: np.ndarray, pairs: np.ndarray, active: np.ndarray) -> np.ndarray:
    """``r[..., n]`` from the expected utilities ``A1[..., i, j] = EU_ij`` computed with r = 1.

    ``pairs[..., i, j]``: contests that count (both active, ``i ≠ j``); ``active[..., n]``.
    """
    return security_exponents(np.where(pairs, A1, 0.0).sum(axis=-2), active)


def security_exponents(security: np.ndarray, active: np.ndarray) -> np.ndarray:
    """``r[..., n]`` from the security levels ``S_j = Σ_i EU_ij`` (over the contests that
    count). When every security level is equal ``R = 0`` and ``r = 1``; inactive actors get 1.
    """
    hi = np.where(active, security, -np.inf).max(axis=-1, keepdims=True)
    lo = np.where(active, security, np.inf).min(axis=-1, keepdims=True)
    span = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        R = np.where(span > 0, (2 * security - hi - lo) / span, 0.0)
    R = np.where(active, np.clip(R, -1.0, 1.0), 0.0)
    return (1 - R / 3) / (1 + R / 3)
