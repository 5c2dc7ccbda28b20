"""Least absolute deviations with an L1 penalty, as a linear programme.

MAE is what the backtest scores, so the ensemble minimises it directly (least absolute
deviations: Koenker & Bassett 1978, *Econometrica* 46(1)); an L1 penalty on the weights
(the LAD-lasso of Wang, Li & Jiang 2007, *J. Business & Economic Statistics* 25(3)) shrinks
them towards 0, i.e. towards the compromise model, and sets weak ones to exactly 0. With
``β = b⁺ − b⁻`` and residuals ``r − zβ = u⁺ − u⁻`` the problem

    minimise  (1/n) Σ_i (u⁺_i + u⁻_i) + λ Σ_j (b⁺_j + b⁻_j)
    subject to z b⁺ − z b⁻ + u⁺ − u⁻ = r,  b±, u± ≥ 0

is a linear programme (solved by HiGHS through ``scipy.optimize.linprog``).
"""

from __future__ import annotations

import numpy as np


def objective(z: np.ndarray, r: np.ndarray, beta: np.ndarray, penalty: float) -> float:
    """``mean |r − zβ| + λ Σ |β|``."""
    return float(np.mean(np.abs(r - z @ beta)) + penalty * np.abs(beta).sum())


def fit_lad(z: np.ndarray, r: np.ndarray, penalty: float = 0.0) -> np.ndarray:
    """The weights ``β[p]`` minimising :func:`objective` for rows ``z[n, p]``, ``r[n]``."""
    from scipy.optimize import linprog

    n, p = z.shape
    if n == 0:
        return np.zeros(p)
    cost = np.concatenate([np.full(2 * p, penalty), np.full(2 * n, 1.0 / n)])
    eye = np.eye(n)
    a_eq = np.hstack([z, -z, eye, -eye])
    res = linprog(cost, A_eq=a_eq, b_eq=r, bounds=(0, None), method="highs")
    if res.status != 0:
        raise RuntimeError(f"the LAD programme failed: {res.message}")
    return np.asarray(res.x[:p] - res.x[p:2 * p], dtype=float)
