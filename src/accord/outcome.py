"""What was decided: the coded outcome of an issue, for backtests and calibration.

An issue may carry ``outcome: {value, date, source, rationale}``: where the decision landed on
the issue's 0–100 scale (a :class:`~accord.quantity.Quantity`, so a coder unsure of the mapping
states a range), when it was decided, the id of the case source that documents it, and why
that scale point was chosen.

An outcome is known only after the case's ``date``; it is there to score forecasts, never to
make them. No model, sweep or draft reads it: the models' arrays are built from actors,
positions and status quos alone (:mod:`accord.models.arrays`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from accord.quantity import Quantity

if TYPE_CHECKING:
    from accord.case import Case


class Outcome(BaseModel):
    """The decision on one issue, coded on the issue's scale after the fact."""

    model_config = ConfigDict(extra="forbid")

    value: Quantity = Field(description="where the decision lies on the issue's 0–100 scale")
    date: dt.date = Field(description="when it was decided; after the case's date")
    source: str = Field(min_length=1, description="id of the case source that documents it")
    rationale: str = Field(min_length=1, description="how the scale point was chosen")


def outcome_problems(case: Case) -> list[tuple[str, str]]:
    """Cross-field problems of the issues' outcomes: on the scale, dated after the case, and
    citing one of the case's sources."""
    from accord.case import SCALE_MAX, SCALE_MIN, _ranged  # case.py imports this module

    source_ids = {s.id for s in case.sources}
    problems: list[tuple[str, str]] = []
    for i, issue in enumerate(case.issues):
        outcome = issue.outcome
        if outcome is None:
            continue
        where = f"issues[{i}].outcome"
        if msg := _ranged(outcome.value, SCALE_MIN, SCALE_MAX, "outcome"):
            problems.append((f"{where}.value", msg))
        if case.date is not None and outcome.date <= case.date:
            problems.append(
                (f"{where}.date", f"the outcome ({outcome.date}) must come after the case's "
                 f"date ({case.date}): a case is what was knowable before the decision")
            )
        if outcome.source not in source_ids:
            problems.append((f"{where}.source", f"cites unknown source {outcome.source!r}"))
    return problems
