"""``accord sweep``: table and JSON output, bad input exits with code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.forecast import forecast_case

runner = CliRunner()


def sweep_json(case: Path, *args: str) -> dict:
    result = runner.invoke(app, ["sweep", str(case), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json(flagship_path: Path, flagship) -> None:
    data = sweep_json(flagship_path, "--samples", "2000", "--seed", "4",
                      "--model", "compromise,nash")
    assert data["samples"] == 2000 and data["seed"] == 4 and data["models"] == [
        "compromise", "nash"]
    static = forecast_case(flagship, ["compromise", "nash"])
    for issue in data["issues"]:
        # the samples centre on the case's values: the static forecast lies in the 80% interval
        for model in ("compromise", "nash"):
            lo, hi = issue["models"][model]["intervals"]["80"]
            assert lo <= static.issue(issue["id"]).outcomes[model] <= hi, (issue["id"], model)
        # a zone of agreement exists in every sample where it exists for the central values
        # (missiles, military activity) and in none where it does not
        possible = static.issue(issue["id"]).agreement.possible
        assert issue["agreement_probability"] == (1.0 if possible else 0.0), issue["id"]
        assert set(issue["models"]["nash"]["veto_gains"]) == {"RUS", "USA", "NATO"}
    assert sweep_json(flagship_path, "--samples", "500", "--seed", "4") == sweep_json(
        flagship_path, "--samples", "500", "--seed", "4")  # the seed fixes the samples
    assert sweep_json(flagship_path, "--samples", "500", "--seed", "5") != sweep_json(
        flagship_path, "--samples", "500", "--seed", "4")


def test_table_prints_intervals_agreement_and_drivers(flagship_path: Path) -> None:
    args = ["--samples", "3000", "--jitter", "5"]
    result = runner.invoke(app, ["sweep", str(flagship_path), *args], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    text = result.stdout
    data = sweep_json(flagship_path, *args)  # the same samples
    words = " ".join(text.split())  # a table's title wraps to the table's width
    for issue in data["issues"]:
        assert (f"{issue['id']}: status quo {issue['status_quo']:.1f}; a zone of agreement "
                f"exists in {100 * issue['agreement_probability']:.0f}% of samples") in words
    assert text.count("what drives this forecast") == len(data["issues"]) == 5
    # one row per issue and model: median, then the 50%, 80% and 95% intervals
    rows = [line.split() for line in text.splitlines()
            if line.split()[:1] in (["compromise"], ["median"], ["nash"])
            and line.split()[1][0].isdigit()]
    expected = []
    for issue in data["issues"]:
        for name in data["models"]:
            m = issue["models"][name]
            spans = [f"{lo:.1f}–{hi:.1f}" for lo, hi in (m["intervals"][level]
                                                          for level in ("50", "80", "95"))]
            expected.append([name, f"{m['median']:.1f}", *spans])
    assert [row[:5] for row in rows] == expected
    assert "┃" in text and "(─ 95%, ━ 80%, █ 50% interval, ┃ median, q status quo)" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--samples", "0"], "must be positive"),
        (["--jitter", "-1"], "--jitter"),
        (["--scheduler", "threads"], "unknown --scheduler"),
        (["--model", "oracle"], "unknown model"),
    ],
)
def test_bad_options_exit_2(flagship_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["sweep", str(flagship_path), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_bad_case_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nactors: []\nissues: []\npositions: []\n", encoding="utf-8")
    result = runner.invoke(app, ["sweep", str(bad), "--samples", "10"])
    assert result.exit_code == 2
    assert "bad.yaml: 2 problem(s)" in result.output
    assert "actors: a case needs at least one actor" in result.output


def test_unreachable_cluster_exits_2(flagship_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("accord.uncertainty.backends.CONNECT_TIMEOUT", "1s")
    result = runner.invoke(app, ["sweep", str(flagship_path), "--samples", "10", "--scheduler",
                                 "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot run on the Dask scheduler" in result.output


def test_ensemble_option_reads_the_named_file(flagship_path: Path, tmp_path: Path) -> None:
    """``--ensemble FILE`` reaches the sampled runs: with weight 1 on median − compromise, or
    as the mean of the median model alone, the ensemble is the median model on every sample;
    the shipped one (the mean of compromise and exchange) is neither."""
    from accord.ensemble.features import FEATURES
    from accord.ensemble.schema import DEFAULT_PATH

    data = json.loads(DEFAULT_PATH.read_text())
    weights = {f: 0.0 for f in FEATURES} | {"median − compromise": 1.0}
    files = {"lad": {**data, "combination": "lad", "penalty": 10.0, "penalty_rule": "one-se",
                     "weights": weights},
             "mean": {**data, "combination": "mean", "members": ["median"], "weights": {}}}
    args = ("--samples", "300", "--seed", "2", "--model", "compromise,median,ensemble",
            "--calibration", "none")
    for name, content in files.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(content))
        mine = sweep_json(flagship_path, *args, "--ensemble", str(path))
        for issue in mine["issues"]:
            m = issue["models"]
            assert m["ensemble"]["median"] == m["median"]["median"], (name, issue["id"])
            assert m["ensemble"]["intervals"] == m["median"]["intervals"], (name, issue["id"])
    shipped = sweep_json(flagship_path, "--samples", "20", "--seed", "2", "--model",
                         "compromise,median,ensemble", "--calibration", "none")
    assert any(i["models"]["ensemble"]["median"] not in (i["models"]["median"]["median"],
                                                         i["models"]["compromise"]["median"])
               for i in shipped["issues"])


def test_a_missing_ensemble_file_exits_2(flagship_path: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["sweep", str(flagship_path), "--samples", "10", "--model",
                                 "ensemble", "--ensemble", str(tmp_path / "none.json")])
    assert result.exit_code == 2, result.output
    assert "none.json" in result.output
