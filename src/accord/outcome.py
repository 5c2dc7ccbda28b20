"""What was decided: the coded outcome of an issue, for backtests and calibration.

An issue may carry ``outcome: {value, date, source, rationale}``: where the decision landed on
the issue's 0–100 scale (a :class:`~accord.quantity.Quantity`, so a coder unsure of the mapping
states a range), when it was decided, the id of the case source that documents it, and why
that scale point was chosen.

An outcome is known only after the case's ``date``; it is there to score forecasts, never to
make them. No model, sweep or draft reads it: the models' arrays are built from actors,
positions and status quos alone (:mod:`accord.models.arrays`). The cross-checks (on the
scale, dated after the case, citing a case source) are part of :func:`accord.case.check`.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from accord.quantity import Quantity


class Outcome(BaseModel):
    """The decision on one issue, coded on the issue's scale after the fact."""

    model_config = ConfigDict(extra="forbid")

    value: Quantity = Field(description="where the decision lies on the issue's 0–100 scale")
    date: dt.date = Field(description="when it was decided; after the case's date")
    source: str = Field(min_length=1, description="id of the case source that documents it")
    rationale: str = Field(min_length=1, description="how the scale point was chosen")
