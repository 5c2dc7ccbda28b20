"""The array view of a case that every model works on.

Shapes: ``c[n]`` capability, ``X[n, k]`` positions on 0–100, ``S[n, k]`` salience 0–1,
``sq[k]`` status quo, ``veto[n]``. An actor without a position on an issue gets salience 0
and the status quo as position, so it weighs nothing there; ``has[n, k]`` records which
positions were stated. Models accept a leading sample axis on every array
(``c[m, n]``, ``X[m, n, k]``, …) so Monte Carlo runs as one vectorised call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from accord.case import Case


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
    return CaseArrays(actors, issues, c, X, S, sq, veto, has)
