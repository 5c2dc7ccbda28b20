"""Stokman's exchange model with the equal-gain rule, vectorised over exchanges and samples.

Actors trade *positions*: an actor who cares relatively more about issue p than about issue q
moves its position on q towards a partner who, in return, moves on p. On each issue the
expected outcome is the weighted mean of positions with weights capability × salience (the
"mean decision situation", MDS; Stokman & Van Oosten 1994, eq. 1). Shifting actor a by Δ on
issue r moves that outcome by the *exchange ratio* ``Δ·c_a·s_ar / Σ_b c_b·s_br``. A trade
between i (supplying q) and j (supplying p) gives

    gain_i = dp·s_ip − dq·s_iq,      gain_j = dq·s_jq − dp·s_jp,

where dp and dq are the outcome shifts on p and q. Only pairs on opposite sides of the
expected outcome on both issues can trade, and both gain only when their salience ratios
differ (s_ip/s_iq > s_jp/s_jq). The *equal-gain* rule (Dijkstra, Van Assen & Stokman 2008,
J. Conflict Resolution 52(2), the "equal gain" solution of their section on exchange rates)
fixes the rate so that both gain the same: ``dq = dp·(s_ip + s_jp)/(s_iq + s_jq)``; the
larger move allowed (the supplier on p all the way to i's position, or else the supplier on q
all the way to j's position) is made.

Within a round the exchange with the highest gain is made first; every open exchange that
shares an actor's supply or demand with it is recomputed from the moved positions, and the
next best follows, until none is left. An exchange is dropped when a move would leave the
0–100 scale, would reverse the direction an actor was already moving in, or would push the
expected outcome past the position of the partner who asked for the move (then the move is
cut to land the outcome exactly there and the partner's move follows from equal gain). After
a round, each actor that moved keeps part of its new *voting* position as its next starting
position: ``x' = (1 − (1 − s)·0.4 − 0.1)·x + ((1 − s)·0.4 + 0.1)·y``.

These rules, their order and their thresholds follow decide-exchange-model 2022.1.28, the
original implementation by Stokman's group (learned from, not copied): the fixtures in
``tests/fixtures/decide`` were written by it, and the tests demand the same exchanges in the
same order and the same positions to 1e-6. Ties between gains (within ``TIE``) go to the
exchange created first (issue pair, then the A–D before the B–C pairs, then actor order);
decide breaks them at random.

Everything is array code: one round evaluates all candidate exchanges of all samples at once,
and each step recomputes only the exchanges that the realised one touched.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.models.arrays import CaseArrays

ROUNDS = 10  # decide's default number of rounds
SALIENCE_WEIGHT = 0.4  # share of the move kept, weighted by (1 − salience)
FIXED_WEIGHT = 0.1  # share of the move kept by every actor
TIE = 1e-9  # gains this close count as equal
TINY = 1e-10  # decide: smaller moves or gains are no exchange
EDGE = 1e-9  # slack on the 0–100 scale for floating-point rounding


@dataclass(frozen=True)
class ExchangeRun:
    """What the exchange model did: one row per realised exchange, plus outcomes per round.

    Side *i* moves on ``issue_i`` (from ``x_i`` to ``y_i``) towards *j*'s position there, and
    *j* moves on ``issue_j``; both gain ``gain``. Rows are in the order realised; ``sample``
    says which sample a row belongs to (always 0 without a sample axis). Arrays over issues
    carry the leading sample axis of the input: ``mds_start[..., r, k]`` is the expected outcome
    at the start of round r, ``mds_voting[..., r, k]`` after its exchanges, ``voting[..., n, k]``
    the positions after the last round's exchanges and ``positions[..., n, k]`` the starting
    positions the model would carry into another round.
    """

    actors: list[str]
    issues: list[str]
    rounds: int
    sample: np.ndarray
    round: np.ndarray
    actor_i: np.ndarray
    issue_i: np.ndarray
    x_i: np.ndarray
    y_i: np.ndarray
    actor_j: np.ndarray
    issue_j: np.ndarray
    x_j: np.ndarray
    y_j: np.ndarray
    gain: np.ndarray
    mds_start: np.ndarray
    mds_voting: np.ndarray
    voting: np.ndarray
    positions: np.ndarray

    @property
    def forecast(self) -> np.ndarray:
        """The expected outcome per issue after the last round: ``[..., k]``."""
        return self.mds_voting[..., -1, :]

    def __len__(self) -> int:
        return len(self.gain)


def exchange_model(
    c: np.ndarray,
    X: np.ndarray,
    S: np.ndarray,
    has: np.ndarray | None = None,
    rounds: int = ROUNDS,
    actors: list[str] | None = None,
    issues: list[str] | None = None,
) -> ExchangeRun:
    """Run ``rounds`` rounds of equal-gain exchange on capabilities ``c[..., n]``, positions
    ``X[..., n, k]`` (0–100) and saliences ``S[..., n, k]``; ``has[..., n, k]`` marks stated
    positions (others take no part). Accepts one leading sample axis."""
    if rounds < 1:
        raise ValueError(f"the exchange model needs at least one round, got {rounds}")
    X = np.asarray(X, dtype=float)
    single = X.ndim == 2
    Xs = X[None] if single else X
    m, n, k = Xs.shape
    cs = np.broadcast_to(np.asarray(c, dtype=float), (m, n))
    Ss = np.broadcast_to(np.asarray(S, dtype=float), (m, n, k))
    hs = np.broadcast_to(np.ones((n, k), bool) if has is None else np.asarray(has, bool),
                         (m, n, k))
    state = _Rounds(cs, Xs.copy(), Ss, hs)
    for r in range(rounds):
        state.play(r)
    rows = state.rows()
    first = (lambda a: a[0]) if single else (lambda a: a)
    return ExchangeRun(
        actors=actors or [str(a) for a in range(n)],
        issues=issues or [str(i) for i in range(k)],
        rounds=rounds,
        **rows,
        mds_start=first(np.stack(state.mds_start, axis=-2)),
        mds_voting=first(np.stack(state.mds_voting, axis=-2)),
        voting=first(state.voting),
        positions=first(state.X),
    )


def run(a: CaseArrays, rounds: int = ROUNDS) -> np.ndarray:
    """Registry entry: the expected outcome per issue after ``rounds`` rounds, ``[..., k]``."""
    return exchange_model(a.c, a.X, a.S, a.has, rounds).forecast


class _Rounds:
    """The model's state across rounds for ``m`` samples (arrays ``[m, ...]``)."""

    def __init__(self, c: np.ndarray, X: np.ndarray, S: np.ndarray, has: np.ndarray):
        self.m, self.n, self.k = X.shape
        self.X, self.S = X, S
        self.w = c[:, :, None] * S * has  # weight of each actor on each issue
        self.D = self.w.sum(axis=1)  # [m, k]
        able = has & (S > 0)  # decide divides by saliences: zero takes no part
        pi, qi = np.triu_indices(self.k, 1)  # issue pairs in decide's order
        ai, bi = np.triu_indices(self.n, 1)
        npairs = len(ai)
        self.p, self.q = np.repeat(pi, npairs), np.repeat(qi, npairs)
        self.a, self.b = np.tile(ai, len(pi)), np.tile(bi, len(pi))
        self.pair = np.repeat(np.arange(len(pi)), npairs)
        self.able = (able[:, self.a, self.p] & able[:, self.a, self.q]
                     & able[:, self.b, self.p] & able[:, self.b, self.q])
        self.voting = X.copy()
        self.mds_start: list[np.ndarray] = []
        self.mds_voting: list[np.ndarray] = []
        self._rows: list[tuple[np.ndarray, ...]] = []

    def mds(self, X: np.ndarray | None = None) -> np.ndarray:
        X = self.X if X is None else X
        num = (self.w * X).sum(axis=1)
        return np.divide(num, self.D, out=np.zeros_like(num), where=self.D > 0)

    # -- one round -------------------------------------------------------------------------

    def play(self, r: int) -> None:
        m, M = self.m, len(self.p)
        X0, S = self.X, self.S
        mds = self.mds()
        self.mds_start.append(mds)
        left = mds[:, None, :] >= X0
        s_idx = np.arange(m)[:, None]
        ga = left[s_idx, self.a, self.p] + 2 * left[s_idx, self.a, self.q]
        gb = left[s_idx, self.b, self.p] + 2 * left[s_idx, self.b, self.q]
        alive = self.able & (ga + gb == 3)  # groups A–D (0, 3) or B–C (1, 2)
        first = np.where(ga < gb, self.a, self.b)
        second = np.where(ga < gb, self.b, self.a)
        group = np.minimum(ga, gb)
        self.rank = ((self.pair * 2 + group) * self.n + first) * self.n + second
        # i (first) supplies q unless its salience ratio p/q is the smaller one
        sfp, sfq = S[s_idx, first, self.p], S[s_idx, first, self.q]
        ssp, ssq = S[s_idx, second, self.p], S[s_idx, second, self.q]
        swap = sfp * ssq < ssp * sfq
        self.u = np.where(swap, second, first)  # supplies q, demands p
        self.v = np.where(swap, first, second)  # supplies p, demands q
        self.base = (self.w * X0).sum(axis=1)  # [m, k]
        self.pos = X0.copy()  # current supply positions this round
        self.upd = np.full((m, self.n, self.k, self.n), np.nan)  # [demander, issue, supplier]
        self.upd_sum = np.zeros((m, self.n, self.k))  # Σ w·(update − start) per row of upd
        self.move = np.zeros((2, m, M))  # current move of side i (0) and j (1)
        self.ksum = np.zeros((2, m, M))  # earlier moves kept by decide's history
        self.kpos = np.ones((2, m, M), bool)  # all earlier moves > 0
        self.kneg = np.ones((2, m, M), bool)  # all earlier moves < 0
        self.gain = np.zeros((m, M))
        self.y = np.zeros((2, m, M))
        sm, cd = np.nonzero(alive)
        alive[sm, cd] = self._calculate(sm, cd)
        while alive.any():
            alive = self._step(r, alive)
        self.voting = self.pos.copy()
        self.mds_voting.append(self.mds(self.pos))
        moved = self.pos != X0
        keep = (1 - S) * SALIENCE_WEIGHT + FIXED_WEIGHT
        self.X = np.where(moved, (1 - keep) * X0 + keep * self.pos, X0)

    def _step(self, r: int, alive: np.ndarray) -> np.ndarray:
        live = np.flatnonzero(alive.any(axis=1))
        g = np.where(alive[live], self.gain[live], -np.inf)
        near = alive[live] & (g >= g.max(axis=1, keepdims=True) - TIE)
        e = np.argmin(np.where(near, self.rank[live], np.iinfo(np.int64).max), axis=1)
        u, v = self.u[live, e], self.v[live, e]
        p, q = self.p[e], self.q[e]
        yi, yj = self.y[0, live, e], self.y[1, live, e]
        self._rows.append((live, np.full(len(live), r), u, q, self.pos[live, u, q].copy(), yi,
                           v, p, self.pos[live, v, p].copy(), yj, self.gain[live, e].copy()))
        alive[live, e] = False
        X0 = self.X
        self.pos[live, u, q] = yi
        self.pos[live, v, p] = yj
        self._record(live, v, q, u, yi, X0[live, u, q])
        self._record(live, u, p, v, yj, X0[live, v, p])
        # the open exchanges this one touches (decide: AbstractExchange.recalculate)
        U, V = self.u[live], self.v[live]
        P, Q = self.p[None, :], self.q[None, :]
        ue, ve, pe, qe = u[:, None], v[:, None], p[:, None], q[:, None]
        sup_i = ((ue == U) & (qe == Q)) | ((ve == U) & (pe == Q))
        sup_j = ((ue == V) & (qe == P)) | ((ve == V) & (pe == P))
        dem = (((ve == V) & (qe == Q)) | ((ve == U) & (qe == P))
               | ((ue == V) & (pe == Q)) | ((ue == U) & (pe == P)))
        hit = alive[live] & (sup_i | sup_j | dem)
        rows, cd = np.nonzero(hit)
        sm = live[rows]
        for side, sup in ((0, sup_i), (1, sup_j)):
            kept = sup[rows, cd]
            ks, kc = sm[kept], cd[kept]
            mv = self.move[side, ks, kc]
            self.ksum[side, ks, kc] += mv
            self.kpos[side, ks, kc] &= mv > 0
            self.kneg[side, ks, kc] &= mv < 0
        alive[sm, cd] = self._calculate(sm, cd)
        return alive

    def _record(self, sm, demander, issue, supplier, y, start) -> None:
        """Remember where ``supplier`` moved on ``issue`` for ``demander`` (decide's updates)."""
        old = self.upd[sm, demander, issue, supplier]
        had = ~np.isnan(old)
        new = np.where(had, np.where(start <= old, np.minimum(old, y), np.maximum(old, y)), y)
        w = self.w[sm, supplier, issue]
        prev = np.where(had, old, start)
        self.upd_sum[sm, demander, issue] += w * (new - prev)
        self.upd[sm, demander, issue, supplier] = new

    # -- one exchange ----------------------------------------------------------------------

    def _calculate(self, sm: np.ndarray, cd: np.ndarray) -> np.ndarray:
        """Compute moves, gain and validity of exchanges ``(sm, cd)``; store; return validity."""
        u, v, p, q = self.u[sm, cd], self.v[sm, cd], self.p[cd], self.q[cd]
        S, w, D, X0, pos = self.S, self.w, self.D, self.X, self.pos
        xi, xj = pos[sm, u, q], pos[sm, v, p]  # supply positions (i on q, j on p)
        di, dj = X0[sm, u, p], X0[sm, v, q]  # demand positions (i on p, j on q)
        siq, sip, sjp, sjq = S[sm, u, q], S[sm, u, p], S[sm, v, p], S[sm, v, q]
        wiq, wjp = w[sm, u, q], w[sm, v, p]
        Dp, Dq = D[sm, p], D[sm, q]
        # j moves all the way to i's position on p; i's move on q follows from equal gain
        dp = np.abs(di - xj) * wjp / Dp
        dq = dp * (sjp + sip) / (sjq + siq)
        mi, mj = dq * Dq / wiq, np.abs(di - xj)
        over = mi > np.abs(dj - xi)  # too far for i: i moves all the way to j instead
        dq = np.where(over, np.abs(dj - xi) * wiq / Dq, dq)
        dp = np.where(over, dq * (siq + sjq) / (sip + sjp), dp)
        mi = np.where(over, np.abs(dj - xi), mi)
        mj = np.where(over, dp * Dp / wjp, mj)
        mi = np.where(xi > dj, -mi, mi)
        mj = np.where(xj > di, -mj, mj)
        gain = np.abs(dq * siq - dp * sip)
        ok = self._valid(0, sm, cd, mi, xi) & self._valid(1, sm, cd, mj, xj) & (gain >= TINY)
        # neither move may push the expected outcome past the partner's position
        i_side = (u, q, v, xi, dj, di, xj, siq, sjq, sip, sjp, wiq, wjp, Dq, Dp)
        j_side = (v, p, u, xj, di, dj, xi, sjp, sip, sjq, siq, wjp, wiq, Dp, Dq)
        mi, mj, gain = self._cap(sm, ok, i_side, mi, mj, gain)
        mj, mi, gain = self._cap(sm, ok, j_side, mj, mi, gain)
        ok &= self._valid(0, sm, cd, mi, xi) & self._valid(1, sm, cd, mj, xj)
        self.move[0, sm, cd], self.move[1, sm, cd] = mi, mj
        self.y[0, sm, cd], self.y[1, sm, cd] = xi + mi, xj + mj
        self.gain[sm, cd] = gain
        return ok

    def _cap(self, sm, ok, side, ma, mb, gain):
        """decide's check_nbs for supplier a (moving ``ma`` on issue r towards b's position)."""
        a, r, b, xa, xb, da, xsb, sar, sbr, sat, sbt, war, wbt, Dr, Dt = side
        start = self.X[sm, a, r]
        known = self.upd[sm, b, r, a]
        inside = ~np.isnan(known)
        shift = self.upd_sum[sm, b, r]
        base = self.base[sm, r] + shift
        rest = base - np.where(inside, war * (known - start), 0.0)
        before = (rest + war * (xa - start)) / Dr
        after = (rest + war * (xa + ma - start)) / Dr
        # an outcome that starts at b's position (within EDGE) is not crossed: exact
        # arithmetic says so, and decide's 28-digit rounding noise must not decide it
        crossed = ok & (np.abs(xb - before) > EDGE) & ~(
            ((xb >= before) & (xb >= after)) | ((xb <= before) & (xb <= after)))
        total = base + np.where(inside, 0.0, war * (xa - start))
        delta = np.abs((xb * Dr - total) / war)
        ratio_r = delta * war / Dr
        ratio_t = ratio_r * (sar + sbr) / (sat + sbt)
        new_b = np.abs(ratio_t * Dt / wbt)
        new_b = np.where(xsb > da, -new_b, new_b)
        new_a = np.where(xa > xb, -delta, delta)
        new_gain = np.abs(ratio_t * sbt - ratio_r * sbr)
        return (np.where(crossed, new_a, ma), np.where(crossed, new_b, mb),
                np.where(crossed, new_gain, gain))

    def _valid(self, side, sm, cd, mv, x) -> np.ndarray:
        """decide's is_move_valid: a real move, on the scale, in the direction kept so far."""
        size = np.abs(mv)
        y = x + mv
        same_way = (self.kpos[side, sm, cd] & (mv > 0)) | (self.kneg[side, sm, cd] & (mv < 0))
        return ((size > TINY) & (size <= 100) & (y >= -EDGE) & (y <= 100 + EDGE)
                & (self.ksum[side, sm, cd] + mv <= 100 + EDGE) & same_way)

    def rows(self) -> dict[str, np.ndarray]:
        names = ("sample", "round", "actor_i", "issue_i", "x_i", "y_i",
                 "actor_j", "issue_j", "x_j", "y_j", "gain")
        if not self._rows:
            return {nm: np.zeros(0, float if nm[0] in "xyg" else int) for nm in names}
        cols = [np.concatenate(col) for col in zip(*self._rows, strict=True)]
        order = np.argsort(cols[0], kind="stable")  # sample-major, realised order within
        return {nm: col[order] for nm, col in zip(names, cols, strict=True)}
