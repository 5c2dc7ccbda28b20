"""Run models on cases with known outcomes: one row per case × issue × model.

The models see the case as :func:`accord.forecast.forecast_case` does (actors, positions,
status quos: never an issue's ``outcome``); the outcome is read afterwards, to score. An
outcome stated with uncertainty (``{value, low, high}``) is scored against its central value.
Issues without an outcome are skipped and counted, and so are issues on which a model gives
no forecast (nobody cares about them). Each row also carries the input-uncertainty intervals
of :mod:`accord.calibration.sampling` and the issue's position spread, so intervals can be
calibrated and scored from the rows alone.

The ``ensemble`` is scored by its *method* (by default the shipped file's,
:func:`accord.ensemble.schema.default_method`), **out of fold**: its component models run on
every case, and each case's ensemble forecasts (and their input-uncertainty intervals) come
from an ensemble fitted, its penalty chosen on inner folds, on the other folds' cases
(:func:`accord.ensemble.crossval.out_of_fold`, the folds of
:func:`accord.backtest.folds.fold_of`); an equal-weight mean
(:class:`accord.ensemble.average.Mean`) fits nothing, so its forecasts are the same in and
out of fold. A fixed ensemble file fitted on these cases would be scored in-sample.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from accord.backtest.defaults import SAMPLES
from accord.backtest.folds import FOLDS, fold_of
from accord.calibration.conformal import LEVELS
from accord.calibration.sampling import (
    input_intervals,
    intervals_of,
    point_intervals,
    sample_outcomes,
)
from accord.calibration.spread import position_spread
from accord.case import Case
from accord.ensemble.average import Mean, mean_of
from accord.ensemble.crossval import OutOfFold, Rule, out_of_fold
from accord.ensemble.features import BASE, CaseDesign, case_design, combine
from accord.ensemble.schema import components, default_method
from accord.forecast import forecast_case
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.registry import MODELS, Model, resolve

ENSEMBLE = "ensemble"

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Row:
    """One model's forecast of one issue, beside what happened."""

    case: str  # the case's id (its file path)
    issue: str
    model: str
    forecast: float
    outcome: float  # the outcome's central value
    outcome_range: tuple[float, float] | None  # when the outcome was coded with a range
    status_quo: float | None  # None when the case states it with uncertainty
    spread: float  # capability × salience weighted SD of the positions
    intervals: tuple[tuple[float, float], ...]  # input-uncertainty intervals, per LEVELS

    @property
    def error(self) -> float:
        return self.forecast - self.outcome


@dataclass(frozen=True)
class CaseScore:
    """A case's rows and what could not be scored."""

    case: str
    issues: int
    rows: list[Row]
    no_outcome: list[str]  # issues without an outcome
    no_forecast: dict[str, list[str]] = field(default_factory=dict)  # model → issues
    design: CaseDesign | None = None  # what the ensemble reads, when it is backtested


@dataclass(frozen=True)
class ModelRows:
    """One model's rows as arrays (for metrics and calibration)."""

    case: np.ndarray  # [r] case index into BacktestResult.case_ids
    issue: np.ndarray  # [r] issue ids
    forecast: np.ndarray
    outcome: np.ndarray
    status_quo: np.ndarray  # NaN where uncertain
    spread: np.ndarray
    intervals: np.ndarray  # [r, L, 2]


@dataclass(frozen=True)
class BacktestResult:
    """Every row of a backtest, by case, and how the intervals were sampled."""

    models: list[str]
    cases: list[CaseScore]
    samples: int
    seed: int
    ensemble: OutOfFold | None = None  # the ensemble's out-of-fold fits, when backtested
    method: Rule | Mean | None = None  # how the ensemble was made, when backtested

    @property
    def rows(self) -> list[Row]:
        return [r for c in self.cases for r in c.rows]

    @property
    def case_ids(self) -> list[str]:
        return [c.case for c in self.cases]

    @property
    def no_outcome(self) -> int:
        return sum(len(c.no_outcome) for c in self.cases)

    def no_forecast(self, model: str) -> int:
        return sum(len(c.no_forecast.get(model, [])) for c in self.cases)

    def model_rows(self, model: str) -> ModelRows:
        index = {c: i for i, c in enumerate(self.case_ids)}
        rows = [r for r in self.rows if r.model == model]
        return ModelRows(
            case=np.array([index[r.case] for r in rows], dtype=int),
            issue=np.array([r.issue for r in rows], dtype=object),
            forecast=np.array([r.forecast for r in rows], dtype=float),
            outcome=np.array([r.outcome for r in rows], dtype=float),
            status_quo=np.array([np.nan if r.status_quo is None else r.status_quo
                                 for r in rows], dtype=float),
            spread=np.array([r.spread for r in rows], dtype=float),
            intervals=np.array([r.intervals for r in rows], dtype=float).reshape(
                -1, len(LEVELS), 2),
        )


