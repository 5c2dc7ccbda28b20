"""Static bargaining models: where the weight of opinion lies.

All functions take ``c[..., n]``, ``X[..., n, k]``, ``S[..., n, k]`` (any leading sample axes)
and return outcomes ``[..., k]`` on the issues' scale.

- :func:`compromise`: the compromise model, the mean of positions weighted by capability ×
  salience (Achen 2006, "Institutional realism and bargaining models", in Thomson, Stokman,
  Achen & König (eds.), *The European Union Decides*; it approximates the Nash bargaining
  solution when the status quo is far from every actor).
- :func:`weighted_median`: Black's median voter with capability × salience weights: the
  position at which the cumulative weight of actors, ordered by position, first reaches half.
- :func:`nash`: the asymmetric Nash bargaining solution with the status quo as disagreement
  point. See its docstring for the utility function.
"""

from __future__ import annotations

import numpy as np


def weights(c: np.ndarray, S: np.ndarray) -> np.ndarray:
    """Capability × salience, ``[..., n, k]``."""
    return np.asarray(c)[..., :, None] * np.asarray(S)


def compromise(c: np.ndarray, X: np.ndarray, S: np.ndarray) -> np.ndarray:
    """Σ c·s·x / Σ c·s per issue. An issue nobody cares about gets NaN."""
    w = weights(c, S)
    total = w.sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (w * X).sum(axis=-2) / total


def weighted_median(c: np.ndarray, X: np.ndarray, S: np.ndarray) -> np.ndarray:
    """The lowest position whose cumulative capability × salience weight reaches half the total.

    When the cumulative weight hits exactly one half at a position, the median is the midpoint
    between that position and the next (the usual convention for an even split).
    """
    X = np.asarray(X, dtype=float)
    w = weights(c, S)
    order = np.argsort(X, axis=-2, kind="stable")
    xs = np.take_along_axis(X, order, axis=-2)
    ws = np.take_along_axis(w, order, axis=-2)
    cum = np.cumsum(ws, axis=-2)
    half = cum[..., -1:, :] / 2
    tol = 1e-12 * np.maximum(cum[..., -1:, :], 1.0)
    idx = np.argmax(cum >= half - tol, axis=-2)[..., None, :]
    lower = np.take_along_axis(xs, idx, axis=-2)[..., 0, :]
    tie = np.abs(np.take_along_axis(cum, idx, axis=-2) - half)[..., 0, :] <= tol[..., 0, :]
    # the next actor that carries weight, so zero-weight actors never split a tie
    n = X.shape[-2]
    rank = np.arange(n)[:, None]
    later = np.where((rank > idx) & (ws > 0), rank, n - 1).min(axis=-2, keepdims=True)
    upper = np.take_along_axis(xs, later, axis=-2)[..., 0, :]
    out = np.where(tie, (lower + upper) / 2, lower)
    return np.where(cum[..., -1, :] > 0, out, np.nan)


def nash(
    c: np.ndarray,
    X: np.ndarray,
    S: np.ndarray,
    sq: np.ndarray,
    players: np.ndarray | None = None,
    iterations: int = 60,
) -> np.ndarray:
    """Asymmetric Nash bargaining solution with the status quo ``sq[..., k]`` as disagreement point.

    Utility: quadratic loss, ``u_i(x) = -s_i (x - x_i)^2`` (Achen 2006). The solution maximises
    ``Π_i (u_i(x) - u_i(q))^(c_i s_i)`` over the players ``P``: the veto players when
    ``players`` (a boolean mask ``[..., n]``) is given and not empty, else every actor with
    weight. The maximisation runs over the outcomes that every player prefers to the status
    quo (the individually rational set): with quadratic loss, player ``i`` gains from ``x`` iff
    ``x`` lies strictly between ``q`` and ``2 x_i - q``. When that set is empty (players on both
    sides of the status quo, or a player at it) no agreement beats disagreement and the solution
    is the status quo. Salience scales a player's utility, which does not move the maximiser of
    the product, so salience acts through the bargaining weight ``c_i s_i``.

    On the individually rational set the log of the product is strictly concave, so its
    maximiser is the root of the derivative, found by vectorised bisection.
    """
    X = np.asarray(X, dtype=float)
    sq = np.broadcast_to(np.asarray(sq, dtype=float), X.shape[:-2] + X.shape[-1:])
    w = weights(c, S)
    if players is None:
        active = w > 0
    else:
        mask = np.asarray(players, dtype=bool)[..., :, None]
        anyp = mask.any(axis=-2, keepdims=True)
        active = np.where(anyp, mask, True) & (w > 0)
    q = sq[..., None, :]
    d = X - q  # signed distance of each ideal point from the status quo
    up = np.where(active, d > 0, True).all(axis=-2)
    down = np.where(active, d < 0, True).all(axis=-2)
    some = active.any(axis=-2)
    sign = np.where(up, 1.0, np.where(down, -1.0, 0.0))
    feasible = some & (sign != 0)
    # work in the direction of movement: t = sign·(x - q) > 0, player gains iff t < 2·sign·d_i
    reach = np.where(active, 2 * sign[..., None, :] * d, np.inf).min(axis=-2)
    reach = np.minimum(reach, np.where(sign > 0, 100.0 - sq, sq - 0.0))
    feasible &= reach > 0
    hi_cap = np.where(feasible, reach, 1.0)
    wa = np.where(active, w, 0.0)
    span = np.where(active, 2 * sign[..., None, :] * d, 1.0)

    def slope(t: np.ndarray) -> np.ndarray:
        # d/dt Σ w_i [log t + log(span_i - t)]
        tt = t[..., None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = wa * (1.0 / tt - 1.0 / (span - tt))
        return np.where(wa > 0, terms, 0.0).sum(axis=-2)

    lo = np.zeros_like(hi_cap)
    hi = hi_cap.copy()
    for _ in range(iterations):
        mid = (lo + hi) / 2
        pos = slope(np.maximum(mid, 1e-300)) > 0
        lo = np.where(pos, mid, lo)
        hi = np.where(pos, hi, mid)
    t = (lo + hi) / 2
    return np.where(feasible, sq + sign * t, sq)
