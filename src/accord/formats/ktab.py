"""Read KTAB's CSV input (KAPSARC's Spatial Model of Politics) into an accord :class:`Case`.

The format (KTAB ``examples/smp``): line 1 is ``scenario name, description, number of actors,
number of dimensions``; line 2 the header ``Actor, Description, Power|Influence, Pstn1, Sal1,
…``; then one row per actor: name, description, influence, and a position and a salience per
dimension, all on 0–100. Rows may end with a trailing comma; cells may be double-quoted.

Mapping to accord: influence → capability; each dimension → an issue on 0–100 (ends labelled
with their value: KTAB does not label its scales); position → position; salience/100 →
salience. In KTAB an actor's saliences are shares of one attention budget: its reader
(``smpread.cpp``) refuses a salience above 100 and a row whose saliences add up to more than
100. accord reads such a row by scaling that actor's saliences down proportionally so that they
add up to 100, and lists every actor so treated in the case notes. KTAB has no status quo; as
for Decide files, each issue's status quo is set to the influence- and salience-weighted mean
of the positions, with that rationale.

Every problem is reported as an :class:`~accord.errors.ImportFileError` naming the file and the
line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from accord.case import Case, read_text
from accord.errors import ImportFileError, Problem
from accord.formats import csv_rows, imported_case, number


def _read(path: Path) -> list[tuple[int, list[str]]]:
    text = read_text(path, ImportFileError)
    rows = []
    for line, row in csv_rows(path, text.splitlines(), skipinitialspace=True):
        cells = [c.strip() for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append((line, cells))
    return rows


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "dimension"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


@dataclass(frozen=True)
class _Scenario:
    """Line 1: the scenario's name, its description, and the announced counts."""

    line: int
    cells: list[str]
    n_actors: int
    n_dims: int

    @property
    def width(self) -> int:
        """Columns of the header and of every actor row."""
        return 3 + 2 * self.n_dims


@dataclass(frozen=True)
class _ActorRow:
    id: str
    name: str
    power: float
    positions: list[float]
    saliences: list[float]  # 0..100, scaled down when they added up to more than 100


def read_ktab(path: str | Path) -> Case:
    """Read a KTAB SMP CSV file as a validated accord case."""
    path = Path(path)
    rows = _read(path)
    if len(rows) < 2:
        raise ImportFileError(path, [("", "a KTAB file needs a scenario line and a header line")])
    scenario = _scenario(path, *rows[0])
    dims = _dimensions(path, scenario, rows[1], rows[2:])
    problems: list[Problem] = []
    table: list[_ActorRow] = []
    rescaled: list[str] = []
    for line, cells in rows[2:]:
        if row := _actor_row(f"line {line}", cells, scenario.width, dims, problems):
            if sum(row.saliences) > 100:
                rescaled.append(f"{row.id} ({sum(row.saliences):g})")
            table.append(_within_budget(row))
    if problems:
        raise ImportFileError(path, problems)
    return imported_case(_case_data(path, scenario, dims, table, rescaled), path)


def _scenario(path: Path, line: int, head: list[str]) -> _Scenario:
    if len(head) < 4:
        raise ImportFileError(path, [(f"line {line}", "the scenario line needs name, "
                                      "description, number of actors and number of dimensions, "
                                      f"got {head}")])
    try:
        return _Scenario(line, head, int(head[-2]), int(head[-1]))
    except ValueError:
        raise ImportFileError(path, [(f"line {line}", "the number of actors and of dimensions "
                                      f"must be whole numbers, got {head[-2]!r} and "
                                      f"{head[-1]!r}")]) from None


def _dimensions(path: Path, scenario: _Scenario, header_row: tuple[int, list[str]],
                actor_rows: list[tuple[int, list[str]]]) -> list[tuple[str, str]]:
    """The dimensions as (issue id, title), once the header and the row count fit line 1."""
    problems: list[Problem] = []
    line, header = header_row
    if len(header) != scenario.width:
        problems.append((f"line {line}", f"the header needs {scenario.width} columns for "
                         f"{scenario.n_dims} dimension(s), got {len(header)}"))
    if len(actor_rows) != scenario.n_actors:
        problems.append((f"line {scenario.line}", f"announces {scenario.n_actors} actors, the "
                         f"file has {len(actor_rows)}"))
    if problems:
        raise ImportFileError(path, problems)
    taken: set[str] = set()
    return [(_slug(header[3 + 2 * d], taken), header[3 + 2 * d]) for d in range(scenario.n_dims)]


def _actor_row(where: str, cells: list[str], width: int, dims: list[tuple[str, str]],
               problems: list[Problem]) -> _ActorRow | None:
    """One actor's row, or None with its problems added to ``problems``."""
    if len(cells) != width:
        problems.append((where, f"expected {width} values, got {len(cells)}"))
        return None
    try:
        values = [number(c) for c in cells[2:]]
    except ValueError as err:
        problems.append((where, f"influence, positions and saliences must be finite numbers: "
                                f"{err}"))
        return None
    row = _ActorRow(cells[0], cells[1] or cells[0], values[0], values[1::2], values[2::2])
    if row.power <= 0:
        problems.append((where, f"influence must be positive, got {row.power:g}"))
    for (_, title), x, s in zip(dims, row.positions, row.saliences, strict=True):
        if not 0 <= x <= 100:
            problems.append((where, f"position on {title!r} must lie in 0..100, got {x:g}"))
        if s < 0:
            problems.append((where, f"salience on {title!r} must be >= 0, got {s:g}"))
    return row


def _within_budget(row: _ActorRow) -> _ActorRow:
    """The row with its saliences scaled down to add up to 100 when they add up to more."""
    total = sum(row.saliences)
    if total <= 100:
        return row
    return replace(row, saliences=[s * 100 / total for s in row.saliences])


def _case_data(path: Path, scenario: _Scenario, dims: list[tuple[str, str]],
               table: list[_ActorRow], rescaled: list[str]) -> dict[str, Any]:
    """The case, as data to validate."""
    about = ", ".join(c for c in scenario.cells[1:-2] if c)  # the description may hold commas
    notes = f"{about} (imported from the KTAB file {path.name})." if about else (
        f"Imported from the KTAB file {path.name}.")
    if rescaled:
        notes += (" Saliences scaled to add up to 100, as KTAB's attention budget requires, for: "
                  + ", ".join(rescaled) + ".")
    issues = []
    for d, (slug, title) in enumerate(dims):
        weight = sum(r.power * r.saliences[d] for r in table)
        mean = (sum(r.power * r.saliences[d] * r.positions[d] for r in table) / weight
                if weight else 50.0)
        issues.append({
            "id": slug, "title": title,
            "scale": {0: "0 on KTAB's scale", 100: "100 on KTAB's scale"},
            "status_quo": {"value": round(mean, 6), "rationale": (
                "KTAB has no status quo; set to the influence- and salience-weighted mean of "
                "the positions")},
        })
    return {
        "title": scenario.cells[0],
        "actors": [{"id": r.id, "name": r.name, "capability": r.power} for r in table],
        "issues": issues,
        "positions": [
            {"actor": r.id, "issue": dims[d][0], "position": r.positions[d],
             "salience": round(r.saliences[d] / 100, 10)}
            for r in table for d in range(scenario.n_dims)
        ],
        "notes": notes,
    }
