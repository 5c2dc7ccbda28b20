"""Outcomes in a case: schema, cross-checks, and that no forecast or sweep ever reads them."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from accord.case import Case, CaseError, load_case, parse_case, read_data
from accord.decision import Decision
from accord.forecast import forecast_case, run_models
from accord.models.arrays import case_arrays
from accord.models.registry import MODELS
from accord.quantity import Quantity
from accord.uncertainty.sweep import sweep_case

SMALL: dict[str, Any] = {
    "title": "t",
    "date": "2020-01-01",
    "actors": [{"id": "A", "name": "A", "capability": 1},
               {"id": "B", "name": "B", "capability": 2}],
    "issues": [{
        "id": "i", "title": "issue", "scale": {0: "no", 100: "yes"}, "status_quo": 0,
        "outcome": {"value": 60, "date": "2020-06-01", "source": "s", "rationale": "coded"},
    }],
    "positions": [{"actor": "A", "issue": "i", "position": 40, "salience": 1},
                  {"actor": "B", "issue": "i", "position": 80, "salience": 0.5}],
    "sources": [{"id": "s", "title": "the decision"}],
}


def with_outcome(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(SMALL)
    data["issues"][0]["outcome"].update(changes)
    return data


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(CaseError) as err:
        parse_case(data)
    return err.value.problems


def test_an_outcome_is_read_with_its_uncertainty() -> None:
    case = parse_case(with_outcome(value={"value": 55, "low": 40, "high": 70}))
    outcome = case.issue("i").outcome
    assert outcome is not None
    assert (outcome.value.central, outcome.value.low, outcome.value.high) == (55, 40, 70)
    assert outcome.date.isoformat() == "2020-06-01"


def test_schema_errors_name_the_outcome_field() -> None:
    data = copy.deepcopy(SMALL)
    del data["issues"][0]["outcome"]["source"]
    data["issues"][0]["outcome"]["date"] = "next spring"
    found = dict(problems(data))
    assert set(found) == {"issues[0].outcome.source", "issues[0].outcome.date"}
    empty = dict(problems(with_outcome(rationale="")))
    assert "at least 1 character" in empty["issues[0].outcome.rationale"]


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"date": "2020-01-01"}, "date", "must come after the case's date (2020-01-01)"),
        ({"date": "2019-12-31"}, "date", "must come after"),
        ({"source": "nowhere"}, "source", "unknown source 'nowhere'"),
        ({"value": 101}, "value", "outcome must lie in 0..100, got 101"),
        ({"value": {"low": -5, "high": 20}}, "value", "outcome must lie in 0..100"),
    ],
)
def test_cross_checks(change: dict[str, Any], field: str, words: str) -> None:
    found = problems(with_outcome(**change))
    assert len(found) == 1
    assert found[0][0] == f"issues[0].outcome.{field}"
    assert words in found[0][1]


def test_an_undated_case_accepts_any_outcome_date() -> None:
    data = with_outcome(date="1990-01-01")
    del data["date"]
    assert parse_case(data).issue("i").outcome is not None


def without_outcomes(case: Case) -> Case:
    issues = [i.model_copy(update={"outcome": None}) for i in case.issues]
    return case.model_copy(update={"issues": issues})


@pytest.fixture(scope="module")
def copenhagen(root: Path) -> Case:
    return load_case(root / "examples/copenhagen-2009/case.yaml")


def test_outcomes_never_reach_the_models(copenhagen: Case) -> None:
    # a decision block (any will do here) so that the procedural models run too
    rule = Decision(proposer=copenhagen.actors[0].id, rule="consensus")
    copenhagen = copenhagen.model_copy(update={"decision": rule})
    bare = without_outcomes(copenhagen)
    assert all(i.outcome is not None for i in copenhagen.issues)
    assert all(i.outcome is None for i in bare.issues)
    # change the outcomes wildly too: still nothing moves
    moved = copenhagen.model_copy(update={"issues": [
        i.model_copy(update={"outcome": i.outcome.model_copy(
            update={"value": Quantity(value=100 - i.outcome.value.central)})})
        for i in copenhagen.issues if i.outcome is not None
    ]})
    models = list(MODELS)
    raw = [run_models(case_arrays(c), [MODELS[m] for m in models])
           for c in (copenhagen, bare, moved)]
    for name in models:
        assert raw[0][name].tobytes() == raw[1][name].tobytes() == raw[2][name].tobytes(), name
    jsons = {forecast_case(c, models).to_json() for c in (copenhagen, bare, moved)}
    assert len(jsons) == 1


def test_outcomes_never_reach_a_sweep(copenhagen: Case) -> None:
    runs = [sweep_case(c, 2_000, ["compromise", "median", "nash"], seed=3, jitter=5)
            for c in (copenhagen, without_outcomes(copenhagen))]
    assert runs[0].to_json() == runs[1].to_json()
    low, high = runs[0].issue("Extra").models["compromise"].intervals["95"]
    assert high - low > 1  # the sweep did vary the inputs it compares


def test_copenhagen_example_codes_every_issue(root: Path, copenhagen: Case) -> None:
    """The example validates, dates itself before the conference and codes the Accord of
    18 December 2009 on every issue, with a cited source and a rationale."""
    assert copenhagen.date is not None and copenhagen.date.isoformat() < "2009-12-07"
    sources = {s.id for s in copenhagen.sources}
    for issue in copenhagen.issues:
        o = issue.outcome
        assert o is not None and o.date.isoformat() == "2009-12-18"
        assert o.source in sources and len(o.rationale) > 200
    # the ranges say where the mapping is unsure; Control sits on its labelled point 50
    control = copenhagen.issue("Control")
    assert control.scale[50.0] == "intergovernmental bodies"
    assert control.outcome is not None and control.outcome.value.central == 50
    # the file's positions and powers are untouched by the coding
    raw = read_data(root / "examples/copenhagen-2009/case.yaml")
    assert len(raw["positions"]) == 75
    assert np.isclose(copenhagen.actor("USA").capability.central, 0.26)
