"""Third-party votes and the probability of success in the expected utility model.

Bueno de Mesquita (1994, "Political forecasting: an expected utility method", in Bueno de
Mesquita & Stokman (eds.), *European Community Decision Making*) and Scholz, Calbert & Smith
(2011, "Unravelling Bueno de Mesquita's group decision model", *Journal of Theoretical
Politics* 23(4), p. 510 ff., section 4) let every actor ``k`` cast a vote in the contest between
the positions of ``i`` and ``j``::

    v_k(i, j) = c_k s_k (U_k(x_i) - U_k(x_j)),   U_k(x) = 1 - 2 |x_k - x| / (x_max - x_min)

and the probability that ``i`` prevails is the share of the vote mass on ``i``'s side::

    P_ij = Σ_k max(v_k(i, j), 0) / Σ_k |v_k(i, j)|            (so P_ij + P_ji = 1)

The scale factor ``2 / (x_max - x_min)`` cancels in the ratio, so votes are computed on
``a_k(i, j) = |x_k - x_j| - |x_k - x_i|``.

Computed naively the vote sums cost ``O(n³)`` per round. Here they cost ``O(n² log n)``:

- the net vote ``Σ_k w_k a_k(i, j) = D_j - D_i`` with ``D_j = Σ_k w_k |x_k - x_j|``;
- the vote mass ``Σ_k w_k |a_k(i, j)|``: as a function of ``x_k``, ``a_k`` is ``±δ`` outside
  the segment between ``x_i`` and ``x_j`` (``δ = |x_i - x_j|``) and ``2 (m - x_k)`` inside it
  (``m`` its midpoint), so ``|a_k| = min(2 |x_k - m|, δ)``, a sum of prefix sums of ``w`` and
  ``w x`` over the sorted positions, read at ``min(x_i, x_j)``, ``m`` and ``max(x_i, x_j)``;
- the positive part is ``(mass + net) / 2``.

``normalise="global"`` divides the support for ``i`` by the vote mass of all contests
together instead of the contest's own. McKibben-Sanders reports that the code behind Scholz
et al.'s tables normalises this way (public replication
``jmckib/bdm-scholz-expected-utility-model``, ``bdm_scholz_model.py``); it is not the
published equation, so it is an option, not the default. ``normalise="net"`` counts the net
vote, ``P_ij = max(Σ_k v_k(i, j), 0) / Σ_k |v_k(i, j)|``: Masad's reading of Bueno de Mesquita
(1994) in his public replication of Scholz et al. (``dmasad/BDM_DecisionModel_Replication``,
``GroupDecisionModel.py``), where ``P_ij + P_ji`` is not 1.
"""

from __future__ import annotations

from typing import Literal

import numpy as np

Normalise = Literal["pairwise", "global", "net"]
ALL = slice(None)


class _SortedRows:
    """Batched ``searchsorted`` over the sorted rows ``xs[..., n]``.

    Each row is mapped onto its own unit interval ``[4b, 4b + 1]`` (order is preserved, rows
    never overlap) so that one ``searchsorted`` call serves every row. Probes are given in the
    same unit coordinates (see :meth:`unit`).
    """

    def __init__(self, xs: np.ndarray) -> None:
        self.n = xs.shape[-1]
        self.lo = xs[..., :1]
        span = xs[..., -1:] - self.lo
        self.span = np.where(span > 0, span, 1.0)
        rows = int(np.prod(xs.shape[:-1], dtype=int))
        self.offset = 4.0 * np.arange(rows, dtype=float).reshape((*xs.shape[:-1], 1))
        self.keys = (self.unit(xs) + self.offset).ravel()

    def unit(self, v: np.ndarray) -> np.ndarray:
        return (v - self.lo) / self.span

    def _search(self, probes: np.ndarray, games: slice) -> tuple[np.ndarray, np.ndarray]:
        """Where ``probes[..., q]`` (unit coords) fall in the joined keys, and each row's
        number ``b`` (``games``: the rows along the leading axis that ``probes`` are for)."""
        offset = self.offset[games]
        found = np.searchsorted(self.keys, (probes + offset).ravel(), side="left")
        return found.reshape(probes.shape), (offset / 4.0).astype(int)

    def count_below(self, probes: np.ndarray, games: slice = ALL) -> np.ndarray:
        """How many entries of each row lie strictly below ``probes[..., q]`` (unit coords)."""
        found, b = self._search(probes, games)
        return found - self.n * b

    def flat_below(self, probes: np.ndarray, games: slice = ALL) -> np.ndarray:
        """:meth:`count_below` as flat indices into a table ``[rows, n + 1]``: row ``b``'s
        count ``c`` is at ``b (n + 1) + c``, and the search's own index is ``b n + c``."""
        found, b = self._search(probes, games)
        return found + b


