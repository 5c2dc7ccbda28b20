"""Outcomes on a fixed grid: bounded-memory quantiles for any number of samples.

The 0..100 scale is cut into :data:`GRID` bins per point (0.02 points wide). For every output
(model × issue) a grid keeps, per occupied bin only, the count of outcomes and the smallest
and largest outcome seen in it. Grids merge by adding counts and taking minima and maxima,
which does not depend on the order of merging; quantiles are read to within a bin and exactly
where all outcomes of a bin are equal (a model returning the status quo).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GRID = 50
NBINS = 100 * GRID


@dataclass
class OutcomeGrid:
    """Occupied bins of outputs ``[o]``: ``cell`` = output × NBINS + bin, sorted, unique."""

    outputs: int
    cell: np.ndarray
    count: np.ndarray
    low: np.ndarray
    high: np.ndarray

    @classmethod
    def of(cls, values: np.ndarray) -> OutcomeGrid:
        """The grid of ``values[m, o]`` (NaN = no outcome, left out)."""
        o = values.shape[1]
        defined = ~np.isnan(values)
        bins = np.clip(np.floor(np.where(defined, values, 0.0) * GRID), 0, NBINS - 1)
        flat = (bins.astype(np.int64) + NBINS * np.arange(o))[defined]
        return cls._reduce(o, flat, np.ones(flat.size, np.int64), values[defined],
                           values[defined])

    @classmethod
    def _reduce(cls, outputs: int, cell: np.ndarray, count: np.ndarray, low: np.ndarray,
                high: np.ndarray) -> OutcomeGrid:
        cells, inverse = np.unique(cell, return_inverse=True)
        lo, hi = np.full(cells.size, np.inf), np.full(cells.size, -np.inf)
        np.minimum.at(lo, inverse, low)
        np.maximum.at(hi, inverse, high)
        return cls(outputs, cells, np.bincount(inverse, weights=count, minlength=cells.size)
                   .astype(np.int64), lo, hi)

    def merged(self, other: OutcomeGrid) -> OutcomeGrid:
        return self._reduce(
            self.outputs,
            *(np.concatenate([getattr(self, f), getattr(other, f)])
              for f in ("cell", "count", "low", "high")),
        )

    def quantiles(self, output: int, probs: np.ndarray) -> np.ndarray | None:
        """Quantiles of one output (None if it never had an outcome), interpolated by rank
        between the smallest and largest outcome of the bin they fall in."""
        lo, hi = np.searchsorted(self.cell, [output * NBINS, (output + 1) * NBINS])
        if lo == hi:
            return None
        return bin_quantiles(self.count[lo:hi], self.low[lo:hi], self.high[lo:hi], probs)


def bin_quantiles(
    count: np.ndarray, low: np.ndarray, high: np.ndarray, probs: np.ndarray
) -> np.ndarray:
    """Quantiles from ordered bins (counts, smallest and largest value in each)."""
    cum = np.cumsum(count)
    target = np.asarray(probs, dtype=float) * cum[-1]
    b = np.minimum(np.searchsorted(cum, target, side="left"), len(count) - 1)
    before = np.where(b > 0, cum[b - 1], 0)
    frac = np.clip((target - before) / np.maximum(count[b], 1), 0.0, 1.0)
    return low[b] + frac * (high[b] - low[b])
