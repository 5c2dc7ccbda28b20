"""A backtest of the static models on the DEU III development half (``deu_dir``, imported
once per session by tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.backtest import BacktestResult, load_cases, run

STATIC = "compromise,median,nash"


@pytest.fixture(scope="session")
def deu_static(deu_dir: Path) -> BacktestResult:
    return run(load_cases([deu_dir]), STATIC)
