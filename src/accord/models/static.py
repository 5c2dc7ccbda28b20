"""Static bargaining models: where the weight of opinion lies.

All functions take ``c[..., n]``, ``X[..., n, k]``, ``S[..., n, k]`` (any leading sample axes)
and return outcomes ``[..., k]`` on the issues' scale.

- :func:`compromise`: the compromise model, the mean of positions weighted by capability ×
  salience (Achen 2006, "Institutional realism and bargaining models", in Thomson, Stokman,
  Achen & König (eds.), *The European Union Decides*; it approximates the Nash bargaining
  solution when the status quo is far from every actor).
- :func:`weighted_median`: Black's median voter with capability × salience weights: the
  position at which the cumulative weight of actors, ordered by position, first reaches half.
- :func:`nash`: the asymmetric Nash bargaining solution: among the veto players with the status
  quo as disagreement point, or, without veto players, among all actors with each one's worst
  outcome as disagreement point. See its docstring for the utility function.
"""

from __future__ import annotations

from collections.abc import Callable

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
    cost: float = 0.0,
) -> np.ndarray:
    """Asymmetric Nash bargaining solution; utility ``u_i(x) = -s_i (x - x_i)^2`` (Achen 2006).

    The solution maximises ``Σ_i c_i s_i log(u_i(x) - u_i(d))`` (Nash 1950; the asymmetric
    form of Achen 2006, ch. 4 of *The European Union Decides*, with bargaining weight
    capability × salience). The disagreement point ``d`` depends on who must consent:

    - **Veto players** (``players``, a boolean mask ``[..., n]``, given and not empty): they
      bargain with the status quo ``sq[..., k]`` as disagreement point, over the outcomes that
      every one of them prefers to it (the individually rational set): with quadratic loss,
      player ``i`` gains from ``x`` iff ``x`` lies strictly between ``q`` and ``2 x_i - q``.
      When that set is empty (players on both sides of the status quo, or one at it) no
      agreement beats disagreement and the solution is the status quo (Schneider, Finke &
      Bailer 2010, *Political Studies* 58(1), use this status-quo NBS on EU legislation).
    - **No veto players**: nobody can hold out for the status quo, so it is no disagreement
      point; each actor's disagreement utility is that of its worst outcome on the 0–100
      scale, lowered by ``cost``: ``u_i(d) = -s_i (D_i^2 + cost^2)`` with
      ``D_i = max(x_i, 100 - x_i)``. Every actor then gains from every interior outcome and the
      maximand ``Σ_i c_i s_i log(D_i^2 + cost^2 - (x - x_i)^2)`` is strictly concave. Its
      first-order condition ``Σ_i c_i s_i (x_i - x) / (D_i^2 + cost^2 - (x - x_i)^2) = 0``
      tends to ``Σ_i c_i s_i (x_i - x) = 0`` as ``cost`` grows, the capability × salience
      weighted mean: Achen's derivation of the compromise model as the Nash solution when
      disagreement is very costly. At ``cost = 0`` the first-order condition weights actor
      ``i`` by ``c_i s_i / (D_i^2 - (x - x_i)^2)``: more, the larger the share of its range
      it stands to lose at ``x``.

    Salience scales a player's utility and its disagreement utility alike, so it acts through
    the bargaining weight ``c_i s_i``. Both maximands are strictly concave on their domain, so
    the maximiser is the root of the derivative, found by Newton's method safeguarded by a
    bracket (:func:`_newton`): the first-order conditions are rational functions of degree
    ``n``, with no closed form beyond a few actors.
    """
    X = np.asarray(X, dtype=float)
    sq = np.broadcast_to(np.asarray(sq, dtype=float), X.shape[:-2] + X.shape[-1:])
    w = weights(c, S)
    if players is None:
        return _open_nash(w, X, cost)
    mask = np.asarray(players, dtype=bool)[..., :, None]
    anyp = mask.any(axis=-2)
    vetoed = _veto_nash(w, X, sq, mask & (w > 0))
    if anyp.all():
        return vetoed
    return np.where(anyp, vetoed, _open_nash(w, X, cost))


