"""``sweep_case``: a Monte Carlo sweep of a case, in one process or on Dask."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from accord.case import Case
from accord.models.memory import samples_per_chunk
from accord.models.registry import resolve
from accord.uncertainty import DEFAULT_CHUNK
from accord.uncertainty.backends import (
    Progress,
    chunk_sizes,
    dask_client,
    run_dask,
    run_local,
)
from accord.uncertainty.chunk import ChunkStats
from accord.uncertainty.inputs import SamplingPlan, sampling_plan
from accord.uncertainty.summary import Sweep, summarise

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble


def sweep_stats(
    plan: SamplingPlan,
    models: tuple[str, ...],
    samples: int,
    seed: int,
    chunk: int = DEFAULT_CHUNK,
    scheduler: Any = None,
    workers: int | None = None,
    progress: Progress | None = None,
    ensemble: Ensemble | None = None,
) -> ChunkStats:
    """Folded statistics of ``samples`` draws; ``scheduler`` None runs in this process,
    otherwise on Dask (see :func:`~accord.uncertainty.backends.dask_client`); ``ensemble``:
    the ensemble the ``ensemble`` model combines as (default: the shipped one)."""
    sizes = chunk_sizes(samples, chunk)
    if scheduler is None:
        return run_local(plan, models, seed, sizes, progress, ensemble)
    with dask_client(scheduler, workers) as client:
        return run_dask(client, plan, models, seed, sizes, progress, ensemble)


def sweep_case(
    case: Case,
    samples: int,
    models: str | list[str] | None = None,
    seed: int = 0,
    jitter: float = 0.0,
    chunk: int = DEFAULT_CHUNK,
    scheduler: Any = None,
    workers: int | None = None,
    progress: Progress | None = None,
    ensemble: Ensemble | None = None,
) -> Sweep:
    """Sample every uncertain input of ``case`` ``samples`` times and summarise the models;
    ``ensemble``: the ensemble the ``ensemble`` model combines as (an ensemble file already
    read; default: the shipped one)."""
    names = tuple(m.name for m in resolve(models, ensemble))  # checks the names
    plan = sampling_plan(case, jitter)
    chunk = samples_per_chunk(names, *plan.nominal.shape, chunk)  # what fits in memory
    stats = sweep_stats(plan, names, samples, seed, chunk, scheduler, workers, progress,
                        ensemble)
    a = plan.nominal
    return summarise(
        stats,
        case=case.title,
        date=case.date,
        issues=[(i.id, i.title, float(a.sq[j])) for j, i in enumerate(case.issues)],
        models=names,
        actors=a.actors,
        veto=a.veto,
        inputs=plan.inputs,
        seed=seed,
        chunk=chunk,
        jitter=jitter,
    )
