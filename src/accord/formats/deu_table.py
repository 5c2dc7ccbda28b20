"""DEU's tab-separated file, checked and grouped into proposals (see :mod:`accord.formats.deu`).

Row 1 is the header; a row whose identifier columns are empty is the copy's GDP row (one figure
per actor); every other row is one issue. Cells are checked here and every problem is reported
with its line; :mod:`accord.formats.deu` turns the grouped rows into cases.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from accord.errors import ImportFileError
from accord.formats.deu_dates import DateError, decode_date

# DEU's actor column suffixes → (accord actor id, name); the Commission and Parliament first
ACTORS: dict[str, tuple[str, str]] = {
    "com": ("COM", "European Commission"), "ep": ("EP", "European Parliament"),
    "at": ("AT", "Austria"), "be": ("BE", "Belgium"), "bu": ("BG", "Bulgaria"),
    "cr": ("HR", "Croatia"), "cy": ("CY", "Cyprus"), "cz": ("CZ", "Czechia"),
    "dk": ("DK", "Denmark"), "ee": ("EE", "Estonia"), "fi": ("FI", "Finland"),
    "fr": ("FR", "France"), "de": ("DE", "Germany"), "el": ("EL", "Greece"),
    "hu": ("HU", "Hungary"), "ie": ("IE", "Ireland"), "it": ("IT", "Italy"),
    "lv": ("LV", "Latvia"), "lt": ("LT", "Lithuania"), "lu": ("LU", "Luxembourg"),
    "mt": ("MT", "Malta"), "nl": ("NL", "Netherlands"), "pl": ("PL", "Poland"),
    "pt": ("PT", "Portugal"), "ro": ("RO", "Romania"), "si": ("SI", "Slovenia"),
    "sk": ("SK", "Slovakia"), "es": ("ES", "Spain"), "se": ("SE", "Sweden"),
    "uk": ("UK", "United Kingdom"),
}  # fmt: skip
INSTITUTIONS = ("COM", "EP")
IDENTIFIERS = ("prnr", "prname", "isnr", "council", "proc", "counvte", "intro", "finact")
PROCEDURES = {"COD": "ordinary legislative procedure (codecision)", "CNS": "consultation"}

Problems = list[tuple[str, str]]


@dataclass
class IssueRow:
    """One issue: positions and saliences (0–100) by actor id, reference point and outcome."""

    line: int
    id: str
    vote: str  # "QMV" or "Unan"
    vote_code: str  # as in the file (e.g. "QMV(10)")
    council: str
    positions: dict[str, float]
    saliences: dict[str, float | None]
    rp: float | None
    out: float | None


@dataclass
class Proposal:
    """A proposal's shared cells and its issues."""

    code: str
    name: str
    proc: str
    intro: dt.date
    intro_raw: str
    intro_rule: str
    finact: dt.date | None
    finact_raw: str
    finact_rule: str
    stated_issues: str
    issues: list[IssueRow] = field(default_factory=list)


@dataclass
class Table:
    """The file's proposals in order and the GDP row (actor id → figure), if any."""

    proposals: dict[str, Proposal]
    gdp: dict[str, float]


def _number(cell: str, what: str, where: str, problems: Problems) -> float | None:
    if not cell.strip():
        return None
    try:
        x = float(cell)
    except ValueError:
        problems.append((where, f"{what} must be a number, got {cell!r}"))
        return None
    if not 0 <= x <= 100:
        problems.append((where, f"{what} must lie in 0..100, got {x:g}"))
        return None
    return x


def _vote(code: str, where: str, problems: Problems) -> str:
    if code.startswith("QMV"):
        return "QMV"
    if code.lower().startswith("unan"):
        return "Unan"
    problems.append((where, f"Council voting rule (counvte) {code!r} is neither QMV nor "
                     "unanimity"))
    return "QMV"


def _issue(line: int, row: dict[str, str], problems: Problems) -> IssueRow:
    where = f"line {line}"
    positions: dict[str, float] = {}
    saliences: dict[str, float | None] = {}
    for suffix, (actor, name) in ACTORS.items():
        x = _number(row[f"p{suffix}"], f"the position of {name}", where, problems)
        s = _number(row[f"s{suffix}"], f"the salience of {name}", where, problems)
        if x is not None:
            positions[actor], saliences[actor] = x, s
    return IssueRow(
        line=line,
        id=row["isnr"],
        vote=_vote(row["counvte"], where, problems),
        vote_code=row["counvte"],
        council=row["council"],
        positions=positions,
        saliences=saliences,
        rp=_number(row["rp"], "the reference point (rp)", where, problems),
        out=_number(row["out"], "the outcome (out)", where, problems),
    )


