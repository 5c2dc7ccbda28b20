"""Read DEU (Decision-making in the European Union) into accord cases, one per proposal.

DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53, CC BY 4.0) codes controversial issues
of EU legislative proposals, 1996–2019: per issue, the Commission's, the Parliament's and each
member state's position and salience on a 0–100 scale, the reference point and the decision
outcome. The file layout is read by :mod:`accord.formats.deu_table`; ``accord import FILE
--format deu -o DIR`` writes ``DIR/<proposal>.yaml`` for every proposal. How the reader maps
DEU onto a case (each written case repeats the rules as they applied to it in its ``notes``):

- **One case per proposal** (``prnr``); its issues (``isnr``) share the actors.
- **Actors, capabilities and vetoes**: see :mod:`accord.formats.deu_actors` (Council voting
  weights at the introduction date, with ``--capability votes|equal|gdp``; the Commission as
  heavy as the largest state; the Parliament as heavy as the Council under COD and a veto
  player there; every state a veto player under unanimity).
- **Positions** as coded, on 0–100; an empty cell is no position. **Salience** 0–100 is divided
  by 100 (a case's salience runs 0–1); a position without a salience (37 in the development
  half) gets a salience uncertain over 0–1, with that rationale.
- **Status quo**: DEU's reference point ``rp`` (the outcome if no law is adopted); an issue
  without one gets a status quo uncertain over the whole scale, ``{low: 0, high: 100}``.
- **Dates**: decoded by :mod:`accord.formats.deu_dates`. The case's ``date`` is the
  introduction date (``intro``): DEU's positions are those taken at the start of the
  negotiation.
- **Outcome**: ``out`` becomes the issue's ``outcome`` (source ``deu3``), dated by the final
  act (``finact``). Where ``finact`` is missing (``999``), garbled beyond repair, or not after
  the introduction, the outcome is dated 31 December 2021, the end of the year DEU III was
  published: an upper bound on when the outcome was known, never the adoption date, so a
  backtest that filters by date cannot use it too early. The notes say so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from accord.case import Case, CaseError, parse_case
from accord.errors import ImportFileError
from accord.formats.deu_actors import (
    DEFAULT_POWERS,
    Capability,
    Powers,
    proposal_actors,
    unanimous,
)
from accord.formats.deu_table import PROCEDURES, IssueRow, Proposal, read_table

SOURCE_ID = "deu3"
SOURCE = {
    "id": SOURCE_ID,
    "title": "Decision-making in the European Union (DEU III) data set; Arregui & Perarnaud "
             "2021, doi:10.34810/data53, CC BY 4.0",
    "publisher": "CORA. Repositori de Dades de Recerca",
    "url": "https://doi.org/10.34810/data53",
}
OUTCOME_FALLBACK = dt.date(2021, 12, 31)
SCALE = {0: "0 on DEU's scale for this issue", 100: "100 on DEU's scale for this issue"}


def _status_quo(issue: IssueRow) -> dict[str, object]:
    if issue.rp is None:
        return {"low": 0.0, "high": 100.0,
                "rationale": "DEU gives no reference point for this issue: uncertain over the "
                             "whole scale"}
    return {"value": issue.rp, "rationale": "DEU's reference point (rp): the outcome if no "
                                            "law is adopted"}


def _salience(s: float | None) -> object:
    if s is None:
        return {"low": 0.0, "high": 1.0,
                "rationale": "DEU gives this position but no salience: uncertain over 0..1"}
    return round(s / 100, 10)


def _outcome_date(p: Proposal) -> tuple[dt.date, str]:
    """The outcome's date and the sentence of the notes that explains it."""
    got = f"finact {p.finact_raw!r}"
    if p.finact is not None and p.finact > p.intro:
        return p.finact, f"{got} read as {p.finact_rule} → {p.finact}, the outcome's date."
    why = ("is missing" if p.finact_rule == "missing" else
           f"is not after the introduction ({p.finact})" if p.finact is not None else
           p.finact_rule)
    return OUTCOME_FALLBACK, (
        f"{got} {why}: outcomes are dated {OUTCOME_FALLBACK}, the end of the year DEU III "
        "was published, an upper bound on when they were known (not the adoption date).")


