"""The array view of a case that every model works on.

Shapes: ``c[n]`` capability, ``X[n, k]`` positions on 0–100, ``S[n, k]`` salience 0–1,
``sq[k]`` status quo, ``veto[n]``, and the case's decision rule as arrays (``rule``, or
``None`` when the case states none). An actor without a position on an issue gets salience 0
and the status quo as position, so it weighs nothing there; ``has[n, k]`` records which
positions were stated. Models accept a leading sample axis on every array
(``c[m, n]``, ``X[m, n, k]``, …) so Monte Carlo runs as one vectorised call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.case import Case


@dataclass(frozen=True)
class RuleArrays:
    """A case's ``decision`` block by actor index: the proposer, each actor's voting weight
    (0 for non-voters), the share of the voters' weight needed (``strict``: more than that
    share), and who must consent besides the vote. Weights are institutional (votes), fixed
    at their central values: Monte Carlo does not sample them."""

    proposer: int
    weight: np.ndarray
    need: float
    strict: bool
    must: np.ndarray


@dataclass(frozen=True)
class CaseArrays:
    actors: list[str]
    issues: list[str]
    c: np.ndarray
    X: np.ndarray
    S: np.ndarray
    sq: np.ndarray
    veto: np.ndarray
    has: np.ndarray
    rule: RuleArrays | None = None

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.actors), len(self.issues)


def case_arrays(case: Case) -> CaseArrays:
    """Central values of a validated case as arrays (capability normalised to sum 1)."""
    actors = [a.id for a in case.actors]
    issues = [i.id for i in case.issues]
    n, k = len(actors), len(issues)
    c = np.array([a.capability.central for a in case.actors], dtype=float)
    sq = np.array([i.status_quo.central for i in case.issues], dtype=float)
    X = np.tile(sq, (n, 1))
    S = np.zeros((n, k))
    has = np.zeros((n, k), dtype=bool)
    row = {a: r for r, a in enumerate(actors)}
    col = {i: j for j, i in enumerate(issues)}
    for p in case.positions:
        r, j = row[p.actor], col[p.issue]
        X[r, j] = p.position.central
        S[r, j] = p.salience.central
        has[r, j] = True
    veto = np.array([a.veto for a in case.actors], dtype=bool)
    c = c / c.sum()
    for name, v in (("capability", c), ("position", X), ("salience", S), ("status quo", sq)):
        if not np.isfinite(v).all():  # the case validated: this is a bug, not bad input
            raise ValueError(f"non-finite {name} in a validated case")
    return CaseArrays(actors, issues, c, X, S, sq, veto, has, _rule(case, c))


def _rule(case: Case, c: np.ndarray) -> RuleArrays | None:
    d = case.decision
    if d is None:
        return None
    index = {a.id: r for r, a in enumerate(case.actors)}
    voters = np.zeros(len(index), dtype=bool)
    voters[[index[a] for a in (d.voters if d.voters is not None else index)]] = True
    if d.weights == "capability":
        weight = np.where(voters, c, 0.0)
    elif d.weights == "equal":
        weight = voters.astype(float)
    else:
        given = np.array([d.weights.get(a, 0.0) for a in index])
        weight = np.where(voters, given, 0.0)
    must = np.isin(np.arange(len(index)), [index[a] for a in d.must_consent])
    need, strict = d.needed()
    return RuleArrays(index[d.proposer], weight, need, strict, must)