class VoteSums:
    """The vote sums of every contest, ``(net, mass)[g, i, j]`` (see :func:`vote_totals`),
    from the positions ``x[g, n]`` (games along the first axis), in blocks: the sums over
    voters that do not depend on the contest are taken once, and :meth:`net` and :meth:`mass`
    give the contests of some games, challengers (``i``) and targets (``j``) at a time.

    With ``W(t)``, ``Y(t)`` the sums of ``w_k`` and ``w_k x_k`` over ``x_k < t``, ``lo``/``hi``
    the ends of the segment and ``m`` its midpoint, the mass is
    ``2 [m (2 W(m) - W(lo) - W(hi)) - 2 Y(m) + Y(lo) + Y(hi)] + δ (W_total - W(hi) + W(lo))``,
    in which only ``W(hi) - W(lo) = |W(x_i) - W(x_j)|`` depends on which end is which.
    """

    def __init__(self, x: np.ndarray, w: np.ndarray, dist: np.ndarray) -> None:
        self.x, self.dist = x, dist
        self.D = np.einsum("...k,...kj->...j", w, dist)  # Σ_k w_k |x_k - x_j|
        order = np.argsort(x, axis=-1, kind="stable")
        xs = np.take_along_axis(x, order, axis=-1)
        ws = np.take_along_axis(w, order, axis=-1)
        zero = np.zeros((*x.shape[:-1], 1))
        self.Wc = np.concatenate([zero, np.cumsum(ws, axis=-1)], axis=-1)
        self.Yc = np.concatenate([zero, np.cumsum(ws * xs, axis=-1)], axis=-1)
        self.rows = _SortedRows(xs)
        self.u = self.rows.unit(x)
        at_x = self.rows.count_below(self.u)
        self.Wx = np.take_along_axis(self.Wc, at_x, axis=-1)
        self.Yx = np.take_along_axis(self.Yc, at_x, axis=-1)

    def net(self, games: slice = ALL, rows: slice = ALL) -> np.ndarray:
        """``Σ_k w_k a_k(i, j) = D_j - D_i`` for the ``games`` and challengers ``rows``."""
        D = self.D[games]
        return D[..., None, :] - D[..., rows, None]

    def mass(
        self,
        games: slice = ALL,
        rows: slice = ALL,
        cols: slice = ALL,
        net: np.ndarray | None = None,
    ) -> np.ndarray:
        """``Σ_k w_k |a_k(i, j)|`` for the ``games``, challengers ``rows`` and targets ``cols``
        (``net``: :meth:`net` of the same contests, if at hand). It is symmetric in ``i`` and
        ``j`` to the last bit: every operation below is."""
        x, u, D, Wx, Yx = (v[games] for v in (self.x, self.u, self.D, self.Wx, self.Yx))
        Wc = self.Wc[games]
        if net is None:
            net = D[..., None, cols] - D[..., rows, None]
        mid = (x[..., rows, None] + x[..., None, cols]) / 2
        u_mid = (u[..., rows, None] + u[..., None, cols]) / 2
        at_mid = self.rows.flat_below(u_mid.reshape(*x.shape[:-1], -1), games).reshape(mid.shape)
        W_mid, Y_mid = np.take(self.Wc, at_mid), np.take(self.Yc, at_mid)
        W_ends = Wx[..., rows, None] + Wx[..., None, cols]
        Y_ends = Yx[..., rows, None] + Yx[..., None, cols]
        W_in = np.abs(Wx[..., rows, None] - Wx[..., None, cols])
        mass = 2 * (mid * (2 * W_mid - W_ends) - 2 * Y_mid + Y_ends)
        mass += self.dist[games][..., rows, cols] * (Wc[..., -1:, None] - W_in)
        return np.maximum(mass, np.abs(net))


