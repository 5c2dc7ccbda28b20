"""``accord fit --mean MODELS``: an equal-weight mean scored out of fold and written to a file."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from accord.cli import app
from accord.ensemble.schema import load_ensemble

runner = CliRunner()


def test_fit_mean_writes_a_mean_ensemble(deu_dir: Path, tmp_path: Path) -> None:
    files = [str(f) for f in sorted(deu_dir.glob("*.yaml"))[:4]]
    out = tmp_path / "mean.json"
    result = runner.invoke(app, ["fit", *files, "-n", "4", "--mean", "compromise, median",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "the equal-weight mean of compromise, median, nothing fitted" in result.stdout
    ens = load_ensemble(out)
    assert (ens.combination, ens.members, ens.files) == ("mean", ["compromise", "median"],
                                                         files)
    assert ens.cross_validation.mae["ensemble"] == ens.cross_validation.in_sample_mae


def test_fit_mean_with_an_unknown_model_exits_2_before_running(tmp_path: Path) -> None:
    out = tmp_path / "mean.json"
    result = runner.invoke(app, ["fit", str(tmp_path / "none"), "--mean", "compromise,nope",
                                 "-o", str(out)])
    assert result.exit_code == 2
    assert "--mean" in result.output and "nope" in result.output
    assert not out.exists()
