"""The ensemble file: how it combines the models, how well it did out of fold, the choice table.

Two combinations (``combination``):

- ``lad``: the compromise forecast moved by weights fitted on the other models' offsets and a
  few traits (:mod:`accord.ensemble.features`, :mod:`accord.ensemble.lad`);
- ``mean``: the equal-weight mean of the ``members``' forecasts, nothing fitted
  (:mod:`accord.ensemble.average`; issue 11's fifth attempt, docs/backtest.md).

``accord fit CASES… -o ensemble.json`` writes it (:func:`accord.ensemble.train.fit_ensemble`;
``--mean MODELS`` for a mean); ``--ensemble FILE`` reads it; accord ships
:data:`DEFAULT_PATH`, made by ``scripts/fit_default_ensemble.py`` (docs/models.md says on
what), and ``accord backtest`` scores the shipped file's method (:func:`default_method`).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from accord.ensemble.average import Mean, mean_of
from accord.ensemble.choice import ChoiceTable
from accord.ensemble.crossval import PenaltyRule, Rule
from accord.ensemble.features import BASE, COMPONENTS, FEATURES, combine, design
from accord.errors import EnsembleError
from accord.jsonfile import read_model, write_model
from accord.models.arrays import CaseArrays

DEFAULT_PATH = Path(__file__).with_name("default.json")
METHOD = (
    "forecast = clip(compromise + sum_j w_j z_j, 0, 100), z_j the other models' forecasts "
    "minus the compromise forecast and a few pulls (status quo, proposer) in points; w by "
    "least absolute deviations with an L1 penalty chosen by cross-validation by case (the "
    "one-standard-error rule), the models' weights non-negative and summing to at most 1"
)
MEAN_METHOD = (
    "forecast = the equal-weight mean of the members' forecasts (a member that gives no "
    "forecast on an issue is left out); nothing is fitted"
)
MEMBERS = (BASE, *COMPONENTS)  # the models a mean can combine
Method = Rule | Mean  # how an ensemble is made: weights fitted by a rule, or a fixed mean


class Interval(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    value: float
    low: float
    high: float


class CrossValidation(BaseModel):
    """Out-of-fold scores, by case (the penalty chosen on inner folds in each outer fold)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    folds: int
    seed: int
    issues: int
    mae: dict[str, float]  # model → MAE over all folds (the ensemble's out of fold)
    fold_mae: list[dict[str, float]]  # per outer fold, model → MAE
    fold_penalty: list[float] = []  # the penalty the inner folds chose per outer fold (lad)
    ensemble_vs_compromise: Interval  # MAE difference, paired case bootstrap 95%
    best: str  # the model with the lowest out-of-fold MAE
    best_vs_compromise: Interval
    choice_mae: float  # following the choice table, itself built out of fold
    in_sample_mae: float  # the final weights on their own fit data (optimistic)


class Ensemble(BaseModel):
    """What ``accord fit`` writes."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    label: str = Field(description="what it was fitted on, in words")
    method: str = METHOD
    combination: Literal["lad", "mean"] = "lad"  # (files before the fifth attempt: lad)
    members: list[str] = []  # mean: the models averaged
    files: list[str]
    cases: int
    issues: int
    date: dt.date
    accord_version: str
    penalty: float | None = None  # lad: the chosen penalty
    penalty_rule: PenaltyRule | None = "min"  # lad: how inner folds chose it (before: "min")
    inner_mae: dict[str, float] = {}  # penalty → MAE on the inner folds that chose it
    inner_se: dict[str, float] = {}  # penalty → its standard error over the inner folds
    convex: list[str] = []  # features whose weights are ≥ 0 and sum to ≤ 1 (before: none)
    weights: dict[str, float] = {}  # lad: feature → weight, in features.FEATURES order
    cross_validation: CrossValidation
    choice: ChoiceTable

    def beta(self) -> np.ndarray:
        return np.array([self.weights[f] for f in FEATURES], dtype=float)

    def how(self) -> Method:
        """How it was made, so that a backtest scores the same method out of fold."""
        if self.combination == "mean":
            return Mean(tuple(self.members))
        return Rule(self.penalty_rule or "min", len(self.convex))

    def predict(self, a: CaseArrays, forecasts: dict[str, np.ndarray]) -> np.ndarray:
        """The ensemble's forecast ``[..., k]`` from the arrays and the models' forecasts."""
        if self.combination == "mean":
            return mean_of(forecasts, self.members)
        base, z = design(a, forecasts)
        return combine(base, z, self.beta())

    def save(self, path: str | Path) -> Path:
        return write_model(self, path)


def load_ensemble(path: str | Path) -> Ensemble:
    """Read an ensemble file; a missing or malformed one is an :class:`EnsembleError`."""
    ens = read_model(path, Ensemble, EnsembleError)
    problems = members_problems(ens.members) if ens.combination == "mean" else (
        [] if set(ens.weights) == set(FEATURES) and None not in (ens.penalty, ens.penalty_rule)
        else [("weights", "needs a penalty, its rule and exactly the features "
               + ", ".join(FEATURES))])
    if problems:
        raise EnsembleError(path, problems)
    return ens


def resolve_ensemble(path: str | Path | None) -> Ensemble | None:
    """The ensemble file ``--ensemble`` names, read and checked once where a command starts
    (None when none is named: the shipped one is read where it is first used)."""
    return None if path is None else load_ensemble(path)


def components(method: Method) -> tuple[str, ...]:
    """The models an ensemble made by ``method`` reads: a mean's members, or every model for
    learned weights."""
    return method.members if isinstance(method, Mean) else MEMBERS


def members_problems(members: list[str]) -> list[tuple[str, str]]:
    """What is wrong with the members of a mean (none, unknown or repeated models)."""
    unknown = [m for m in members if m not in MEMBERS]
    if not members or unknown or len(set(members)) < len(members):
        return [("members", "needs distinct models among " + ", ".join(MEMBERS)
                 + (f", got {', '.join(unknown)}" if unknown else ""))]
    return []


@cache
def default_ensemble() -> Ensemble:
    """The shipped ensemble (read once)."""
    return load_ensemble(DEFAULT_PATH)


def default_method() -> Method:
    """The method of the shipped ensemble (what ``accord backtest`` scores as ``ensemble``)."""
    return default_ensemble().how()
