"""One round of the expected utility model, computed in blocks of actor pairs.

A round (Scholz, Calbert & Smith 2011, "Unravelling Bueno de Mesquita's group decision
model", *Journal of Theoretical Politics* 23(4), appendix, steps 2–9; see
:mod:`accord.models.eum`) looks at every pair ``(i, j)`` of actors twice: first with every
``r = 1``, for the security levels and so the risk exponents, then with those exponents, for
the offers and the one each actor accepts. Each pass is elementwise in the pairs except for
three things: sums over the voters (taken once per round, :class:`VoteSums`), the security
level ``S_j = Σ_i EU_ij`` (a sum over challengers, taken after the first pass) and each
actor's choice among its offers (a row of the second pass).

So the pairs are cut into blocks of at most :data:`BLOCK_PAIRS`: rows of challengers ``i``
of one game when a game is large, whole games when games are small. The hundred or so
arrays a block goes through then stay in the processor's cache, instead of being whole
``n × n`` arrays in memory (8 MB each at 1,000 actors, whose pages the system must map
afresh each time); only three whole arrays (the distances, the probabilities of success and
the terms of ``S_j``) are kept, in buffers reused from round to round. A pair's arithmetic is
the same, operation for operation, whatever the blocks, and the sums over voters and
challengers are taken on the whole arrays as before, so the results do not depend on the
blocks to the last bit (``bench/eum_compare.py`` checks this against the unblocked code).
The probabilities normalised over all contests (``probability="global"``) and the votes
weighed by risk exponents (``votes="risk"``, whose vote sums are cubic) need a whole game
at once: with either option every game is one block.

The blocks of a pass are independent, and numpy lets go of the interpreter during its
arithmetic, so a pass can run on several threads (:func:`workers`; by default one, and
never for a game set of one block). The results are the same whatever the number.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from accord.errors import OptionError
from accord.models.eum_options import EUMOptions
from accord.models.eum_utility import challenge_utilities, expected_utilities, security_exponents
from accord.models.eum_votes import VoteSums, curved_vote_totals, probability
from accord.models.static import weighted_median as static_weighted_median

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

ALL = slice(None)
BLOCK_PAIRS = 2**15  # actor pairs per block: 256 KB per float array, within the cache
Block = tuple[slice, slice]  # (games, challengers)


class Kind(IntEnum):
    """Type of an accepted offer (how the receiving actor moved)."""

    NONE = 0
    CONFLICT = 1
    COMPROMISE = 2
    CAPITULATION = 3


def weighted_median(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Lowest position whose cumulative weight reaches half (midpoint on an exact split)."""
    w = np.broadcast_to(w, x.shape)
    return static_weighted_median(np.ones(w.shape), x[..., None], w[..., None])[..., 0]


def weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    total = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (w * x).sum(axis=-1) / total, np.nan)


def offers(
    x: np.ndarray, a: np.ndarray, b: np.ndarray, pairs: np.ndarray, rows: slice = ALL
) -> tuple[np.ndarray, np.ndarray]:
    """``(kind, offer)[..., i, j]``: how ``i`` would move on ``j``'s offer, and where to.

    ``a[..., i, j] = EU^i_ij``, ``b[..., i, j] = EU^i_ji`` (both judged by ``i``); ``pairs``
    marks the contests that count; ``rows``: the actors ``i`` that ``a``, ``b`` and
    ``pairs`` hold (``x`` holds every actor). Actors at the same position make no offers.
    """
    xi, xj = x[..., rows, None], x[..., None, :]
    contest = pairs & (xi != xj) & (b > 0)
    conflict = contest & (a > 0) & (b > a)
    yields = contest & (a <= 0)
    compromise = yields & (b > -a)
    capitulation = yields & ~compromise
    # the three are exclusive (a > 0 in a conflict, a ≤ 0 in the others): sum their codes
    kind = conflict.view(np.int8) * np.int8(Kind.CONFLICT)
    kind += compromise.view(np.int8) * np.int8(Kind.COMPROMISE)
    kind += capitulation.view(np.int8) * np.int8(Kind.CAPITULATION)
    with np.errstate(invalid="ignore", divide="ignore"):
        offer = np.where(compromise, xi + (xj - xi) * (-a / b), xj)
    return kind, offer


