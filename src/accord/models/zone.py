"""The zone of agreement: outcomes every veto player prefers to the status quo.

Utilities are single-peaked and symmetric around each actor's position (quadratic loss, as in
:func:`accord.models.static.nash`; any symmetric loss gives the same zone), so veto player
``i`` at ``x_i`` prefers ``x`` to the status quo ``q`` iff ``|x - x_i| < |q - x_i|``: the open
interval between ``q`` and its mirror image ``2 x_i - q``. The zone is the intersection of
those intervals over the veto players, clipped to the 0–100 scale. It is empty when two veto
players want to move the status quo in opposite directions, or one of them sits at it. With no
veto players in the case, no single actor can block, and every outcome on the scale is in the
zone.
"""

from __future__ import annotations

import numpy as np


def agreement_zone(
    X: np.ndarray, sq: np.ndarray, veto: np.ndarray, has: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Bounds ``(low[..., k], high[..., k])`` of the zone; NaN where it is empty.

    ``X[..., n, k]``, ``sq[..., k]``, ``veto[..., n]``; ``has[..., n, k]`` marks stated positions
    (a veto player without a position on an issue does not constrain it).
    """
    X = np.asarray(X, dtype=float)
    q = np.broadcast_to(np.asarray(sq, dtype=float), X.shape[:-2] + X.shape[-1:])[..., None, :]
    v = np.asarray(veto, dtype=bool)[..., :, None] & (True if has is None else np.asarray(has))
    v = np.broadcast_to(v, X.shape)
    mirror = 2 * X - q
    lo_i = np.minimum(q, mirror)
    hi_i = np.maximum(q, mirror)
    lo = np.where(v, lo_i, -np.inf).max(axis=-2)
    hi = np.where(v, hi_i, np.inf).min(axis=-2)
    lo = np.maximum(lo, 0.0)
    hi = np.minimum(hi, 100.0)
    empty = ~(hi > lo)
    return np.where(empty, np.nan, lo), np.where(empty, np.nan, hi)


def inside(outcome: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """Whether each outcome lies in the zone (bounds included); False where it is empty."""
    with np.errstate(invalid="ignore"):
        return (outcome >= low - 1e-9) & (outcome <= high + 1e-9)
