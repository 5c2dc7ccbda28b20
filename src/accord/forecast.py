"""Run models on a case and collect per-issue outcomes and the zone of agreement.

The result is a plain, serialisable value; ``Forecast.to_json()`` is the JSON that
``accord forecast --format json`` prints (schema in the README).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from pydantic import BaseModel, Field

from accord.calibration.spread import position_spread
from accord.case import Case
from accord.ensemble.choice import Belief, ChoiceTable
from accord.ensemble.features import needs_all, sq_known
from accord.ensemble.schema import Ensemble, default_ensemble
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.registry import MODELS, Model, resolve
from accord.models.zone import agreement_zone, inside


class Agreement(BaseModel):
    possible: bool
    zone: tuple[float, float] | None
    inside: dict[str, bool]


class IssueForecast(BaseModel):
    id: str
    title: str
    status_quo: float
    outcomes: dict[str, float | None]
    agreement: Agreement
    # model → level ("50", "80", "95") → [low, high]; filled by accord.calibration.intervals
    intervals: dict[str, dict[str, tuple[float, float]]] = Field(default_factory=dict)
    # the model to believe on this issue: lowest backtest MAE on similar issues
    belief: Belief | None = None


class Forecast(BaseModel):
    case: str
    date: dt.date | None
    models: list[str]
    veto_players: list[str]
    issues: list[IssueForecast]
    # how the intervals were made ("80% intervals calibrated on …"); None without intervals
    intervals_note: str | None = None

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    def issue(self, issue_id: str) -> IssueForecast:
        return next(i for i in self.issues if i.id == issue_id)


def _num(x: float) -> float | None:
    return None if math.isnan(x) else round(float(x), 6)


# models that read one run: the EUM's rounds give both its median and its mean forecast
EUM_PAIR = ("eum", "eum-mean")


def run_models(arrays: CaseArrays, models: list[Model]) -> dict[str, np.ndarray]:
    """Each model's outcomes ``[..., k]``; the EUM's rounds run once when both ``eum`` and
    ``eum-mean`` are asked for (they are the median and the mean of the same final positions),
    and a model built on others (the ensemble) reads their forecasts, each model run once.
    """
    names = [m.name for m in models]
    wanted = [m for m in models if m.combine is None]
    for m in models:
        wanted += [MODELS[n] for n in m.needs
                   if n not in {w.name for w in wanted} and MODELS[n].applies_to(arrays)]
    have = [m.name for m in wanted]
    out: dict[str, np.ndarray] = {}
    if set(EUM_PAIR) <= set(have):
        from accord.models import eum  # (not loaded when no EUM runs)

        run = eum.run_issues(arrays.c, arrays.X, arrays.S, arrays.has)
        out = dict(zip(EUM_PAIR, (run.forecast, run.forecast_mean), strict=True))
    for m in wanted:
        if m.name not in out:
            out[m.name] = m.run(arrays)
    for m in models:
        if m.combine is not None:
            out[m.name] = m.combine(arrays, {n: out[n] for n in m.needs if n in out})
    return {n: np.asarray(out[n], dtype=float) for n in names}


def beliefs(a: CaseArrays, models: list[str], table: ChoiceTable) -> list[Belief | None]:
    """Per issue, which of ``models`` to believe by the choice table's backtest MAE on the
    issue's group (status quo known, spread, unanimity)."""
    known, spread, unanimity = sq_known(a), position_spread(a), needs_all(a)
    return [table.believe(table.group_of(bool(known[j]), float(spread[j]), unanimity), models)
            for j in range(len(a.issues))]


def forecast_case(
    case: Case, models: str | list[str] | None = None, ensemble: Ensemble | None = None
) -> Forecast:
    """Forecast every issue of ``case`` with the named models (default: all static models),
    the ``ensemble`` model combining as ``ensemble`` (an ensemble file already read; default:
    the shipped one), and say per issue which model to believe (the choice table of that
    ensemble)."""
    chosen = resolve(models, ensemble)
    a = case_arrays(case)
    outcomes = run_models(a, chosen)
    table = (default_ensemble() if ensemble is None else ensemble).choice
    believe = beliefs(a, [m.name for m in chosen], table)
    low, high = agreement_zone(a.X, a.sq, a.veto, a.has)
    issues = []
    for j, issue in enumerate(case.issues):
        possible = not math.isnan(low[j])
        outs = {name: _num(v[j]) for name, v in outcomes.items()}
        issues.append(
            IssueForecast(
                id=issue.id,
                title=issue.title,
                status_quo=float(a.sq[j]),
                outcomes=outs,
                agreement=Agreement(
                    possible=possible,
                    zone=(round(float(low[j]), 6), round(float(high[j]), 6)) if possible else None,
                    inside={
                        n: bool(inside(v[j], low[j], high[j])) for n, v in outcomes.items()
                    },
                ),
                belief=believe[j],
            )
        )
    return Forecast(
        case=case.title,
        date=case.date,
        models=[m.name for m in chosen],
        veto_players=[a.actors[i] for i in np.flatnonzero(a.veto)],
        issues=issues,
    )
