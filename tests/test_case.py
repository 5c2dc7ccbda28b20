"""Loading, validating and saving cases; every kind of bad input names file and field."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from accord.case import load_case, parse_case, save_case
from accord.cli import app
from accord.errors import CaseError

GOOD: dict[str, Any] = {
    "title": "Two states, two issues",
    "date": "2022-01-10",
    "actors": [
        {"id": "A", "name": "Alpha", "capability": 0.6, "veto": True,
         "people": [{"name": "Ann Smith", "role": "Foreign Minister"}]},
        {"id": "B", "name": "Beta", "capability": {"value": 0.4, "sd": 0.1}, "veto": True},
        {"id": "C", "name": "Gamma", "capability": {"low": 0.1, "high": 0.3}},
    ],
    "issues": [
        {"id": "tariffs", "title": "Tariffs", "scale": {0: "none", 100: "prohibitive"},
         "status_quo": 50},
        {"id": "quotas", "title": "Quotas", "scale": {0: "none", 50: "half", 100: "ban"},
         "status_quo": {"value": 20, "low": 10, "high": 40}},
    ],
    "positions": [
        {"actor": "A", "issue": "tariffs", "position": 80, "salience": 0.9,
         "evidence": [{"source": "s1", "kind": "direct", "speaker": "Ann Smith",
                       "quote": "We want tariffs."}]},
        {"actor": "B", "issue": "tariffs", "position": 70, "salience": {"value": 0.5, "sd": 0.1},
         "evidence": [{"source": "s1", "kind": "inferred", "rationale": "Beta's exporters"}]},
        {"actor": "A", "issue": "quotas", "position": 30, "salience": 0.4},
        {"actor": "B", "issue": "quotas", "position": {"low": 0, "high": 20}, "salience": 0.7},
    ],
    "sources": [{"id": "s1", "title": "A news article", "published": "2022-01-10"}],
}


def bad(mutate) -> list[tuple[str, str]]:
    data = copy.deepcopy(GOOD)
    mutate(data)
    with pytest.raises(CaseError) as info:
        parse_case(data, "case.yaml")
    assert info.value.file == "case.yaml"
    return info.value.problems


def test_good_case_loads() -> None:
    case = parse_case(copy.deepcopy(GOOD))
    assert case.actor("B").capability.central == 0.4
    assert case.actor("C").capability.central == pytest.approx(0.2)
    assert case.issue("quotas").status_quo.central == 20
    assert case.position("B", "quotas").position.central == 10


@pytest.mark.parametrize(
    ("mutate", "path", "words"),
    [
        (lambda d: d["positions"].append({**d["positions"][0], "actor": "Z", "issue": "quotas"}),
         "positions[4].actor", "unknown actor id 'Z'"),
        (lambda d: d["positions"][2].update(issue="fishing"),
         "positions[2].issue", "unknown issue id 'fishing'"),
        (lambda d: d["actors"][2].update(id="A"), "actors[2].id", "duplicate id 'A'"),
        (lambda d: d["issues"][1].update(id="tariffs"), "issues[1].id", "duplicate id"),
        (lambda d: d["positions"][3].update(salience=1.5),
         "positions[3].salience", "salience must lie in 0..1"),
        (lambda d: d["positions"][0].update(position={"value": 90, "low": 80, "high": 120}),
         "positions[0].position", "position must lie in 0..100"),
        (lambda d: d["issues"][0].update(status_quo=-5), "issues[0].status_quo", "0..100"),
        (lambda d: d["actors"][1].update(capability=0), "actors[1].capability", "positive"),
        (lambda d: d["positions"].pop(3), "actors[1]",
         "veto player 'B' has no position on issue 'quotas'"),
        (lambda d: d["positions"][0]["evidence"][0].update(source="s9"),
         "positions[0].evidence[0].source", "unknown source 's9'"),
        (lambda d: d["positions"][1]["evidence"][0].pop("rationale"),
         "positions[1].evidence[0].rationale", "needs a rationale"),
        (lambda d: d["positions"].append(copy.deepcopy(d["positions"][2])),
         "positions[4]", "second position of 'A' on 'quotas'"),
        (lambda d: d["positions"][2].update(salience="high"),
         "positions[2].salience", "number"),
        (lambda d: d["positions"][2].update(salience={"value": 0.5, "sd": -1}),
         "positions[2].salience", "'sd' must be >= 0"),
        (lambda d: d["issues"][0].update(scale={0: "none", 50: "half"}),
         "issues[0].scale", "label both ends"),
        (lambda d: d["actors"][0].update(power=3), "actors[0].power", "Extra inputs"),
        (lambda d: d.pop("issues"), "issues", "Field required"),
    ],
)
def test_each_kind_of_bad_input_names_the_field(mutate, path: str, words: str) -> None:
    problems = bad(mutate)
    assert any(p == path and words in msg for p, msg in problems), problems


def test_several_problems_are_reported_together() -> None:
    def mutate(d: dict[str, Any]) -> None:
        d["positions"][0]["salience"] = 3
        d["positions"][1]["actor"] = "Q"

    paths = {p for p, _ in bad(mutate)}
    assert {"positions[0].salience", "positions[1].actor"} <= paths


def test_yaml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text("title: x\nactors: [\n  - id: A\n")
    with pytest.raises(CaseError) as info:
        load_case(f)
    assert str(f) in str(info.value) and "invalid YAML at line" in str(info.value)


def test_json_syntax_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.json"
    f.write_text('{"title": "x",')
    with pytest.raises(CaseError, match="invalid JSON at line 1"):
        load_case(f)


def test_missing_file() -> None:
    with pytest.raises(CaseError, match="cannot read the file"):
        load_case("/nonexistent/case.yaml")


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_and_load_round_trip(tmp_path: Path, suffix: str) -> None:
    case = parse_case(copy.deepcopy(GOOD))
    path = save_case(case, tmp_path / f"case{suffix}")
    again = load_case(path)
    assert again == case
    text = path.read_text()
    # plain numbers stay plain, uncertain ones keep their form
    data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
    assert data["actors"][0]["capability"] == 0.6
    assert data["actors"][1]["capability"] == {"value": 0.4, "sd": 0.1}
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left behind


def test_cli_validate_bad_case_exits_2_naming_file_and_field(tmp_path: Path) -> None:
    data = copy.deepcopy(GOOD)
    data["positions"][3]["salience"] = 7
    f = tmp_path / "bad.yaml"
    f.write_text(yaml.safe_dump(data))
    result = CliRunner().invoke(app, ["validate", str(f)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {f}: 1 problem(s)",
        "  positions[3].salience: salience must lie in 0..1, got 7",
    ]


def test_cli_forecast_json_schema(tmp_path: Path) -> None:
    f = tmp_path / "good.yaml"
    f.write_text(yaml.safe_dump(copy.deepcopy(GOOD)))
    result = CliRunner().invoke(app, ["forecast", str(f), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    tariffs = out["issues"][0]
    assert tariffs["id"] == "tariffs" and tariffs["title"] == "Tariffs"
    # A: 80, weight 0.6 · 0.9 = 0.54; B: 70, weight 0.4 · 0.5 = 0.2 (C states no position)
    assert tariffs["outcomes"]["compromise"] == pytest.approx((0.54 * 80 + 0.2 * 70) / 0.74)
    assert tariffs["outcomes"]["median"] == 80  # A holds more than half the weight
    assert 70 <= tariffs["outcomes"]["nash"] <= 80  # between the two veto players
    # both veto players want more tariffs than 50: A prefers (50, 100), B prefers (50, 90)
    assert tariffs["agreement"] == {
        "possible": True, "zone": [50.0, 90.0],
        "inside": {"compromise": True, "median": True, "nash": True},
    }
    # quotas: A wants 30 (up from 20), B wants 10 (down) → no zone
    assert out["issues"][1]["agreement"]["possible"] is False
    assert out["issues"][1]["agreement"]["zone"] is None


def test_cli_unknown_model_exits_2(tmp_path: Path) -> None:
    f = tmp_path / "good.yaml"
    f.write_text(yaml.safe_dump(copy.deepcopy(GOOD)))
    result = CliRunner().invoke(app, ["forecast", str(f), "--model", "magic"])
    assert result.exit_code == 2
    assert "error: --model: unknown model(s) magic; choose from compromise" in result.output