def _to_run(names: Sequence[str], arrays: CaseArrays, needs: Sequence[str]) -> list[Model]:
    """The models run on a case: those named (and ``needs``, the ensemble's components, for
    the ensemble, which is made afterwards, out of fold) that apply to it."""
    own = [n for n in names if n != ENSEMBLE]
    extra = [n for n in needs if n not in own] if ENSEMBLE in names else []
    return [m for m in resolve(own + extra) if m.applies_to(arrays)]


def score_case(
    case_id: str, case: Case, names: Sequence[str], samples: int = SAMPLES, seed: int = 0,
    needs: Sequence[str] = (),
) -> CaseScore:
    """Forecast ``case`` with ``models`` (and the ensemble's components ``needs`` when the
    ensemble is among them) and pair every forecast with its issue's outcome.

    A model the case does not apply to (a procedural model on a case without a ``decision``
    block) gives no forecast on its issues; they are counted under ``no_forecast``."""
    arrays = case_arrays(case)
    own = [n for n in names if n != ENSEMBLE]
    chosen = _to_run(names, arrays, needs)
    models = [m.name for m in chosen]
    f = forecast_case(case, models)
    point = {m: np.array([np.nan if i.outcomes[m] is None else i.outcomes[m]
                          for i in f.issues]) for m in models}
    sampled = sample_outcomes(case, chosen, samples, seed)
    base = input_intervals(case, chosen, point, samples, seed, sampled)
    design = case_design(arrays, point, sampled) if ENSEMBLE in names else None
    models = [m for m in models if m in names]
    spread = position_spread(arrays)
    rows: list[Row] = []
    no_outcome: list[str] = []
    no_forecast: dict[str, list[str]] = {
        m: [i.id for i in case.issues if i.outcome is not None]
        for m in own if m not in models
    }
    for j, issue in enumerate(case.issues):
        if issue.outcome is None:
            no_outcome.append(issue.id)
            continue
        out = issue.outcome.value
        sq = None if issue.status_quo.uncertain else issue.status_quo.central
        for m in models:
            y_hat = point[m][j]
            if np.isnan(y_hat) or np.isnan(base[m][j]).any():
                no_forecast.setdefault(m, []).append(issue.id)
                continue
            rows.append(Row(
                case=case_id, issue=issue.id, model=m, forecast=float(y_hat),
                outcome=out.central,
                outcome_range=(out.low, out.high) if out.low is not None and
                out.high is not None else None,
                status_quo=sq, spread=float(spread[j]),
                intervals=tuple((float(lo), float(hi)) for lo, hi in base[m][j]),
            ))
    return CaseScore(case_id, len(case.issues), rows, no_outcome, no_forecast, design)


def _ensemble_intervals(d: CaseDesign, how: np.ndarray | Mean) -> np.ndarray:
    """The ensemble's input-uncertainty intervals ``[k, L, 2]`` on a case with weights β or
    as a mean."""
    if isinstance(how, Mean):
        if d.sample_forecasts is None:
            return point_intervals(mean_of(d.forecasts, how.members))
        return intervals_of(mean_of(d.sample_forecasts, how.members))
    if d.sample_base is None or d.sample_z is None:
        return point_intervals(combine(d.base, d.z, how))
    return intervals_of(combine(d.sample_base, d.sample_z, how))


Keep = list[tuple[CaseScore, Row, int]]  # a case, its compromise row, the issue's index


def _out_of_fold(keep: Keep, fold: np.ndarray, k: int, seed: int, method: Rule | Mean
                 ) -> OutOfFold:
    if isinstance(method, Mean):
        forecast = [mean_of(c.design.forecasts, method.members)[j] for c, _, j in keep
                    if c.design is not None]
        return OutOfFold(np.array(forecast, dtype=float), fold, [])
    base = np.array([c.design.base[j] for c, _, j in keep if c.design is not None])
    z = np.array([c.design.z[j] for c, _, j in keep if c.design is not None])
    y = np.array([r.outcome for _, r, _ in keep])
    case = np.array([c.case for c, _, _ in keep], dtype=object)
    return out_of_fold(base, z, y, case, k, seed, fold=fold, rule=method)


