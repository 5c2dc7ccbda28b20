"""One chunk of a Monte Carlo sweep: draw, run the models, reduce to mergeable statistics.

Chunk ``i`` of a sweep with seed ``s`` draws from ``SeedSequence(s, spawn_key=(i,))``, the
``i``-th child of ``SeedSequence(s).spawn(…)``, so a chunk's samples depend only on the seed,
the chunk size and its index: never on which process runs it. Its statistics are integer
counts and float sums that a sweep folds in chunk order, so a sweep gives bit-identical
results in one process or on any number of Dask workers.

Outcomes are kept on a fixed grid (:mod:`accord.uncertainty.grid`), so memory does not grow
with the number of samples, and what a worker sends back is small: the occupied bins only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from accord.models.registry import resolve
from accord.models.zone import agreement_zone
from accord.uncertainty.grid import OutcomeGrid
from accord.uncertainty.inputs import SamplingPlan
from accord.uncertainty.sensitivity import SensitivityStats

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble

CENTRE = 50.0  # outcomes are centred before their sums are accumulated (less cancellation)


def chunk_rng(seed: int, index: int) -> np.random.Generator:
    """The generator of chunk ``index``: child ``index`` of ``SeedSequence(seed)``."""
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(index,)))


@dataclass
class ChunkStats:
    """Mergeable statistics of some samples, for models ``[M]``, issues ``[k]``.

    ``grid`` the outcomes on the grid (outputs ``M × k``, model-major); ``undefined[M, k]``
    samples where a model has no outcome (nobody cares about the issue); ``zone[k]`` samples
    with a zone of agreement; ``gains[M, V, k]`` samples in which veto player ``v`` (with a
    position on the issue) gains over the status quo; ``sens`` covers the outputs
    ``[M + 1, k]``: the models' outcomes and, last, whether a zone exists (0/1).
    """

    samples: int
    grid: OutcomeGrid
    undefined: np.ndarray
    zone: np.ndarray
    gains: np.ndarray
    sens: SensitivityStats

    def merge(self, other: ChunkStats) -> None:
        self.samples += other.samples
        self.grid = self.grid.merged(other.grid)
        self.undefined += other.undefined
        self.zone += other.zone
        self.gains += other.gains
        self.sens.merge(other.sens)


def run_chunk(
    plan: SamplingPlan, models: tuple[str, ...], seed: int, index: int, size: int,
    ensemble: Ensemble | None = None,
) -> ChunkStats:
    """Statistics of chunk ``index`` (``size`` samples) of the sweep with ``seed``;
    ``ensemble``: the ensemble the ``ensemble`` model combines as (default: the shipped one)."""
    u = chunk_rng(seed, index).random((size, len(plan.inputs)))
    arrays = plan.sample(u)
    k = len(arrays.issues)
    outcomes = np.stack([np.asarray(m.run(arrays), float) for m in resolve(models, ensemble)], 1)
    zone_low, _ = agreement_zone(arrays.X, arrays.sq, arrays.veto, arrays.has)
    has_zone = ~np.isnan(zone_low)

    vetoes = np.flatnonzero(plan.nominal.veto)
    x = arrays.X[:, vetoes, :]  # [m, V, k]
    q = arrays.sq[:, None, :]
    with np.errstate(invalid="ignore"):
        gain = np.abs(outcomes[:, :, None, :] - x[:, None]) < np.abs(q - x)[:, None]
    gain &= plan.nominal.has[vetoes][None, None]

    y = np.concatenate([outcomes - CENTRE, has_zone[:, None, :].astype(float)], axis=1)
    sens = SensitivityStats.empty(len(plan.inputs), (len(models) + 1) * k)
    sens.add(u, y.reshape(size, -1))
    return ChunkStats(
        samples=size,
        grid=OutcomeGrid.of(outcomes.reshape(size, -1)),
        undefined=np.isnan(outcomes).sum(axis=0),
        zone=has_zone.sum(axis=0),
        gains=gain.sum(axis=0),
        sens=sens,
    )
