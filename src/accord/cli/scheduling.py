"""The ``--scheduler``/``--workers`` options that sweeps and backtests share."""

from __future__ import annotations

from accord.cli.app import fail

SCHEDULER_HELP = "run on Dask: 'processes' (local cluster) or tcp://HOST:PORT"
WORKERS_HELP = "workers of a local Dask cluster"


def check_scheduler(scheduler: str | None) -> None:
    """Exit 2 unless ``scheduler`` is None, ``processes`` or a ``tcp://`` address."""
    if scheduler is not None and scheduler != "processes" and not scheduler.startswith("tcp://"):
        fail(f"unknown --scheduler {scheduler!r}: use 'processes' or tcp://HOST:PORT")
