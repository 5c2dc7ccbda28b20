"""``accord backtest CASES_OR_DIRS…``: score the models' forecasts against known outcomes."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.backtest.defaults import CV, FOLDS, SAMPLES
from accord.cli.app import app, err, fail, out
from accord.cli.scheduling import SCHEDULER_HELP, WORKERS_HELP, check_scheduler

if TYPE_CHECKING:  # numpy, scipy and the models load only when a command runs
    from accord.backtest import BacktestResult
    from accord.calibration.schema import Calibration
    from accord.ensemble.schema import Method

TABLE_WIDTH = 120  # the tables' width when the terminal (or a pipe) is narrower


class Format(StrEnum):
    table = "table"
    json = "json"
    html = "html"


def backtest_cases(
    paths: list[Path], model: str | None, samples: int, seed: int,
    scheduler: str | None, workers: int | None, method: Method | None = None,
) -> BacktestResult:
    """Load the cases under ``paths`` and backtest them, with a progress bar on stderr;
    ``method``: how the ensemble is made (default: as the shipped one)."""
    if samples < 1:
        fail(f"--samples must be positive, got {samples}")
    check_scheduler(scheduler)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from accord.backtest import load_cases, run

    cases = load_cases(paths)
    progress = Progress(TextColumn("backtest"), BarColumn(),
                        TextColumn("{task.completed}/{task.total} cases"), TimeRemainingColumn(),
                        console=err, transient=True)
    with progress:
        task = progress.add_task("backtest", total=len(cases))
        try:
            return run(cases, model, samples=samples, seed=seed, scheduler=scheduler,
                       workers=workers, progress=lambda n: progress.advance(task, n),
                       method=method)
        except (OSError, TimeoutError, RuntimeError) as e:
            if scheduler is None:
                raise
            fail(f"cannot run on the Dask scheduler {scheduler}: {e}")


def _calibration(value: str) -> Calibration | str | None:
    from accord.calibration import resolve_calibration

    if value == CV:
        return CV
    return resolve_calibration(value)


@app.command()
def backtest(
    cases: list[Path] = typer.Argument(..., help="case files with outcomes, or folders of them"),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: every model)"
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="output format"),
    output: Path = typer.Option(None, "--output", "-o", help="write the report to FILE"),
    calibration: str = typer.Option(
        CV, "--calibration", help="calibrated intervals: 'cv' (cross-validated by case), "
        "'none', 'default' (the shipped calibration) or a calibration FILE (in-sample for "
        "the cases it was fitted on)"),
    folds: int = typer.Option(FOLDS, "--folds", help="folds of the cross-validation by case"),
    samples: int = typer.Option(
        SAMPLES, "--samples", "-n", help="samples per case for the input-uncertainty intervals"),
    seed: int = typer.Option(0, "--seed", help="seed of the sampler, folds and bootstrap"),
    issues: bool = typer.Option(False, "--issues", help="table format: also list every issue"),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP),
) -> None:
    """Backtest the models on cases whose issues have coded outcomes: accuracy per model,
    deal/no-deal, and the coverage of their 50/80/95% intervals before and after calibration."""
    if folds < 2:
        fail(f"--folds must be at least 2, got {folds}")
    from rich.console import Console

    from accord.backtest import build_report
    from accord.backtest.render import (
        LEGEND,
        accuracy,
        coverage,
        per_issue,
        render_html,
        rich_table,
    )
    from accord.io import write_atomic

    cal = _calibration(calibration)
    result = backtest_cases(cases, model, samples, seed, scheduler, workers)
    report = build_report(result, cal, folds, seed)
    if fmt is Format.table:
        tables = [accuracy(report), coverage(report)] + ([per_issue(report)] if issues else [])
        if output is not None:
            fail("--output needs --format json or html")
        wide = Console(width=max(out.width, TABLE_WIDTH), markup=False)
        for grid in tables:
            wide.print(rich_table(grid))
        out.print(LEGEND, highlight=False)
        out.print(f"calibrated intervals: {report.calibration}", highlight=False)
        for note in report.notes:
            out.print(f"- {note}", highlight=False)
        return
    text = report.to_json() if fmt is Format.json else render_html(report)
    if output is None:
        print(text, end="")
    else:
        write_atomic(output, text)
        out.print(f"backtest written to {output.resolve()}", highlight=False)
