"""``accord rounds`` and the EUM in ``accord forecast``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.cli import app
from accord.cli.rounds import shown_rounds
from accord.errors import OptionError
from accord.forecast import forecast_case
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.trajectory import ExchangeOptions, trajectory

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


def test_rounds_table_on_the_flagship(flagship_path: Path):
    result = invoke(str(flagship_path), "--model", "eum", "--issue", "missiles")
    assert result.exit_code == 0, result.output
    tr = json.loads(invoke(str(flagship_path), "-i", "missiles", "-f", "json").stdout)
    assert tr["rounds"] == 1 and tr["converged"]
    title = "eum on missiles: positions by round (1 round, converged)"
    assert title in " ".join(result.stdout.split())  # the title wraps to the table's width
    lines = result.stdout.splitlines()
    cells = [[c.strip() for c in line.strip("│ ").split("│")] for line in lines]
    rows = {row[0]: row[1:] for row in cells if row[0] in {*tr["actors"], "median"}}
    assert set(rows) == {*tr["actors"], "median"}
    # the first column is round 0 (the stated positions), the last the final round
    for a, actor in enumerate(tr["actors"]):
        assert float(rows[actor][0]) == pytest.approx(tr["positions"][0][a], abs=0.05)
        assert float(rows[actor][-1]) == pytest.approx(tr["positions"][-1][a], abs=0.05)
    assert float(rows["median"][-1]) == pytest.approx(tr["median"][-1], abs=0.05)


def test_rounds_bad_input_exits_2(three: Path):
    unknown_issue = invoke(str(three), "--issue", "tariffs")
    assert unknown_issue.exit_code == 2
    assert "error: --issue: unknown issue 'tariffs'; the case has date" in unknown_issue.output
    unknown_model = invoke(str(three), "--model", "nash", "--issue", "date")
    assert unknown_model.exit_code == 2
    assert "error: --model: model 'nash' has no rounds" in unknown_model.output
    missing = invoke(str(three.with_name("nope.yaml")), "--issue", "date")
    assert missing.exit_code == 2 and "nope.yaml: cannot read the file" in missing.output


def test_shown_rounds():
    assert shown_rounds(3) == [0, 1, 2, 3]
    cols = shown_rounds(55, limit=12)
    assert cols[0] == 0 and cols[-1] == 55 and len(cols) == 12


def test_forecast_of_the_dynamic_models_is_where_their_rounds_end(flagship, flagship_path):
    """The EUM's forecast (run on every issue at once) is the weighted median of its final
    round on each issue, eum-mean the mean; the exchange model's is its final mean position."""
    f = forecast_case(flagship, ["median", "eum", "eum-mean", "exchange"])
    arrays = case_arrays(flagship)
    for issue in f.issues:
        eum = trajectory(arrays, "eum", issue.id)
        exchange = trajectory(arrays, "exchange", issue.id)
        assert issue.outcomes["eum"] == pytest.approx(eum.median[-1], abs=1e-6), issue.id
        assert issue.outcomes["eum-mean"] == pytest.approx(eum.mean[-1], abs=1e-6), issue.id
        assert issue.outcomes["exchange"] == pytest.approx(exchange.mean[-1], abs=1e-6), issue.id
    result = CliRunner().invoke(app, ["forecast", str(flagship_path), "-m", "eum", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert {i["id"]: i["outcomes"] for i in json.loads(result.stdout)["issues"]} == {
        i.id: {"eum": i.outcomes["eum"]} for i in f.issues
    }


def test_rounds_options(three: Path, flagship_path: Path):
    capped = invoke(str(flagship_path), "-i", "military-activity", "-o", "max_rounds=2",
                    "-f", "json")
    assert capped.exit_code == 0, capped.output
    data = json.loads(capped.stdout)
    assert data["rounds"] == 2 and data["converged"] is False
    for model, bad, words in [
        ("eum", "q=abc", "'abc' is not a float"),
        ("eum", "zz=1", "unknown eum option 'zz'"),
        ("eum", "q", "NAME=VALUE"),
        ("eum", "acceptance=nearest", "unknown acceptance rule"),
        ("eum", "q=2", "q must be in [0, 1]"),
        ("eum", "scale=5", "scale 5.0 is narrower than the spread of positions"),
        ("exchange", "q=1", "unknown exchange option 'q'; choose from rounds"),
        ("exchange", "rounds=many", "'many' is not a int"),
        ("exchange", "rounds=0", "rounds must be at least 1"),
    ]:
        result = invoke(str(three), "--model", model, "--issue", "date", "--option", bad)
        assert result.exit_code == 2, (bad, result.output)
        assert words in result.output and isinstance(result.exception, SystemExit), bad


def test_exchange_trajectory_by_hand():
    """The 2 × 2 equal-gain example of tests/test_exchange_decide.py, seen from issue p:
    A (keen on p) and B (keen on q) trade; B moves on p from 0 to 100 on A's offer. The path on
    p is (A 100, B 0), then (100, 100) after the exchange; the mean on p starts at the
    capability × salience weighted mean (0.5·0.8·100 + 0.5·0.2·0) / (0.4 + 0.1) = 80 and ends
    at 100."""
    import numpy as np

    a = CaseArrays(
        actors=["A", "B"], issues=["p", "q"], c=np.array([0.5, 0.5]),
        X=np.array([[100.0, 100.0], [0.0, 0.0]]), S=np.array([[0.8, 0.2], [0.2, 0.8]]),
        sq=np.array([50.0, 50.0]), veto=np.zeros(2, bool), has=np.ones((2, 2), bool),
    )
    tr = trajectory(a, "exchange", "p", ExchangeOptions(rounds=1))
    assert tr.rounds == 1 and tr.actors == ["A", "B"]
    assert tr.positions.tolist() == [[100.0, 0.0], [100.0, 100.0]]
    assert tr.mean.tolist() == pytest.approx([80.0, 100.0])
    assert [(i.actor, i.partner, i.kind, i.before, i.after) for i in tr.interactions] == [
        ("B", "A", "exchange", 0.0, 100.0)
    ]
    assert trajectory(a, "exchange", "p").rounds > 1  # the default: exchange.ROUNDS rounds
    with pytest.raises(OptionError, match="unknown issue 'r'"):
        trajectory(a, "exchange", "r")
    with pytest.raises(OptionError, match="'median' has no rounds"):
        trajectory(a, "median", "p")
    with pytest.raises(TypeError, match="exchange takes ExchangeOptions"):
        trajectory(a, "exchange", "p", {"rounds": "1"})


def test_rounds_exchange_on_the_flagship(flagship_path: Path):
    result = invoke(str(flagship_path), "--model", "exchange", "--issue", "missiles")
    assert result.exit_code == 0, result.output
    assert "exchange on missiles: positions by round" in " ".join(result.stdout.split())
    assert "offers accepted" in result.stdout  # actors trade moves on the missiles
    assert "RUS" in result.stdout
