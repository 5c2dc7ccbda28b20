"""``accord fit``: fit the ensemble on a backtest and say how well it does out of fold.

The backtest (:func:`accord.backtest.run` with the ``ensemble`` among its models) has already
scored the ensemble's method out of fold, by case, the penalty chosen on inner folds; here
the final weights are fitted on every row (penalty chosen by cross-validation by case on all
of them), or, for an equal-weight mean, nothing is fitted and the file names its members;
the file records the out-of-fold scores of every model per fold, the paired case
bootstrap of the ensemble's and the best model's MAE difference to the compromise model, and
the choice table (:mod:`accord.ensemble.choice`) built from the same out-of-fold errors.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from accord import __version__
from accord.backtest.bootstrap import mae_difference
from accord.backtest.runner import ENSEMBLE, BacktestResult
from accord.ensemble.average import Mean
from accord.ensemble.choice import choice_table, chosen_errors
from accord.ensemble.crossval import PRIMARY, fit_chosen
from accord.ensemble.features import BASE, FEATURES, combine
from accord.ensemble.schema import MEAN_METHOD, CrossValidation, Ensemble, Interval
from accord.errors import OptionError

Key = tuple[str, str]  # case id, issue id


def _paired(result: BacktestResult) -> tuple[list[Key], dict[str, np.ndarray]]:
    """The ensemble's rows (in the order of its out-of-fold forecasts) that every model
    scored, and each model's errors on them."""
    per = {m: {(r.case, r.issue): r.error for r in result.rows if r.model == m}
           for m in result.models}
    keys = [(r.case, r.issue) for r in result.rows if r.model == ENSEMBLE]
    common = [k for k in keys if all(k in v for v in per.values())]
    return common, {m: np.array([v[k] for k in common]) for m, v in per.items()}


def _traits(
    result: BacktestResult, keys: list[Key]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row: status quo known, position spread, every voter must accept."""
    designs = {c.case: c.design for c in result.cases}
    out: list[tuple[bool, float, bool]] = []
    for case, issue in keys:
        d = designs[case]
        assert d is not None
        j = d.issues.index(issue)
        out.append((bool(d.sq_known[j]), float(d.spread[j]), d.unanimity))
    known, spread, unanimity = (np.array(col) for col in zip(*out, strict=True))
    return known, spread, unanimity


def _interval(case: np.ndarray, e: np.ndarray, ref: np.ndarray) -> Interval:
    d = mae_difference(case, e, ref)
    return Interval(value=round(d.value, 3), low=round(d.low, 3), high=round(d.high, 3))


def design_rows(result: BacktestResult) -> tuple[np.ndarray, ...]:
    """The ensemble's design rows ``(base, z, y, case id)`` in the order of its rows."""
    keep = [(c, r, c.design.issues.index(r.issue)) for c in result.cases
            if c.design is not None for r in c.rows if r.model == ENSEMBLE]
    base = np.array([c.design.base[j] for c, _, j in keep if c.design is not None])
    z = np.array([c.design.z[j] for c, _, j in keep if c.design is not None])
    y = np.array([r.outcome for _, r, _ in keep])
    return base, z, y, np.array([c.case for c, _, _ in keep], dtype=object)


def _cross_validation(result: BacktestResult, in_sample: float) -> CrossValidation:
    """Out-of-fold MAE per model, per fold and overall, the bootstraps and the choice's."""
    assert result.ensemble is not None
    oof = result.ensemble
    keys, errors = _paired(result)
    all_keys = [(r.case, r.issue) for r in result.rows if r.model == ENSEMBLE]
    fold_at = dict(zip(all_keys, oof.fold.tolist(), strict=True))
    fold = np.array([fold_at[k] for k in keys], dtype=int)
    index = {c: i for i, c in enumerate(result.case_ids)}
    case = np.array([index[c] for c, _ in keys], dtype=int)
    mae = {m: round(float(np.abs(e).mean()), 3) for m, e in errors.items()}
    best = min(mae, key=lambda m: mae[m])
    chosen, _ = chosen_errors(errors, *_traits(result, keys), fold)
    return CrossValidation(
        folds=oof.folds, seed=result.seed, issues=len(keys), mae=mae,
        fold_mae=[{m: round(float(np.abs(e[fold == f]).mean()), 3) for m, e in errors.items()}
                  for f in range(oof.folds)],
        fold_penalty=[f.penalty for f in oof.fits],
        ensemble_vs_compromise=_interval(case, errors[ENSEMBLE], errors[BASE]),
        best=best, best_vs_compromise=_interval(case, errors[best], errors[BASE]),
        choice_mae=round(float(np.abs(chosen).mean()), 3),
        in_sample_mae=round(in_sample, 3),
    )


def fit_ensemble(result: BacktestResult, label: str, today: dt.date | None = None) -> Ensemble:
    """The ensemble made on every row of ``result`` (a backtest of every model) by the
    backtest's method: weights fitted by its rule, or an equal-weight mean."""
    if result.ensemble is None or ENSEMBLE not in result.models:
        raise OptionError("CASES", "fitting the ensemble needs a backtest of at least 2 "
                          "cases with outcomes, with every model")
    keys, errors = _paired(result)
    date, choice = today or dt.date.today(), choice_table(errors, *_traits(result, keys))
    if isinstance(result.method, Mean):  # nothing to fit: the out-of-fold errors are its own
        e = np.array([r.error for r in result.rows if r.model == ENSEMBLE])
        return Ensemble(
            label=label, method=MEAN_METHOD, combination="mean", penalty_rule=None,
            members=list(result.method.members), files=result.case_ids,
            cases=len(result.cases), issues=int(e.size), date=date, accord_version=__version__,
            cross_validation=_cross_validation(result, float(np.mean(np.abs(e)))),
            choice=choice)
    rule = PRIMARY if result.method is None else result.method
    base, z, y, ids = design_rows(result)
    final = fit_chosen(base, z, y, ids, rule=rule)
    in_sample = float(np.mean(np.abs(combine(base, z, final.beta) - y)))
    return Ensemble(
        label=label, files=result.case_ids, cases=len(result.cases), issues=int(y.size),
        date=date, accord_version=__version__, choice=choice,
        penalty=final.penalty, penalty_rule=rule.penalty,
        inner_mae={f"{k:g}": round(v, 3) for k, v in final.inner_mae.items()},
        inner_se={f"{k:g}": round(v, 3) for k, v in final.inner_se.items()},
        convex=list(FEATURES[:rule.convex]),
        weights={f: round(float(b), 6) for f, b in zip(FEATURES, final.beta, strict=True)},
        cross_validation=_cross_validation(result, in_sample),
    )
