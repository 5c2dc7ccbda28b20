"""The capability prior of a drafted actor, from a small shipped table the analyst overrides.

``data/capability.yaml`` holds a CINC share of world material capabilities for common states
and blocs (Correlates of War, National Material Capabilities v6.0, CINC 2016, written from the
data set by ``scripts/capability_prior.py``) and a default share per actor kind. A case's
capability is relative, so the prior is each actor's share over the largest share among the
case's actors, square-root damped (bargaining clout grows less than in proportion to material
capabilities: the ratio of the United States' to Russia's CINC, about 4, becomes 2), with the
range the table's ``spread`` (× and ÷) gives."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from accord.quantity import Quantity


@dataclass(frozen=True)
class Prior:
    share: float
    known: bool  # from the table, not the kind's default
    source: str


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    text = files("accord.draft").joinpath("data/capability.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def prior(name: str, kind: str) -> Prior:
    """The table's share for an actor name, else the default of its kind."""
    t = table()
    entries = {**t["states"], **t["blocs"]}
    if name in entries:
        return Prior(float(entries[name]), True, t["source"])
    return Prior(float(t["defaults"].get(kind, t["defaults"]["group"])), False,
                 f"default for a {kind} not in the table")


def _relative(share: float, top: float) -> float:
    return round(min(1.0, (share / top) ** 0.5), 3)


def capabilities(actors: dict[str, str]) -> dict[str, Quantity]:
    """The capability prior of each actor (name → kind), relative to the strongest."""
    priors = {name: prior(name, kind) for name, kind in actors.items()}
    top = max((p.share for p in priors.values()), default=1.0)
    spread = float(table()["spread"])
    out = {}
    for name, p in priors.items():
        out[name] = Quantity(
            value=_relative(p.share, top), low=_relative(p.share / spread, top),
            high=_relative(p.share * spread, top),
            rationale=(f"prior, for the analyst to override: share {p.share:g} ({p.source}), "
                       f"square root of its ratio to the largest share in the case ({top:g})"),
        )
    return out
