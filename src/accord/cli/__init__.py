"""The ``accord`` command line: one module per command, all on one typer app."""

from accord.cli import (  # noqa: F401  (registers the commands)
    draft,
    evaluate,
    extract,
    forecast,
    report,
    validate,
)
from accord.cli.app import app


def main() -> None:
    app()
