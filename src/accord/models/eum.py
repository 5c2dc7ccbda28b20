"""Bueno de Mesquita's expected utility model (EUM), rounds of challenges until convergence.

Source: Scholz, Calbert & Smith, "Unravelling Bueno de Mesquita's group decision model",
*Journal of Theoretical Politics* 23(4), p. 510 ff. (2011), who made fully explicit the model of
Bueno de Mesquita, "Political forecasting: an expected utility method", in Bueno de Mesquita
& Stokman (eds.), *European Community Decision Making* (1994), with the
risk exponent of Bueno de Mesquita, "The war trap revisited", *APSR* 79(1) (1985). The
equations are in :mod:`accord.models.eum_utility` (utilities, expected utilities, risk) and
:mod:`accord.models.eum_votes` (probability of success).

One issue at a time, each round (Scholz et al. 2011, appendix, steps 2–11):

1. with every ``r = 1``, compute the expected utility of every challenge and from it each
   actor's risk exponent ``r_i``;
2. with those exponents, every actor ``i`` judges every other actor ``j`` from its own point
   of view, ``a = EU^i_ij`` (``i`` challenges ``j``) and ``b = EU^i_ji`` (``j`` challenges
   ``i``), and classifies the pair (:class:`Kind`; Bueno de Mesquita's quadrants of the two
   expected utilities, as in Scholz et al. 2011, section 6):

   - both positive: **conflict**; if ``b > a`` ``i`` expects to lose and ``j``'s offer is
     ``x_j``;
   - ``b > 0 ≥ a`` and ``b > |a|``: **compromise**: ``i`` moves towards ``x_j`` by the share
     ``|a| / b`` of the distance;
   - ``b > 0 ≥ a`` and ``b ≤ |a|``: **capitulation**: ``i`` moves to ``x_j``;
   - both non-positive: **stalemate** (and ``a > 0 ≥ b`` is ``i``'s own demand on ``j``,
     which ``j`` judges from its side);
3. every actor accepts one of the offers it received (the option ``acceptance``) and all
   actors move at once;
4. stop when no actor moves by more than ``tol`` × the range, or after ``max_rounds``.

The forecast is the median voter position (the weighted median of capability × salience,
which is the Condorcet winner the model uses) of the final positions; the weighted mean is
kept beside it.

Options (:class:`EUMOptions`) cover what the literature disagrees on. Defaults:

- ``q = 1.0`` (and ``t = 1.0``, which then does not matter), as in the public replications
  of Scholz et al. (Masad's ``dmasad/BDM_DecisionModel_Replication``, McKibben-Sanders'
  ``jmckib/bdm-scholz-expected-utility-model``); Eftekhari & Rahimi (2014, section 2.5) note
  that Bueno de Mesquita sets Q = 1 in some publications and 0.5 in others;
- ``risk = "security"`` (the risk exponents above; ``"neutral"`` keeps every ``r = 1``);
- ``probability = "pairwise"``, the published equation (``"global"`` and ``"net"``: see
  :mod:`accord.models.eum_votes`);
- ``acceptance = "closest"``: each actor takes the offer that moves it least, the rule
  McKibben-Sanders reads in Bueno de Mesquita (1994) and Scholz et al. (``"priority"``:
  conflicts before compromises before capitulations, then the closest, as his code and, he
  reports, Scholz et al.'s do; ``"strongest"``: the offer of the proposer with the most to
  gain, ``b`` as the receiver judges it; Masad's replication ranks offers by the
  proposer's own expected utility; ``"scholz"``: see :data:`SCHOLZ_CODE`);
- ``votes = "linear"``: third parties vote with the published straight utilities;
  ``"risk"`` raises each voter's distances to its risk exponent in the second pass;
- ``mu = "median"`` for ``μ`` in ``U^b``/``U^w`` (only used when ``q < 1``);
- ``scale = None``: distances are shares of the range of the initial positions, as in the
  replications; a number (e.g. 100) uses that fixed width instead;
- ``max_rounds = 100``; ``tol = 0.01``: a round in which no actor moves by more than a
  hundredth of the range (1 point on a 0–100 scale) ends the run. Compromises shrink
  geometrically, so positions creep on for many rounds below that threshold; on random
  cases a tolerance of 0.001 leaves the median forecast unchanged but takes up to ten times
  as many rounds, and moves the mean a few points further towards the median.

:data:`SCHOLZ_CODE` sets the options of the code behind Scholz et al.'s own tables, as
McKibben-Sanders transcribes it (``jmckib/bdm-scholz-expected-utility-model``,
``bdm_scholz_model.py``, whose comments mark where that code departs from the paper):
``probability="global"``, ``votes="risk"`` and ``acceptance="scholz"`` (conflicts first, the
closest; then compromises, the one whose |EU|-weighted point between the two positions is
lowest on the scale; then capitulations, the closest). With it the EC emissions example
reproduces the paper's table 2 (``tests/test_eum.py``).

Everything is vectorised over actor pairs and over any leading axes (Monte Carlo samples,
issues): ``c[..., n]``, ``x[..., n]``, ``s[..., n]``. A batched run plays every sample as it
would run alone: a sample that has converged is frozen (and dropped from the computation)
while the others continue. Games are played in sets of at most :data:`PAIR_BUDGET` actor
pairs, and each round of a set in cache-sized blocks of pairs (:mod:`accord.models.eum_round`,
the options in :mod:`accord.models.eum_options`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from accord.errors import OptionError
from accord.models.eum_options import EUMOptions
from accord.models.eum_round import (
    Buffers,
    Kind,
    offers,
    play_round,
    thread_pool,
    weighted_mean,
    weighted_median,
)

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

__all__ = ["SCHOLZ_CODE", "EUMOptions", "EUMResult", "Kind", "offers", "run", "run_issues"]

SCHOLZ_CODE = EUMOptions(probability="global", votes="risk", acceptance="scholz")


@dataclass(frozen=True)
class EUMResult:
    """Trajectory of one EUM run; ``...`` are the leading (sample, issue) axes.

    - ``positions[R + 1, ..., n]``: positions at the start and after every round (a sample that
      converged early repeats its final positions);
    - ``median[R + 1, ...]``, ``mean[R + 1, ...]``: weighted median and mean per round;
    - ``risk[R, ..., n]``: the risk exponents used in each round;
    - ``proposer[R, ..., n]``: whose offer each actor accepted in each round (-1: none);
      ``kind[R, ..., n]``: its :class:`Kind`; ``offer[R, ..., n]``: the position offered
      (where the actor moved);
    - ``rounds[...]``: rounds with movement before convergence; ``converged[...]``.
    """

    positions: np.ndarray
    median: np.ndarray
    mean: np.ndarray
    risk: np.ndarray
    proposer: np.ndarray
    kind: np.ndarray
    offer: np.ndarray
    rounds: np.ndarray
    converged: np.ndarray
    active: np.ndarray

    @property
    def final(self) -> np.ndarray:
        return self.positions[-1]

    @property
    def forecast(self) -> np.ndarray:
        """The model's forecast: the weighted median of the final positions."""
        return self.median[-1]

    @property
    def forecast_mean(self) -> np.ndarray:
        return self.mean[-1]


