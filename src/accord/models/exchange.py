"""Stokman's exchange model with the equal-gain rule, vectorised over exchanges and samples.

Actors trade *positions* (Stokman & Van Oosten 1994, in Bueno de Mesquita & Stokman (eds.),
*European Community Decision Making*; Dijkstra, Van Assen & Stokman 2008, *J. Conflict
Resolution* 52(2)). An actor who cares relatively more about issue p than about issue q moves
its position on q towards a partner who, in return, moves on p. On each issue the expected
outcome is the weighted mean of positions with weights capability × salience (decide calls it
the MDS). Shifting actor a by Δ on issue r moves that outcome by the *exchange ratio*
``Δ·c_a·s_ar / Σ_b c_b·s_br``. A trade between i (supplying q) and j (supplying p) gives

    gain_i = dp·s_ip − dq·s_iq,      gain_j = dq·s_jq − dp·s_jp,

where dp and dq are the outcome shifts on p and q. Only pairs on opposite sides of the
expected outcome on both issues can trade, and both gain only when their salience ratios
differ (s_ip/s_iq > s_jp/s_jq). The *equal-gain* rule fixes the rate so that both gain the
same: ``dq = dp·(s_ip + s_jp)/(s_iq + s_jq)``; the larger move allowed (the supplier on p all
the way to i's position, or else the supplier on q all the way to j's position) is made.
The papers were not at hand while writing this module: the formulas above and the rules
below are those of decide-exchange-model 2022.1.28 (Stokman's group's own implementation;
read, not copied), and the tests hold accord to that program's output.

Within a round the exchange with the highest gain is made first; every open exchange that
shares an actor's supply or demand with it is recomputed from the moved positions, and the
next best follows, until none is left. An exchange is dropped when a move would leave the
0–100 scale, would reverse the direction an actor was already moving in, or would push the
expected outcome past the position of the partner who asked for the move (then the move is
cut to land the outcome exactly there and the partner's move follows from equal gain). After
a round, each actor that moved keeps part of its new *voting* position as its next starting
position: ``x' = (1 − (1 − s)·0.4 − 0.1)·x + ((1 − s)·0.4 + 0.1)·y``.

The fixtures in ``tests/fixtures/decide`` were written by decide-exchange-model, and the tests
demand the same exchanges in the same order and the same positions to 1e-6. Ties between
gains (within ``TIE``) go to the exchange created first (issue pair, then the A–D before the
B–C pairs, then actor order); decide breaks them at random. An expected outcome already at the
partner's position (within ``EDGE``) counts as not crossed, as exact arithmetic has it.

A round starts in array code, evaluating all candidate exchanges of all samples at once; each
step then recomputes only the exchanges that the realised one touched. With samples, or with
more than :data:`ONE_GAME_CANDIDATES` open candidates, the steps stay array code; a single
smaller game steps in plain Python floats (:class:`accord.models.exchange_game.OneGame`, the
same arithmetic in the same order, tested equal to the array code), since a step touches a few
dozen candidates and numpy's cost per call would outweigh the work on so few.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import NamedTuple

import numpy as np

from accord.models.arrays import CaseArrays
from accord.models.exchange_game import OneGame
from accord.models.exchange_rules import EDGE, FIXED_WEIGHT, ROUNDS, SALIENCE_WEIGHT, TIE, TINY

__all__ = ["ROUNDS", "ExchangeRows", "ExchangeRun", "exchange_model", "run"]


@dataclass(frozen=True, slots=True)
class ExchangeRows:
    """Realised exchanges, one row per exchange (every field an array of one length).

    Side *i* (actor ``actor_i``) moves on ``issue_i`` from ``x_i`` to ``y_i``, towards *j*'s
    position there, and *j* moves on ``issue_j``; both gain ``gain``. ``sample`` says which
    sample a row belongs to (always 0 without a sample axis), ``round`` in which round it was
    realised.
    """

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

    def columns(self) -> dict[str, np.ndarray]:
        """The fields by name."""
        return {f.name: getattr(self, f.name) for f in fields(ExchangeRows)}

    def __len__(self) -> int:
        return len(self.gain)


@dataclass(frozen=True)
class ExchangeRun(ExchangeRows):
    """What the exchange model did: the realised exchanges (rows in the order realised, see
    :class:`ExchangeRows`), plus outcomes per round.

    Arrays over issues carry the leading sample axis of the input: ``mds_start[..., r, k]`` is
    the expected outcome at the start of round r, ``mds_voting[..., r, k]`` after its
    exchanges, ``voting[..., n, k]`` the positions after the last round's exchanges and
    ``positions[..., n, k]`` the starting positions the model would carry into another round;
    ``starts[..., r, n, k]`` are the positions each round started from (round 0: the input).
    """

    actors: list[str]
    issues: list[str]
    rounds: int
    mds_start: np.ndarray
    mds_voting: np.ndarray
    voting: np.ndarray
    positions: np.ndarray
    starts: np.ndarray

    @property
    def forecast(self) -> np.ndarray:
        """The expected outcome per issue after the last round: ``[..., k]``."""
        return self.mds_voting[..., -1, :]


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
    with _collector_paused():
        for r in range(rounds):
            state.play(r)
    rows = state.rows()

    def first(a: np.ndarray) -> np.ndarray:  # drop the sample axis the input did not have
        return a[0] if single else a

    return ExchangeRun(
        actors=actors or [str(a) for a in range(n)],
        issues=issues or [str(i) for i in range(k)],
        rounds=rounds,
        **rows.columns(),
        mds_start=first(np.stack(state.mds_start, axis=-2)),
        mds_voting=first(np.stack(state.mds_voting, axis=-2)),
        voting=first(state.voting),
        positions=first(state.X),
        starts=first(np.stack(state.starts, axis=-3)),
    )


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while the rounds run, as it was after: a round
    makes thousands of short-lived lists and tuples (in plain Python, :class:`OneGame`) but no
    reference cycles, so reference counting frees them all, and the collections they would
    trigger only rescan them (measured: ~7% of the time on COP21)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


CANDIDATE_BUDGET = 2**18  # samples × candidate exchanges per block of a Monte Carlo run


def run(a: CaseArrays, rounds: int = ROUNDS) -> np.ndarray:
    """Registry entry: the expected outcome per issue after ``rounds`` rounds, ``[..., k]``.

    Samples are independent games: they run in blocks of at most :data:`CANDIDATE_BUDGET`
    candidate exchanges (each holds a few dozen numbers), so memory does not grow with the
    number of samples in a chunk."""
    X = np.asarray(a.X, dtype=float)
    if X.ndim == 2:
        return exchange_model(a.c, X, a.S, a.has, rounds).forecast
    m, n, k = X.shape
    c = np.broadcast_to(np.asarray(a.c, dtype=float), (m, n))
    S = np.broadcast_to(np.asarray(a.S, dtype=float), (m, n, k))
    has = np.broadcast_to(np.asarray(a.has, dtype=bool), (m, n, k))
    block = max(1, CANDIDATE_BUDGET // max(1, n * (n - 1) // 2 * (k * (k - 1) // 2)))
    return np.concatenate([
        exchange_model(c[s:s + block], X[s:s + block], S[s:s + block], has[s:s + block],
                       rounds).forecast
        for s in range(0, m, block)
    ])


class _Fixed(NamedTuple):
    """What a candidate's moves depend on that is fixed for the round: one array per field,
    over candidates. i supplies q (moves on q towards j) and j supplies p; "start" is a
    position at the start of the round."""

    demand_i: np.ndarray  # i's start on p: where j moves to
    demand_j: np.ndarray  # j's start on q: where i moves to
    s_iq: np.ndarray  # saliences
    s_ip: np.ndarray
    s_jp: np.ndarray
    s_jq: np.ndarray
    w_iq: np.ndarray  # capability × salience of each supplier on the issue it supplies
    w_jp: np.ndarray
    total_p: np.ndarray  # Σ capability × salience on p
    total_q: np.ndarray
    start_i: np.ndarray  # i's start on q
    start_j: np.ndarray  # j's start on p
    base_q: np.ndarray  # Σ capability × salience × start position on q
    base_p: np.ndarray


class _Cells(NamedTuple):
    """Where a candidate's sides live in the round's arrays: flat indices ``[2, candidates]``,
    row 0 for side i (supplying q), row 1 for side j (supplying p), so that one fancy index
    reads both sides."""

    supply: np.ndarray  # i on q, j on p in [m, n, k]: what each supplies
    update: np.ndarray  # decide's update [demander, supplied issue, supplier] in [m, n, k, n]
    demand: np.ndarray  # j on q, i on p in [m, n, k]: the partner on the supplied issue


class _Side(NamedTuple):
    """One side of candidate exchanges as decide's check_nbs sees it: supplier a moves on issue
    r towards partner b's position there, and b moves on issue t in return. One array per
    field, over candidates."""

    x: np.ndarray  # a's current position on r
    target: np.ndarray  # b's position on r, where a moves to
    own_t: np.ndarray  # a's position on t, where b moves to
    partner_x: np.ndarray  # b's current position on t
    s_ar: np.ndarray  # saliences of a and b on r and t
    s_br: np.ndarray
    s_at: np.ndarray
    s_bt: np.ndarray
    w_ar: np.ndarray  # capability × salience of a on r, of b on t
    w_bt: np.ndarray
    total_r: np.ndarray  # Σ capability × salience on r and on t
    total_t: np.ndarray
    start: np.ndarray  # a's position on r at the start of the round
    known: np.ndarray  # where a already moved on r for b this round (NaN: not yet)
    base: np.ndarray  # Σ capability × salience × position on r, with b's recorded updates


# where each field of _Fixed comes from: the row of _Rounds._candidates' table of ints that
# locates it (ip, jq, iq, ip, jp, jq, iq, jp, sp, sq, iq, jp, sq, sp) and the array it is read
# from (0: S, 1: w, 2: X0, 3: D, 4: base)
_FIXED_ROWS = [5, 7, 4, 5, 6, 7, 4, 6, 10, 11, 4, 6, 11, 10]
_FIXED_FROM = np.array([2, 2, 0, 0, 0, 0, 1, 1, 3, 3, 2, 2, 4, 4])


class _Rounds:
    """The model's state across rounds for ``m`` samples (arrays ``[m, ...]``)."""

    def __init__(self, c: np.ndarray, X: np.ndarray, S: np.ndarray, has: np.ndarray):
        self.m, self.n, self.k = X.shape
        self.X, self.S = X, S
        self.w = c[:, :, None] * S * has  # weight of each actor on each issue
        self.D = self.w.sum(axis=1)  # [m, k]
        able = has & (S > 0)  # decide divides by saliences: zero takes no part
        n, k = self.n, self.k
        pi, qi = np.triu_indices(k, 1)  # issue pairs in decide's order
        ai, bi = np.triu_indices(n, 1)
        npairs = len(ai)
        p, q = np.repeat(pi, npairs), np.repeat(qi, npairs)
        a, b = np.tile(ai, len(pi)), np.tile(bi, len(pi))
        self.a, self.b, self.p, self.q = a, b, p, q
        # the flat [n, k] cells of a on p, a on q, b on p, b on q: [4, candidates]
        self.corners = np.stack((a * k + p, a * k + q, b * k + p, b * k + q))
        self.able = able.reshape(self.m, -1)[:, self.corners].all(axis=1)
        # the order candidates are created in: by issue pair, the A–D pairs before the B–C
        # pairs (+ n² below), then the first actor of the pair (the one in the lower group),
        # then the second; row 0 for a first, row 1 for b first
        pair = np.repeat(np.arange(len(pi)), npairs)
        self.order = np.stack(((pair * 2 * n + a) * n + b, (pair * 2 * n + b) * n + a))
        # which actor supplies q: the first one, unless its salience ratio p/q is the smaller
        # one; row 0 for a first, row 1 for b first (saliences do not change)
        ap, aq, bp, bq = S.reshape(self.m, -1)[:, self.corners].transpose(1, 0, 2)
        self.supplier = np.stack((np.where(ap * bq < bp * aq, b, a),
                                  np.where(bp * aq < ap * bq, a, b)))  # [2, m, candidates]
        # where S, w, X0, D and the round's base start when laid end to end (see _candidates)
        sizes = [S.size, S.size, S.size, self.D.size, self.D.size]
        self.fixed_starts = np.cumsum([0, *sizes])[_FIXED_FROM, None]
        self.voting = X.copy()
        self.mds_start: list[np.ndarray] = []
        self.mds_voting: list[np.ndarray] = []
        self.starts: list[np.ndarray] = []
        self._rows: list[dict[str, np.ndarray]] = []  # each step's ExchangeRows fields

    def outcome(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Σ capability × salience × position per issue, and the expected outcome (MDS)."""
        num = (self.w * X).sum(axis=1)
        return num, np.divide(num, self.D, out=np.zeros_like(num), where=self.D > 0)

    # -- one round -------------------------------------------------------------------------

    def play(self, r: int) -> None:
        X0, S = self.X, self.S
        base, mds = self.outcome(X0)
        self.mds_start.append(mds)
        self.starts.append(X0)
        open_ = self._candidates(base, mds)
        m, n, k = self.m, self.n, self.k
        size = self.c["u"].size
        self.pos = X0.copy()  # current supply positions this round
        self.upd = np.full((m, n, k, n), np.nan)
        self.upd_sum = np.zeros((m, n, k))  # Σ w·(update − start) per [demander, issue]
        self.move = np.zeros((2, size))  # current move of side i (0) and side j (1)
        self.ksum = np.zeros((2, size))  # earlier moves kept in decide's move history
        self.kpos = np.ones((2, size), bool)  # all earlier moves > 0
        self.kneg = np.ones((2, size), bool)  # all earlier moves < 0
        self.gain = np.zeros(size)
        self.y = np.zeros((2, size))
        alive = open_.reshape(-1).copy()
        # (a single game's candidates are all open: then views of the round's arrays, no copies)
        f = slice(None) if alive.all() else np.flatnonzero(alive)
        alive[f] = self._calculate(f)
        if m == 1 and size <= ONE_GAME_CANDIDATES:
            self._play_one(r, alive)
        else:
            c = self.c
            self.by_supply = _Index(c["iq"], c["jp"])
            self.by_demand = _Index(c["jq"], c["ip"])
            self.best = _Best(np.where(alive, self.gain, -np.inf).reshape(open_.shape))
            while self._step(r, alive):
                pass
        self.voting = self.pos.copy()
        self.mds_voting.append(self.outcome(self.pos)[1])
        moved = self.pos != X0
        keep = (1 - S) * SALIENCE_WEIGHT + FIXED_WEIGHT
        self.X = np.where(moved, (1 - keep) * X0 + keep * self.pos, X0)

    def _play_one(self, r: int, alive: np.ndarray) -> None:
        """Round ``r``'s exchanges of a single game, in plain Python (:class:`OneGame`)."""
        game = OneGame(self.fixed, self.cells, self.pos.reshape(-1), self.move, self.gain, alive,
                       self.upd.size)
        steps = game.play()
        self.pos = np.array(game.pos).reshape(self.pos.shape)
        if steps:
            done, x_i, y_i, x_j, y_j, gain = (np.array(col) for col in zip(*steps, strict=True))
            c = self.c
            self._rows.append(dict(
                sample=np.zeros(len(done), int), round=np.full(len(done), r),
                actor_i=c["u"][done], issue_i=c["q"][done], x_i=x_i, y_i=y_i,
                actor_j=c["v"][done], issue_j=c["p"][done], x_j=x_j, y_j=y_j, gain=gain))

    def _candidates(self, base: np.ndarray, mds: np.ndarray) -> np.ndarray:
        """Set up the round's candidate exchanges from its start positions (``base`` and
        ``mds`` as :meth:`outcome` gives them): their cells and fields (``c``, ``fixed``,
        ``cells``); return which are open, ``[m, width]``.

        A candidate pairs two actors on two issues, on opposite sides of the expected outcome on
        both (decide's groups A–D or B–C). Each sample's candidates are ordered as created (by
        rank), so that among equal gains the first one is the earliest created.
        """
        m, n, k = self.m, self.n, self.k
        X0 = self.X
        left = (mds[:, None, :] >= X0).reshape(m, -1)[:, self.corners]  # [m, 4, candidates]
        group = left[:, 0::2] + 2 * left[:, 1::2]  # of a and of b: 0 (A) … 3 (D)
        ga, gb = group[:, 0], group[:, 1]
        open_ = self.able & (ga + gb == 3)  # groups A–D (0, 3) or B–C (1, 2)
        cols = np.flatnonzero(open_.any(axis=0))
        open_, ga, gb = open_[:, cols], ga[:, cols], gb[:, cols]
        b_first = ga >= gb
        rank = (np.where(b_first, self.order[1, cols], self.order[0, cols])
                + np.minimum(ga, gb) * (n * n))
        supplier = self.supplier[:, :, cols]
        u = np.where(b_first, supplier[1], supplier[0])
        v = (self.a[cols] + self.b[cols]) - u
        s_idx = np.arange(m)[:, None]
        by_rank = np.argsort(rank, axis=1, kind="stable")
        # one table of ints over (sample, candidate): which actor is i and j and which issue
        # is p and q, the flat [m, n, k] cells of each side, decide's "updates" [demander,
        # issue, supplier] (where a supplier moved to) and the flat [m, k] cells of p and q
        ints = np.empty((12, m, len(cols)), dtype=np.intp)
        ints[0], ints[1], ints[2], ints[3] = u, v, self.p[cols], self.q[cols]
        ints[[10, 11]] = s_idx * k + ints[2:4]  # sample's p and q
        ints[[4, 5]] = (s_idx * n + u) * k + ints[[3, 2]]  # iq, ip
        ints[[6, 7]] = (s_idx * n + v) * k + ints[[2, 3]]  # jp, jq
        table = ints[:, s_idx, by_rank].reshape(12, -1)  # flat over (sample, candidate)
        table[8] = table[7] * n + table[0]  # upd_i: i supplies q to j
        table[9] = table[5] * n + table[1]  # upd_j: j supplies p to i
        names = ("u", "v", "p", "q", "iq", "ip", "jp", "jq", "upd_i", "upd_j", "sp", "sq")
        c = dict(zip(names, table, strict=True))
        # every field of _Fixed by one gather from S, w, X0, D and base laid end to end
        sources = (self.S, self.w, X0, self.D, base)
        self.fixed = np.concatenate([x.reshape(-1) for x in sources])[
            table[_FIXED_ROWS] + self.fixed_starts]
        c["w_iq"], c["w_jp"], c["x0_iq"], c["x0_jp"] = self.fixed[[6, 7, 10, 11]]
        self.c = c
        self.cells = table[[4, 6, 8, 9, 7, 5]].reshape(3, 2, -1)  # as _Cells
        return open_[s_idx, by_rank]

    def _step(self, r: int, alive: np.ndarray) -> bool:
        """Realise the best open exchange of every sample that has one (False: none has)."""
        c = self.c
        live, e = self.best.first()
        if not live.size:
            return False
        pos = self.pos.reshape(-1)
        iq, jp = c["iq"][e], c["jp"][e]
        yi, yj = self.y[0, e], self.y[1, e]
        self._rows.append(dict(  # a dict, not ExchangeRows: this runs once per step
            sample=live, round=np.full(len(live), r), actor_i=c["u"][e], issue_i=c["q"][e],
            x_i=pos[iq], y_i=yi, actor_j=c["v"][e], issue_j=c["p"][e], x_j=pos[jp], y_j=yj,
            gain=self.gain[e]))
        alive[e] = False
        pos[iq], pos[jp] = yi, yj
        both = np.concatenate
        self._record(both((c["upd_i"][e], c["upd_j"][e])), both((c["jq"][e], c["ip"][e])),
                     both((c["w_iq"][e], c["w_jp"][e])), both((yi, yj)),
                     both((c["x0_iq"][e], c["x0_jp"][e])))
        # the open exchanges this one touches (decide: AbstractExchange.recalculate): a side
        # supplies what one of e's sides supplied, or e's demander demands the same issue
        moved, side = self.by_supply.find(np.concatenate((iq, jp)))
        asked, _ = self.by_demand.find(np.concatenate((c["jq"][e], c["ip"][e])))
        # a side whose supply position moved keeps its last move in decide's history
        open_ = alive[moved]
        side, moved = side[open_], moved[open_]
        mv = self.move[side, moved]
        self.ksum[side, moved] += mv
        self.kpos[side, moved] &= mv > 0
        self.kneg[side, moved] &= mv < 0
        touched = _distinct(np.concatenate((moved, asked)))  # recalculated once each
        f = touched[alive[touched]]
        alive[f] = self._calculate(f)
        self.best.update(np.concatenate((e, f)), np.where(alive[f], self.gain[f], -np.inf),
                         len(e))
        return True

    def _record(self, where: np.ndarray, row: np.ndarray, w: np.ndarray, y: np.ndarray,
                start: np.ndarray) -> None:
        """Remember where a supplier moved for a demander (decide's ``updates``)."""
        upd = self.upd.reshape(-1)
        old = upd[where]
        had = ~np.isnan(old)
        new = np.where(had, np.where(start <= old, np.minimum(old, y), np.maximum(old, y)), y)
        self.upd_sum.reshape(-1)[row] += w * (new - np.where(had, old, start))
        upd[where] = new

    # -- one exchange ----------------------------------------------------------------------

    @np.errstate(divide="ignore", invalid="ignore", over="ignore")
    def _calculate(self, f: np.ndarray | slice) -> np.ndarray:
        """Compute moves, gain and validity of candidates ``f``; store them; return validity.

        A candidate whose moves by equal gain alone are not valid is closed, whatever the cut
        test makes of them; its stored moves and gain are never read again. A side of zero
        or denormal weight (capability or salience) divides by zero or overflows here: an
        infinite move is too far and is replaced by the move to the partner (``over``), and a
        NaN fails every comparison that keeps a candidate open, so these are not warned about
        (tests/models/test_exchange.py checks that such cases forecast finitely, unwarned)."""
        fx = _Fixed._make(self.fixed[:, f])
        di, dj, siq, sip, sjp, sjq = fx.demand_i, fx.demand_j, fx.s_iq, fx.s_ip, fx.s_jp, fx.s_jq
        wiq, wjp, Dp, Dq = fx.w_iq, fx.w_jp, fx.total_p, fx.total_q
        cells = _Cells._make(self.cells[:, :, f])
        x = self.pos.reshape(-1)[cells.supply]
        xi, xj = x  # supply positions (i on q, j on p); di, dj: demand positions
        # j moves all the way to i's position on p; i's move on q follows from equal gain
        reach_j, reach_i = np.abs(di - xj), np.abs(dj - xi)
        dp = reach_j * wjp / Dp
        dq = dp * (sjp + sip) / (sjq + siq)
        mi, mj = dq * Dq / wiq, reach_j
        over = mi > reach_i  # too far for i: i moves all the way to j instead
        dq = np.where(over, reach_i * wiq / Dq, dq)
        dp = np.where(over, dq * (siq + sjq) / (sip + sjp), dp)
        mi = np.where(over, reach_i, mi)
        mj = np.where(over, dp * Dp / wjp, mj)
        mi = np.where(xi > dj, -mi, mi)
        mj = np.where(xj > di, -mj, mj)
        gain = np.abs(dq * siq - dp * sip)
        ok = gain >= TINY
        # neither move may push the expected outcome past the partner's position
        known = self.upd.reshape(-1)[cells.update]
        updated = self.upd_sum.reshape(-1)[cells.demand]
        i_side = _Side(x=xi, target=dj, own_t=di, partner_x=xj,
                       s_ar=siq, s_br=sjq, s_at=sip, s_bt=sjp, w_ar=wiq, w_bt=wjp,
                       total_r=Dq, total_t=Dp, start=fx.start_i, known=known[0],
                       base=fx.base_q + updated[0])
        j_side = _Side(x=xj, target=di, own_t=dj, partner_x=xi,
                       s_ar=sjp, s_br=sip, s_at=sjq, s_bt=siq, w_ar=wjp, w_bt=wiq,
                       total_r=Dp, total_t=Dq, start=fx.start_j, known=known[1],
                       base=fx.base_p + updated[1])
        uncut = mi, mj
        mi, mj, gain = _cap(ok, i_side, mi, mj, gain)
        mj, mi, gain = _cap(ok, j_side, mj, mi, gain)
        move = np.array((mi, mj))  # np.array: np.stack costs more than the work here
        if mi is uncut[0] and mj is uncut[1]:
            ok &= self._valid(f, move, x)
        else:  # a move was cut: both the moves by equal gain and the cut ones must be valid
            ok &= self._valid(f, np.array((uncut, (mi, mj))), x)
        self.move[:, f] = move
        self.y[:, f] = x + move
        self.gain[f] = gain
        return ok

    def _valid(self, f: np.ndarray | slice, move: np.ndarray, x: np.ndarray) -> np.ndarray:
        """decide's is_move_valid for both sides (``move[..., 2, candidates]``, side i then j):
        a real move, on the scale, in the direction kept so far; true where all are."""
        size, y = np.abs(move), x + move
        same_way = (self.kpos[:, f] & (move > 0)) | (self.kneg[:, f] & (move < 0))
        ok = ((size > TINY) & (size <= 100) & (y >= -EDGE) & (y <= 100 + EDGE)
              & (self.ksum[:, f] + move <= 100 + EDGE) & same_way)
        return ok.all(axis=tuple(range(ok.ndim - 1)))

    def rows(self) -> ExchangeRows:
        """Every realised exchange, sample-major and in the order realised within a sample."""
        names = [f.name for f in fields(ExchangeRows)]
        if not self._rows:
            return ExchangeRows(**{nm: np.zeros(0, float if nm[0] in "xyg" else int)
                                   for nm in names})
        cols = {nm: np.concatenate([row[nm] for row in self._rows]) for nm in names}
        order = np.argsort(cols["sample"], kind="stable")
        return ExchangeRows(**{nm: col[order] for nm, col in cols.items()})


ONE_GAME_CANDIDATES = 12_000  # open candidates up to which one game runs in plain Python:
# measured on random cases (2 rounds, 2026-12-01), the array code takes 3.0× its time at 4,700
# open candidates, 1.5× at 7,200, 1.2× at 11,700, 0.9× at 17,500 and 0.5× at 45,000


DISTINCT_ABOVE = 64  # blocks touched by one exchange beyond which duplicates are dropped


def _distinct(x: np.ndarray) -> np.ndarray:
    """The distinct values of ``x``, sorted (``np.unique`` without its overhead per call)."""
    x = np.sort(x)
    return x[np.concatenate(([True], x[1:] != x[:-1]))]


class _Best:
    """The best open candidate of every sample, kept up to date between exchanges.

    ``score[m, width]`` holds each candidate's gain (``-inf`` once it is realised or invalid),
    candidates in the order they were created. The rows are cut into blocks of about
    ``√width`` with their maxima kept, so finding the best (the first candidate within
    :data:`TIE` of the row's maximum) reads the block maxima and one block, and an exchange
    updates only the blocks of the candidates it touched: each step costs ``O(√width)`` per
    sample plus the touched candidates, not ``O(width)``.
    """

    def __init__(self, score: np.ndarray):
        m, self.width = score.shape
        self.size = max(1, int(np.sqrt(self.width)))
        nb = max(1, -(-self.width // self.size))  # one empty block when nothing is open
        self.score = np.full((m, nb * self.size), -np.inf)
        self.score[:, :self.width] = score
        self.blocks = self.score.reshape(m, nb, self.size)
        self.top = self.blocks.max(axis=2)  # [m, nb]

    def first(self) -> tuple[np.ndarray, np.ndarray]:
        """Samples with an open candidate, and each one's best (flat candidate index)."""
        best = self.top.max(axis=1)
        live = np.flatnonzero(best > -np.inf)
        floor = best[live, None] - TIE
        block = np.argmax(self.top[live] >= floor, axis=1)
        at = np.argmax(self.blocks[live, block] >= floor, axis=1)
        return live, live * self.width + block * self.size + at

    def update(self, where: np.ndarray, score: np.ndarray, dead: int) -> None:
        """Set candidates ``where`` (flat indices): the first ``dead`` to ``-inf``, the rest to
        ``score``; then refresh the maxima of their blocks."""
        s, pos = np.divmod(where, self.width)
        self.score[s[:dead], pos[:dead]] = -np.inf
        self.score[s[dead:], pos[dead:]] = score
        key = s * self.top.shape[1] + pos // self.size
        if len(key) > DISTINCT_ABOVE:  # else refreshing a block twice costs less than sorting
            key = _distinct(key)
        s, block = np.divmod(key, self.top.shape[1])
        self.top[s, block] = self.blocks[s, block].max(axis=1)


class _Index:
    """Which candidates have a given cell (sample, actor, issue) in one of their sides."""

    def __init__(self, *sides: np.ndarray):
        keys = np.concatenate(sides)
        self.size = sides[0].size
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def find(self, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Candidates holding any of ``cells``, and on which side (0 = first, 1 = second)."""
        # array methods, not np.searchsorted & co.: their wrappers cost more than the work here
        lo = self.keys.searchsorted(cells, "left")
        counts = self.keys.searchsorted(cells, "right") - lo
        total = counts.sum()
        run = (lo - counts.cumsum() + counts).repeat(counts) + np.arange(total)
        hits = self.order[run]
        return hits % self.size, hits // self.size


def _cap(
    ok: np.ndarray, side: _Side, ma: np.ndarray, mb: np.ndarray, gain: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """decide's check_nbs for supplier a, moving ``ma`` on issue r towards b's position there
    (b moves ``mb`` on t in return); returns both moves and the gain.

    If the move would carry the expected outcome on r past b's position, a moves only far
    enough to put it there and b's move follows from equal gain.
    """
    xa, xb, war, Dr = side.x, side.target, side.w_ar, side.total_r
    start, base = side.start, side.base
    inside = ~np.isnan(side.known)
    rest = base - np.where(inside, war * (side.known - start), 0.0)
    before = (rest + war * (xa - start)) / Dr
    after = before + war * ma / Dr
    # an outcome that starts at b's position (within EDGE) is not crossed: exact arithmetic
    # says so, and decide's 28-digit rounding noise must not decide it
    crossed = ok & (np.abs(xb - before) > EDGE) & ~(
        ((xb >= before) & (xb >= after)) | ((xb <= before) & (xb <= after)))
    at = crossed.nonzero()[0]
    if not at.size:
        return ma, mb, gain
    total = base[at] + np.where(inside[at], 0.0, war[at] * (xa[at] - start[at]))
    delta = np.abs((xb[at] * Dr[at] - total) / war[at])
    ratio_r = delta * war[at] / Dr[at]
    ratio_t = ratio_r * (side.s_ar[at] + side.s_br[at]) / (side.s_at[at] + side.s_bt[at])
    new_b = np.abs(ratio_t * side.total_t[at] / side.w_bt[at])
    ma, mb, gain = ma.copy(), mb.copy(), gain.copy()
    mb[at] = np.where(side.partner_x[at] > side.own_t[at], -new_b, new_b)
    ma[at] = np.where(xa[at] > xb[at], -delta, delta)
    gain[at] = np.abs(ratio_t * side.s_bt[at] - ratio_r * side.s_br[at])
    return ma, mb, gain
