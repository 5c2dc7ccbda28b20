"""Bueno de Mesquita's expected utility model (EUM), rounds of challenges until convergence.

Source: Scholz, Calbert & Smith, "Unravelling Bueno de Mesquita's group decision model",
*Journal of Theoretical Politics* 23(4): 510–531 (2011), who made fully explicit the model of
Bueno de Mesquita, "Political forecasting: an expected utility method", in Bueno de Mesquita
& Stokman (eds.), *European Community Decision Making* (Yale UP, 1994), pp. 71–104, with the
risk exponent of Bueno de Mesquita, "The war trap revisited", *APSR* 79(1) (1985). The
equations are in :mod:`accord.models.eum_utility` (utilities, expected utilities, risk) and
:mod:`accord.models.eum_votes` (probability of success).

One issue at a time, each round (Scholz et al. 2011, appendix, steps 2–11):

1. with every ``r = 1``, compute the expected utility of every challenge and from it each
   actor's risk exponent ``r_i``;
2. with those exponents, every actor ``i`` judges every other actor ``j`` from its own point
   of view, ``a = EU^i_ij`` (``i`` challenges ``j``) and ``b = EU^i_ji`` (``j`` challenges
   ``i``), and classifies the pair (:class:`Kind`; Bueno de Mesquita 1994, the quadrants of
   figure 3.2, as in Scholz et al. 2011, section 6):

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

- ``q = 1.0`` (and ``t = 1.0``, which then does not matter): Bueno de Mesquita's choice in
  the 1994 chapter (Eftekhari & Rahimi 2014, section 2.5, report Q = 1 there and 0.5 in other
  publications) and the value of the public replications of Scholz et al.;
- ``risk = "security"`` (the risk exponents above; ``"neutral"`` keeps every ``r = 1``);
- ``probability = "pairwise"``, the published equation (``"global"`` and ``"net"``: see
  :mod:`accord.models.eum_votes`);
- ``acceptance = "closest"``: each actor takes the offer that moves it least, as Bueno de
  Mesquita (1994) and Scholz et al. state (``"priority"``: conflicts before compromises
  before capitulations, then the closest; ``"strongest"``: the offer of the proposer with
  the most to gain, ``b``);
- ``mu = "median"`` for ``μ`` in ``U^b``/``U^w`` (only used when ``q < 1``);
- ``scale = None``: distances are shares of the range of the initial positions, as in the
  paper; a number (e.g. 100) uses that fixed width instead;
- ``max_rounds = 100``; ``tol = 1e-3``: a round in which no actor moves by more than a
  thousandth of the range (0.1 on a 0–100 scale) ends the run.

Everything is vectorised over actor pairs and over any leading axes (Monte Carlo samples,
issues): ``c[..., n]``, ``x[..., n]``, ``s[..., n]``. Batched runs keep every sample exactly as
it would run alone: a sample that has converged is frozen while others continue.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

import numpy as np

from accord.models.eum_utility import expected_utilities, risk_exponents
from accord.models.eum_votes import success_probability
from accord.models.static import weighted_median


class Kind(IntEnum):
    """Type of an accepted offer (how the receiving actor moved)."""

    NONE = 0
    CONFLICT = 1
    COMPROMISE = 2
    CAPITULATION = 3


@dataclass(frozen=True)
class EUMOptions:
    q: float = 1.0
    t: float = 1.0
    risk: Literal["security", "neutral"] = "security"
    probability: Literal["pairwise", "global", "net"] = "pairwise"
    acceptance: Literal["closest", "priority", "strongest"] = "closest"
    mu: Literal["median", "mean"] = "median"
    scale: float | None = None
    max_rounds: int = 100
    tol: float = 1e-3

    def __post_init__(self) -> None:
        checks = [
            (0.0 <= self.q <= 1.0, f"q must be in [0, 1], not {self.q}"),
            (0.0 <= self.t <= 1.0, f"t must be in [0, 1], not {self.t}"),
            (self.risk in ("security", "neutral"), f"unknown risk variant {self.risk!r}"),
            (
                self.probability in ("pairwise", "global", "net"),
                f"unknown probability variant {self.probability!r}",
            ),
            (
                self.acceptance in ("closest", "priority", "strongest"),
                f"unknown acceptance rule {self.acceptance!r}",
            ),
            (self.mu in ("median", "mean"), f"unknown median variant {self.mu!r}"),
            (self.scale is None or self.scale > 0, f"scale must be positive, not {self.scale}"),
            (self.max_rounds >= 1, f"max_rounds must be at least 1, not {self.max_rounds}"),
            (self.tol >= 0, f"tol must be non-negative, not {self.tol}"),
        ]
        for ok, message in checks:
            if not ok:
                raise ValueError(message)


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


def _weighted_median(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Lowest position whose cumulative weight reaches half (midpoint on an exact split)."""
    w = np.broadcast_to(w, x.shape)
    return weighted_median(np.ones(w.shape), x[..., None], w[..., None])[..., 0]


def _weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    total = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (w * x).sum(axis=-1) / total, np.nan)


