"""Importers for other tools' input files (Decide, KTAB): each returns an accord :class:`Case`."""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from accord.case import Case, parse_case
from accord.errors import CaseError, ImportFileError
from accord.quantity import MAX_MAGNITUDE


def number(cell: str) -> float:
    """A cell as a finite number no larger than :data:`~accord.quantity.MAX_MAGNITUDE`;
    ValueError (saying why) otherwise."""
    x = float(cell.strip())
    if not math.isfinite(x):
        raise ValueError(f"{cell.strip()!r} is not a finite number")
    if abs(x) > MAX_MAGNITUDE:
        raise ValueError(f"{cell.strip()!r} exceeds {MAX_MAGNITUDE:g} in size")
    return x


def csv_rows(path: Path, lines: Iterable[str], **fmt: Any) -> Iterator[tuple[int, list[str]]]:
    """``(line number, cells)`` of a CSV text; a malformed row (e.g. a cell longer than the
    csv module's limit) is an :class:`~accord.errors.ImportFileError` naming its line."""
    reader = csv.reader(lines, **fmt)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise ImportFileError(path, [(f"line {reader.line_num}", f"unreadable CSV: {err}")]
                                  ) from None
        yield reader.line_num, row


def imported_case(data: dict[str, Any], path: Path) -> Case:
    """Validate the case an importer built from ``path``; what does not validate is a problem
    of the imported file (:class:`~accord.errors.ImportFileError`)."""
    try:
        return parse_case(data, path)
    except CaseError as e:
        raise ImportFileError(path, e.problems) from None
