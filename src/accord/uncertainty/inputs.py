"""The uncertain inputs of a case and how one sample of them becomes the models' arrays.

An *input* is one uncertain number of the case, named by actor × quantity: an actor's
capability, its position or salience on an issue, or an issue's status quo. Its law is the one
the case states (:mod:`accord.quantity`: ``{value, sd}`` normal, ``{low, high}`` uniform,
``{value, low, high}`` triangular), truncated to the valid range: positions and status quo
0..100, salience 0..1, capability (0, ∞) (see :mod:`accord.uncertainty.distributions`).

**Jitter** (``jitter=J``) adds a stated spread to every stated position, salience and
capability, certain or not (status quos are left as the case states them). It adds ``σ²`` to
the variance of the law, before truncation, keeping its family, with ``σ = J`` points for a
position, ``σ = J/100`` for a salience (the same share of its 0..1 scale) and ``σ = J/100 ×``
the central value for a capability (J per cent, since capabilities are relative):

- a certain number ``v`` becomes normal with mean ``v`` and sd ``σ``;
- a normal ``{value, sd}`` becomes normal with sd ``√(sd² + σ²)`` (the sum of two independent
  normals);
- a uniform ``[a, b]`` of width ``w`` is widened by ``d = (√(w² + 12σ²) − w)/2`` on each side,
  a triangular ``[a, c, b]`` by ``d = (√(w² + 24σ²) − w)/2`` with its mode kept: the widths at
  which the variance has grown by exactly ``σ²``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from accord.case import SCALE_MAX, SCALE_MIN, Case
from accord.models.arrays import CaseArrays, case_arrays
from accord.quantity import Quantity
from accord.uncertainty.distributions import NORMAL, TRIANGULAR, UNIFORM, Marginals, truncated_ppf

CAPABILITY, POSITION, SALIENCE, STATUS_QUO = "capability", "position", "salience", "status quo"


@dataclass(frozen=True)
class Input:
    """One uncertain number of a case: ``kind`` of ``actor`` (on ``issue``)."""

    kind: str
    actor: str | None
    issue: str | None

    @property
    def label(self) -> str:
        if self.kind == CAPABILITY:
            return f"{self.actor} capability"
        if self.kind == STATUS_QUO:
            return f"status quo of {self.issue}"
        return f"{self.actor} {self.kind} on {self.issue}"


@dataclass(frozen=True)
class SamplingPlan:
    """Everything a worker needs to turn uniforms ``u[m, p]`` into model arrays."""

    nominal: CaseArrays
    capability: np.ndarray  # raw central capabilities [n], before normalisation
    inputs: tuple[Input, ...]
    marginals: Marginals
    target: np.ndarray  # [p] index into (CAPABILITY, POSITION, SALIENCE, STATUS_QUO)
    row: np.ndarray  # [p] actor index (capability, position, salience)
    col: np.ndarray  # [p] issue index (position, salience, status quo)

    def sample(self, u: np.ndarray) -> CaseArrays:
        """Arrays with a leading sample axis ``m`` for uniforms ``u[m, p]``."""
        m = u.shape[0]
        a = self.nominal
        values = truncated_ppf(self.marginals, u)
        c = np.tile(self.capability, (m, 1))
        X = np.tile(a.X, (m, 1, 1))
        S = np.tile(a.S, (m, 1, 1))
        sq = np.tile(a.sq, (m, 1))
        for t, arr in enumerate((c, X, S, sq)):
            sel = self.target == t
            if not sel.any():
                continue
            if t == 0:
                arr[:, self.row[sel]] = values[:, sel]
            elif t == 3:
                arr[:, self.col[sel]] = values[:, sel]
            else:
                arr[:, self.row[sel], self.col[sel]] = values[:, sel]
        X = np.where(a.has, X, sq[:, None, :])
        c = c / c.sum(axis=1, keepdims=True)
        return replace(a, c=c, X=X, S=S, sq=sq)


def _law(q: Quantity, spread: float) -> tuple[int, float, float, float] | None:
    """(family, a, b, mode) of ``q`` widened by jitter ``spread``; None when certain."""
    if q.low is not None and q.high is not None and q.high > q.low:
        a, b = q.low, q.high
        w = b - a
        if q.value is None:
            d = (np.sqrt(w**2 + 12 * spread**2) - w) / 2
            return UNIFORM, a - d, b + d, (a + b) / 2
        d = (np.sqrt(w**2 + 24 * spread**2) - w) / 2
        return TRIANGULAR, a - d, b + d, q.value
    sd = float(np.hypot(q.sd or 0.0, spread))
    return (NORMAL, q.central, sd, q.central) if sd > 0 else None


def sampling_plan(case: Case, jitter: float = 0.0) -> SamplingPlan:
    """The uncertain inputs of ``case`` (widened by ``jitter``, see the module doc)."""
    if jitter < 0:
        raise ValueError(f"jitter must be >= 0, got {jitter:g}")
    nominal = case_arrays(case)
    row = {a: r for r, a in enumerate(nominal.actors)}
    col = {i: j for j, i in enumerate(nominal.issues)}
    entries: list[tuple[Input, tuple[int, float, float, float], int, int, int, float, float]] = []

    def add(
        inp: Input, q: Quantity, spread: float, t: int, r: int, j: int, lo: float, hi: float
    ) -> None:
        law = _law(q, spread)
        if law is not None:
            entries.append((inp, law, t, r, j, lo, hi))

    for a in case.actors:
        cap = a.capability
        add(Input(CAPABILITY, a.id, None), cap, jitter / 100 * cap.central, 0, row[a.id], 0,
            0.0, np.inf)
    for p in case.positions:
        r, j = row[p.actor], col[p.issue]
        add(Input(POSITION, p.actor, p.issue), p.position, jitter, 1, r, j, SCALE_MIN, SCALE_MAX)
        add(Input(SALIENCE, p.actor, p.issue), p.salience, jitter / 100, 2, r, j, 0.0, 1.0)
    for i in case.issues:
        add(Input(STATUS_QUO, None, i.id), i.status_quo, 0.0, 3, 0, col[i.id],
            SCALE_MIN, SCALE_MAX)

    laws = np.array([e[1] for e in entries], dtype=float).reshape(-1, 4)
    marginals = Marginals(
        family=laws[:, 0].astype(int),
        a=laws[:, 1],
        b=laws[:, 2],
        mode=laws[:, 3],
        lo=np.array([e[5] for e in entries], dtype=float),
        hi=np.array([e[6] for e in entries], dtype=float),
    )
    return SamplingPlan(
        nominal=nominal,
        capability=np.array([a.capability.central for a in case.actors], dtype=float),
        inputs=tuple(e[0] for e in entries),
        marginals=marginals,
        target=np.array([e[2] for e in entries], dtype=int),
        row=np.array([e[3] for e in entries], dtype=int),
        col=np.array([e[4] for e in entries], dtype=int),
    )
