"""The brief's "Likely trades" section: the first round of the exchange model, in words.

Stokman's exchange model (:mod:`accord.models.exchange`) has actors trade moves across two
issues: each gives ground where it cares less and gains it where it cares more, for the same
gain. Its first round is the model's most direct statement of who could deal with whom over
what on the case as it stands; later rounds trade again from positions partly moved and are
summed up by the model's forecast (``accord forecast --model exchange``).

:func:`likely_trades` runs the model (the brief's caller does, :mod:`accord.report.compose`);
:func:`section` shows what it found.
"""

from __future__ import annotations

from accord.case import Case
from accord.models.arrays import CaseArrays
from accord.models.exchange import ROUNDS, exchange_model
from accord.report.types import BriefInput, Move, Trade, Trades

SHOWN = 8  # trades listed; the rest are counted


def likely_trades(case: Case, arrays: CaseArrays, shown: int = SHOWN) -> Trades | None:
    """The exchange model's first-round trades on ``case`` (``None`` when it finds none)."""
    run = exchange_model(arrays.c, arrays.X, arrays.S, arrays.has, ROUNDS,
                         arrays.actors, arrays.issues)
    first = [k for k in range(len(run)) if run.round[k] == 0]
    if not first:
        return None
    actors, issues = case.actors, case.issues

    def move(k: int, side: str) -> Move:
        a, i = getattr(run, f"actor_{side}")[k], getattr(run, f"issue_{side}")[k]
        return Move(actors[a], issues[i], float(getattr(run, f"x_{side}")[k]),
                    float(getattr(run, f"y_{side}")[k]))

    trades = [Trade(move(k, "i"), move(k, "j"), float(run.gain[k])) for k in first[:shown]]
    forecast = {i.id: float(v) for i, v in zip(issues, run.forecast, strict=True)}
    return Trades(trades, max(0, len(first) - shown), ROUNDS, forecast)


def section(inp: BriefInput) -> Trades | None:
    """Build function for :data:`accord.report.brief.SECTIONS`: the trades the brief was given."""
    return inp.trades
