"""``accord serve [CASES_OR_DIRS...]``: the case library and case pages in a browser."""

from __future__ import annotations

from pathlib import Path

import typer

from accord.cli.app import app, fail, out
from accord.cli.options import ENSEMBLE_HELP


@app.command()
def serve(
    inputs: list[Path] = typer.Argument(None, help="case files or folders of cases to import"),
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on (local only)"),
    port: int = typer.Option(8000, "--port", help="port to listen on"),
    db: Path = typer.Option(
        None, "--db", help="the SQLite case library (default: beside the first input)"
    ),
    calibration: str = typer.Option(
        "default", "--calibration", help="the case page's intervals: 'default' (the "
        "calibration accord ships), a calibration FILE, or 'none' (input uncertainty only)"),
    ensemble: Path = typer.Option(None, "--ensemble", help=ENSEMBLE_HELP + "; the case page, "
                                  "runs, sweeps and downloads all read it"),
) -> None:
    """Serve the case library and the what-if case page on http://127.0.0.1:8000/."""
    from accord.calibration import resolve_calibration
    from accord.ensemble.schema import resolve_ensemble
    from accord.web.server import serve as run  # fastapi and uvicorn: only for this command

    inputs = inputs or []
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    if not 1 <= port <= 65535:
        fail(f"--port must lie in 1..65535, got {port}")
    cal = resolve_calibration(calibration)  # a bad file: exit 2 before anything starts;
    ens = resolve_ensemble(ensemble)  # both read once, every request reads these copies
    run(inputs, host, port, db, cal, ens,
        lambda s: out.print(s, highlight=False, markup=False))