def choose(
    x: np.ndarray,
    offer: np.ndarray,
    kind: np.ndarray,
    a: np.ndarray,
    b: np.ndarray,
    rank: np.ndarray,
    acceptance: str,
    rows: slice = ALL,
) -> tuple[np.ndarray, np.ndarray]:
    """Column of the accepted offer per receiving actor (-1: none) and whether one exists.

    ``a``, ``b``: the expected utilities of :func:`offers`, for the receivers ``rows``. Ties
    (equal scores) go to the proposer listed first in the case (``rank[..., n]``, the actors'
    original indices), so the choice never depends on how positions are ordered.
    """
    xi = x[..., rows, None]
    move = np.abs(offer - xi)
    valid = kind != Kind.NONE
    if acceptance == "closest":
        score = move
    elif acceptance == "priority":
        score = kind + move / (1.0 + move.max(axis=-1, keepdims=True))
    elif acceptance == "scholz":
        # the first kind on offer (conflict, compromise, capitulation); among compromises
        # the lowest point between the two positions weighted by |EU|, otherwise the closest
        first = np.where(valid, kind, np.iinfo(np.int8).max).min(axis=-1, keepdims=True)
        valid = valid & (kind == first)
        with np.errstate(invalid="ignore", divide="ignore"):
            between = (np.abs(a) * xi + np.abs(b) * x[..., None, :]) / (np.abs(a) + np.abs(b))
        score = np.where(kind == Kind.COMPROMISE, between, move)
    else:
        score = -b
    score = np.where(valid, score, np.inf)
    low = score.min(axis=-1, keepdims=True)
    tied = valid & (score == low)
    n = x.shape[-1]
    best = np.argmin(np.where(tied, rank[..., None, :], n), axis=-1)
    has = valid.any(axis=-1)
    return np.where(has, best, -1), has


def blocks(games: int, n: int, whole: bool = False) -> list[Block]:
    """``(games, challengers)`` slices of at most :data:`BLOCK_PAIRS` pairs each (at least
    one row of one game); ``whole``: one block per game set (see the module's docstring)."""
    if whole or games * n * n <= BLOCK_PAIRS:
        return [(ALL, ALL)]
    if n * n <= BLOCK_PAIRS:
        step = BLOCK_PAIRS // (n * n)
        return [(slice(g, g + step), ALL) for g in range(0, games, step)]
    step = max(1, BLOCK_PAIRS // n)
    return [(slice(g, g + 1), slice(i, i + step)) for g in range(games) for i in range(0, n, step)]


class Buffers:
    """Whole ``[games, n, n]`` arrays kept from round to round: made for the first round's
    games (the most: games only drop out), then reused for fewer.

    Making one also frees an empty array of its size at once. glibc's malloc maps every
    allocation above its mmap threshold (128 KB at first) afresh and hands freed heap memory
    back to the system above twice that, until it sees such an allocation freed: then both
    thresholds rise to its size (mallopt(3), the dynamic mmap threshold). Without this, a
    block's arrays of 256 KB would each be mapped and faulted in page by page, ~45,000 page
    faults a round at 1,000 actors, until the first game's buffers are freed.
    """

    def __init__(self) -> None:
        self.held: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, int, int]) -> np.ndarray:
        held = self.held.get(name)
        if held is None or held.shape[0] < shape[0] or held.shape[1:] != shape[1:]:
            np.empty(shape)  # made and freed at once (see above); untouched, so no pages
            held = self.held[name] = np.empty(shape)
        return held[: shape[0]]


def workers() -> int:
    """Threads for the blocks of a pass: ``ACCORD_EUM_WORKERS``, else 1 (two threads cost
    about 20% more CPU and save wall time only when a core is idle: docs/benchmarks.md)."""
    value = os.environ.get("ACCORD_EUM_WORKERS")
    if value is None:
        return 1
    if not (value.isdigit() and int(value) > 0):
        raise OptionError("ACCORD_EUM_WORKERS", f"must be a whole number > 0, not {value!r}")
    return int(value)


def thread_pool(pairs: int) -> ThreadPoolExecutor | None:
    """A pool of :func:`workers` threads for games of ``pairs`` actor pairs in all; none when
    one thread is asked for or the pairs fit in one block."""
    threads = workers()
    if threads == 1 or pairs <= BLOCK_PAIRS:
        return None
    from concurrent.futures import ThreadPoolExecutor  # (~10 ms to import: only when used)

    return ThreadPoolExecutor(threads)


def _each(work: Callable[[Block], None], parts: list[Block], pool: ThreadPoolExecutor | None):
    if pool is None or len(parts) < 2:
        for part in parts:
            work(part)
    else:
        list(pool.map(work, parts))  # (list: raise the first error of any block)


