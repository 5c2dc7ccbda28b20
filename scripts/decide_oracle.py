"""Run decide-exchange-model's equal-gain model on one input file and print the result as JSON.

This script runs *inside* the throw-away virtualenv that ``make_decide_fixtures.py`` (or
``bench/models.py``) creates: it imports the ``decide`` package (GPL-3.0), drives its own
classes (reader, model factory, model loop) and records what they do. No decide code is copied.

Two changes make decide deterministic, and accord's exchange model follows the same rules:

1. Ties. decide breaks ties between equally good exchanges at random
   (``EqualGainModel.highest_gain`` with ``ALLOW_RANDOM``). Here the exchange realised is the
   first one *created* (issue pair, then group pair A–D before B–C, then actor order) among
   those whose gain is within ``TIE`` of the best.
2. Rounding noise. Before a move, decide checks whether it would push the expected outcome
   past the partner's position (``AbstractExchangeActor.check_nbs``). When an earlier exchange
   already put the outcome exactly there, the difference is zero in exact arithmetic, which
   decide's own test treats as "not past"; in its 28-digit decimals it comes out as ±1e-26,
   and the sign of that noise decides. Here a difference within ``TIE`` counts as zero.

Usage: python decide_oracle.py INPUT ROUNDS (prints JSON, with the model's run time)
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from decimal import Decimal

from decide import __version__
from decide.data.modelfactory import ModelFactory
from decide.data.reader import InputDataFile
from decide.model.base import AbstractExchangeActor
from decide.model.equalgain import EqualGainModel
from decide.model.observers.observer import Observable, Observer
from decide.model.utils import ModelLoop

TIE = Decimal("1e-9")


def first_best(model: EqualGainModel):
    """Deterministic replacement of decide's random tie-break (see the module docstring)."""
    best = max(e.gain for e in model.exchanges)
    at = next(k for k, e in enumerate(model.exchanges) if e.gain >= best - TIE)
    if any(e.gain >= best - TIE for e in model.exchanges[at + 1:] if e.is_valid):
        model.tie_count += 1
    return model.exchanges.pop(at)


def exact_check(check_nbs):
    """Wrap decide's check_nbs: an outcome already at the partner's position is not crossed."""

    def check(actor) -> None:
        at = actor.adjust_nbs(actor.supply.position)
        if abs(actor.opposite_actor.demand.position - at) <= TIE:
            actor.nbs_0, actor.nbs_1 = at, actor.adjust_nbs(actor.y)
            return
        check_nbs(actor)

    return check


class Recorder(Observer):
    """Collect each round's realised exchanges and the positions around them."""

    def __init__(self, observable: Observable):
        super().__init__(observable)
        self.rounds: list[dict] = []

    def after_loop(self, realized, iteration, repetition):
        m = self.model_ref
        self.rounds.append({
            "round": iteration,
            "mds_start": {p.name: float(m.nbs[p]) for p in m.issues},
            "exchanges": [  # realised in this order
                {"gain": float(e.gain),
                 "i": _side(e.i), "j": _side(e.j)}
                for e in realized
            ],
        })

    def end_loop(self, iteration, repetition):
        m = self.model_ref
        self.voting = _positions(m)
        self.rounds[-1]["mds_voting"] = {p.name: float(m.nbs[p]) for p in m.issues}


def _side(x) -> dict:
    return {"actor": x.actor.actor_id, "supply": x.supply.issue.name,
            "demand": x.demand.issue.name, "x": float(x.supply.position), "y": float(x.y)}


def _positions(m) -> dict:
    return {p.name: {a.actor_id: float(ai.position) for a, ai in m.actor_issues[p].items()}
            for p in m.issues}


def run(path: str, rounds: int) -> dict:
    EqualGainModel.ALLOW_RANDOM = False
    EqualGainModel.highest_gain = first_best
    AbstractExchangeActor.check_nbs = exact_check(AbstractExchangeActor.check_nbs)
    data = InputDataFile.open(path)
    if not data.is_valid:
        raise SystemExit(f"decide rejects {path}: {data.errors}")
    model = ModelFactory(data)(model_klass=EqualGainModel, randomized_value=None)
    with tempfile.TemporaryDirectory() as out:
        events = Observable(model_ref=model, output_directory=out)
        recorder = Recorder(events)
        loop = ModelLoop(model, events, 0)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            loop.loop()
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "decide_exchange_model": __version__,
        "rounds": rounds,
        "tie_rule": f"gains within {TIE} of the best: the first created wins",
        "ties": model.tie_count,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "actors": [a.actor_id for a in model.actors],
        "issues": [p.name for p in model.issues],
        "history": recorder.rounds,
        "voting": recorder.voting,
        "final": _positions(model),
    }


if __name__ == "__main__":
    json.dump(run(sys.argv[1], int(sys.argv[2])), sys.stdout)
