"""What the ensemble reads on an issue, as offsets from the compromise model's forecast.

The ensemble forecasts ``clip(f_c + Σ_j β_j z_j, 0, 100)``: the compromise model's forecast
``f_c`` (Achen 2006, the best single model on DEU) moved by a weighted sum of offsets ``z_j``
in points. The first offsets are the other models' forecasts minus ``f_c``, so the weights on
all models sum to one (the compromise model gets ``1 − Σ β``: constrained least absolute
deviations, a forecast combination in the sense of Bates & Granger 1969); the others are
observable traits of the issue, each as a pull in points towards a point of the scale:

- ``status quo``: ``q − f_c`` (outcomes of EU bargaining lie between the weighted mean and
  the reference point more often than not: Thomson et al. 2006, ch. 10);
- ``status quo unknown``: the same pull where the case states the status quo with
  uncertainty (its central value is then a guess, so it may pull less);
- ``capability at the status quo``: the pull times the share of capability of the actors
  who stand at the status quo (they can block a move);
- ``unanimity``: the pull where every voter must accept (unanimity or consensus);
- ``spread``: the pull times the position spread / 100 (the scale of the disagreement);
- ``proposer``: the proposer's position minus ``f_c`` (the agenda setter, e.g. the
  Commission), 0 when the case names no proposer or it takes no position.

A model that does not apply to the case (a procedural one without a decision block) or gives
no forecast contributes an offset of 0: it is replaced by the compromise model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from accord.calibration.spread import position_spread
from accord.models.arrays import CaseArrays

BASE = "compromise"
COMPONENTS = ("median", "nash", "procedural", "procedural-costly", "eum", "eum-mean",
              "exchange")
TRAITS = ("status quo", "status quo unknown", "capability at the status quo", "unanimity",
          "spread", "proposer")
FEATURES = tuple(f"{m} − {BASE}" for m in COMPONENTS) + TRAITS
AT_TOLERANCE = 0.5  # points: an actor this close to the status quo stands at it


def capability_at_status_quo(a: CaseArrays) -> np.ndarray:
    """Share of the capability of actors with a position who stand at the status quo,
    ``[..., k]``."""
    w = a.c[..., :, None] * a.has
    at = np.abs(a.X - a.sq[..., None, :]) <= AT_TOLERANCE
    total = w.sum(axis=-2)
    return np.where(total > 0, (w * at).sum(axis=-2) / np.where(total > 0, total, 1.0), 0.0)


def sq_known(a: CaseArrays) -> np.ndarray:
    """Whether each issue's status quo is stated without uncertainty ``[k]``."""
    return np.ones(len(a.issues), bool) if a.sq_known is None else a.sq_known


def needs_all(a: CaseArrays) -> bool:
    """Whether every voter must accept (a unanimity or consensus rule)."""
    return a.rule is not None and a.rule.need >= 1.0


def design(a: CaseArrays, forecasts: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``(f_c[..., k], z[..., k, p])`` for the arrays ``a`` and the models' ``forecasts``
    (at least the compromise model's; the others where they apply), in :data:`FEATURES`
    order."""
    base = np.asarray(forecasts[BASE], dtype=float)
    cols = [np.nan_to_num(np.asarray(forecasts[m], dtype=float) - base) if m in forecasts
            else np.zeros_like(base) for m in COMPONENTS]
    pull = a.sq - base
    known, unanimity = sq_known(a), needs_all(a)
    rule = a.rule
    if rule is not None:
        p = rule.proposer
        proposer = np.where(a.has[..., p, :], a.X[..., p, :] - base, 0.0)
    else:
        proposer = np.zeros_like(base)
    cols += [
        pull,
        np.where(known, 0.0, pull),
        pull * capability_at_status_quo(a),
        pull * float(unanimity),
        pull * position_spread(a) / 100.0,
        proposer,
    ]
    return base, np.stack(np.broadcast_arrays(*cols), axis=-1)


def combine(base: np.ndarray, z: np.ndarray, beta: np.ndarray) -> np.ndarray:
    """The ensemble's forecast ``clip(base + z · β, 0, 100)``."""
    return np.clip(base + z @ beta, 0.0, 100.0)


@dataclass(frozen=True)
class CaseDesign:
    """A case's design at its central inputs (``base[k]``, ``z[k, p]``) and, when it states
    uncertainty, on each sample of its inputs (``sample_base[m, k]``, ``sample_z[m, k, p]``),
    so that any weights give both the forecast and its input-uncertainty intervals; and the
    models' own forecasts it was built from (``forecasts[model][k]``, ``sample_forecasts[model]
    [m, k]``), from which an equal-weight mean (:mod:`accord.ensemble.average`) is taken."""

    issues: list[str]
    base: np.ndarray
    z: np.ndarray
    sq_known: np.ndarray  # [k] the issue traits the choice of model reads
    spread: np.ndarray  # [k]
    unanimity: bool
    sample_base: np.ndarray | None = None
    sample_z: np.ndarray | None = None
    forecasts: dict[str, np.ndarray] = field(default_factory=dict)
    sample_forecasts: dict[str, np.ndarray] | None = None


def case_design(
    a: CaseArrays, point: dict[str, np.ndarray],
    sampled: tuple[CaseArrays, dict[str, np.ndarray]] | None,
) -> CaseDesign:
    """The :class:`CaseDesign` from the models' ``point`` forecasts on ``a`` and, if any,
    their forecasts on the sampled arrays."""
    base, z = design(a, point)
    traits = (sq_known(a), position_spread(a), needs_all(a))
    if sampled is None:
        return CaseDesign(list(a.issues), base, z, *traits, forecasts=dict(point))
    sb, sz = design(*sampled)
    return CaseDesign(list(a.issues), base, z, *traits, sb, sz, dict(point), dict(sampled[1]))
