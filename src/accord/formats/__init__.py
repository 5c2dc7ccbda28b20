"""Importers for other tools' input files (Decide, KTAB): each returns an accord :class:`Case`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.case import Case, parse_case
from accord.errors import CaseError, ImportFileError


def imported_case(data: dict[str, Any], path: Path) -> Case:
    """Validate the case an importer built from ``path``; what does not validate is a problem
    of the imported file (:class:`~accord.errors.ImportFileError`)."""
    try:
        return parse_case(data, path)
    except CaseError as e:
        raise ImportFileError(path, e.problems) from None
