"""Where the chunks of a sweep run: in this process, or on a Dask cluster.

Both run the same :func:`~accord.uncertainty.chunk.run_chunk` on the same chunks and fold the
results in chunk order, so they return bit-identical statistics for the same seed. On Dask
(``pip install accord[distributed]``) the sampling plan is scattered to every worker once and
at most a few chunks per worker are in flight, so memory stays bounded however many samples
are asked for; the workers need accord installed (the same version) to import the models.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from accord.errors import MissingExtra, OptionError
from accord.uncertainty.chunk import ChunkStats, run_chunk
from accord.uncertainty.inputs import SamplingPlan

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble

Progress = Callable[[int], None]
CONNECT_TIMEOUT = "10s"  # how long to wait for an existing cluster's scheduler
# Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, which makes glibc hand every large
# numpy temporary back to the kernel and fault it in again: a Nash chunk then takes twice as
# long. The local cluster started here keeps them on the heap instead (chunks are bounded, so
# there is little memory to give back).
WORKER_ENV = {"MALLOC_TRIM_THRESHOLD_": str(2**40), "MALLOC_MMAP_THRESHOLD_": str(2**30)}


def chunk_sizes(samples: int, chunk: int) -> list[int]:
    """Sizes of the chunks of a sweep: ``chunk`` each, the last one smaller."""
    if samples < 1 or chunk < 1:
        raise ValueError(f"samples and chunk size must be positive, got {samples}, {chunk}")
    full, rest = divmod(samples, chunk)
    return [chunk] * full + ([rest] if rest else [])


def _fold(results: Iterator[ChunkStats], progress: Progress | None) -> ChunkStats:
    total: ChunkStats | None = None
    for stats in results:
        if total is None:
            total = stats
        else:
            total.merge(stats)
        if progress is not None:
            progress(stats.samples)
    assert total is not None
    return total


def run_local(
    plan: SamplingPlan,
    models: tuple[str, ...],
    seed: int,
    sizes: list[int],
    progress: Progress | None = None,
    ensemble: Ensemble | None = None,
) -> ChunkStats:
    """Run every chunk in this process, one after the other."""
    return _fold((run_chunk(plan, models, seed, i, s, ensemble) for i, s in enumerate(sizes)),
                 progress)


@contextmanager
def dask_client(scheduler: Any, workers: int | None = None) -> Iterator[Any]:
    """A Dask client for ``scheduler``: ``"processes"`` starts a local cluster of ``workers``
    processes (closed afterwards), a ``tcp://HOST:PORT`` address joins an existing cluster,
    and a ``distributed.Client`` is used as it is."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover - depends on the installed extras
        raise MissingExtra(
            "Dask's distributed scheduler (needed for --scheduler)",
            "pip install 'accord[distributed]'",
        ) from err
    if isinstance(scheduler, Client):
        yield scheduler
    elif scheduler == "processes":
        with (
            LocalCluster(
                n_workers=workers or 2, threads_per_worker=1, processes=True,
                dashboard_address=None, env=WORKER_ENV,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
    elif isinstance(scheduler, str) and scheduler.startswith("tcp://"):
        with Client(scheduler, timeout=CONNECT_TIMEOUT) as client:
            yield client
    else:
        raise OptionError(
            "--scheduler",
            f"unknown scheduler {scheduler!r}: use 'processes' or an address tcp://HOST:PORT",
        )


def run_dask(
    client: Any,
    plan: SamplingPlan,
    models: tuple[str, ...],
    seed: int,
    sizes: list[int],
    progress: Progress | None = None,
    ensemble: Ensemble | None = None,
) -> ChunkStats:
    """Run the chunks on the Dask cluster of ``client``, folding results in chunk order."""
    plan_f = client.scatter(plan, broadcast=True, hash=False)  # a fresh key per sweep
    window = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque[Any] = deque()

    def results() -> Iterator[ChunkStats]:
        for i, size in enumerate(sizes):
            pending.append(client.submit(run_chunk, plan_f, models, seed, i, size, ensemble,
                                         pure=False))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    return _fold(results(), progress)
