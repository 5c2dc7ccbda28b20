"""The ensemble file: the fitted weights, how well they did out of fold, and the choice table.

``accord fit CASES… -o ensemble.json`` writes it (:func:`accord.ensemble.train.fit_ensemble`);
``--ensemble FILE`` reads it; accord ships :data:`DEFAULT_PATH`, fitted by
``scripts/fit_default_ensemble.py`` (docs/models.md says on what).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from accord.ensemble.choice import ChoiceTable
from accord.ensemble.crossval import PenaltyRule
from accord.ensemble.features import FEATURES, combine, design
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


class Interval(BaseModel):
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
    fold_penalty: list[float]  # the penalty the inner folds chose in each outer fold
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
    files: list[str]
    cases: int
    issues: int
    date: dt.date
    accord_version: str
    penalty: float
    penalty_rule: PenaltyRule = "min"  # how the inner folds chose it (files before: "min")
    inner_mae: dict[str, float]  # penalty → MAE on the inner folds that chose it
    inner_se: dict[str, float] = {}  # penalty → its standard error over the inner folds
    convex: list[str] = []  # features whose weights are ≥ 0 and sum to ≤ 1 (before: none)
    weights: dict[str, float]  # feature → weight, in accord.ensemble.features.FEATURES order
    cross_validation: CrossValidation
    choice: ChoiceTable

    def beta(self) -> np.ndarray:
        return np.array([self.weights[f] for f in FEATURES], dtype=float)

    def predict(self, a: CaseArrays, forecasts: dict[str, np.ndarray]) -> np.ndarray:
        """The ensemble's forecast ``[..., k]`` from the arrays and the models' forecasts."""
        base, z = design(a, forecasts)
        return combine(base, z, self.beta())

    def save(self, path: str | Path) -> Path:
        return write_model(self, path)


def load_ensemble(path: str | Path) -> Ensemble:
    """Read an ensemble file; a missing or malformed one is an :class:`EnsembleError`."""
    ens = read_model(path, Ensemble, EnsembleError)
    if set(ens.weights) != set(FEATURES):
        raise EnsembleError(path, [("weights", "needs exactly the features "
                                    + ", ".join(FEATURES))])
    return ens


@cache
def default_ensemble() -> Ensemble:
    """The shipped ensemble (read once)."""
    return load_ensemble(DEFAULT_PATH)
