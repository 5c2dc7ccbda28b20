"""One round of Stokman's exchange model for a single game, in plain Python floats and lists.

The model (Stokman & Van Oosten 1994, in Bueno de Mesquita & Stokman (eds.), *European
Community Decision Making*; the equal-gain rule of Dijkstra, Van Assen & Stokman 2008, *J.
Conflict Resolution* 52(2)) and decide-exchange-model 2022.1.28's rules are described in
:mod:`accord.models.exchange`: i moves on q towards j and j on p towards i, the outcome shifts
dp and dq with ``dq = dp·(s_ip + s_jp)/(s_iq + s_jq)``, and both gain ``dp·s_ip − dq·s_iq``.

That module sets a round up and evaluates its candidate exchanges in array code; when there is
one game of at most ``ONE_GAME_CANDIDATES`` open candidates, the round's exchanges are then
realised here: a step recomputes only the few dozen candidates the realised exchange touched,
too few for numpy's cost per call to pay. The arithmetic is the array code's, in the same
order, so the exchanges and positions are the same to the last bit; the tests hold the two to
each other.
"""

from __future__ import annotations

import heapq
from itertools import pairwise

import numpy as np

from accord.models.exchange_rules import EDGE, TIE, TINY


class OneGame:
    """One round's exchanges for a single sample in plain Python floats and lists.

    The same steps as ``_Rounds._step`` and ``_Rounds._calculate`` in
    :mod:`accord.models.exchange` (the same arithmetic in the same order, so the same exchanges
    and positions). The best open candidate is kept in a heap of ``(-gain, candidate,
    version)``.
    """

    def __init__(self, fixed: np.ndarray, cells: np.ndarray, pos: np.ndarray, move: np.ndarray,
                 gain: np.ndarray, alive: np.ndarray, updates: int):
        """The round's candidates after their first evaluation: ``fixed[14, size]`` (the fields
        of ``_Fixed``), ``cells[3, 2, size]`` (of ``_Cells``: supply, update and demand cells of
        side i and side j), the supply positions ``pos`` (flat over actor × issue), each
        candidate's ``move[2, size]`` and ``gain``, which are ``alive`` (open), and the number
        of decide's update cells (demander × issue × supplier)."""
        self.fixed = fixed.T.tolist()  # per candidate, the fields of _Fixed
        # per candidate: [supply i, supply j, update i, update j, demand i, demand j]
        self.cells = cells.reshape(6, -1).T.tolist()
        self.pos = pos.tolist()
        # decide's updates recorded so far (see _record; None: none yet)
        self.upd: list[float | None] = [None] * updates
        self.upd_sum = [0.0] * len(self.pos)  # Σ w·(update − start) per [demander, issue]
        # flat over side × candidates (side i of every candidate, then side j): the "code"
        # ``side * size + candidate`` of the indexes below. A candidate's new positions are
        # not kept: its supply positions plus its moves give them (the same sums)
        self.move = move.reshape(-1).tolist()
        self.size = size = len(alive)
        self.ksum = [0.0] * (2 * size)  # earlier moves kept in decide's move history
        self.kpos = [True] * (2 * size)  # all earlier moves > 0
        self.kneg = [True] * (2 * size)  # all earlier moves < 0
        self.gain = gain.tolist()
        self.alive = alive.tolist()
        # per cell (actor, issue): the candidates (side i) and candidates + size (side j) that
        # supply it, and the candidates whose sides demand it (cell + cells in the keys)
        n = len(self.pos)
        codes = np.arange(2 * size)
        groups = _groups(np.concatenate((cells[0].reshape(-1), cells[2].reshape(-1) + n)),
                         2 * n, np.concatenate((codes, codes % size)))
        self.by_supply, self.by_demand = groups[:n], groups[n:]
        # moves and gain before the cut test, and whether valid then: a candidate whose supply
        # positions did not move needs only the cut test again (None: not known yet)
        self.uncut: list[tuple[float, float, float, bool] | None] = [None] * size
        self.version = [0] * size
        self.heap = [(-g, f, 0) for f, g in enumerate(self.gain) if self.alive[f]]
        heapq.heapify(self.heap)

    def play(self) -> list[tuple[float, ...]]:
        """Realise exchanges until none is open (``pos`` then holds the positions); return one
        ``(candidate, x_i, y_i, x_j, y_j, gain)`` per exchange, in the order realised."""
        steps: list[tuple[float, ...]] = []
        while (e := self._best()) is not None:
            steps.append(self._step(e))
        return steps

    def _best(self) -> int | None:
        """The open candidate with the highest gain, the earliest created among gains within
        :data:`TIE` of it; None when none is open."""
        heap, alive, version = self.heap, self.alive, self.version
        while heap:
            top = heapq.heappop(heap)
            if alive[top[1]] and version[top[1]] == top[2]:
                break
        else:
            return None
        floor = -top[0] - TIE
        near = [top]
        while heap and -heap[0][0] >= floor:
            entry = heapq.heappop(heap)
            if alive[entry[1]] and version[entry[1]] == entry[2]:
                near.append(entry)
        if len(near) == 1:
            return top[1]
        first = min(near, key=lambda entry: entry[1])
        for entry in near:
            if entry is not first:
                heapq.heappush(heap, entry)
        return first[1]

    def _step(self, e: int) -> tuple[float, ...]:
        """Realise candidate ``e`` and recalculate what it touched; return the candidate, its
        positions before and after and its gain."""
        pos, size, alive = self.pos, self.size, self.alive
        si, sj, ui, uj, di, dj = self.cells[e]
        xi, xj = pos[si], pos[sj]
        yi, yj = xi + self.move[e], xj + self.move[e + size]
        row = (e, xi, yi, xj, yj, self.gain[e])
        alive[e] = False
        pos[si], pos[sj] = yi, yj
        fx = self.fixed[e]
        self._record(ui, di, fx[6], yi, fx[10])  # w_iq, start_i
        self._record(uj, dj, fx[7], yj, fx[11])  # w_jp, start_j
        move, ksum, kpos, kneg = self.move, self.ksum, self.kpos, self.kneg
        by_supply, by_demand, uncut = self.by_supply, self.by_demand, self.uncut
        calculate = self._calculate
        done = set()  # the candidates recalculated (each once; all open: e closed before)
        for cell in (si, sj):  # (dropping from the indexes what is no longer open)
            by_supply[cell] = codes = [code for code in by_supply[cell] if alive[code % size]]
            for code in codes:  # its supply position moved: keep its last move in the history
                mv = move[code]  # (only this side of the candidate moved: only e has both)
                ksum[code] += mv
                kpos[code] = kpos[code] and mv > 0
                kneg[code] = kneg[code] and mv < 0
                f = code % size
                calculate(f, None)
                done.add(f)
        for cell in (di, dj):  # its demander's recorded updates changed: the cut test again
            by_demand[cell] = asked = [f for f in by_demand[cell] if alive[f]]
            for f in asked:
                if f not in done:
                    calculate(f, uncut[f])
                    done.add(f)
        return row

    def _record(self, where: int, row: int, w: float, y: float, start: float) -> None:
        """As ``_Rounds._record``, for one update."""
        old = self.upd[where]
        if old is None:
            self.upd_sum[row] += w * (y - start)
            self.upd[where] = y
            return
        new = min(old, y) if start <= old else max(old, y)
        self.upd_sum[row] += w * (new - old)
        self.upd[where] = new

    def _calculate(self, f: int, uncut: tuple[float, float, float, bool] | None) -> None:
        """As ``_Rounds._calculate``, for candidate ``f``: store its moves and its gain and
        whether it is still open (pushing it on the heap if its gain changed). ``uncut``: its
        moves and gain by equal gain alone and their validity when its supply positions did
        not move since they were computed, else None."""
        di, dj, siq, sip, sjp, sjq, wiq, wjp, Dp, Dq, start_i, start_j, base_q, base_p = (
            self.fixed[f])
        si, sj, ui, uj, ri, rj = self.cells[f]
        pos = self.pos
        xi, xj = pos[si], pos[sj]
        if uncut is None:  # by equal gain alone, as in _Rounds._calculate
            # (the distances without abs(): a - b and b - a are exact negatives in floats)
            i_down, j_down = xi > dj, xj > di  # whether each moves down the scale
            reach_j = xj - di if j_down else di - xj
            reach_i = xi - dj if i_down else dj - xi
            dp = reach_j * wjp / Dp
            dq = dp * (sjp + sip) / (sjq + siq)
            mi, mj = dq * Dq / wiq, reach_j
            if mi > reach_i:  # too far for i: i moves all the way to j instead
                dq = reach_i * wiq / Dq
                dp = dq * (siq + sjq) / (sip + sjp)
                mi, mj = reach_i, dp * Dp / wjp
            if i_down:
                mi = -mi
            if j_down:
                mj = -mj
            gain = abs(dq * siq - dp * sip)
            ok = gain >= TINY and self._valid(f, mi, mj, xi, xj)
            self.uncut[f] = mi, mj, gain, ok
        else:
            mi, mj, gain, ok = uncut
        if ok:  # neither move may push the expected outcome past the partner's position
            upd, upd_sum = self.upd, self.upd_sum
            cut = False
            delta = _crossing(xi, dj, wiq, Dq, start_i, base_q + upd_sum[ri], upd[ui], mi)
            if delta is not None:
                mi, mj, gain = _follow(delta, xi, dj, wiq, Dq, siq, sjq, sip, sjp, Dp, wjp,
                                       xj, di)
                cut = True
            delta = _crossing(xj, di, wjp, Dp, start_j, base_p + upd_sum[rj], upd[uj], mj)
            if delta is not None:
                mj, mi, gain = _follow(delta, xj, di, wjp, Dp, sjp, sip, sjq, siq, Dq, wiq,
                                       xi, dj)
                cut = True
            if cut:
                ok = self._valid(f, mi, mj, xi, xj)
        self.move[f], self.move[f + self.size] = mi, mj
        self.alive[f] = ok
        if ok and gain != self.gain[f]:  # (the same gain: its heap entry still holds)
            self.version[f] += 1
            heapq.heappush(self.heap, (-gain, f, self.version[f]))
        self.gain[f] = gain

    def _valid(self, f: int, mi: float, mj: float, xi: float, xj: float) -> bool:
        """As ``_Rounds._valid``, for candidate ``f``."""
        g = f + self.size
        # each move in the direction kept so far (up: kpos, down: kneg), TINY < |move| <= 100
        if not ((self.kpos[f] and TINY < mi <= 100) if mi > 0 else
                (self.kneg[f] and -100 <= mi < -TINY)):
            return False
        if not ((self.kpos[g] and TINY < mj <= 100) if mj > 0 else
                (self.kneg[g] and -100 <= mj < -TINY)):
            return False
        ksum = self.ksum
        return (-EDGE <= xi + mi <= 100 + EDGE and ksum[f] + mi <= 100 + EDGE
                and -EDGE <= xj + mj <= 100 + EDGE and ksum[g] + mj <= 100 + EDGE)


