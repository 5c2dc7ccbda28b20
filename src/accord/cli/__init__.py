"""The ``accord`` command line: one module per command, all on one typer app."""

from accord.cli import forecast, report, sweep, validate  # noqa: F401  (registers the commands)
from accord.cli.app import app


def main() -> None:
    app()
