"""How far apart the actors are on each issue: the scale of a forecast's error.

An issue on which every actor stands at the same point leaves a bargaining model little room
to be wrong; one on which they sit at both ends leaves a lot. The spread is the standard
deviation of the stated positions weighted by capability × salience (the weights of the
compromise model), ``σ_k = √(Σ w (x − x̄)² / Σ w)`` with ``w = c·s``; an issue nobody cares
about has spread 0.
"""

from __future__ import annotations

import numpy as np

from accord.models.arrays import CaseArrays


def position_spread(a: CaseArrays) -> np.ndarray:
    """The capability × salience weighted SD of the stated positions, per issue ``[k]``."""
    w = a.c[:, None] * a.S * a.has
    total = w.sum(axis=0)
    safe = np.where(total > 0, total, 1.0)
    mean = (w * a.X).sum(axis=0) / safe
    var = (w * (a.X - mean) ** 2).sum(axis=0) / safe
    return np.where(total > 0, np.sqrt(np.maximum(var, 0.0)), 0.0)
