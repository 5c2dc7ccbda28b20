"""The ``accord`` command line: one module per command, all on one typer app."""

from accord.cli import (  # noqa: F401  (importing a module registers its command)
    backtest,
    calibrate,
    draft,
    evaluate,
    extract,
    forecast,
    import_,
    report,
    rounds,
    serve,
    sweep,
    validate,
)
from accord.cli.app import app
from accord.io import exit_on_sigterm


def main() -> None:
    exit_on_sigterm()
    app()
