"""The models accord can run, by name.

Each entry maps a :class:`~accord.models.arrays.CaseArrays` (whose arrays may carry leading
sample axes) to outcomes ``[..., k]`` on the issues' scale. The ``ensemble`` entry (the shipped
ensemble file's) is built when first used, so importing the registry reads no file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from accord.errors import OptionError
from accord.models import exchange_rules, procedural, static
from accord.models.arrays import CaseArrays
from accord.models.memory import limit, require, sample_bytes

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble


@dataclass(frozen=True)
class Model:
    name: str
    label: str
    summary: str
    run: Callable[[CaseArrays], np.ndarray]
    reference: str = ""  # the paper the model follows, as the brief cites it
    needs_decision: bool = False  # runs only on a case with a ``decision`` block
    # a model built on others' forecasts: their names, and how it combines them
    needs: tuple[str, ...] = ()
    combine: Callable[[CaseArrays, dict[str, np.ndarray]], np.ndarray] | None = None

    def applies_to(self, a: CaseArrays) -> bool:
        """Whether the case holds what the model needs (a decision rule, for procedural ones)."""
        return not self.needs_decision or a.rule is not None


def _samples(a: CaseArrays) -> int:
    """Samples on the leading axes of ``a`` (1 without a sample axis)."""
    return math.prod(a.X.shape[:-2])


def _eum(a: CaseArrays, name: str) -> np.ndarray:
    """The EUM's forecasts (``eum``: median, ``eum-mean``: mean), run on as many issues at a
    time as fit in the memory limit: each issue is a game of its own."""
    from accord.models import eum  # (not loaded for the static models alone)

    m, (n, k) = _samples(a), a.shape
    require(name, m, n, 1)  # one issue at a time must fit
    block = max(1, limit() // max(1, m * sample_bytes(name, n, 1)))
    out = []
    for j in range(0, k, block):
        cols = slice(j, j + block)
        r = eum.run_issues(a.c, a.X[..., cols], a.S[..., cols], a.has[..., cols], record=False)
        out.append(r.forecast_mean if name == "eum-mean" else r.forecast)
    return np.concatenate(out, axis=-1)


def _exchange(a: CaseArrays) -> np.ndarray:
    from accord.models import exchange  # (not loaded for the static models alone)

    # samples run in blocks of bounded size (exchange.CANDIDATE_BUDGET): one must fit
    require("exchange", 1, *a.shape)
    return exchange.run(a)


class Registry(MutableMapping[str, Model]):
    """Models by name, in order; an entry added with :meth:`later` is built on first use and
    kept (the shipped ensemble reads its file then, not when the registry is imported)."""

    def __init__(self, models: tuple[Model, ...]) -> None:
        self._entries: dict[str, Model | Callable[[], Model]] = {m.name: m for m in models}

    def later(self, name: str, build: Callable[[], Model]) -> None:
        self._entries[name] = build

    def __getitem__(self, name: str) -> Model:
        entry = self._entries[name]
        if not isinstance(entry, Model):
            entry = self._entries[name] = entry()
        return entry

    def __contains__(self, name: object) -> bool:  # (without building the entry)
        return name in self._entries

    def __setitem__(self, name: str, model: Model) -> None:
        self._entries[name] = model

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


MODELS = Registry(
    (
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
            "asymmetric Nash bargaining among the veto players, status quo as disagreement "
            "(without veto players: among all actors, each one's worst outcome as "
            "disagreement); quadratic loss u = -s (x - x_i)^2, bargaining weight "
            "capability × salience",
            lambda a: static.nash(a.c, a.X, a.S, a.sq, players=a.veto),
            "Nash 1950, The bargaining problem, Econometrica 18(2); Achen 2006",
        ),
        Model(
            "procedural",
            "Procedural (agenda setter)",
            "the proposer's best offer that the voting rule and every actor who must consent "
            "accept over the status quo (needs the case's decision block)",
            procedural.run,
            "Steunenberg 1994, J. Theoretical Politics 6(4); Tsebelis 1994, APSR 88(1); "
            "Thomson, Stokman, Achen & König (eds.) 2006, The European Union Decides",
            needs_decision=True,
        ),
        Model(
            "procedural-costly",
            "Procedural, costly reference point",
            "the procedural model when failing to agree costs every actor as much as an "
            f"outcome {procedural.COSTLY_KAPPA:g} points from its ideal",
            lambda a: procedural.run(a, procedural.COSTLY_KAPPA),
            "Franchino & Mariotto 2022, Bargaining outcomes and success in EU economic "
            "governance reforms, Political Science Research and Methods 10(2)",
            needs_decision=True,
        ),
        Model(
            "eum",
            "Expected utility (Bueno de Mesquita)",
            "rounds of challenges, offers and concessions until positions settle; "
            "the weighted median of the final positions",
            lambda a: _eum(a, "eum"),
            "Scholz, Calbert & Smith 2011, Unravelling Bueno de Mesquita's group decision "
            "model, J. Theoretical Politics 23(4); Bueno de Mesquita 1994",
        ),
        Model(
            "eum-mean",
            "Expected utility, mean",
            "the same rounds as eum; the capability × salience weighted mean of the final "
            "positions",
            lambda a: _eum(a, "eum-mean"),
            "Scholz, Calbert & Smith 2011, J. Theoretical Politics 23(4)",
        ),
        Model(
            "exchange",
            "Exchange (equal gain)",
            "Stokman's vote-trading model: pairs trade moves across issues for equal gains; "
            f"expected outcome after {exchange_rules.ROUNDS} rounds",
            _exchange,
            "Stokman & Van Oosten 1994, in Bueno de Mesquita & Stokman (eds.), European "
            "Community Decision Making; Dijkstra, Van Assen & Stokman 2008, J. Conflict "
            "Resolution 52(2)",
        ),
    )
)


def component_forecasts(a: CaseArrays, needs: tuple[str, ...]) -> dict[str, np.ndarray]:
    """The forecasts of the models ``needs`` that apply to ``a`` (each run on its own)."""
    return {n: MODELS[n].run(a) for n in needs if MODELS[n].applies_to(a)}


def ensemble_model(ensemble: Ensemble | None = None) -> Model:
    """The ``ensemble`` model combining as ``ensemble`` (an ensemble file already read; None:
    the shipped one, read on first use); it runs the component models it combines on the
    arrays it is given: a mean's members, or every model for learned weights."""
    from accord.ensemble.schema import components, default_ensemble

    ens = default_ensemble() if ensemble is None else ensemble
    needs = components(ens.how())
    what = (f"the equal-weight mean of {', '.join(ens.members)}" if ens.combination == "mean"
            else "the compromise forecast moved by weights fitted on cases with known outcomes "
            "(least absolute deviations, penalty chosen by cross-validation by case)")
    return Model(
        "ensemble",
        "Ensemble",
        "a combination of the other models' forecasts, read from an ensemble file (accord "
        f"fit; {'the shipped one' if ensemble is None else 'one given'}): {what}",
        lambda a: ens.predict(a, component_forecasts(a, needs)),
        "Bates & Granger 1969, The combination of forecasts, Operational Research Quarterly "
        "20(4); Clemen 1989, Int. J. Forecasting 5(4); Wang, Li & Jiang 2007, J. Business & "
        "Economic Statistics 25(3)",
        needs=needs,
        combine=ens.predict,
    )


MODELS.later("ensemble", ensemble_model)

# the static models; dynamic (eum, eum-mean, exchange) and procedural ones run when named
DEFAULT_MODELS = ("compromise", "median", "nash")


def resolve(
    names: str | list[str] | tuple[str, ...] | None, ensemble: Ensemble | None = None
) -> list[Model]:
    """Models by name (a comma-separated string or a list); ``None`` gives the defaults.
    ``ensemble``: the ensemble the ``ensemble`` model combines as (default: the shipped one).
    An unknown name raises :class:`~accord.errors.OptionError`."""
    if names is None:
        wanted = list(DEFAULT_MODELS)
    elif isinstance(names, str):
        wanted = [n.strip() for n in names.split(",") if n.strip()]
    else:
        wanted = list(names)
    unknown = [n for n in wanted if n not in MODELS]
    if unknown:
        raise OptionError(
            "--model", f"unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODELS)}"
        )
    if ensemble is not None and "ensemble" in wanted:
        custom = ensemble_model(ensemble)
        return [custom if n == "ensemble" else MODELS[n] for n in wanted]
    return [MODELS[n] for n in wanted]