def vote_totals(
    x: np.ndarray, w: np.ndarray, dist: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(net, mass)[..., n, n]``: ``Σ_k w_k a_k(i, j)`` and ``Σ_k w_k |a_k(i, j)|``.

    ``x[..., n]`` positions, ``w[..., n]`` vote weights ``c_k s_k`` (0 for actors that do not
    vote), ``dist[..., n, n] = |x_i - x_j|`` if already at hand. ``a_k(i, j) = |x_k - x_j| -
    |x_k - x_i|`` is positive when ``k`` is closer to ``i``. Computed by :class:`VoteSums`.
    """
    x = np.asarray(x, dtype=float)
    w = np.broadcast_to(np.asarray(w, dtype=float), x.shape)
    if dist is None:
        dist = np.abs(x[..., :, None] - x[..., None, :])
    sums = VoteSums(x, w, dist)
    net = sums.net()
    return net, sums.mass(net=net)


def curved_vote_totals(
    delta: np.ndarray, w: np.ndarray, r: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(net, mass)[..., n, n]`` when voters weigh distances with their risk exponents.

    ``a_k(i, j) = δ_kj^r_k - δ_ki^r_k``, with ``delta[..., k, j] = δ_kj`` the distances as
    shares of the width (at most 1) and ``r[..., n]`` the voters' exponents: the votes of the
    code behind Scholz et al.'s tables as McKibben-Sanders transcribes it
    (``jmckib/bdm-scholz-expected-utility-model``, ``Actor.compare``). The prefix-sum
    shortcut of :func:`vote_totals` needs straight distances, so this costs ``O(n³)``.
    """
    d = np.power(delta, r[..., :, None])  # d[..., k, j]
    a = d[..., :, None, :] - d[..., :, :, None]  # a[..., k, i, j] = d[k, j] - d[k, i]
    net = np.einsum("...k,...kij->...ij", w, a)
    mass = np.einsum("...k,...kij->...ij", w, np.abs(a))
    return net, mass


def success_probability(
    x: np.ndarray,
    w: np.ndarray,
    pairs: np.ndarray | None = None,
    normalise: Normalise = "pairwise",
    dist: np.ndarray | None = None,
    curve: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """``P[..., i, j]``: the probability that ``i`` prevails over ``j`` in a contest.

    ``pairs[..., n, n]`` marks the contests that count (for ``"global"`` normalisation).
    ``curve = (r, delta)``: voters weigh distances (``delta[..., n, n]``, shares of the
    width) with their risk exponents ``r[..., n]`` (:func:`curved_vote_totals`); ``None``,
    the published straight distances.
    Where nobody votes in a contest (``x_i = x_j``, or no weight) ``P`` is ½.
    """
    if curve is None:
        net, mass = vote_totals(x, w, dist)
    else:
        r, delta = curve
        net, mass = curved_vote_totals(delta, np.broadcast_to(w, x.shape), r)
    return probability(net, mass, pairs, normalise)


def probability(
    net: np.ndarray,
    mass: np.ndarray,
    pairs: np.ndarray | None = None,
    normalise: Normalise = "pairwise",
) -> np.ndarray:
    """``P[..., i, j]`` from the vote sums ``(net, mass)[..., i, j]`` of the contests
    (:func:`success_probability`; ``"global"`` needs every contest of a game at once)."""
    if normalise == "pairwise":
        support, denom = (mass + net) / 2, mass
    elif normalise == "net":
        support, denom = np.maximum(net, 0.0), mass
    elif normalise == "global":
        support = (mass + net) / 2
        counted = np.ones(mass.shape, dtype=bool) if pairs is None else pairs
        denom = np.broadcast_to(
            np.where(counted, mass, 0.0).sum(axis=(-2, -1), keepdims=True), mass.shape
        )
    else:
        raise ValueError(f"normalise must be 'pairwise', 'global' or 'net', not {normalise!r}")
    with np.errstate(invalid="ignore", divide="ignore"):
        p = support / denom
    return np.where(mass > 0, np.clip(p, 0.0, 1.0), 0.5)
