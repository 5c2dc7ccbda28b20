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
"""

from accord.backtest.cases import load_cases
from accord.backtest.crossval import cross_validate, fold_of
from accord.backtest.fit import fit_calibration
from accord.backtest.metrics import score_model
from accord.backtest.report import build_report
from accord.backtest.runner import BacktestResult, Row, run

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