def _mean_forecasts(keep: Keep, method: Rule | Mean) -> Keep:
    """The rows on which a mean has a forecast (some member gave one); all for weights."""
    if not isinstance(method, Mean):
        return keep
    return [(c, r, j) for c, r, j in keep if c.design is not None
            and not np.isnan(mean_of(c.design.forecasts, method.members)[j])]


def with_ensemble(
    scored: list[CaseScore], k: int, seed: int, method: Rule | Mean
) -> tuple[list[CaseScore], OutOfFold | None]:
    """The cases with the ensemble's out-of-fold rows added (on the issues the compromise
    model scored and, for a mean, some member forecast), made by ``method``; with fewer than
    2 such cases there is nothing to fit on: no forecast."""
    every = [(c, r, c.design.issues.index(r.issue)) for c in scored if c.design is not None
             for r in c.rows if r.model == BASE]
    keep = _mean_forecasts(every, method)
    if len({c.case for c, _, _ in keep}) < 2:
        return [replace(c, no_forecast={**c.no_forecast, ENSEMBLE: [
            r.issue for r in c.rows if r.model == BASE]}) for c in scored], None
    kept = {(c.case, r.issue) for c, r, _ in keep}
    missing: dict[str, list[str]] = {}
    for c, r, _ in every:
        if (c.case, r.issue) not in kept:
            missing.setdefault(c.case, []).append(r.issue)
    folds = fold_of([c.case for c in scored], min(k, len(scored)), seed)
    oof = _out_of_fold(keep, np.array([folds[c.case] for c, _, _ in keep]), k, seed, method)
    added: dict[str, list[Row]] = {}
    intervals: dict[tuple[str, int], np.ndarray] = {}
    for (c, r, j), fc, fold in zip(keep, oof.forecast, oof.fold, strict=True):
        assert c.design is not None
        key = (c.case, int(fold))
        if key not in intervals:
            intervals[key] = _ensemble_intervals(
                c.design, method if isinstance(method, Mean) else oof.fits[int(fold)].beta)
        iv = intervals[key][j]
        added.setdefault(c.case, []).append(replace(
            r, model=ENSEMBLE, forecast=float(fc),
            intervals=tuple((float(lo), float(hi)) for lo, hi in iv)))
    return [replace(c, rows=c.rows + added.get(c.case, []), no_forecast={
        **c.no_forecast, **({ENSEMBLE: missing[c.case]} if c.case in missing else {})})
        for c in scored], oof


def run(
    cases: Sequence[tuple[str, Case]],
    models: str | Sequence[str] | None = None,
    samples: int = SAMPLES,
    seed: int = 0,
    scheduler: Any = None,
    workers: int | None = None,
    progress: Progress | None = None,
    method: Rule | Mean | None = None,
) -> BacktestResult:
    """Backtest ``models`` (default: every model) on ``(id, case)`` pairs, in this process
    or on Dask (``scheduler`` as for :func:`accord.uncertainty.backends.dask_client`);
    ``progress(1)`` is called after each case; ``method``: how the ``ensemble`` is made
    (default: as the shipped ensemble file was)."""
    wanted = models if models is None or isinstance(models, str) else list(models)
    names = [m.name for m in resolve(wanted if wanted is not None else list(MODELS))]
    if ENSEMBLE not in names:
        method = None
    elif method is None:
        method = default_method()
    needs = () if method is None else components(method)
    if scheduler is None:
        scored = []
        for case_id, case in cases:
            scored.append(score_case(case_id, case, names, samples, seed, needs))
            if progress is not None:
                progress(1)
    else:
        scored = _run_dask(cases, names, samples, seed, scheduler, workers, progress, needs)
    oof = None
    if method is not None:
        scored, oof = with_ensemble(scored, FOLDS, seed, method)
    return BacktestResult(names, scored, samples, seed, oof, method)


def _run_dask(
    cases: Sequence[tuple[str, Case]], names: list[str], samples: int, seed: int,
    scheduler: Any, workers: int | None, progress: Progress | None, needs: Sequence[str],
) -> list[CaseScore]:
    from distributed import as_completed

    from accord.uncertainty.backends import dask_client

    with dask_client(scheduler, workers) as client:
        futures = [client.submit(score_case, cid, c, names, samples, seed, needs, pure=False)
                   for cid, c in cases]
        for _ in as_completed(futures):
            if progress is not None:
                progress(1)
        return [f.result() for f in futures]
