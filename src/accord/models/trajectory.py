"""Round-by-round trajectories of the dynamic models, one issue at a time.

A :class:`Trajectory` is model-neutral: the positions of the actors taking part at every
round, the forecast per round (weighted median and mean) and the interactions that moved
positions. ``accord rounds`` prints it and the brief charts it. A dynamic model plugs in by
adding a :class:`DynamicModel` to :data:`TRAJECTORIES`: a function ``(CaseArrays, issue index,
options) -> Trajectory`` and the dataclass of its typed options, whose constructor checks the
values (ValueError). ``accord rounds --option NAME=VALUE`` builds that dataclass from what the
user typed (:mod:`accord.cli.options`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from accord.errors import OptionError
from accord.models import eum, exchange
from accord.models.arrays import CaseArrays
from accord.models.memory import require
from accord.models.static import weighted_median


@dataclass(frozen=True)
class Interaction:
    """In round ``round`` (1-based), ``actor`` moved from ``before`` to ``after`` on
    ``partner``'s offer; ``kind`` says how (e.g. conflict, compromise, capitulation)."""

    round: int
    actor: str
    partner: str
    kind: str
    before: float
    after: float


@dataclass(frozen=True)
class Trajectory:
    model: str
    issue: str
    actors: list[str]
    positions: np.ndarray  # [rounds + 1, len(actors)]
    median: np.ndarray  # [rounds + 1]
    mean: np.ndarray  # [rounds + 1]
    converged: bool
    interactions: list[Interaction] = field(default_factory=list)

    @property
    def rounds(self) -> int:
        return len(self.positions) - 1

    @property
    def rounds_text(self) -> str:
        return f"{self.rounds} round{'' if self.rounds == 1 else 's'}"

    def to_dict(self) -> dict[str, Any]:
        def num(v: float) -> float | None:
            return None if np.isnan(v) else round(float(v), 6)

        return {
            "model": self.model,
            "issue": self.issue,
            "rounds": self.rounds,
            "converged": self.converged,
            "actors": self.actors,
            "positions": [[num(v) for v in row] for row in self.positions],
            "median": [num(v) for v in self.median],
            "mean": [num(v) for v in self.mean],
            "interactions": [
                {
                    "round": i.round,
                    "actor": i.actor,
                    "partner": i.partner,
                    "kind": i.kind,
                    "before": num(i.before),
                    "after": num(i.after),
                }
                for i in self.interactions
            ],
        }


@dataclass(frozen=True)
class ExchangeOptions:
    """Options of the exchange model's rounds."""

    rounds: int = exchange.ROUNDS

    def __post_init__(self) -> None:
        if self.rounds < 1:
            raise ValueError(f"rounds must be at least 1, not {self.rounds}")


def eum_trajectory(
    arrays: CaseArrays, issue: int, options: eum.EUMOptions | None = None
) -> Trajectory:
    """The EUM run on issue ``issue`` of a case (central values, no sample axes)."""
    res = eum.run(
        arrays.c,
        arrays.X[:, issue],
        arrays.S[:, issue],
        arrays.has[:, issue],
        options,
    )
    taking_part = np.flatnonzero(res.active)
    names = [arrays.actors[i] for i in taking_part]
    moves = []
    for t in range(res.kind.shape[0]):
        for i in taking_part:
            if res.kind[t, i] != eum.Kind.NONE:
                moves.append(
                    Interaction(
                        round=t + 1,
                        actor=arrays.actors[i],
                        partner=arrays.actors[res.proposer[t, i]],
                        kind=eum.Kind(res.kind[t, i]).name.lower(),
                        before=float(res.positions[t, i]),
                        after=float(res.positions[t + 1, i]),
                    )
                )
    return Trajectory(
        model="eum",
        issue=arrays.issues[issue],
        actors=names,
        positions=res.positions[:, taking_part],
        median=res.median,
        mean=res.mean,
        converged=bool(res.converged),
        interactions=moves,
    )


def exchange_trajectory(
    arrays: CaseArrays, issue: int, options: ExchangeOptions | None = None
) -> Trajectory:
    """The exchange model's rounds seen from issue ``issue``: positions at the start of each
    round and after the last one, and every exchange in which an actor moved on this issue
    (its partner moved on another issue in return)."""
    rounds = (options or ExchangeOptions()).rounds
    run = exchange.exchange_model(arrays.c, arrays.X, arrays.S, arrays.has, rounds)
    taking_part = np.flatnonzero(arrays.has[:, issue])
    path = np.concatenate([run.starts[:, :, issue], run.voting[None, :, issue]])
    weights = arrays.S[:, issue][None, :, None]
    median = weighted_median(
        arrays.c, path[:, :, None], np.broadcast_to(weights, (*path.shape, 1))
    )
    mean = np.concatenate([run.mds_start[:, issue], run.mds_voting[-1:, issue]])
    moves = []
    for r in range(len(run)):
        for mover, partner, moved_on, before, after in (
            (run.actor_i[r], run.actor_j[r], run.issue_i[r], run.x_i[r], run.y_i[r]),
            (run.actor_j[r], run.actor_i[r], run.issue_j[r], run.x_j[r], run.y_j[r]),
        ):
            if moved_on == issue:
                moves.append(
                    Interaction(
                        round=int(run.round[r]) + 1,
                        actor=arrays.actors[mover],
                        partner=arrays.actors[partner],
                        kind="exchange",
                        before=float(before),
                        after=float(after),
                    )
                )
    return Trajectory(
        model="exchange",
        issue=arrays.issues[issue],
        actors=[arrays.actors[i] for i in taking_part],
        positions=path[:, taking_part],
        median=median[:, 0],
        mean=mean,
        converged=not bool(np.any(run.round == rounds - 1)),
        interactions=moves,
    )


@dataclass(frozen=True)
class DynamicModel:
    """A model with rounds: its run on one issue and the dataclass of its options."""

    run: Callable[[CaseArrays, int, Any], Trajectory]
    options: type[Any]


TRAJECTORIES: dict[str, DynamicModel] = {
    "eum": DynamicModel(eum_trajectory, eum.EUMOptions),
    "exchange": DynamicModel(exchange_trajectory, ExchangeOptions),
}


def dynamic_model(name: str) -> DynamicModel:
    """The dynamic model ``name``; :class:`~accord.errors.OptionError` when it has no rounds."""
    if name not in TRAJECTORIES:
        raise OptionError(
            "--model", f"model {name!r} has no rounds; choose from {', '.join(TRAJECTORIES)}"
        )
    return TRAJECTORIES[name]


def trajectory(
    arrays: CaseArrays, model: str, issue_id: str, options: object | None = None
) -> Trajectory:
    """The trajectory of ``model`` on the issue ``issue_id``, run with ``options`` (an instance
    of the model's :attr:`DynamicModel.options`; None for the defaults).
    :class:`~accord.errors.OptionError` names an unknown model or issue."""
    dynamic = dynamic_model(model)
    if issue_id not in arrays.issues:
        raise OptionError(
            "--issue", f"unknown issue {issue_id!r}; the case has {', '.join(arrays.issues)}"
        )
    if options is not None and not isinstance(options, dynamic.options):
        raise TypeError(f"{model} takes {dynamic.options.__name__}, not {type(options).__name__}")
    n, k = arrays.shape
    require(model, 1, n, k if model == "exchange" else 1)  # the EUM runs on the one issue
    return dynamic.run(arrays, arrays.issues.index(issue_id), options)