def run(
    c: np.ndarray,
    x: np.ndarray,
    s: np.ndarray,
    active: np.ndarray | None = None,
    options: EUMOptions | None = None,
    record: bool = True,
) -> EUMResult:
    """Run the EUM on one issue per batch element.

    ``c[..., n]`` capabilities, ``x[..., n]`` positions, ``s[..., n]`` saliences (0–1),
    ``active[..., n]`` the actors taking part (default: all). Inactive actors neither vote,
    nor challenge, nor move. ``record=False`` keeps only the first and last positions (no
    per-round history: ``R = 1`` in :class:`EUMResult`), so a Monte Carlo sweep's memory does
    not grow with the rounds; games run in blocks of at most :data:`PAIR_BUDGET` actor pairs.
    """
    opts = options or EUMOptions()
    x = np.asarray(x, dtype=float)
    shape = np.broadcast_shapes(np.shape(c), x.shape, np.shape(s))
    if active is not None:
        shape = np.broadcast_shapes(shape, np.shape(active))
    x = np.broadcast_to(x, shape).copy()
    c = np.broadcast_to(np.asarray(c, dtype=float), shape)
    s = np.broadcast_to(np.asarray(s, dtype=float), shape)
    act = np.ones(shape, bool) if active is None else np.broadcast_to(active, shape).astype(bool)
    w = np.where(act, c * s, 0.0)

    if opts.scale is None:
        hi = np.where(act, x, -np.inf).max(axis=-1, initial=-np.inf)
        lo = np.where(act, x, np.inf).min(axis=-1, initial=np.inf)
        width = hi - lo
    else:
        spread = np.ptp(np.where(act, x, np.nan_to_num(x.mean(axis=-1, keepdims=True))), axis=-1)
        if (spread > opts.scale).any():
            raise OptionError(
                "--option",
                f"scale {opts.scale} is narrower than the spread of positions ({spread.max()})",
            )
        width = np.full(shape[:-1], float(opts.scale))
    width = np.where(np.isfinite(width) & (width > 0), width, 1.0)
    tol = opts.tol * width

    n = shape[-1]
    flat = (-1, n)
    games = [v.reshape(flat) for v in (x, s, w, act)] + [width.reshape(-1), tol.reshape(-1)]
    # games are independent: play them in blocks whose pair arrays stay within the budget
    block = max(1, PAIR_BUDGET // (n * n))
    pool = thread_pool(x.size * n)
    try:
        played = [
            _play([v[start:start + block] for v in games], opts, record, pool)
            for start in range(0, len(games[0]), block)
        ]
    finally:
        if pool is not None:
            pool.shutdown()
    trail, history, rounds, done = _joined(played, record)

    def stacked(key: str, dtype: type) -> np.ndarray:
        rows = history[key]
        out = np.stack(rows) if rows else np.zeros((0, len(rounds), n), dtype)
        return out.astype(dtype).reshape(-1, *shape)

    positions = np.stack(trail).reshape(-1, *shape)
    return EUMResult(
        positions=positions,
        median=weighted_median(positions, w),
        mean=weighted_mean(positions, w),
        risk=stacked("r", float),
        proposer=stacked("proposer", int),
        kind=stacked("kind", np.int8),
        offer=stacked("offer", float),
        rounds=rounds.reshape(shape[:-1]),
        converged=done.reshape(shape[:-1]),
        active=act,
    )


PAIR_BUDGET = 2**20  # actor pairs × games per set: 8 MB per whole pairwise buffer
BLANKS = {"r": np.nan, "proposer": -1, "kind": Kind.NONE, "offer": np.nan}
Played = tuple[list[np.ndarray], dict[str, list[np.ndarray]], np.ndarray, np.ndarray]


def _play(
    games: list[np.ndarray], opts: EUMOptions, record: bool, pool: ThreadPoolExecutor | None
) -> Played:
    """Rounds of the games ``x, s, w, act [g, n]``, ``width, tol [g]`` until each converges:
    the positions after every round (only the first and last unless ``record``), the
    per-round history (when ``record``), rounds with movement and convergence per game."""
    x, s2, w2, act2, width2, tol2 = games
    done = np.zeros(len(x), bool)
    rounds = np.zeros(len(x), int)
    history: dict[str, list[np.ndarray]] = {k: [] for k in BLANKS}
    trail = [x.copy()]
    buffers = Buffers()
    for _ in range(opts.max_rounds):
        live = np.flatnonzero(~done)
        xl = x[live]
        # work in the order of positions: the vote sums read sorted prefix sums
        order = np.argsort(xl, axis=-1, kind="stable")
        back = np.argsort(order, axis=-1)
        xs, ss, ws, acts = (
            np.take_along_axis(v[live], order, axis=-1) for v in (x, s2, w2, act2)
        )
        r, best, has, taken, kind = play_round(
            xs, ss, ws, acts, order, width2[live], opts, buffers, pool
        )
        r, best, has, taken, kind = (
            np.take_along_axis(v, back, axis=-1) for v in (r, best, has, taken, kind)
        )
        best = np.where(has, np.take_along_axis(order, np.maximum(best, 0), -1), -1)
        new = np.where(has, taken, xl)
        moving = np.abs(new - xl).max(axis=-1) > tol2[live]
        done[live[~moving]] = True
        if not moving.any():
            break
        going = live[moving]
        rounds[going] += 1
        x = x.copy()
        x[going] = new[moving]
        if not record:
            continue
        keep = has[moving]
        step = {
            "r": r[moving],
            "proposer": np.where(keep, best[moving], -1),
            "kind": np.where(keep, kind[moving], Kind.NONE),
            "offer": np.where(keep, taken[moving], np.nan),
        }
        for key, value in step.items():
            row = np.full(x.shape, BLANKS[key], dtype=np.asarray(value).dtype)
            row[going] = value
            history[key].append(row)
        trail.append(x.copy())
    if not record:
        trail.append(x)
    return trail, history, rounds, done


def _joined(played: list[Played], record: bool) -> Played:
    """The blocks of :func:`_play` as one: a block that stopped early repeats its last
    positions and has blank history rows for the rounds it did not play."""
    if len(played) == 1:
        return played[0]
    length = max(len(t) for t, *_ in played)
    trail = [np.concatenate([t[min(i, len(t) - 1)] for t, *_ in played]) for i in range(length)]
    history: dict[str, list[np.ndarray]] = {k: [] for k in BLANKS}
    if record:
        for key, blank in BLANKS.items():
            for i in range(length - 1):
                parts = []
                for t, h, *_ in played:
                    rows = h[key]
                    parts.append(rows[i] if i < len(rows) else np.full(t[0].shape, blank,
                                                                        rows[0].dtype
                                                                        if rows else float))
                history[key].append(np.concatenate(parts))
    rounds = np.concatenate([r for *_, r, _ in played])
    done = np.concatenate([d for *_, d in played])
    return trail, history, rounds, done


def run_issues(
    c: np.ndarray,
    X: np.ndarray,
    S: np.ndarray,
    has: np.ndarray | None = None,
    options: EUMOptions | None = None,
    record: bool = True,
) -> EUMResult:
    """Run the EUM on every issue of a case: ``c[..., n]``, ``X[..., n, k]``, ``S[..., n, k]``.

    Each issue is a separate game, as in the model; issues become a batch axis, so the
    result's arrays are ``[R + 1, ..., k, n]`` (positions) and ``[...,  k]`` (forecast).
    ``has[..., n, k]`` marks the positions actors stated; the others take no part.
    """
    X = np.asarray(X, dtype=float)
    x = np.swapaxes(X, -1, -2)
    s = np.swapaxes(np.asarray(S, dtype=float), -1, -2)
    active = None if has is None else np.swapaxes(np.asarray(has, dtype=bool), -1, -2)
    return run(np.asarray(c, dtype=float)[..., None, :], x, s, active, options, record)
