"""``--ensemble FILE``: read once where a command starts, bad files refused before anything is
written, and the forecasts it gives the same as before it was read once (recorded)."""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.ensemble.features import FEATURES
from accord.ensemble.schema import DEFAULT_PATH

runner = CliRunner()
RECORDED = Path(__file__).parents[1] / "fixtures" / "forecast-before-ensload.json"
DEU = ("d00060", "d04156", "a04163")  # DEU III development cases whose forecasts are recorded


def lad_file(path: Path) -> Path:
    """The shipped file made a learned one: 0.4 on median − compromise, 0.3 on exchange −
    compromise (so the file's own weights, not the shipped mean, must reach the forecast)."""
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    weights = {f: 0.0 for f in FEATURES} | {"median − compromise": 0.4,
                                            "exchange − compromise": 0.3}
    path.write_text(json.dumps({**data, "combination": "lad", "penalty": 10.0,
                                "penalty_rule": "one-se", "weights": weights}), encoding="utf-8")
    return path


def forecasts(flagship: Path, deu: Path, lad: Path) -> dict[str, str]:
    """What ``accord forecast … --format json`` prints, by what was asked."""
    cases = [str(deu / f"{c}.yaml") for c in DEU]
    asked = {
        "flagship --model ensemble": [str(flagship), "--model", "ensemble"],
        "flagship --model compromise,median,ensemble --ensemble LAD": [
            str(flagship), "--model", "compromise,median,ensemble", "--ensemble", str(lad)],
        "DEU --model ensemble": [*cases, "--model", "ensemble"],
        "DEU --model ensemble,compromise --ensemble LAD": [
            *cases, "--model", "ensemble,compromise", "--ensemble", str(lad)],
    }
    out = {}
    for name, args in asked.items():
        result = runner.invoke(app, ["forecast", *args, "--format", "json"])
        assert result.exit_code == 0, (name, result.output)
        out[name] = result.stdout
    return out


def test_forecasts_are_byte_identical_to_those_before_the_file_was_read_once(
    flagship_path: Path, deu_dir: Path, tmp_path: Path
) -> None:
    """Recorded at 9caaead (the file read up to three times per case) with this module's
    :func:`forecasts` run on that commit's ``src``; the DEU outputs as SHA-256 digests only
    (the data never enters the repository). A change that moves a forecast on purpose
    records them again."""
    want = json.loads(RECORDED.read_text(encoding="utf-8"))
    got = forecasts(flagship_path, deu_dir, lad_file(tmp_path / "lad.json"))
    assert {k: hashlib.sha256(v.encode()).hexdigest() for k, v in got.items()} == want


def count_opens(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """A list that gets one entry each time ``path`` is opened, however it is read."""
    target = os.path.realpath(path)
    opened: list[str] = []
    real = builtins.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == target:
            opened.append(str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)  # what pathlib opens files with
    return opened


def test_the_spy_sees_a_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    opened = count_opens(monkeypatch, lad_file(tmp_path / "lad.json"))
    (tmp_path / "lad.json").read_text(encoding="utf-8")
    with open(tmp_path / "lad.json", encoding="utf-8"):
        pass
    assert len(opened) == 2


def _runs(case: Path, other: Path, out: Path) -> dict[str, list[str]]:
    return {
        "forecast, two cases, json": ["forecast", str(case), str(other), "-f", "json",
                                      "--model", "compromise,ensemble"],
        "forecast, table": ["forecast", str(case), "--model", "ensemble"],
        "forecast, the choice table only": ["forecast", str(case), "-f", "markdown"],
        "sweep, five chunks": ["sweep", str(case), "-n", "100", "--chunk", "20", "-f", "json",
                               "--model", "ensemble"],
        "report, sampled": ["report", str(case), "-o", str(out), "-n", "40",
                            "--model", "compromise,ensemble"],
    }


@pytest.mark.parametrize("run", list(_runs(Path(), Path(), Path())))
def test_the_file_is_read_once_per_run(run: str, monkeypatch: pytest.MonkeyPatch,
                                       flagship_path: Path, tmp_path: Path,
                                       root: Path) -> None:
    lad = lad_file(tmp_path / "lad.json")
    other = root / "examples" / "copenhagen-2009" / "case.yaml"
    args = _runs(flagship_path, other, tmp_path / "brief.md")[run]
    opened = count_opens(monkeypatch, lad)
    result = runner.invoke(app, [*args, "--ensemble", str(lad)])
    assert result.exit_code == 0, result.output
    assert len(opened) == 1, opened


def _bad_files() -> dict[str, tuple[Callable[[dict[str, Any]], str | None], str]]:
    """Bad ensemble files: what makes them (None: no file) and the field the error names."""

    def with_(**change: Any) -> Callable[[dict[str, Any]], str]:
        return lambda d: json.dumps({**d, **change})

    def nan_in_interval(d: dict[str, Any]) -> str:
        cv = d["cross_validation"]
        iv = {**cv["best_vs_compromise"], "low": float("nan")}
        return json.dumps({**d, "cross_validation": {**cv, "best_vs_compromise": iv}})

    return {
        "missing": (lambda d: None, "cannot read the file"),
        "not JSON": (lambda d: '{"label": ', "not JSON"),
        "a wrong field": (with_(cases="many"), "cases"),
        "an unknown member": (with_(members=["compromise", "oracle"]), "members"),
        "NaN weight": (lambda d: json.dumps({**d, "combination": "lad", "penalty": 1.0,
                                             "weights": {f: float("nan") for f in FEATURES}}),
                       "weights"),
        "infinite penalty": (with_(penalty=float("inf")), "penalty"),
        "NaN in an interval": (nan_in_interval, "cross_validation.best_vs_compromise.low"),
    }


@pytest.mark.parametrize("command", ["forecast", "sweep", "report"])
@pytest.mark.parametrize("bad", list(_bad_files()))
def test_a_bad_file_exits_2_naming_it_before_anything_is_written(
    bad: str, command: str, flagship_path: Path, tmp_path: Path
) -> None:
    make, field = _bad_files()[bad]
    path = tmp_path / "ens.json"
    text = make(json.loads(DEFAULT_PATH.read_text(encoding="utf-8")))
    if text is not None:
        path.write_text(text, encoding="utf-8")
    brief = tmp_path / "brief.html"
    args = {"forecast": ["-f", "json"], "sweep": ["-n", "20", "-f", "json"],
            "report": ["-o", str(brief), "-n", "20"]}[command]
    result = runner.invoke(app, [command, str(flagship_path), "--model", "ensemble", *args,
                                 "--ensemble", str(path)])
    assert result.exit_code == 2, result.output
    assert "ens.json" in result.output and field in result.output, result.output
    assert "Traceback" not in result.output
    assert '"issues"' not in result.stdout  # no forecast or sweep printed
    assert list(tmp_path.iterdir()) == ([path] if text is not None else [])
