"""Numbers an analyst types, with their uncertainty.

A quantity in a case file is either a plain number (``70``) or a mapping that states how sure
the analyst is:

- ``{value: 70, sd: 10}``: normal around 70 with standard deviation 10;
- ``{low: 50, high: 90}``: uniform between 50 and 90 (central value 70);
- ``{value: 60, low: 50, high: 90}``: triangular with mode 60 on [50, 90].

Any form may add ``rationale``: why the analyst chose the number. Static forecasts use the
central value; Monte Carlo samples from the stated distribution, clipped to the quantity's
valid range.
"""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, ConfigDict, model_serializer, model_validator

MAX_MAGNITUDE = 1e15  # larger numbers are refused: no scale accord uses needs them


class Quantity(BaseModel):
    """A number with an optional uncertainty and the analyst's rationale."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    value: float | None = None
    sd: float | None = None
    low: float | None = None
    high: float | None = None
    rationale: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, data: object) -> object:
        if isinstance(data, int | float) and not isinstance(data, bool):
            if isinstance(data, int) and abs(data) > MAX_MAGNITUDE:
                raise ValueError(f"{_magnitude(data)} exceeds {MAX_MAGNITUDE:g} in size")
            return {"value": float(data)}
        if isinstance(data, dict | Quantity):
            return data
        raise ValueError(
            f"expected a number or a mapping {{value, sd}} / {{low, high}}, got {data!r}"
        )

    @model_validator(mode="after")
    def _consistent(self) -> Quantity:
        for name in ("value", "sd", "low", "high"):
            x = getattr(self, name)
            if x is not None and abs(x) > MAX_MAGNITUDE:
                raise ValueError(f"'{name}' ({x:g}) exceeds {MAX_MAGNITUDE:g} in size")
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("give 'value', or both 'low' and 'high'")
        if (self.low is None) != (self.high is None):
            raise ValueError("'low' and 'high' go together")
        if self.sd is not None:
            if self.sd < 0:
                raise ValueError(f"'sd' must be >= 0, got {self.sd:g}")
            if self.low is not None:
                raise ValueError("give either 'sd' or 'low'/'high', not both")
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise ValueError(f"'low' ({self.low:g}) is above 'high' ({self.high:g})")
            if self.value is not None and not self.low <= self.value <= self.high:
                raise ValueError(
                    f"'value' ({self.value:g}) lies outside [low, high] = "
                    f"[{self.low:g}, {self.high:g}]"
                )
        return self

    @model_serializer(mode="wrap")
    def _compact(self, handler: Any) -> Any:
        data = {k: v for k, v in handler(self).items() if v is not None}
        return data["value"] if set(data) == {"value"} else data

    @property
    def central(self) -> float:
        """The value a static forecast uses."""
        if self.value is not None:
            return self.value
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2

    @property
    def uncertain(self) -> bool:
        return bool(self.sd) or (self.low is not None and self.high != self.low)


def _magnitude(n: int) -> str:
    """A huge integer, shortly: ``a 400-digit number`` (never printed: Python refuses to print
    integers of more than 4,300 digits)."""
    return f"a {math.floor(abs(n).bit_length() * math.log10(2)) + 1}-digit number"
