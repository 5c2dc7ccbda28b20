"""The DEU III development half imported into a temporary folder once per session (the data
never enters the repository), and a backtest of the static models on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.backtest import BacktestResult, load_cases, run
from accord.cli import app

STATIC = "compromise,median,nash"


@pytest.fixture(scope="session")
def deu_dir(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``accord import SHARED/data/deu/deu3-dev.tsv --format deu -o TMP``."""
    out = tmp_path_factory.mktemp("deu")
    result = CliRunner().invoke(
        app, ["import", str(shared / "data/deu/deu3-dev.tsv"), "--format", "deu", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def deu_static(deu_dir: Path) -> BacktestResult:
    return run(load_cases([deu_dir]), STATIC)
