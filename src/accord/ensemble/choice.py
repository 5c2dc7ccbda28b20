"""Which model to believe on an issue: the one with the lowest backtest MAE on similar issues.

Issues are grouped by three traits a reader can see before the decision:

- whether the case states the **status quo** without uncertainty (``known``/``unknown``);
- whether the **position spread** (capability × salience weighted SD of the positions) is
  ``low`` or ``high``: at most or above the median spread of the backtest's issues;
- whether **every voter must accept** (``unanimity``: unanimity or consensus) or a vote
  decides (``vote``: qmv or majority, or no decision rule stated).

Per group the table holds each model's MAE over the backtest's issues in it (the learned
ensemble's errors out of fold). The chosen model is the one with the lowest MAE in the
issue's group among the models forecast; a group with fewer than :data:`MIN_ISSUES` issues
is too small to say, and the MAE over all issues decides instead. When a model that was not
forecast has a lower MAE in that group than the chosen one, the belief names it too, so the
reader learns which run to add. Nothing is hard-coded: the table is computed from a backtest
(:func:`choice_table`) and stored with its numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict

MIN_ISSUES = 15
ALL = "all issues"


class GroupScore(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    group: str
    issues: int
    mae: dict[str, float]  # model → MAE on the group's issues


class Belief(BaseModel):
    """The model to believe on one issue, and on what evidence."""

    model: str
    group: str  # the group whose MAE decided (ALL when the issue's own was too small)
    issues: int
    mae: float
    runner_up: str | None
    runner_up_mae: float | None
    # the best model in the same group among those NOT forecast, when it beats ``model``
    better_not_run: str | None = None
    better_not_run_mae: float | None = None


class ChoiceTable(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    spread_threshold: float
    min_issues: int = MIN_ISSUES
    overall: GroupScore
    groups: list[GroupScore]

    def group_of(self, sq_known: bool, spread: float, unanimity: bool) -> str:
        return group_name(sq_known, spread > self.spread_threshold, unanimity)

    def believe(self, group: str, models: Sequence[str]) -> Belief | None:
        """The model of ``models`` with the lowest MAE in ``group`` (or over all issues when
        the group has fewer than ``min_issues``); None when the table scores none of them.
        A model the table scores but ``models`` leaves out, with a lower MAE there than the
        chosen one, is named as ``better_not_run``."""
        score = next((g for g in self.groups if g.group == group), None)
        if score is None or score.issues < self.min_issues:
            score = self.overall
        ranked = sorted((score.mae[m], m) for m in models if m in score.mae)
        if not ranked:
            return None
        (mae, best), rest = ranked[0], ranked[1:]
        unrun = min(((e, m) for m, e in score.mae.items() if m not in models), default=None)
        better = unrun if unrun is not None and unrun[0] < mae else None
        return Belief(model=best, group=score.group, issues=score.issues, mae=round(mae, 3),
                      runner_up=rest[0][1] if rest else None,
                      runner_up_mae=round(rest[0][0], 3) if rest else None,
                      better_not_run=better[1] if better else None,
                      better_not_run_mae=round(better[0], 3) if better else None)


def group_name(sq_known: bool, high_spread: bool, unanimity: bool) -> str:
    return (f"status quo {'known' if sq_known else 'unknown'}, spread "
            f"{'high' if high_spread else 'low'}, {'unanimity' if unanimity else 'vote'}")


def _score(name: str, errors: dict[str, np.ndarray], keep: np.ndarray) -> GroupScore:
    return GroupScore(group=name, issues=int(keep.sum()),
                      mae={m: round(float(np.abs(e[keep]).mean()), 3)
                           for m, e in errors.items()})


def choice_table(
    errors: dict[str, np.ndarray], sq_known: np.ndarray, spread: np.ndarray,
    unanimity: np.ndarray, min_issues: int = MIN_ISSUES,
) -> ChoiceTable:
    """The table from backtest errors ``errors[model][r]`` (the same issues ``r`` for every
    model) and each issue's traits."""
    threshold = float(np.median(spread))
    names = np.array([group_name(bool(k), bool(s > threshold), bool(u))
                      for k, s, u in zip(sq_known, spread, unanimity, strict=True)])
    groups = [_score(g, errors, names == g) for g in sorted(set(names.tolist()))]
    return ChoiceTable(spread_threshold=round(threshold, 6), min_issues=min_issues,
                       overall=_score(ALL, errors, np.ones(names.size, bool)), groups=groups)


def chosen_errors(
    errors: dict[str, np.ndarray], sq_known: np.ndarray, spread: np.ndarray,
    unanimity: np.ndarray, fold: np.ndarray, min_issues: int = MIN_ISSUES,
) -> tuple[np.ndarray, list[str]]:
    """The errors of following the choice, cross-validated: each fold's issues take the model
    a table built on the other folds chooses for their group (and which model that was)."""
    out = np.full(fold.size, np.nan)
    picked = [""] * fold.size
    models = list(errors)
    for f in np.unique(fold):
        test = fold == f
        train = {m: e[~test] for m, e in errors.items()}
        table = choice_table(train, sq_known[~test], spread[~test], unanimity[~test],
                             min_issues)
        for r in np.flatnonzero(test):
            belief = table.believe(table.group_of(bool(sq_known[r]), float(spread[r]),
                                                  bool(unanimity[r])), models)
            assert belief is not None
            out[r] = errors[belief.model][r]
            picked[r] = belief.model
    return out, picked
