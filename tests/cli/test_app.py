"""The CLI's one error mapping: bad input exits 2 with a plain-text message; a bug exits 1
with a request to report it and its traceback."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import MissingExtra
from accord.models import registry

runner = CliRunner()


def boom(_arrays):
    raise KeyError("a bug, not bad input")


def test_a_bug_is_not_reported_as_bad_input(flagship_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.MODELS, "median",
                        dataclasses.replace(registry.MODELS["median"], run=boom))
    result = runner.invoke(app, ["forecast", str(flagship_path), "--model", "median"])
    assert result.exit_code == 1
    # not the bad-input message: a bug, with the request to report it and its traceback
    assert "this is a bug in accord, not in your input" in result.output
    assert "Please report it" in result.output
    assert "Traceback (most recent call last)" in result.output
    assert "KeyError: 'a bug, not bad input'" in result.output


def test_a_path_with_brackets_is_printed_intact(tmp_path: Path) -> None:
    case = tmp_path / "case[v2].yaml"
    case.write_text(yaml.safe_dump({"title": "t", "actors": [], "issues": [], "positions": []}),
                    encoding="utf-8")
    result = runner.invoke(app, ["validate", str(case)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"error: {case}: 2 problem(s)",
        "  actors: a case needs at least one actor",
        "  issues: a case needs at least one issue",
    ]


def test_user_data_in_problems_is_not_read_as_markup(tmp_path: Path) -> None:
    case = tmp_path / "[bold]case.yaml"
    data = {
        "title": "t",
        "actors": [{"id": "A", "name": "A", "capability": 1}],
        "issues": [{"id": "i", "title": "I", "scale": {0: "no", 100: "yes"}, "status_quo": 50}],
        "positions": [{"actor": "[red]B[/red]", "issue": "i", "position": 50, "salience": 1}],
    }
    case.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(case)])
    assert result.exit_code == 2
    assert f"error: {case}: 1 problem(s)" in result.output
    assert "positions[0].actor: unknown actor id '[red]B[/red]'" in result.output


def test_fail_prints_plain_text(flagship_path: Path) -> None:
    result = runner.invoke(app, ["sweep", str(flagship_path), "--scheduler", "[red]x"])
    assert result.exit_code == 2
    assert result.output == (
        "error: unknown --scheduler '[red]x': use 'processes' or tcp://HOST:PORT\n"
    )


def test_a_missing_extra_exits_2_with_the_install_command(
    flagship_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def needs_an_extra(*_args, **_kwargs):
        raise MissingExtra("Dask", "pip install 'accord[dask]'")

    monkeypatch.setattr("accord.forecast.forecast_case", needs_an_extra)  # imported lazily
    result = runner.invoke(app, ["forecast", str(flagship_path)])
    assert result.exit_code == 2
    assert result.output == "error: Dask is not installed; run: pip install 'accord[dask]'\n"


def test_a_long_list_of_problems_is_cut_short(tmp_path: Path) -> None:
    case = tmp_path / "many.yaml"
    actors = [{"id": f"A{i}", "name": f"A{i}", "capability": 0} for i in range(45)]
    case.write_text(yaml.safe_dump({"title": "t", "actors": actors, "issues": [],
                                    "positions": []}), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(case)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"error: {case}: 46 problem(s)"
    assert lines[1] == "  actors[0].capability: must be positive, got 0"
    assert len(lines) == 1 + 40 + 1 and lines[-1] == "  … and 6 more"


def test_a_reader_that_goes_away_is_not_a_bug(flagship_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """`accord … | head`: once the reader has its lines, writing fails with BrokenPipeError;
    that is not a bug: click ends quietly (exit code 1), with no report or traceback."""
    def gone(_arrays):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setitem(registry.MODELS, "median",
                        dataclasses.replace(registry.MODELS["median"], run=gone))
    result = runner.invoke(app, ["forecast", str(flagship_path), "--model", "median"])
    assert result.exit_code == 1
    assert "bug" not in result.output and "Traceback" not in result.output
