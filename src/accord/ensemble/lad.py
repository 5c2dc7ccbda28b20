"""Least absolute deviations with an L1 penalty, as a linear programme.

MAE is what the backtest scores, so the ensemble minimises it directly (least absolute
deviations: Koenker & Bassett 1978, *Econometrica* 46(1)); an L1 penalty on the weights
(the LAD-lasso of Wang, Li & Jiang 2007, *J. Business & Economic Statistics* 25(3)) shrinks
them towards 0, i.e. towards the compromise model, and sets weak ones to exactly 0. With
``β = b⁺ − b⁻`` and residuals ``r − zβ = u⁺ − u⁻`` the problem

    minimise  (1/n) Σ_i (u⁺_i + u⁻_i) + λ Σ_j (b⁺_j + b⁻_j)
    subject to z b⁺ − z b⁻ + u⁺ − u⁻ = r,  b±, u± ≥ 0

is a linear programme (solved by HiGHS through ``scipy.optimize.linprog``).

``convex = m`` constrains the first ``m`` weights to ``β_j ≥ 0`` and ``Σ_{j<m} β_j ≤ 1``
(``b⁻_j = 0``, one more inequality): with offsets ``z_j = f_j − f_c`` the models' part of the
forecast is then a convex combination of the models, the base model taking ``1 − Σ β_j``, and
weights cannot cancel each other (forecast combination with convex weights: Bates & Granger
1969; Granger & Ramanathan 1984, *J. Forecasting* 3(2)).
"""

from __future__ import annotations

import numpy as np


def objective(z: np.ndarray, r: np.ndarray, beta: np.ndarray, penalty: float) -> float:
    """``mean |r − zβ| + λ Σ |β|``."""
    return float(np.mean(np.abs(r - z @ beta)) + penalty * np.abs(beta).sum())


def fit_lad(
    z: np.ndarray, r: np.ndarray, penalty: float = 0.0, convex: int = 0
) -> np.ndarray:
    """The weights ``β[p]`` minimising :func:`objective` for rows ``z[n, p]``, ``r[n]``; the
    first ``convex`` of them non-negative and summing to at most 1."""
    from scipy.optimize import linprog

    n, p = z.shape
    if not 0 <= convex <= p:
        raise ValueError(f"convex must be between 0 and {p}, got {convex}")
    if n == 0:
        return np.zeros(p)
    cost = np.concatenate([np.full(2 * p, penalty), np.full(2 * n, 1.0 / n)])
    eye = np.eye(n)
    a_eq = np.hstack([z, -z, eye, -eye])
    bounds: list[tuple[float, float | None]] = [(0.0, None)] * (2 * p + 2 * n)
    a_ub = b_ub = None
    if convex:
        bounds[p:p + convex] = [(0.0, 0.0)] * convex  # b⁻_j = 0: β_j ≥ 0
        a_ub = np.zeros((1, 2 * p + 2 * n))
        a_ub[0, :convex] = 1.0  # Σ b⁺_j ≤ 1
        b_ub = np.ones(1)
    res = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=r, bounds=bounds,
                  method="highs")
    if res.status != 0:
        raise RuntimeError(f"the LAD programme failed: {res.message}")
    return np.asarray(res.x[:p] - res.x[p:2 * p], dtype=float)
