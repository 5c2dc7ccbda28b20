"""The options of the expected utility model (see :mod:`accord.models.eum` for what each
means and where it comes from)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class EUMOptions:
    q: float = 1.0
    t: float = 1.0
    risk: Literal["security", "neutral"] = "security"
    probability: Literal["pairwise", "global", "net"] = "pairwise"
    acceptance: Literal["closest", "priority", "strongest", "scholz"] = "closest"
    votes: Literal["linear", "risk"] = "linear"
    mu: Literal["median", "mean"] = "median"
    scale: float | None = None
    max_rounds: int = 100
    tol: float = 1e-2

    def __post_init__(self) -> None:
        checks = [
            (0.0 <= self.q <= 1.0, f"q must be in [0, 1], not {self.q}"),
            (0.0 <= self.t <= 1.0, f"t must be in [0, 1], not {self.t}"),
            (self.risk in ("security", "neutral"), f"unknown risk variant {self.risk!r}"),
            (
                self.probability in ("pairwise", "global", "net"),
                f"unknown probability variant {self.probability!r}",
            ),
            (
                self.acceptance in ("closest", "priority", "strongest", "scholz"),
                f"unknown acceptance rule {self.acceptance!r}",
            ),
            (self.votes in ("linear", "risk"), f"unknown vote variant {self.votes!r}"),
            (self.mu in ("median", "mean"), f"unknown median variant {self.mu!r}"),
            (self.scale is None or self.scale > 0, f"scale must be positive, not {self.scale}"),
            (self.max_rounds >= 1, f"max_rounds must be at least 1, not {self.max_rounds}"),
            (self.tol >= 0, f"tol must be non-negative, not {self.tol}"),
        ]
        for ok, message in checks:
            if not ok:
                raise ValueError(message)