def _groups(keys: np.ndarray, cells: int, values: np.ndarray) -> list[list[int]]:
    """For each cell ``0 … cells-1``: ``values`` where ``keys`` holds it, in their order."""
    order = np.argsort(keys, kind="stable")
    bounds = keys[order].searchsorted(np.arange(cells + 1)).tolist()
    got = values[order].tolist()
    return [got[lo:hi] for lo, hi in pairwise(bounds)]


def _crossing(xa: float, xb: float, war: float, Dr: float, start: float, base: float,
              known: float | None, ma: float) -> float | None:
    """The cut test of ``_cap`` (:mod:`accord.models.exchange`) for one candidate whose moves
    are valid: supplier a (position ``xa``, weight ``war`` of ``Dr`` on its issue r) moving
    ``ma`` towards b's position ``xb``; ``base`` and ``known`` as in ``_Side`` there
    (``known`` None: not yet). Returns how far a may move (unsigned) when the move carries the
    expected outcome past ``xb``, else None."""
    rest = base if known is None else base - war * (known - start)
    before = (rest + war * (xa - start)) / Dr
    after = before + war * ma / Dr
    if -EDGE <= xb - before <= EDGE or (xb >= before and xb >= after) or (
            xb <= before and xb <= after):
        return None
    total = base + (war * (xa - start) if known is None else 0.0)
    return abs((xb * Dr - total) / war)


def _follow(delta: float, xa: float, xb: float, war: float, Dr: float, s_ar: float,
            s_br: float, s_at: float, s_bt: float, Dt: float, w_bt: float, partner_x: float,
            own_t: float) -> tuple[float, float, float]:
    """``_cap``'s cut for one candidate: a moves ``delta`` towards ``xb`` on r, b's move on
    t (from ``partner_x`` towards a's position ``own_t``) follows from equal gain; returns a's
    move, b's move and the gain (fields as in ``_Side``)."""
    ratio_r = delta * war / Dr
    ratio_t = ratio_r * (s_ar + s_br) / (s_at + s_bt)
    new_b = abs(ratio_t * Dt / w_bt)
    mb = -new_b if partner_x > own_t else new_b
    ma = -delta if xa > xb else delta
    return ma, mb, abs(ratio_t * s_bt - ratio_r * s_br)
