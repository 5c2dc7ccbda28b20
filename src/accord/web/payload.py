"""Case data from a request body: finite numbers only, then the case schema (as the CLI)."""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel

from accord.case import Case, field_path, parse_case
from accord.errors import CaseError, Problem


class CaseBody(BaseModel):
    """A request carrying the case as the page holds it (unsaved edits included)."""

    case: dict[str, Any]


def non_finite(data: Any, loc: tuple[int | str, ...] = ()) -> list[Problem]:
    """Every NaN or infinite number in ``data``, by field path (JSON lets Python read them)."""
    if isinstance(data, float) and not math.isfinite(data):
        return [(field_path(loc), f"must be a finite number, got {data}")]
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in non_finite(v, (*loc, str(k)))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in non_finite(v, (*loc, i))]
    return []


def case_from(data: Any, where: str = "case") -> Case:
    """Validate ``data`` as a case; :class:`CaseError` (every problem, by field) otherwise."""
    problems = non_finite(data)
    if problems:
        raise CaseError(where, problems)
    return parse_case(data, where)
