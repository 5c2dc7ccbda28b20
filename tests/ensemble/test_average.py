"""Equal-weight combinations and the ensemble file of ``combination: mean``, worked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from accord.ensemble.average import Mean, mean_of, median_of, within_best
from accord.ensemble.schema import default_ensemble, load_ensemble
from accord.errors import EnsembleError
from accord.models.arrays import CaseArrays
from accord.models.registry import ensemble_model

NAN = np.nan


def test_mean_and_median_leave_a_missing_member_out() -> None:
    f = {"a": np.array([10.0, 20.0, NAN]), "b": np.array([30.0, NAN, NAN]),
         "c": np.array([80.0, 50.0, NAN])}
    # issue 0: (10 + 30) / 2; issue 1: b gave nothing, so 20 alone (not replaced by anything)
    assert np.array_equal(mean_of(f, ["a", "b"]), [20.0, 20.0, NAN], equal_nan=True)
    assert np.array_equal(mean_of(f, ["a", "b", "c"]), [40.0, 35.0, NAN], equal_nan=True)
    # a member the forecasts lack altogether (a model that does not apply) is left out too
    assert np.array_equal(mean_of(f, ["a", "absent"]), [10.0, 20.0, NAN], equal_nan=True)
    # median of 10, 30, 80 is 30; of 20 and 50 (b missing) their mean, 35
    assert np.array_equal(median_of(f, ["a", "b", "c"]), [30.0, 35.0, NAN], equal_nan=True)


def test_mean_keeps_leading_sample_axes() -> None:
    f = {"a": np.array([[0.0, 100.0], [10.0, 90.0]]), "b": np.array([20.0, 40.0])}
    assert np.array_equal(mean_of(f, ["a", "b"]), [[10.0, 70.0], [15.0, 65.0]])


def test_within_best_trims_by_the_share_above_the_smallest() -> None:
    mae = {"compromise": 25.34, "median": 33.4, "exchange": 24.07, "eum-mean": 26.5}
    # 24.07 × 1.1 = 26.477: eum-mean (26.5) is just outside, compromise inside
    assert within_best(mae) == ["compromise", "exchange"]
    assert within_best(mae, 0.0) == ["exchange"]
    assert within_best(mae, 0.5) == list(mae)
    with pytest.raises(ValueError):
        within_best({})


def _arrays() -> CaseArrays:
    # three actors, one issue: capability .4/.35/.25 at 0, 50, 100, equal salience, no rule
    return CaseArrays(
        actors=["a", "b", "c"], issues=["i"], c=np.array([0.4, 0.35, 0.25]),
        X=np.array([[0.0], [50.0], [100.0]]), S=np.ones((3, 1)), sq=np.array([0.0]),
        veto=np.zeros(3, bool), has=np.ones((3, 1), bool), rule=None,
        sq_known=np.array([True]))


def _mean_file(tmp_path: Path, members: list[str]) -> Path:
    ens = default_ensemble().model_copy(update={"combination": "mean", "members": members,
                                                "weights": {}, "penalty": None})
    return ens.save(tmp_path / "mean.json")


def test_a_mean_ensemble_file_forecasts_the_hand_worked_mean(tmp_path: Path) -> None:
    # compromise: .4·0 + .35·50 + .25·100 = 42.5; weighted median: the cumulative weight
    # passes one half at b (.4, then .75), so 50; their mean 46.25
    model = ensemble_model(load_ensemble(_mean_file(tmp_path, ["compromise", "median"])))
    assert model.needs == ("compromise", "median")
    assert model.run(_arrays())[0] == pytest.approx(46.25)
    # a procedural member on a case without a decision rule gives no forecast: left out,
    # so the mean of compromise alone
    lone = ensemble_model(load_ensemble(_mean_file(tmp_path, ["compromise", "procedural"])))
    assert lone.run(_arrays())[0] == pytest.approx(42.5)
    assert load_ensemble(tmp_path / "mean.json").how() == Mean(("compromise", "procedural"))


@pytest.mark.parametrize("members", [[], ["compromise", "ensemble"], ["exchange", "exchange"]])
def test_a_mean_needs_distinct_known_members(tmp_path: Path, members: list[str]) -> None:
    with pytest.raises(EnsembleError, match="members"):
        load_ensemble(_mean_file(tmp_path, members))


def test_learned_weights_need_a_penalty(tmp_path: Path) -> None:
    data = json.loads(_mean_file(tmp_path, ["compromise"]).read_text())
    data.update(combination="lad", weights={})
    bad = tmp_path / "lad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(EnsembleError, match="penalty"):
        load_ensemble(bad)
