"""The ensemble in the backtest (out of fold, by case), accord fit, and the model choice read
from the ensemble file, on ten cases of the DEU III development half (Arregui & Perarnaud
2021, doi:10.34810/data53)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.backtest import BacktestResult, load_cases, run
from accord.backtest.folds import fold_of
from accord.case import load_case
from accord.ensemble.average import Mean
from accord.ensemble.crossval import PRIMARY, fit_chosen
from accord.ensemble.features import combine
from accord.ensemble.schema import load_ensemble
from accord.ensemble.train import fit_ensemble
from accord.errors import EnsembleError
from accord.forecast import forecast_case

MODELS = "compromise,exchange,ensemble"


@pytest.fixture(scope="module")
def small(deu_dir: Path) -> BacktestResult:
    files = sorted(deu_dir.glob("*.yaml"))[:10]
    return run(load_cases(files), MODELS, samples=8, method=PRIMARY)


@pytest.fixture(scope="module")
def small_mean(deu_dir: Path) -> BacktestResult:
    files = sorted(deu_dir.glob("*.yaml"))[:10]
    return run(load_cases(files), MODELS, samples=8, method=Mean(("compromise", "exchange")))


def test_a_mean_is_scored_as_the_mean_of_its_members_rows(small_mean: BacktestResult) -> None:
    at = {(r.case, r.issue, r.model): r for r in small_mean.rows}
    rows = [r for r in small_mean.rows if r.model == "ensemble"]
    assert len(rows) == sum(r.model == "compromise" for r in small_mean.rows) > 10
    for r in rows:
        c, x = at[(r.case, r.issue, "compromise")], at[(r.case, r.issue, "exchange")]
        assert r.forecast == pytest.approx((c.forecast + x.forecast) / 2)
    assert small_mean.ensemble is not None and small_mean.ensemble.fits == []
    assert small_mean.method == Mean(("compromise", "exchange"))
    # a mean runs only its members; learned weights read every model
    d = small_mean.cases[0].design
    assert d is not None and set(d.forecasts) == {"compromise", "exchange"}


def test_fit_of_a_mean_records_its_members_and_out_of_fold_scores(
    small_mean: BacktestResult, tmp_path: Path, deu_dir: Path
) -> None:
    ens = fit_ensemble(small_mean, "ten DEU cases")
    assert (ens.combination, ens.members, ens.weights, ens.penalty) == (
        "mean", ["compromise", "exchange"], {}, None)
    cv = ens.cross_validation
    errs = [abs(r.error) for r in small_mean.rows if r.model == "ensemble"]
    assert cv.mae["ensemble"] == pytest.approx(np.mean(errs), abs=1e-3)
    assert cv.in_sample_mae == pytest.approx(np.mean(errs), abs=1e-3)  # nothing fitted
    assert cv.fold_penalty == [] and len(cv.fold_mae) == cv.folds == 5
    path = ens.save(tmp_path / "mean.json")
    case = load_case(sorted(deu_dir.glob("*.yaml"))[0])
    out = forecast_case(case, "compromise,exchange,ensemble", load_ensemble(path))
    for i in out.issues:
        c, x = i.outcomes["compromise"], i.outcomes["exchange"]
        assert c is not None and x is not None
        assert i.outcomes["ensemble"] == pytest.approx((c + x) / 2, abs=1e-5)


def test_ensemble_rows_are_out_of_fold_by_case(small: BacktestResult) -> None:
    assert small.ensemble is not None
    d = small.cases[0].design  # learned weights read every model, though only two are named
    assert d is not None and {"eum", "nash", "median", "procedural"} <= set(d.forecasts)
    rows = [r for r in small.rows if r.model == "ensemble"]
    comp = [r for r in small.rows if r.model == "compromise"]
    assert [(r.case, r.issue) for r in rows] == [(r.case, r.issue) for r in comp]
    folds = fold_of(small.case_ids, 5, 0)
    assert small.ensemble.fold.tolist() == [folds[r.case] for r in rows]
    # fold 1's forecasts: refit on the other folds' cases only, the same forecasts
    keep = [(c, r, c.design.issues.index(r.issue)) for c in small.cases
            if c.design is not None for r in c.rows if r.model == "compromise"]
    base = np.array([c.design.base[j] for c, _, j in keep if c.design is not None])
    z = np.array([c.design.z[j] for c, _, j in keep if c.design is not None])
    y = np.array([r.outcome for _, r, _ in keep])
    case = np.array([c.case for c, _, _ in keep], dtype=object)
    test = small.ensemble.fold == 1
    fitted = fit_chosen(base[~test], z[~test], y[~test], case[~test])
    expected = combine(base[test], z[test], fitted.beta)
    assert np.allclose([r.forecast for r, t in zip(rows, test, strict=True) if t], expected)


def test_fit_writes_a_file_whose_choice_drives_the_forecast(
    small: BacktestResult, tmp_path: Path, deu_dir: Path
) -> None:
    ens = fit_ensemble(small, "ten DEU cases")
    cv = ens.cross_validation
    assert set(cv.mae) == {"compromise", "exchange", "ensemble"}
    assert len(cv.fold_mae) == cv.folds == 5
    errs = {m: [abs(r.error) for r in small.rows if r.model == m] for m in cv.mae}
    assert cv.mae["exchange"] == pytest.approx(np.mean(errs["exchange"]), abs=1e-3)
    path = ens.save(tmp_path / "ens.json")
    case = load_case(sorted(deu_dir.glob("*.yaml"))[0])
    # the table says exchange is far better everywhere: the forecast believes exchange
    table = ens.choice.model_copy(deep=True)

    def believed(exchange: float, compromise: float) -> set[str]:
        """The models believed once the table gives exchange and compromise these MAEs."""
        for g in [table.overall, *table.groups]:
            g.mae.update(exchange=exchange, compromise=compromise)
        ens.model_copy(update={"choice": table}).save(path)
        out = forecast_case(case, "compromise,exchange", load_ensemble(path))
        return {i.belief.model for i in out.issues if i.belief is not None}

    assert believed(exchange=1.0, compromise=50.0) == {"exchange"}
    # a backtest file that says the opposite changes the choice
    assert believed(exchange=50.0, compromise=1.0) == {"compromise"}
    out = forecast_case(case, "compromise,ensemble", load_ensemble(path))
    assert all(i.outcomes["ensemble"] is not None for i in out.issues)


def test_a_bad_ensemble_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"label": 1}')
    with pytest.raises(EnsembleError):
        load_ensemble(bad)
    with pytest.raises(EnsembleError):
        load_ensemble(tmp_path / "missing.json")
