"""``accord backtest``, ``accord calibrate`` and ``--calibration`` in forecast/sweep/report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.calibration import load_calibration
from accord.calibration.schema import DEFAULT_PATH
from accord.cli import app
from accord.formats.deu import read_deu
from accord.models.registry import MODELS

runner = CliRunner()
COPENHAGEN = "examples/copenhagen-2009/case.yaml"


def test_backtest_table_lists_every_model(root: Path) -> None:
    result = runner.invoke(app, ["backtest", str(root / COPENHAGEN), "-m", "compromise,nash"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(line.split()[:2] == ["compromise", "7"] for line in lines)
    assert any(line.split()[:2] == ["nash", "7"] for line in lines)
    assert "needs at least 2 cases" in result.stdout


def test_backtest_json_has_rows_with_case_ids(deu_dir: Path) -> None:
    files = sorted(deu_dir.glob("*.yaml"))[:6]
    result = runner.invoke(app, ["backtest", *map(str, files), "-m", "compromise,median",
                                 "-f", "json", "--folds", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [m["model"] for m in data["models"]] == ["compromise", "median"]
    assert {r["case"] for r in data["rows"]} <= {str(f) for f in files}
    row = data["rows"][0]
    assert row["error"] == pytest.approx(row["forecast"] - row["outcome"], abs=1e-3)
    assert set(row["calibrated"]) == {"50", "80", "95"}
    assert data["models"][1]["vs_reference"]["resamples"] == 2000


def test_backtest_html_is_self_contained_and_written_atomically(deu_dir: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    files = sorted(deu_dir.glob("*.yaml"))[:4]
    result = runner.invoke(app, ["backtest", *map(str, files), "-m", "compromise,median",
                                 "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 2 and "calibration" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_bad_input_exits_2(tmp_path: Path, root: Path) -> None:
    assert runner.invoke(app, ["backtest", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(app, ["backtest", str(tmp_path)]).exit_code == 2  # empty folder
    bad = tmp_path / "cal.json"
    bad.write_text('{"label": "x"}', encoding="utf-8")
    r = runner.invoke(app, ["forecast", str(root / COPENHAGEN), "--calibration", str(bad)])
    assert r.exit_code == 2 and str(bad) in r.output
    r = runner.invoke(app, ["backtest", str(root / COPENHAGEN), "-m", "magic"])
    assert r.exit_code == 2


def test_calibrate_then_forecast_with_it(deu_dir: Path, tmp_path: Path,
                                         flagship_path: Path) -> None:
    cal = tmp_path / "cal.json"
    files = sorted(deu_dir.glob("*.yaml"))[:10]
    r = runner.invoke(app, ["calibrate", *map(str, files), "-m", "compromise", "-o", str(cal),
                            "--label", "ten DEU proposals"])
    assert r.exit_code == 0, r.output
    c = load_calibration(cal)
    assert c.files == [str(f) for f in files] and list(c.models) == ["compromise"]
    r = runner.invoke(app, ["forecast", str(flagship_path), "-m", "compromise", "-f", "json",
                            "--calibration", str(cal)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert "ten DEU proposals" in data["intervals_note"]
    for issue in data["issues"]:
        iv = issue["intervals"]["compromise"]
        assert iv["50"][0] >= iv["80"][0] >= iv["95"][0] >= 0
        assert iv["50"][1] <= iv["80"][1] <= iv["95"][1] <= 100
    # a model the calibration does not have is bad input
    r = runner.invoke(app, ["forecast", str(flagship_path), "-m", "nash", "--calibration",
                            str(cal)])
    assert r.exit_code == 2 and "no model 'nash'" in r.output


def test_forecast_json_intervals_for_every_model_and_several_cases(
    flagship_path: Path, root: Path
) -> None:
    r = runner.invoke(app, ["forecast", str(flagship_path), "-f", "json"])
    data = json.loads(r.stdout)
    assert "calibrated on" in data["intervals_note"]
    assert all(set(i["intervals"]) == set(data["models"]) for i in data["issues"])
    none = json.loads(runner.invoke(app, ["forecast", str(flagship_path), "-f", "json",
                                          "--calibration", "none"]).stdout)
    assert "not calibrated" in none["intervals_note"]
    for a, b in zip(none["issues"], data["issues"], strict=True):
        for m in data["models"]:  # calibration only widens: input-only ⊆ calibrated
            assert b["intervals"][m]["80"][0] <= a["intervals"][m]["80"][0]
            assert b["intervals"][m]["80"][1] >= a["intervals"][m]["80"][1]
    both = runner.invoke(app, ["forecast", str(flagship_path), str(root / COPENHAGEN),
                               "-f", "json"])
    assert both.exit_code == 0, both.output
    listed = json.loads(both.stdout)
    assert isinstance(listed, list) and len(listed) == 2 and listed[0]["case"] == data["case"]


def test_sweep_and_brief_say_their_intervals_are_calibrated(flagship_path: Path,
                                                            tmp_path: Path) -> None:
    r = runner.invoke(app, ["sweep", str(flagship_path), "-n", "300", "-f", "json"])
    assert r.exit_code == 0, r.output
    assert "calibrated on 180 issues" in json.loads(r.stdout)["calibration"]
    out = tmp_path / "brief.md"
    r = runner.invoke(app, ["report", str(flagship_path), "-o", str(out), "-n", "300"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "calibrated on 180 issues with known outcomes" in text
    assert "DEU III" in text


def test_the_default_calibration_was_fitted_on_the_dev_half_only(shared: Path) -> None:
    cal = load_calibration(DEFAULT_PATH)
    dev = set(read_deu(shared / "data/deu/deu3-dev.tsv"))
    fitted = {Path(f).stem for f in cal.files if f.startswith("deu3-dev/")}
    assert fitted == dev and len(dev) == 70
    assert cal.cases == 71 and "examples/copenhagen-2009/case.yaml" in cal.files
    assert set(cal.models) == set(MODELS)
