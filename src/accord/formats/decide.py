"""Read Decide's input files (the exchange model's CSV) into an accord :class:`Case`.

Decide (the ``decide-exchange-model`` project) reads rows keyed by their first cell:

- ``#A`` actor: id, full name, comment;
- ``#P`` issue: id, description (extra cells are joined to the description);
- ``#M`` a point of an issue's scale: issue, position, meaning (optional);
- ``#D`` actor, issue, position, salience, power, comment (optional);
- ``#O`` the title of the data set; ``#/`` and ``#0`` comments.

Two dialects exist: tab-separated with single-quoted cells (``cop21.csv``) and
semicolon-separated (``cop21-labelled.csv``, whose ``#M`` rows label the scale points).

Mapping to accord:

- An issue's scale runs from its lowest to its highest ``#M`` point (0–100 when it has none),
  as in Decide; positions are mapped linearly onto accord's 0–100 and every ``#M`` point becomes
  a labelled scale point (its meaning, or its value on Decide's scale when it has none).
- Decide gives power per actor *and issue*; accord has one capability per actor. The reader
  takes the actor's power as its capability and refuses a file whose power for one actor
  differs between issues (naming the line), rather than silently averaging.
- Salience is 0–1 in Decide's files; a file whose saliences exceed 1 is read as 0–100 (and the
  case notes say so). A file that mixes the scales (some saliences above 1, others strictly
  between 0 and 1) is refused, naming the lines.
- Numbers must be finite and no larger than 1e15 in size (``inf``, ``nan`` and ``1e308`` are
  refused with their line).
- Decide has no status quo: the exchange model starts from the stated positions. The reader
  sets each issue's status quo to the salience- and power-weighted mean of the positions
  (Decide's expected outcome before any exchange) and says so in the quantity's rationale.

Every problem is reported as an :class:`~accord.errors.ImportFileError` naming the file and the
line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from accord.case import Case, read_text
from accord.errors import ImportFileError, Problem
from accord.formats import csv_rows, imported_case, number
from accord.quantity import MAX_MAGNITUDE

_To100 = Callable[[str, float], float]  # (issue id, a position on Decide's scale) -> 0..100


@dataclass
class _Issue:
    id: str
    title: str
    points: dict[float, str] = field(default_factory=dict)


@dataclass
class _Stance:
    line: int
    actor: str
    issue: str
    position: float
    salience: float
    power: float


def _dialect(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    return "\t" if "\t" in first else ";"


def _number(cell: str, what: str, line: int, problems: list[Problem]) -> float | None:
    try:
        return number(cell)
    except ValueError:
        problems.append((f"line {line}", f"{what} must be a finite number no larger than "
                         f"{MAX_MAGNITUDE:g}, got {cell!r}"))
        return None


def _cells(row: list[str], needed: int, kind: str, line: int,
           problems: list[Problem]) -> list[str] | None:
    cells = [c.strip() for c in row[1:]]
    if len(cells) < needed or any(not c for c in cells[:needed]):
        problems.append((f"line {line}", f"a {kind} row needs {needed} non-empty values after "
                         f"the key, got {cells[:needed]}"))
        return None
    return cells


@dataclass
class _Rows:
    """What the rows of a Decide file say, and every problem found in them."""

    title: str | None = None
    actors: dict[str, str] = field(default_factory=dict)
    issues: dict[str, _Issue] = field(default_factory=dict)
    scale_points: list[tuple[int, str, float, str]] = field(default_factory=list)
    stances: list[_Stance] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _title_row(row: list[str], line: int, rows: _Rows) -> None:
    rows.title = next((c.strip() for c in row[1:] if c.strip()), rows.title)


def _actor_row(row: list[str], line: int, rows: _Rows) -> None:
    if cells := _cells(row, 1, "#A (actor)", line, rows.problems):
        rows.actors[cells[0]] = (cells[1] if len(cells) > 1 else "") or cells[0]


def _issue_row(row: list[str], line: int, rows: _Rows) -> None:
    if cells := _cells(row, 1, "#P (issue)", line, rows.problems):
        rows.issues[cells[0]] = _Issue(cells[0], next((c for c in cells[1:] if c), cells[0]))


def _scale_row(row: list[str], line: int, rows: _Rows) -> None:
    if (cells := _cells(row, 2, "#M (scale point)", line, rows.problems)) and (
        x := _number(cells[1], "the scale point", line, rows.problems)
    ) is not None:
        rows.scale_points.append((line, cells[0], x, " ".join(c for c in cells[2:] if c)))


def _stance_row(row: list[str], line: int, rows: _Rows) -> None:
    cells = _cells(row, 5, "#D (actor, issue, position, salience, power)", line, rows.problems)
    if not cells:
        return
    nums = [_number(cells[i], what, line, rows.problems)
            for i, what in ((2, "position"), (3, "salience"), (4, "power"))]
    if None not in nums:
        x, s, c = (float(v) for v in nums if v is not None)
        rows.stances.append(_Stance(line, cells[0], cells[1], x, s, c))


_ROW_READERS = {"#O": _title_row, "#A": _actor_row, "#P": _issue_row, "#M": _scale_row,
                "#D": _stance_row}
_COMMENTS = ("#/", "#0")


def _read_rows(path: Path, text: str) -> _Rows:
    """Every row by its key, then the ``#M`` scale points onto their issues."""
    rows = _Rows()
    for line, row in csv_rows(path, text.splitlines(), delimiter=_dialect(text), quotechar="'"):
        if not row or not any(c.strip() for c in row):
            continue
        key = row[0].strip()
        if key in _COMMENTS:
            continue
        if read := _ROW_READERS.get(key):
            read(row, line, rows)
        else:
            rows.problems.append((f"line {line}", f"unknown row key {key!r} (expected #A, #P, "
                                  "#M, #D, #O, #/ or #0)"))
    for line, issue, x, meaning in rows.scale_points:
        if issue not in rows.issues:
            rows.problems.append((f"line {line}", f"#M row for unknown issue {issue!r}"))
        else:
            rows.issues[issue].points[x] = meaning
    return rows