Slope = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
TOLERANCE = 1e-12  # on the 0–100 scale: the last Newton step is below this everywhere
MAX_STEPS = 200  # every step at least halves the bracket or is a Newton step inside it


def _newton(
    slope: Slope, lo: np.ndarray, hi: np.ndarray, scale: np.ndarray | float = 1.0
) -> np.ndarray:
    """The root of a decreasing ``slope`` (returning the slope and its derivative) between
    ``lo`` and ``hi``, elementwise: Newton steps, kept inside a bracket that every evaluation
    narrows, and bisection when a step would leave it (Press et al., *Numerical Recipes*,
    3rd ed., §9.4, ``rtsafe``). Quadratic convergence near the root: about six evaluations
    instead of the sixty halvings bisection needs for the same precision. ``scale``: the
    variable's unit on the 0–100 scale (a step of 1 moves the answer by ``scale`` points);
    the stopping test is on the 0–100 scale."""
    lo, hi = lo.copy(), hi.copy()
    x = (lo + hi) / 2
    for _ in range(MAX_STEPS):
        f, df = slope(x)
        pos = f > 0  # the root lies above x
        lo = np.where(pos, x, lo)
        hi = np.where(pos | (f == 0), hi, x)
        lo = np.where(f == 0, x, lo)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = x - f / df
        inside = (step >= lo) & (step <= hi)  # NaN (a pole) is never inside
        nxt = np.where(inside, step, (lo + hi) / 2)
        moved = np.abs(nxt - x) * scale
        x = nxt
        if not (moved > TOLERANCE).any():
            break
    return x


def _open_nash(w: np.ndarray, X: np.ndarray, cost: float) -> np.ndarray:
    """Nash solution without veto players: disagreement at each actor's worst outcome."""
    room = np.maximum(X, 100.0 - X) ** 2 + cost**2  # D_i^2 + cost^2
    wz = w > 0

    def slope(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        gap = X - x[..., None, :]
        g2 = gap * gap
        with np.errstate(divide="ignore", invalid="ignore"):
            inv = np.where(wz, w / (room - g2), 0.0)
            f = (inv * gap).sum(axis=-2)
            df = -(inv * (room + g2) / (room - g2)).sum(axis=-2)
        return f, df

    lo = np.zeros(X.shape[:-2] + X.shape[-1:])
    out = _newton(slope, lo, lo + 100.0)
    return np.where(w.sum(axis=-2) > 0, out, np.nan)


def _veto_nash(w: np.ndarray, X: np.ndarray, sq: np.ndarray, active: np.ndarray) -> np.ndarray:
    """Nash solution among the ``active`` players with the status quo as disagreement."""
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
    # t is solved as t = unit·u with unit the power of two just below hi_cap (u < 1): a veto
    # player within 1e-154 of the status quo otherwise makes 1/t² overflow. Scaling by a power
    # of two is exact, so every iterate is the unscaled one times the unit, bit for bit.
    unit = np.ldexp(1.0, np.frexp(hi_cap)[1] - 1)
    wa = np.where(active, w, 0.0)
    total = wa.sum(axis=-2)
    # inactive players sit infinitely far: 1 / (span - t) = 0 for them
    span = np.where(active & (w > 0), 2 * sign[..., None, :] * d, np.inf) / unit[..., None, :]

    def slope(u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # d/du Σ w_i [log u + log(span_i - u)] and its derivative, spans in units
        with np.errstate(divide="ignore", invalid="ignore"):
            inv_u = 1.0 / u
            r = 1.0 / (span - u[..., None, :])
            wr = wa * r
            f = total * inv_u - wr.sum(axis=-2)
            df = -total * inv_u * inv_u - (wr * r).sum(axis=-2)
        return f, df

    t = _newton(slope, np.zeros_like(hi_cap), hi_cap / unit, unit) * unit
    return np.where(feasible, sq + sign * t, sq)
