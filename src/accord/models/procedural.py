"""Procedural models: an agenda setter proposes, the voters and consenters accept or not.

One issue at a time on its 0–100 scale, quadratic (symmetric, single-peaked) utility and the
status quo (DEU's reference point) ``q`` as the outcome if the proposal fails. This is the
one-dimensional setter model of Romer & Rosenthal (1978, *Public Choice* 33(4)) as applied to
the EU by Steunenberg (1994, *J. Theoretical Politics* 6(4)), Tsebelis (1994, *APSR* 88(1))
and Crombez (1996, *European J. Political Research* 29(2)), and tested on the DEU data as the
"procedural models" of Thomson, Stokman, Achen & König (eds., 2006, *The European Union
Decides*, ch. 3 and 10).

1. **Acceptance.** Actor ``i`` (ideal ``x_i``) accepts ``x`` over the status quo iff
   ``(x - x_i)^2 <= (q - x_i)^2 + κ^2``, i.e. iff ``x`` lies in
   ``[x_i - r_i, x_i + r_i]`` with ``r_i = sqrt((q - x_i)^2 + κ^2)``. ``κ = 0`` is the plain
   model. ``κ > 0`` is Franchino & Mariotto's (2022, *Political Science Research and Methods*
   10(2), 227–242) *costly reference point*: failing to agree costs every actor as much as
   an outcome ``κ`` points from its ideal, so actors on the far side of ``q`` also accept
   some change.
2. **Win-set.** ``W`` is the set of ``x`` accepted by voters holding the needed share of the
   voting weight (``need``; ``strict``: more than that share) among the voters who state a
   position on the issue, and by every ``must``-consent actor who states one. Each accepted
   set contains ``q``, so ``W`` is an interval ``[L, R]`` around ``q``: ``R`` is the largest
   upper end ``x_i + r_i`` that voters with the needed weight reach (the pivotal voter's),
   cut by every consenter's upper end and the scale; ``L`` likewise.
3. **Amendment.** The voters and consenters could jointly replace a proposal that all of
   them like less than another (Steunenberg 1994: the Council amends the Commission's
   proposal by unanimity), so the proposal stays within the hull of their ideal points.
4. **Proposal.** The proposer makes the take-it-or-leave-it offer it likes best:
   its ideal clipped to ``W`` ∩ hull. A proposer without a position on the issue proposes
   the voters' weighted median (what the voters would pick themselves), clipped likewise.

The arrays carry any leading sample axes; the rule (proposer, weights, need, must) is fixed.
"""

from __future__ import annotations

import numpy as np

from accord.errors import OptionError
from accord.models.arrays import CaseArrays, RuleArrays
from accord.models.static import weighted_median

COSTLY_KAPPA = 20.0  # fixed a priori (not fitted): no agreement as bad as 20 points of loss
TOL = 1e-9


def procedural(
    X: np.ndarray, sq: np.ndarray, has: np.ndarray, rule: RuleArrays, kappa: float = 0.0
) -> np.ndarray:
    """The setter model's outcome ``[..., k]`` for positions ``X[..., n, k]``, status quo
    ``sq[..., k]`` and stated positions ``has[..., n, k]`` under ``rule``."""
    X = np.asarray(X, dtype=float)
    sq = np.broadcast_to(np.asarray(sq, dtype=float), X.shape[:-2] + X.shape[-1:])
    has = np.broadcast_to(np.asarray(has, dtype=bool), X.shape)
    q = sq[..., None, :]
    r = np.sqrt((q - X) ** 2 + kappa**2)
    voting = has & (rule.weight[:, None] > 0)
    w = np.where(voting, rule.weight[:, None], 0.0)
    must = has & rule.must[:, None]
    hi = np.minimum(_pivot(X + r, w, rule, -1.0), np.where(must, X + r, np.inf).min(axis=-2))
    lo = np.maximum(_pivot(X - r, w, rule, 1.0), np.where(must, X - r, -np.inf).max(axis=-2))
    deciders = voting | must
    hull_lo = np.where(deciders, X, np.inf).min(axis=-2)
    hull_hi = np.where(deciders, X, -np.inf).max(axis=-2)
    lo = np.clip(np.maximum(lo, hull_lo), 0.0, 100.0)
    hi = np.clip(np.minimum(hi, hull_hi), 0.0, 100.0)
    p = rule.proposer
    fallback = weighted_median(np.ones(X.shape[-2]), X, w)
    ideal = np.where(has[..., p, :], X[..., p, :], np.where(np.isnan(fallback), sq, fallback))
    out = np.clip(ideal, lo, hi)
    # no decider with a position (or an empty set by rounding): nothing passes
    return np.where(deciders.any(axis=-2) & (lo <= hi + TOL), out, sq)


def _pivot(ends: np.ndarray, w: np.ndarray, rule: RuleArrays, direction: float) -> np.ndarray:
    """The farthest end (``direction`` -1: largest upper end, +1: smallest lower end) that
    voters holding the needed share of weight all reach; ±inf when nobody votes."""
    key = np.where(w > 0, direction * ends, np.inf)
    order = np.argsort(key, axis=-2, kind="stable")
    ks = np.take_along_axis(key, order, axis=-2)
    cum = np.cumsum(np.take_along_axis(w, order, axis=-2), axis=-2)
    total = cum[..., -1:, :]
    goal = rule.need * total
    tol = TOL * np.maximum(total, 1.0)
    enough = cum > goal + tol if rule.strict else cum >= goal - tol
    idx = np.argmax(enough, axis=-2)[..., None, :]
    end = direction * np.take_along_axis(ks, idx, axis=-2)[..., 0, :]
    return np.where(total[..., 0, :] > 0, end, -direction * np.inf)


def run(a: CaseArrays, kappa: float = 0.0) -> np.ndarray:
    """Registry entry. A case without a ``decision`` block raises
    :class:`~accord.errors.OptionError`: the model needs the rule and will not guess it."""
    if a.rule is None:
        raise OptionError(
            "--model",
            "the procedural models need the case's decision block (proposer, rule, voters, "
            "must_consent); this case has none",
        )
    return procedural(a.X, a.sq, a.has, a.rule, kappa)