def _pairs(act: np.ndarray, rows: slice) -> np.ndarray:
    """The contests that count, ``[g, i, j]`` for the challengers ``rows``: both active, i ≠ j."""
    n = act.shape[-1]
    index = np.arange(n)
    return act[..., rows, None] & act[..., None, :] & (index[rows, None] != index)


def _delta(dist: np.ndarray, width: np.ndarray) -> np.ndarray:
    """Distances as shares of the width; only actors that take no part can lie beyond it
    (then capped)."""
    return np.minimum(dist / width[..., None, None], 1.0)


def play_round(
    x: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    act: np.ndarray,
    rank: np.ndarray,
    width: np.ndarray,
    opts: EUMOptions,
    buffers: Buffers,
    pool: ThreadPoolExecutor | None = None,
) -> tuple[np.ndarray, ...]:
    """One round of the games ``x, s, w, act [g, n]`` (positions sorted along the last axis;
    ``rank``: the actors' original indices), ``width [g]``: the risk exponents, then each
    actor's accepted offer, ``(r, proposer, has_offer, position, kind)``, each ``[g, n]``."""
    g, n = x.shape
    curve = opts.risk == "security" and opts.votes == "risk"
    parts = blocks(g, n, whole=curve or opts.probability == "global")
    dist = buffers.get("dist", (g, n, n))
    np.abs(np.subtract(x[..., :, None], x[..., None, :], out=dist), out=dist)
    sums = VoteSums(x, w, dist)
    centre = weighted_median(x, w) if opts.mu == "median" else weighted_mean(x, w)
    delta_mu = np.minimum(np.abs(x - np.nan_to_num(centre)[..., None]) / width[..., None], 1.0)
    mass = buffers.get("mass", (g, n, n))
    p = buffers.get("p", (g, n, n))
    security = buffers.get("security", (g, n, n)) if opts.risk == "security" else None

    def vote_mass(part: Block) -> None:
        """The vote mass of the block's rows from the diagonal on, and its mirror image."""
        games, rows = part
        if rows == ALL:
            mass[games] = sums.mass(games)
        else:
            upper = sums.mass(games, rows, slice(rows.start, None))
            mass[games, rows, rows.start:] = upper
            mass[games, rows.start:, rows] = np.swapaxes(upper, -1, -2)

    def first(part: Block) -> None:
        games, rows = part
        pairs = _pairs(act[games], rows)
        chance = probability(sums.net(games, rows), mass[games, rows], pairs, opts.probability)
        p[games, rows] = chance
        if security is not None:
            delta = _delta(dist[games, rows], width[games])
            A1 = challenge_utilities(chance, s[games], delta, delta_mu[games], None, opts.q,
                                     opts.t, rows)
            security[games, rows] = np.where(pairs, A1, 0.0)

    _each(vote_mass, parts, pool)
    _each(first, parts, pool)
    r = np.ones(x.shape)
    if security is not None:
        r = security_exponents(security.sum(axis=-2), act)
    if curve:  # (one block: every game whole)
        net, mass = curved_vote_totals(_delta(dist, width), w, r)
        p[...] = probability(net, mass, _pairs(act, ALL), opts.probability)

    best, has = np.empty(x.shape, int), np.empty(x.shape, bool)
    taken, kind = np.empty(x.shape), np.empty(x.shape, np.int8)

    def second(part: Block) -> None:
        games, rows = part
        xg = x[games]
        pairs = _pairs(act[games], rows)
        chance = p[games, rows]
        if opts.probability == "pairwise":
            chance_rev = 1.0 - chance
        else:
            chance_rev = np.swapaxes(p[games, :, rows], -1, -2)
        a, b = expected_utilities(
            chance, chance_rev, s[games], _delta(dist[games, rows], width[games]),
            delta_mu[games], None if security is None else r[games], opts.q, opts.t, rows,
        )  # fmt: skip
        kinds, offer = offers(xg, a, b, pairs, rows)
        chosen, has[games, rows] = choose(xg, offer, kinds, a, b, rank[games], opts.acceptance,
                                          rows)
        best[games, rows] = chosen
        idx = np.maximum(chosen, 0)[..., None]
        taken[games, rows] = np.take_along_axis(offer, idx, axis=-1)[..., 0]
        kind[games, rows] = np.take_along_axis(kinds, idx, axis=-1)[..., 0]

    _each(second, parts, pool)
    return r, best, has, taken, kind
