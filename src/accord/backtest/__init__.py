"""Backtests: how good accord's forecasts were on cases whose outcomes are known.

The Python API, for scripts and for models built on top of it:

- :func:`load_cases` (paths or folders → ``(id, case)``) and :func:`run`
  (→ :class:`BacktestResult`: one :class:`Row` per case × issue × model, with the case id,
  forecast, outcome, status quo, position spread and input-uncertainty intervals;
  :meth:`BacktestResult.model_rows` gives one model's rows as arrays);
- :func:`score_model` (accuracy, deal/no-deal, coverage) and :func:`build_report` (all of it,
  as ``accord backtest`` prints it);
- :func:`fold_of` and :func:`cross_validate`: cross-validation by case;
- :func:`fit_calibration`: ``accord calibrate``.

The names load their modules on first use (numpy, scipy and the models with them), so the
command line can read :mod:`accord.backtest.defaults` without loading any of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.backtest.cases import load_cases
    from accord.backtest.crossval import cross_validate, fold_of
    from accord.backtest.fit import fit_calibration
    from accord.backtest.metrics import score_model
    from accord.backtest.report import build_report
    from accord.backtest.runner import BacktestResult, Row, run

_HOME = {
    "load_cases": "cases", "cross_validate": "crossval", "fold_of": "crossval",
    "fit_calibration": "fit", "score_model": "metrics", "build_report": "report",
    "BacktestResult": "runner", "Row": "runner", "run": "runner",
}

__all__ = [
    "BacktestResult",
    "Row",
    "build_report",
    "cross_validate",
    "fit_calibration",
    "fold_of",
    "load_cases",
    "run",
    "score_model",
]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'accord.backtest' has no attribute {name!r}")
    return getattr(import_module(f"accord.backtest.{_HOME[name]}"), name)
