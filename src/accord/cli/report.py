"""``accord report CASE -o FILE``."""

from __future__ import annotations

from pathlib import Path

import typer

from accord.cli.app import app, fail, out
from accord.cli.options import ENSEMBLE_HELP
from accord.io import output_path


@app.command()
def report(
    case: Path = typer.Argument(..., help="case file (.yaml, .yml or .json)"),
    output: Path = typer.Option(
        ..., "--output", "-o", help="the brief: FILE.html (self-contained) or FILE.md"
    ),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: all static models)"
    ),
    samples: int = typer.Option(
        2000, "--samples", "-n", help="Monte Carlo samples for intervals and drivers (0: none)"
    ),
    seed: int = typer.Option(0, "--seed", help="seed of the Monte Carlo sampler"),
    calibration: str = typer.Option(
        "default", "--calibration", help="widen the intervals by the models' own error: "
        "'default' (the calibration accord ships), a calibration FILE, or 'none'"),
    ensemble: Path = typer.Option(
        None, "--ensemble", help=ENSEMBLE_HELP),
) -> None:
    """Write the "what to expect" brief: verdict, forecasts, charts and evidence per issue."""
    from accord.calibration import resolve_calibration
    from accord.case import load_case
    from accord.ensemble.schema import resolve_ensemble
    from accord.report import compose_brief, output_format, write_brief  # matplotlib: lazily
    from accord.report.render import FORMATS

    output_format(output)  # an unknown extension is an OptionError, reported as bad input
    output_path(output, tuple(FORMATS), "a brief")
    if samples < 0:
        fail(f"--samples must be 0 or more, got {samples}")
    brief = compose_brief(load_case(case), model, samples, seed,
                          resolve_calibration(calibration), resolve_ensemble(ensemble))
    written = write_brief(brief, output)
    out.print(f"brief written to {written[0].resolve()}", highlight=False)
    for extra in written[1:]:
        out.print(f"charts in {extra.resolve()}/", highlight=False)
