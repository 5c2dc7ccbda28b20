"""The ``accord`` command line: one module per command, all on one typer app."""

import os

from accord.cli import (  # noqa: F401  (importing a module registers its command)
    backtest,
    calibrate,
    draft,
    evaluate,
    extract,
    fit,
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
    # OpenBLAS starts a thread per core when numpy loads (about 0.05 s of CPU, a fifth of a
    # forecast's start-up, measured in bench/startup.py); accord's arrays are small and its
    # models call no BLAS routine that threads would speed up, so one thread unless the user
    # set it (and Dask's worker processes do not oversubscribe the cores)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    # pydantic looks for plugins in every installed distribution's entry points the first time
    # a model is built (about 0.02-0.05 s of a forecast's start-up in bench/startup.py); accord
    # uses none, so none are loaded unless the user set PYDANTIC_DISABLE_PLUGINS themselves
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    exit_on_sigterm()
    app()
