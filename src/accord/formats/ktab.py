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

Every problem is reported as a :class:`~accord.case.CaseError` naming the file and the line.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from accord.case import Case, CaseError, parse_case, read_text


def _read(path: Path) -> list[tuple[int, list[str]]]:
    text = read_text(path)
    rows = []
    for line, row in enumerate(csv.reader(text.splitlines(), skipinitialspace=True), start=1):
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


def read_ktab(path: str | Path) -> Case:
    """Read a KTAB SMP CSV file as a validated accord case."""
    path = Path(path)
    rows = _read(path)
    if len(rows) < 2:
        raise CaseError(path, [("", "a KTAB file needs a scenario line and a header line")])
    (line1, head), (line2, header) = rows[0], rows[1]
    if len(head) < 4:
        raise CaseError(path, [(f"line {line1}", "the scenario line needs name, description, "
                                f"number of actors and number of dimensions, got {head}")])
    try:
        n_actors, n_dims = int(head[-2]), int(head[-1])
    except ValueError:
        raise CaseError(path, [(f"line {line1}", "the number of actors and of dimensions must "
                                f"be whole numbers, got {head[-2]!r} and {head[-1]!r}")]) from None
    width = 3 + 2 * n_dims
    problems: list[tuple[str, str]] = []
    if len(header) != width:
        problems.append((f"line {line2}", f"the header needs {width} columns for {n_dims} "
                         f"dimension(s), got {len(header)}"))
    actors = rows[2:]
    if len(actors) != n_actors:
        problems.append((f"line {line1}", f"announces {n_actors} actors, the file has "
                         f"{len(actors)}"))
    if problems:
        raise CaseError(path, problems)
    taken: set[str] = set()
    dims = [(_slug(header[3 + 2 * d], taken), header[3 + 2 * d]) for d in range(n_dims)]
    table: list[tuple[str, str, float, list[float], list[float]]] = []
    rescaled: list[str] = []
    for line, cells in actors:
        where = f"line {line}"
        if len(cells) != width:
            problems.append((where, f"expected {width} values, got {len(cells)}"))
            continue
        try:
            values = [float(c) for c in cells[2:]]
        except ValueError as err:
            problems.append((where, f"influence, positions and saliences must be numbers: {err}"))
            continue
        power, pos, sal = values[0], values[1::2], values[2::2]
        if power <= 0:
            problems.append((where, f"influence must be positive, got {power:g}"))
        for d, (x, s) in enumerate(zip(pos, sal, strict=True)):
            if not 0 <= x <= 100:
                problems.append((where, f"position on {dims[d][1]!r} must lie in 0..100, "
                                 f"got {x:g}"))
            if s < 0:
                problems.append((where, f"salience on {dims[d][1]!r} must be >= 0, got {s:g}"))
        total = sum(sal)
        if total > 100:
            sal = [s * 100 / total for s in sal]
            rescaled.append(f"{cells[0]} ({total:g})")
        table.append((cells[0], cells[1] or cells[0], power, pos, sal))
    if problems:
        raise CaseError(path, problems)
    about = ", ".join(c for c in head[1:-2] if c)  # the description may hold commas
    notes = f"{about} (imported from the KTAB file {path.name})." if about else (
        f"Imported from the KTAB file {path.name}.")
    if rescaled:
        notes += (" Saliences scaled to add up to 100, as KTAB's attention budget requires, for: "
                  + ", ".join(rescaled) + ".")
    issues = []
    for d, (slug, title) in enumerate(dims):
        weight = sum(p * s[d] for _, _, p, _, s in table)
        mean = sum(p * s[d] * x[d] for _, _, p, x, s in table) / weight if weight else 50.0
        issues.append({
            "id": slug, "title": title,
            "scale": {0: "0 on KTAB's scale", 100: "100 on KTAB's scale"},
            "status_quo": {"value": round(mean, 6), "rationale": (
                "KTAB has no status quo; set to the influence- and salience-weighted mean of "
                "the positions")},
        })
    data = {
        "title": head[0],
        "actors": [{"id": a, "name": name, "capability": p} for a, name, p, _, _ in table],
        "issues": issues,
        "positions": [
            {"actor": a, "issue": dims[d][0], "position": x[d], "salience": round(s[d] / 100, 10)}
            for a, _, _, x, s in table for d in range(n_dims)
        ],
        "notes": notes,
    }
    return parse_case(data, path)