def _issue(p: Proposal, issue: IssueRow, outcome_date: dt.date, k: int) -> dict[str, object]:
    data: dict[str, object] = {
        "id": issue.id,
        "title": f"{p.name}: issue {k} of {len(p.issues)}",
        "scale": SCALE,
        "status_quo": _status_quo(issue),
        "description": f"DEU issue {issue.id} of proposal {p.code} ({issue.council} Council, "
                       f"{issue.vote_code}).",
    }
    if issue.out is not None:
        data["outcome"] = {
            "value": issue.out, "date": outcome_date.isoformat(), "source": SOURCE_ID,
            "rationale": "DEU's decision outcome (out), coded by the data set's experts on the "
                         "issue's scale",
        }
    return data


def _notes(p: Proposal, path: Path, date_note: str, actor_notes: list[str]) -> str:
    first, last = p.issues[0].line, p.issues[-1].line
    notes = [
        f"Imported from DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53, CC BY 4.0), "
        f"file {path.name}, proposal {p.code} (lines {first}–{last}).",
        f"Procedure {p.proc} ({PROCEDURES[p.proc]}); Council vote "
        + ", ".join(sorted({i.vote_code for i in p.issues}))
        + (" (read as unanimity)" if unanimous(p) else " (read as qualified majority)") + ".",
        f"Dates: intro {p.intro_raw!r} read as {p.intro_rule} → {p.intro}, the case's date; "
        + date_note,
        *actor_notes,
        "Positions as coded on 0–100 (empty cell: no position; member states with no position "
        "on any issue are left out); saliences divided by 100, a position without a salience "
        "gets one uncertain over 0..1. Status quo: DEU's reference point (rp), or uncertain "
        "over 0..100 where there is none.",
    ]
    if p.stated_issues and p.stated_issues != str(len(p.issues)):
        notes.append(f"DEU's issues column says {p.stated_issues} issues; the file has "
                     f"{len(p.issues)} rows for this proposal.")
    if missing := [i.id for i in p.issues if i.out is None]:
        notes.append("No outcome coded for: " + ", ".join(missing) + ".")
    return "\n".join(notes)


def proposal_case(p: Proposal, path: Path, capability: Capability,
                  gdp: dict[str, float], powers: Powers = DEFAULT_POWERS) -> Case:
    """The validated case of one proposal."""
    rule = proposal_actors(p, capability, gdp, powers)
    present = {a["id"] for a in rule.actors}
    outcome_date, date_note = _outcome_date(p)
    data = {
        "title": f"DEU {p.code}: {p.name}",
        "date": p.intro.isoformat(),
        "question": f"Where will the EU's decision on proposal {p.code} ({p.name}) land on "
                    "each contested issue?",
        "venue": f"EU legislative procedure ({p.proc})",
        "actors": rule.actors,
        "issues": [_issue(p, i, outcome_date, k) for k, i in enumerate(p.issues, start=1)],
        "positions": [
            {"actor": a, "issue": i.id, "position": x, "salience": _salience(i.saliences[a])}
            for i in p.issues for a, x in i.positions.items() if a in present
        ],
        "sources": [SOURCE],
        "decision": rule.decision,
        "notes": _notes(p, path, date_note, rule.notes),
    }
    return parse_case(data, path)


def read_deu(
    path: str | Path, capability: Capability = "votes", powers: Powers = DEFAULT_POWERS
) -> dict[str, Case]:
    """One validated case per proposal of a DEU file, by proposal code (in file order);
    ``powers``: the Commission's and Parliament's capabilities (see
    :mod:`accord.formats.deu_actors`).

    Raises :class:`~accord.errors.ImportFileError` naming the line of every problem.
    """
    path = Path(path)
    table = read_table(path)
    if capability == "gdp" and not table.gdp:
        raise ImportFileError(path, [("", "--capability gdp needs the GDP row (the row whose "
                                      "identifier columns are empty); the file has none")])
    cases: dict[str, Case] = {}
    problems: list[tuple[str, str]] = []
    for code, p in table.proposals.items():
        try:
            cases[code] = proposal_case(p, path, capability, table.gdp, powers)
        except CaseError as err:
            where = f"line {p.issues[0].line}"
            problems += [(where, f"proposal {code}: {f or '(top level)'}: {msg}")
                         for f, msg in err.problems]
    if problems:
        raise ImportFileError(path, problems)
    return cases
