"""``accord rounds`` and the EUM in ``accord forecast``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.case import load_case
from accord.cli import app
from accord.cli.rounds import shown_rounds
from accord.forecast import forecast_case

FLAGSHIP = Path(__file__).resolve().parents[2] / "examples" / "geneva-2022" / "case.yaml"

# the three actors of the hand-worked EUM example in test_eum.py, on one issue
THREE = {
    "title": "Three actors",
    "actors": [
        {"id": "A", "name": "Alpha", "capability": 0.5},
        {"id": "B", "name": "Beta", "capability": 0.3},
        {"id": "C", "name": "Gamma", "capability": 0.2},
        {"id": "D", "name": "Delta", "capability": 0.4},
    ],
    "issues": [{"id": "date", "title": "Date", "scale": {0: "now", 100: "never"},
                "status_quo": 50}],
    "positions": [
        {"actor": "A", "issue": "date", "position": 0, "salience": 1.0},
        {"actor": "B", "issue": "date", "position": 4, "salience": 1.0},
        {"actor": "C", "issue": "date", "position": 10, "salience": 0.5},
    ],
}  # fmt: skip


@pytest.fixture
def three(tmp_path: Path) -> Path:
    path = tmp_path / "three.yaml"
    path.write_text(yaml.safe_dump(THREE, allow_unicode=True), encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(app, ["rounds", *args])


def test_rounds_json_follows_the_hand_worked_first_round(three: Path):
    result = invoke(str(three), "--issue", "date", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    # D states no position on the issue and takes no part
    assert data["model"] == "eum" and data["actors"] == ["A", "B", "C"]
    assert data["positions"][0] == [0, 4, 10]
    assert len(data["positions"]) == data["rounds"] + 1 == len(data["median"])
    first = data["interactions"][0]
    # C compromises with A: 10 - 10 · 0.56551 / 2.52540 = 7.7607 (see test_eum.py)
    assert (first["round"], first["actor"], first["partner"], first["kind"]) == (
        1, "C", "A", "compromise"
    )
    assert first["after"] == pytest.approx(7.7607, abs=1e-4)
    assert data["positions"][1] == pytest.approx([0, 4, 7.7607], abs=1e-4)


def test_rounds_table_on_the_flagship():
    result = invoke(str(FLAGSHIP), "--model", "eum", "--issue", "missiles")
    assert result.exit_code == 0, result.output
    assert "positions by round" in result.stdout and "median" in result.stdout
    assert "RUS" in result.stdout


def test_rounds_bad_input_exits_2(three: Path):
    unknown_issue = invoke(str(three), "--issue", "tariffs")
    assert unknown_issue.exit_code == 2 and "unknown issue 'tariffs'" in unknown_issue.output
    unknown_model = invoke(str(three), "--model", "nash", "--issue", "date")
    assert unknown_model.exit_code == 2 and "has no rounds" in unknown_model.output
    missing = invoke(str(three.with_name("nope.yaml")), "--issue", "date")
    assert missing.exit_code == 2


def test_shown_rounds():
    assert shown_rounds(3) == [0, 1, 2, 3]
    cols = shown_rounds(55, limit=12)
    assert cols[0] == 0 and cols[-1] == 55 and len(cols) == 12


def test_forecast_includes_the_eum():
    f = forecast_case(load_case(FLAGSHIP), ["median", "eum", "eum-mean"])
    for issue in f.issues:
        for name in ("eum", "eum-mean"):
            assert 0 <= issue.outcomes[name] <= 100, (issue.id, name)
    result = CliRunner().invoke(app, ["forecast", str(FLAGSHIP), "-m", "eum", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert all("eum" in i["outcomes"] for i in json.loads(result.stdout)["issues"])


def test_rounds_options(three: Path):
    capped = invoke(str(FLAGSHIP), "-i", "military-activity", "-o", "max_rounds=2", "-f", "json")
    assert capped.exit_code == 0, capped.output
    data = json.loads(capped.stdout)
    assert data["rounds"] == 2 and data["converged"] is False
    for bad, words in [
        ("q=abc", "'abc' is not a float"),
        ("zz=1", "unknown eum option 'zz'"),
        ("q", "NAME=VALUE"),
        ("acceptance=nearest", "unknown acceptance rule"),
    ]:
        result = invoke(str(three), "--issue", "date", "--option", bad)
        assert result.exit_code == 2 and words in result.output, (bad, result.output)


def test_exchange_trajectory_by_hand():
    """The 2 × 2 equal-gain example of tests/test_exchange_decide.py, seen from issue p:
    A (keen on p) and B (keen on q) trade; B moves on p from 0 to 100 on A's offer. The path on
    p is (A 100, B 0), then (100, 100) after the exchange; the mean on p starts at the
    capability × salience weighted mean (0.5·0.8·100 + 0.5·0.2·0) / (0.4 + 0.1) = 80 and ends
    at 100."""
    import numpy as np

    from accord.models.arrays import CaseArrays
    from accord.models.trajectory import trajectory

    a = CaseArrays(
        actors=["A", "B"], issues=["p", "q"], c=np.array([0.5, 0.5]),
        X=np.array([[100.0, 100.0], [0.0, 0.0]]), S=np.array([[0.8, 0.2], [0.2, 0.8]]),
        sq=np.array([50.0, 50.0]), veto=np.zeros(2, bool), has=np.ones((2, 2), bool),
    )
    tr = trajectory(a, "exchange", "p", {"rounds": "1"})
    assert tr.rounds == 1 and tr.actors == ["A", "B"]
    assert tr.positions.tolist() == [[100.0, 0.0], [100.0, 100.0]]
    assert tr.mean.tolist() == pytest.approx([80.0, 100.0])
    assert [(i.actor, i.partner, i.kind, i.before, i.after) for i in tr.interactions] == [
        ("B", "A", "exchange", 0.0, 100.0)
    ]
    with pytest.raises(ValueError, match="unknown exchange option"):
        trajectory(a, "exchange", "p", {"q": "1"})


def test_rounds_exchange_on_the_flagship():
    result = invoke(str(FLAGSHIP), "--model", "exchange", "--issue", "missiles")
    assert result.exit_code == 0, result.output
    assert "exchange" in result.stdout and "RUS" in result.stdout
