"""``accord sweep``: table and JSON output, bad input exits with code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def flagship(root: Path) -> str:
    return str(root / "examples/geneva-2022/case.yaml")


def test_json(flagship: str) -> None:
    result = runner.invoke(app, ["sweep", flagship, "--samples", "2000", "--format", "json",
                                 "--seed", "4", "--model", "compromise,nash"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["samples"] == 2000 and data["seed"] == 4 and data["models"] == [
        "compromise", "nash"]
    missiles = next(i for i in data["issues"] if i["id"] == "missiles")
    lo, hi = missiles["models"]["nash"]["intervals"]["80"]
    assert lo <= missiles["models"]["nash"]["median"] <= hi
    assert set(missiles["models"]["nash"]["veto_gains"]) == {"RUS", "USA", "NATO"}
    assert 0 <= missiles["agreement_probability"] <= 1


def test_table_prints_intervals_agreement_and_drivers(flagship: str) -> None:
    result = runner.invoke(app, ["sweep", flagship, "--samples", "3000", "--jitter", "5"],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    for issue in ("nato-enlargement", "bucharest-pledge", "force-posture", "missiles",
                  "military-activity"):
        assert f"{issue}: status quo" in text
    assert text.count("what drives this forecast") == 5
    assert "a zone of agreement exists in 100% of samples" in text
    assert "80%" in text and "┃" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--samples", "0"], "must be positive"),
        (["--jitter", "-1"], "--jitter"),
        (["--scheduler", "threads"], "unknown --scheduler"),
        (["--model", "oracle"], "unknown model"),
    ],
)
def test_bad_options_exit_2(flagship: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["sweep", flagship, *args])
    assert result.exit_code == 2
    assert message in result.output


def test_bad_case_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nactors: []\nissues: []\npositions: []\n", encoding="utf-8")
    result = runner.invoke(app, ["sweep", str(bad), "--samples", "10"])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output


def test_unreachable_cluster_exits_2(flagship: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("accord.uncertainty.backends.CONNECT_TIMEOUT", "1s")
    result = runner.invoke(app, ["sweep", flagship, "--samples", "10", "--scheduler",
                                 "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot run on the Dask scheduler" in result.output
