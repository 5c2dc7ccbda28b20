"""First-order sensitivity indices from the Monte Carlo sample itself (given data).

The first-order (Sobol) index of input ``X_i`` on output ``Y`` is
``S_i = Var(E[Y | X_i]) / Var(Y)``: the share of the output's variance that knowing ``X_i``
alone would remove. With independent inputs it can be read off the plain Monte Carlo sample,
without the extra model runs of a Saltelli/Jansen pick-freeze design, by partitioning each
input's range into classes and taking the correlation ratio of ``Y`` on the class: the
between-class variance over the total (Plischke, Borgonovo & Smith, "Global sensitivity
measures from given data", *European Journal of Operational Research* 226(3), 2013, 536–550,
§3; the "scatterplot partitioning" estimator of Saltelli et al., *Global Sensitivity
Analysis: The Primer*, 2008, §1.2.5).

Here the classes are ``B`` equal-probability bins of the uniform each input was drawn from
(inputs are monotone in it, :mod:`accord.uncertainty.distributions`), and the ratio is bias
corrected as Kelley's ε² ("An unbiased correlation ratio measure", *PNAS* 21(9), 1935,
554–559): ``S_i = 1 − [SS_within / (N − B)] / [SS_total / (N − 1)]``, which removes the
``≈ (B − 1)/N`` upward bias of the raw ratio; small negative values (pure noise) are reported
as 0. Everything is accumulated as per-bin counts and sums, so chunks stream and merge.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

BINS = 32


@dataclass
class SensitivityStats:
    """Streaming sums for ``p`` inputs and outputs ``[o]`` (any flat output shape)."""

    count: np.ndarray  # [p, B, o] valid outputs per input bin
    total: np.ndarray  # [p, B, o] their sum
    n: np.ndarray  # [o]
    s1: np.ndarray  # [o]
    s2: np.ndarray  # [o]

    @classmethod
    def empty(cls, p: int, o: int, bins: int = BINS) -> SensitivityStats:
        z = np.zeros
        return cls(z((p, bins, o)), z((p, bins, o)), z(o), z(o), z(o))

    def add(self, u: np.ndarray, y: np.ndarray) -> None:
        """Accumulate uniforms ``u[m, p]`` and outputs ``y[m, o]`` (NaN = undefined, skipped)."""
        p, bins, o = self.count.shape
        valid = ~np.isnan(y)
        yv = np.where(valid, y, 0.0)
        self.n += valid.sum(axis=0)
        self.s1 += yv.sum(axis=0)
        self.s2 += (yv * yv).sum(axis=0)
        cls = np.minimum((u * bins).astype(np.int64), bins - 1)
        offsets = np.arange(o)
        size = bins * o
        missing = (~valid).astype(float).ravel() if not valid.all() else None
        for i in range(p):
            flat = (cls[:, i, None] * o + offsets).ravel()
            self.count[i] += np.bincount(cls[:, i], minlength=bins)[:, None]
            if missing is not None:
                self.count[i] -= np.bincount(flat, missing, minlength=size).reshape(bins, o)
            self.total[i] += np.bincount(flat, weights=yv.ravel(), minlength=size).reshape(bins, o)

    def merge(self, other: SensitivityStats) -> None:
        for name in ("count", "total", "n", "s1", "s2"):
            getattr(self, name).__iadd__(getattr(other, name))

    def indices(self) -> np.ndarray:
        """First-order indices ``[p, o]`` in [0, 1]; 0 where the output does not vary."""
        n = self.n
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = self.s1 / n
            ss_total = self.s2 - n * mean**2
            between = np.where(self.count > 0, self.total**2 / self.count, 0.0).sum(axis=1)
            ss_between = between - n * mean**2
            ss_within = np.maximum(ss_total - ss_between, 0.0)
            occupied = (self.count > 0).sum(axis=1)
            eps2 = 1.0 - (ss_within / (n - occupied)) / (ss_total / (n - 1))
        varies = ss_total > 1e-12 * np.maximum(self.s2, 1.0)
        return np.where(varies & np.isfinite(eps2), np.clip(eps2, 0.0, 1.0), 0.0)


def first_order(u: np.ndarray, y: np.ndarray, bins: int = BINS) -> np.ndarray:
    """First-order indices ``[p]`` of ``y[m]`` on inputs drawn from uniforms ``u[m, p]``."""
    stats = SensitivityStats.empty(u.shape[1], 1, bins)
    stats.add(u, np.asarray(y, dtype=float).reshape(-1, 1))
    return stats.indices()[:, 0]