def read_decide(path: str | Path) -> Case:
    """Read a Decide input file (either dialect) as a validated accord case."""
    path = Path(path)
    rows = _read_rows(path, read_text(path, ImportFileError))
    if rows.problems:
        raise ImportFileError(path, rows.problems)
    return _case(path, rows.title or path.stem, rows.actors, rows.issues, rows.stances)


def _case(path: Path, title: str, actors: dict[str, str], issues: dict[str, _Issue],
          stances: list[_Stance]) -> Case:
    problems: list[Problem] = []
    power: dict[str, tuple[float, int]] = {}
    bounds = {}
    for i in issues.values():
        lo, hi = (min(i.points), max(i.points)) if i.points else (0.0, 100.0)
        if hi <= lo:
            problems.append(("", f"issue {i.id!r}: its scale points span nothing ({lo:g}..{hi:g})"))
        bounds[i.id] = (lo, hi)
    rescale, mixed = _salience_scale(stances)
    problems += mixed
    seen: dict[tuple[str, str], int] = {}
    for s in stances:
        where = f"line {s.line}"
        if s.actor not in actors:
            problems.append((where, f"unknown actor {s.actor!r} (no #A row)"))
        if s.issue not in issues:
            problems.append((where, f"unknown issue {s.issue!r} (no #P row)"))
            continue
        if (s.actor, s.issue) in seen:
            problems.append((where, f"second row for {s.actor!r} on {s.issue!r} "
                             f"(first at line {seen[s.actor, s.issue]})"))
        seen.setdefault((s.actor, s.issue), s.line)
        lo, hi = bounds[s.issue]
        if not lo <= s.position <= hi:
            problems.append((where, f"position {s.position:g} lies outside the scale "
                             f"{lo:g}..{hi:g} of issue {s.issue!r}"))
        if not 0 <= s.salience <= rescale:
            problems.append((where, f"salience must lie in 0..{rescale:g}, got {s.salience:g}"))
        if s.power <= 0:
            problems.append((where, f"power must be positive, got {s.power:g}"))
        first = power.setdefault(s.actor, (s.power, s.line))
        if first[0] != s.power:
            problems.append((where, f"power {s.power:g} of {s.actor!r} differs from {first[0]:g} "
                             f"at line {first[1]}; accord keeps one capability per actor"))
    if problems:
        raise ImportFileError(path, problems)

    def to100(issue: str, x: float) -> float:
        lo, hi = bounds[issue]
        return round((x - lo) * 100.0 / (hi - lo), 10)

    positions = [
        {"actor": s.actor, "issue": s.issue, "position": to100(s.issue, s.position),
         "salience": s.salience / rescale}
        for s in stances
    ]
    data = {
        "title": title,
        "actors": [{"id": a, "name": name, "capability": power.get(a, (1.0, 0))[0]}
                   for a, name in actors.items()],
        "issues": [
            {"id": i.id, "title": i.title,
             "scale": _scale(i, bounds[i.id], to100),
             "status_quo": _weighted_mean(i.id, stances, power, rescale, to100)}
            for i in issues.values()
        ],
        "positions": positions,
        "notes": f"Imported from the Decide input file {path.name}."
                 + (" Its saliences were given on 0–100 and are divided by 100 here."
                    if rescale != 1 else ""),
    }
    return imported_case(data, path)


def _salience_scale(stances: list[_Stance]) -> tuple[float, list[Problem]]:
    """100 when the file gives saliences on 0–100 (some above 1), else 1. A file that mixes
    scales (some above 1, others strictly between 0 and 1) is refused, naming one line of
    each, rather than rescaling every salience silently."""
    above = [s for s in stances if s.salience > 1]
    if not above:
        return 1.0, []
    fractions = [s for s in stances if 0 < s.salience < 1]
    if not fractions:
        return 100.0, []
    hi, lo = above[0], fractions[0]
    return 100.0, [(f"line {lo.line}", (
        f"salience {lo.salience:g} reads as the 0–1 scale, but line {hi.line} gives "
        f"{hi.salience:g} (the 0–100 scale); give every salience on one scale "
        f"({len(fractions)} row(s) below 1, {len(above)} above 1)"))]


def _scale(issue: _Issue, bounds: tuple[float, float], to100: _To100) -> dict[float, str]:
    lo, hi = bounds
    points = issue.points or {lo: "", hi: ""}
    return {to100(issue.id, x): meaning or f"{x:g} on Decide's scale"
            for x, meaning in points.items()}


def _weighted_mean(issue: str, stances: list[_Stance], power: dict[str, tuple[float, int]],
                   rescale: float, to100: _To100) -> dict[str, float | str]:
    rows = [s for s in stances if s.issue == issue]
    weight = sum(power[s.actor][0] * s.salience for s in rows)
    value = (sum(power[s.actor][0] * s.salience * to100(issue, s.position) for s in rows) / weight
             if weight > 0 else 50.0)
    return {
        "value": round(min(max(value, 0.0), 100.0), 6),
        "rationale": "Decide has no status quo; set to the power- and salience-weighted mean "
                     "of the stated positions (Decide's expected outcome before exchanges)",
    }