def _proposal(line: int, row: dict[str, str], problems: Problems) -> Proposal | None:
    where = f"line {line}"
    if row["proc"] not in PROCEDURES:
        problems.append((where, f"procedure {row['proc']!r} is not one this reader models "
                         f"({', '.join(PROCEDURES)})"))
    try:
        intro, intro_rule = decode_date(row["intro"])
    except DateError as err:
        problems.append((where, f"introduction date (intro): {err}"))
        return None
    if intro is None:
        problems.append((where, "the introduction date (intro) is missing; it is the case's "
                         "date"))
        return None
    try:
        finact, finact_rule = decode_date(row["finact"])
    except DateError as err:
        finact, finact_rule = None, f"garbled beyond repair ({err})"
    return Proposal(row["prnr"], row["prname"], row["proc"], intro, row["intro"], intro_rule,
                    finact, row["finact"], finact_rule, row["issues"])


def _same_proposal(p: Proposal, row: dict[str, str], line: int, problems: Problems) -> None:
    """The cells a proposal's issues share must agree (the voting rule may differ by issue)."""
    first = p.issues[0].line
    for col, value in (("prname", p.name), ("proc", p.proc), ("intro", p.intro_raw),
                       ("finact", p.finact_raw)):
        if row[col] != value:
            problems.append((f"line {line}", f"{col} {row[col]!r} differs from {value!r} at "
                             f"line {first}, an issue of the same proposal {p.code}"))


def _gdp(row: dict[str, str], line: int, problems: Problems) -> dict[str, float]:
    gdp = {}
    for suffix, (actor, name) in ACTORS.items():
        cell = row[f"p{suffix}"].strip()
        try:
            gdp[actor] = float(cell)
        except ValueError:
            problems.append((f"line {line}", f"the GDP row's figure for {name} must be a "
                             f"number, got {cell!r}"))
    return gdp


def _rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ImportFileError(path, [("", f"cannot read the file: {err.strerror}")]) from None
    except UnicodeDecodeError as err:
        raise ImportFileError(path, [("", f"not UTF-8 text: {err.reason}")]) from None
    return list(csv.reader(text.splitlines(), delimiter="\t"))


def _header(path: Path, rows: list[list[str]]) -> list[str]:
    header = [c.strip() for c in rows[0]] if rows else []
    needed = [*IDENTIFIERS, "issues", "rp", "out"]
    needed += [f"{k}{s}" for k in "ps" for s in ACTORS]
    missing = [c for c in needed if c not in header]
    if missing:
        raise ImportFileError(path, [("line 1", "not a DEU file: the header lacks "
                                      + ", ".join(missing[:12])
                                      + (" …" if len(missing) > 12 else ""))])
    return header


def read_table(path: Path) -> Table:
    """The proposals of a DEU file; raises :class:`ImportFileError` listing every problem."""
    rows = _rows(path)
    header = _header(path, rows)
    problems: Problems = []
    proposals: dict[str, Proposal] = {}
    gdp: dict[str, float] = {}
    for line, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append((f"line {line}", f"expected {len(header)} tab-separated cells, got "
                             f"{len(cells)}"))
            continue
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        if not any(row[c] for c in IDENTIFIERS):
            gdp = _gdp(row, line, problems)
            continue
        if not row["prnr"] or not row["isnr"]:
            problems.append((f"line {line}", "an issue row needs its proposal (prnr) and issue "
                             "(isnr) codes"))
            continue
        proposal = proposals.get(row["prnr"])
        if proposal is None:
            if (proposal := _proposal(line, row, problems)) is None:
                continue
            proposals[row["prnr"]] = proposal
        else:
            _same_proposal(proposal, row, line, problems)
        proposal.issues.append(_issue(line, row, problems))
    if not proposals and not problems:
        problems.append(("", "the file has no issue rows"))
    if problems:
        raise ImportFileError(path, problems)
    return Table(proposals, gdp)
