"""The models accord can run, by name.

Each entry maps a :class:`~accord.models.arrays.CaseArrays` (whose arrays may carry leading
sample axes) to outcomes ``[..., k]`` on the issues' scale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from accord.models import static
from accord.models.arrays import CaseArrays


@dataclass(frozen=True)
class Model:
    name: str
    label: str
    summary: str
    run: Callable[[CaseArrays], np.ndarray]
    reference: str = ""  # the paper the model follows, as the brief cites it


MODELS: dict[str, Model] = {
    m.name: m
    for m in (
        Model(
            "compromise",
            "Compromise (weighted mean)",
            "mean of positions weighted by capability × salience",
            lambda a: static.compromise(a.c, a.X, a.S),
            "Achen 2006, in Thomson, Stokman, Achen & König (eds.), The European Union Decides",
        ),
        Model(
            "median",
            "Weighted median",
            "position of the actor holding the median of capability × salience weight",
            lambda a: static.weighted_median(a.c, a.X, a.S),
            "Black 1948, On the rationale of group decision-making, J. Political Economy 56(1)",
        ),
        Model(
            "nash",
            "Nash bargaining",
            "asymmetric Nash bargaining among the veto players, status quo as disagreement; "
            "quadratic loss u = -s (x - x_i)^2, bargaining weight capability × salience",
            lambda a: static.nash(a.c, a.X, a.S, a.sq, players=a.veto),
            "Nash 1950, The bargaining problem, Econometrica 18(2); Achen 2006",
        ),
    )
}
DEFAULT_MODELS = tuple(MODELS)


def resolve(names: str | list[str] | tuple[str, ...] | None) -> list[Model]:
    """Models by name (a comma-separated string or a list); ``None`` gives the defaults."""
    if names is None:
        wanted = list(DEFAULT_MODELS)
    elif isinstance(names, str):
        wanted = [n.strip() for n in names.split(",") if n.strip()]
    else:
        wanted = list(names)
    unknown = [n for n in wanted if n not in MODELS]
    if unknown:
        raise KeyError(f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODELS)}")
    return [MODELS[n] for n in wanted]
