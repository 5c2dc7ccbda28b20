"""``accord calibrate CASES… -o calibration.json``: fit calibrated intervals on outcomes."""

from __future__ import annotations

from pathlib import Path

import typer

from accord.backtest.defaults import SAMPLES
from accord.cli.app import app, out
from accord.cli.backtest import backtest_cases
from accord.cli.scheduling import SCHEDULER_HELP, WORKERS_HELP


@app.command()
def calibrate(
    cases: list[Path] = typer.Argument(..., help="case files with outcomes, or folders of them"),
    output: Path = typer.Option(..., "--output", "-o", help="the calibration (JSON)"),
    label: str = typer.Option(
        None, "--label", help="what the cases are, in words (default: their number)"),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: every model)"),
    samples: int = typer.Option(
        SAMPLES, "--samples", "-n", help="samples per case for the input-uncertainty intervals"),
    seed: int = typer.Option(0, "--seed", help="seed of the sampler"),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP),
) -> None:
    """Fit calibrated intervals (input uncertainty plus each model's own error) on cases with
    known outcomes; use them with --calibration FILE in forecast, sweep and report."""
    from accord.backtest import fit_calibration

    result = backtest_cases(cases, model, samples, seed, scheduler, workers)
    cal = fit_calibration(result, label or f"{len(result.cases)} cases")
    cal.save(output)
    out.print(f"calibration on {cal.issues} issues in {cal.cases} cases written to "
              f"{output.resolve()}", highlight=False)