def offers(
    x: np.ndarray, a: np.ndarray, b: np.ndarray, pairs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(kind, offer)[..., i, j]``: how ``i`` would move on ``j``'s offer, and where to.

    ``a[..., i, j] = EU^i_ij``, ``b[..., i, j] = EU^i_ji`` (both judged by ``i``); ``pairs``
    marks the contests that count. Actors at the same position make no offers.
    """
    contest = pairs & (x[..., :, None] != x[..., None, :]) & (b > 0)
    conflict = contest & (a > 0) & (b > a)
    yields = contest & (a <= 0)
    compromise = yields & (b > -a)
    capitulation = yields & ~compromise
    kind = np.select(
        [conflict, compromise, capitulation],
        [Kind.CONFLICT, Kind.COMPROMISE, Kind.CAPITULATION],
        Kind.NONE,
    ).astype(np.int8)
    xi, xj = x[..., :, None], x[..., None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        offer = np.where(compromise, xi + (xj - xi) * (-a / b), xj)
    return kind, offer


def _choose(
    x: np.ndarray,
    offer: np.ndarray,
    kind: np.ndarray,
    strength: np.ndarray,
    acceptance: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Index of the accepted offer per receiving actor (-1: none) and whether one exists."""
    move = np.abs(offer - x[..., :, None])
    if acceptance == "closest":
        score = move
    elif acceptance == "priority":
        score = kind + move / (1.0 + move.max(axis=-1, keepdims=True))
    else:
        score = -strength
    valid = kind != Kind.NONE
    score = np.where(valid, score, np.inf)
    best = np.argmin(score, axis=-1)
    has = valid.any(axis=-1)
    return np.where(has, best, -1), has


def run(
    c: np.ndarray,
    x: np.ndarray,
    s: np.ndarray,
    active: np.ndarray | None = None,
    options: EUMOptions | None = None,
) -> EUMResult:
    """Run the EUM on one issue per batch element.

    ``c[..., n]`` capabilities, ``x[..., n]`` positions, ``s[..., n]`` saliences (0–1),
    ``active[..., n]`` the actors taking part (default: all). Inactive actors neither vote,
    nor challenge, nor move.
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
    n = shape[-1]
    w = np.where(act, c * s, 0.0)
    pairs = act[..., :, None] & act[..., None, :] & ~np.eye(n, dtype=bool)

    if opts.scale is None:
        hi = np.where(act, x, -np.inf).max(axis=-1, initial=-np.inf)
        lo = np.where(act, x, np.inf).min(axis=-1, initial=np.inf)
        width = hi - lo
    else:
        width = np.full(shape[:-1], float(opts.scale))
    width = np.where(np.isfinite(width) & (width > 0), width, 1.0)
    tol = opts.tol * width

    done = np.zeros(shape[:-1], bool)
    rounds = np.zeros(shape[:-1], int)
    history = {k: [] for k in ("positions", "risk", "proposer", "kind", "offer")}
    history["positions"].append(x.copy())
    ones = np.ones(shape)
    for _ in range(opts.max_rounds):
        p = success_probability(x, w, pairs, opts.probability)
        delta = np.abs(x[..., :, None] - x[..., None, :]) / width[..., None, None]
        centre = _weighted_median(x, w) if opts.mu == "median" else _weighted_mean(x, w)
        delta_mu = np.abs(x - np.nan_to_num(centre)[..., None]) / width[..., None]
        if opts.risk == "security":
            A1, _ = expected_utilities(p, s, delta, delta_mu, ones, opts.q, opts.t)
            r = risk_exponents(A1, pairs, act)
        else:
            r = ones
        a, b = expected_utilities(p, s, delta, delta_mu, r, opts.q, opts.t)

        kind, offer = offers(x, a, b, pairs)
        best, has = _choose(x, offer, kind, b, opts.acceptance)
        idx = np.maximum(best, 0)[..., None]
        taken = np.take_along_axis(offer, idx, axis=-1)[..., 0]
        taken_kind = np.take_along_axis(kind, idx, axis=-1)[..., 0]
        new = np.where(has, taken, x)

        moved = np.abs(new - x).max(axis=-1) > tol
        stop = done | ~moved
        new = np.where(stop[..., None], x, new)
        if stop.all():
            done = stop
            break
        rounds = rounds + ~stop
        done = stop
        history["risk"].append(r)
        history["proposer"].append(np.where(has & ~stop[..., None], best, -1))
        history["kind"].append(np.where(has & ~stop[..., None], taken_kind, Kind.NONE))
        history["offer"].append(np.where(has & ~stop[..., None], taken, np.nan))
        x = new
        history["positions"].append(x.copy())
    positions = np.stack(history["positions"])
    def stacked(key: str, dtype: type) -> np.ndarray:
        rows = history[key]
        return np.stack(rows).astype(dtype) if rows else np.zeros((0, *shape), dtype)

    return EUMResult(
        positions=positions,
        median=_weighted_median(positions, w),
        mean=_weighted_mean(positions, w),
        risk=stacked("risk", float),
        proposer=stacked("proposer", int),
        kind=stacked("kind", np.int8),
        offer=stacked("offer", float),
        rounds=rounds,
        converged=done,
        active=act,
    )


def run_issues(
    c: np.ndarray,
    X: np.ndarray,
    S: np.ndarray,
    has: np.ndarray | None = None,
    options: EUMOptions | None = None,
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
    return run(np.asarray(c, dtype=float)[..., None, :], x, s, active, options)
