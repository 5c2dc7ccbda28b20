"""The case format: actors, issues, positions with evidence, and sources.

A case is what was knowable about a negotiation on its date. It loads from YAML or JSON,
validates as a whole (schema, ranges, cross-references) and reports every problem with the
file, the path to the field (``positions[3].salience``) and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_serializer,
    field_validator,
)

from accord.decision import Decision
from accord.errors import CaseError, InputError, Problem
from accord.io import write_atomic
from accord.outcome import Outcome
from accord.quantity import Quantity
from accord.yamlsafe import DataProblem, load_json, load_yaml

SCALE_MIN, SCALE_MAX = 0.0, 100.0
EvidenceKind = Literal["direct", "indirect", "inferred", "extracted"]
ActorKind = Literal["state", "bloc", "organisation", "person", "group"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Person(_Strict):
    """An official who speaks or acts for an actor."""

    name: str = Field(min_length=1)
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)


class Actor(_Strict):
    """A party to the negotiation: a state, a bloc, an organisation or a person."""

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: ActorKind = "state"
    capability: Quantity = Field(description="relative clout on any positive scale")
    veto: bool = Field(default=False, description="its consent is needed for any agreement")
    people: list[Person] = Field(default_factory=list)
    blocs: list[str] = Field(default_factory=list, description="ids or names of blocs it is in")
    aliases: list[str] = Field(default_factory=list, description="metonyms: Moscow, the Kremlin")
    notes: str | None = None


class Issue(_Strict):
    """One question on the table, as a 0–100 scale with labelled points."""

    id: str = Field(min_length=1)
    title: str = Field(min_length=1)
    scale: dict[float, str] = Field(description="labelled points; 0 and 100 are required")
    status_quo: Quantity
    description: str | None = None
    outcome: Outcome | None = Field(None, description="what was decided (for backtests only)")

    @field_validator("scale")
    @classmethod
    def _labelled_ends(cls, scale: dict[float, str]) -> dict[float, str]:
        outside = [k for k in scale if not SCALE_MIN <= k <= SCALE_MAX]
        if outside:
            raise ValueError(f"scale points {outside} lie outside 0..100")
        missing = [e for e in (SCALE_MIN, SCALE_MAX) if e not in scale]
        if missing:
            raise ValueError("the scale must label both ends, 0 and 100")
        return dict(sorted(scale.items()))

    @field_serializer("scale")
    def _integral_keys(self, scale: dict[float, str]) -> dict[float | int, str]:
        return {int(k) if float(k).is_integer() else k: v for k, v in scale.items()}

    def label(self, x: float) -> str:
        """The label of the labelled point nearest to ``x``."""
        return self.scale[min(self.scale, key=lambda k: abs(k - x))]


class Evidence(_Strict):
    """What backs a position: who said what, where."""

    source: str = Field(min_length=1, description="id of a source of the case")
    kind: EvidenceKind
    speaker: str | None = None
    quote: str | None = Field(None, description="verbatim from the source for direct/indirect")
    rationale: str | None = Field(None, description="the analyst's reasoning, for inferred")
    confidence: float | None = Field(None, ge=0, le=1, description="for extracted evidence")


class Position(_Strict):
    """An actor's stand on an issue: where it wants the outcome and how much it cares."""

    actor: str
    issue: str
    position: Quantity
    salience: Quantity = Field(description="0..1: how much the actor cares")
    evidence: list[Evidence] = Field(default_factory=list)
    rationale: str | None = None


class Source(_Strict):
    """A document the case cites."""

    id: str = Field(min_length=1)
    title: str
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    path: str | None = Field(default=None, description="local copy, relative to the case file")


class Meeting(_Strict):
    """A scheduled or past round of the talks."""

    date: dt.date | None = None
    title: str
    venue: str | None = None
    participants: list[str] = Field(default_factory=list)


class Case(_Strict):
    """A negotiation as known on ``date``."""

    title: str = Field(min_length=1)
    date: dt.date | None = None
    question: str | None = Field(default=None, description="what the analyst wants answered")
    venue: str | None = None
    actors: list[Actor]
    issues: list[Issue]
    positions: list[Position]
    sources: list[Source] = Field(default_factory=list)
    schedule: list[Meeting] = Field(default_factory=list)
    decision: Decision | None = Field(default=None, description="the decision rule, if known")
    notes: str | None = None

    def actor(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def issue(self, issue_id: str) -> Issue:
        return next(i for i in self.issues if i.id == issue_id)

    def position(self, actor_id: str, issue_id: str) -> Position | None:
        return next(
            (p for p in self.positions if p.actor == actor_id and p.issue == issue_id), None
        )


def field_path(loc: tuple[int | str, ...]) -> str:
    """``('positions', 3, 'salience')`` → ``positions[3].salience``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _pydantic_problems(err: ValidationError) -> list[Problem]:
    problems = []
    for e in err.errors():
        # drop pydantic's internal branch names (e.g. 'function-after[...]')
        loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and "[" in p))
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "finite_number":
            msg = f"must be a finite number, got {e['input']}"
        elif e["type"] == "float_type" and isinstance(e["input"], int):
            msg = "the number is too large"
        problems.append((field_path(loc), msg))
    return problems


def _ranged(q: Quantity, lo: float, hi: float | None, what: str) -> str | None:
    values = [q.central, *(v for v in (q.low, q.high) if v is not None)]
    if any(v < lo or (hi is not None and v > hi) for v in values):
        span = f"{lo:g}..{hi:g}" if hi is not None else f"> {lo:g}"
        return f"{what} must lie in {span}, got {_show(q)}"
    return None


def _show(q: Quantity) -> str:
    dumped = q.model_dump(exclude={"rationale"})
    return f"{dumped:g}" if isinstance(dumped, float) else json.dumps(dumped)


def check(case: Case) -> list[Problem]:
    """Cross-field problems that the schema alone cannot see."""
    actor_ids = {a.id for a in case.actors}
    issue_ids = {i.id for i in case.issues}
    source_ids = {s.id for s in case.sources}
    first: dict[tuple[str, str], int] = {}  # (actor, issue) -> index of its first position
    problems = _duplicate_ids(case) + _capabilities(case) + _status_quos(case)
    for i, p in enumerate(case.positions):
        problems += _position_problems(f"positions[{i}]", p, actor_ids, issue_ids, first)
        first.setdefault((p.actor, p.issue), i)
        for j, ev in enumerate(p.evidence):
            problems += _evidence_problems(f"positions[{i}].evidence[{j}]", ev, source_ids)
    problems += _silent_veto_players(case, set(first))
    problems += _outcome_problems(case, source_ids)
    problems += _decision_problems(case.decision, actor_ids)
    if not case.actors:
        problems.append(("actors", "a case needs at least one actor"))
    if not case.issues:
        problems.append(("issues", "a case needs at least one issue"))
    return problems


def _outcome_problems(case: Case, source_ids: set[str]) -> list[Problem]:
    """The issues' outcomes lie on the scale, come after the case's date and cite a source."""
    problems: list[Problem] = []
    for i, issue in enumerate(case.issues):
        outcome = issue.outcome
        if outcome is None:
            continue
        where = f"issues[{i}].outcome"
        if msg := _ranged(outcome.value, SCALE_MIN, SCALE_MAX, "outcome"):
            problems.append((f"{where}.value", msg))
        if case.date is not None and outcome.date <= case.date:
            problems.append(
                (f"{where}.date", f"the outcome ({outcome.date}) must come after the case's "
                 f"date ({case.date}): a case is what was knowable before the decision")
            )
        if outcome.source not in source_ids:
            problems.append((f"{where}.source", f"cites unknown source {outcome.source!r}"))
    return problems


def _decision_problems(decision: Decision | None, actor_ids: set[str]) -> list[Problem]:
    """The decision block names known actors, gives positive weights and has voters."""
    if decision is None:
        return []
    problems: list[Problem] = [
        (f"decision.{where}", f"unknown actor id {a!r}")
        for where, a in decision.actor_ids()
        if a not in actor_ids
    ]
    if isinstance(decision.weights, dict):
        problems += [
            (f"decision.weights.{a}", f"must be positive and finite, got {w:g}")
            for a, w in decision.weights.items()
            if not 0 < w < float("inf")
        ]
        voters = decision.voters if decision.voters is not None else sorted(actor_ids)
        problems += [
            ("decision.weights", f"voter {a!r} has no weight")
            for a in voters
            if a in actor_ids and a not in decision.weights
        ]
    if decision.voters is not None and not decision.voters:
        problems.append(("decision.voters", "a decision needs at least one voter"))
    return problems


def _duplicate_ids(case: Case) -> list[Problem]:
    """Actors, issues and sources each need ids of their own."""
    problems: list[Problem] = []
    for name, ids in (
        ("actors", [a.id for a in case.actors]),
        ("issues", [i.id for i in case.issues]),
        ("sources", [s.id for s in case.sources]),
    ):
        counts = Counter(ids)
        problems += [
            (f"{name}[{i}].id", f"duplicate id {x!r}") for i, x in enumerate(ids) if counts[x] > 1
        ]
    return problems


def _capabilities(case: Case) -> list[Problem]:
    """Capabilities are positive (a range may reach down to 0)."""
    return [
        (f"actors[{i}].capability", f"must be positive, got {_show(a.capability)}")
        for i, a in enumerate(case.actors)
        if a.capability.central <= 0 or (a.capability.low is not None and a.capability.low < 0)
    ]


def _status_quos(case: Case) -> list[Problem]:
    return [
        (f"issues[{i}].status_quo", msg)
        for i, issue in enumerate(case.issues)
        if (msg := _ranged(issue.status_quo, SCALE_MIN, SCALE_MAX, "status quo"))
    ]


def _position_problems(
    where: str,
    p: Position,
    actor_ids: set[str],
    issue_ids: set[str],
    first: dict[tuple[str, str], int],
) -> list[Problem]:
    """A position's references, its uniqueness (``first`` holds the positions before it) and
    its ranges."""
    problems: list[Problem] = []
    if p.actor not in actor_ids:
        problems.append((f"{where}.actor", f"unknown actor id {p.actor!r}"))
    if p.issue not in issue_ids:
        problems.append((f"{where}.issue", f"unknown issue id {p.issue!r}"))
    if (p.actor, p.issue) in first:
        problems.append(
            (
                where,
                f"second position of {p.actor!r} on {p.issue!r} "
                f"(first at positions[{first[p.actor, p.issue]}])",
            )
        )
    if msg := _ranged(p.position, SCALE_MIN, SCALE_MAX, "position"):
        problems.append((f"{where}.position", msg))
    if msg := _ranged(p.salience, 0.0, 1.0, "salience"):
        problems.append((f"{where}.salience", msg))
    return problems


def _evidence_problems(where: str, ev: Evidence, source_ids: set[str]) -> list[Problem]:
    """Evidence cites a known source and carries what its kind needs."""
    problems: list[Problem] = []
    if ev.source not in source_ids:
        problems.append((f"{where}.source", f"cites unknown source {ev.source!r}"))
    if ev.kind in ("direct", "indirect") and not ev.quote:
        problems.append((f"{where}.quote", f"{ev.kind} evidence needs the quote"))
    if ev.kind == "inferred" and not ev.rationale:
        problems.append((f"{where}.rationale", "inferred evidence needs a rationale"))
    return problems


def _silent_veto_players(case: Case, stated: set[tuple[str, str]]) -> list[Problem]:
    """A veto player needs a position on every issue (``stated``: its (actor, issue) pairs)."""
    return [
        (f"actors[{i}]", f"veto player {a.id!r} has no position on issue {issue.id!r}")
        for i, a in enumerate(case.actors)
        if a.veto
        for issue in case.issues
        if (a.id, issue.id) not in stated
    ]


def parse_case(data: Any, file: str | Path | None = None) -> Case:
    """Validate already-parsed data as a case; raise :class:`CaseError` with every problem."""
    if not isinstance(data, dict):
        raise CaseError(
            file, [("", f"expected a mapping at the top level, got {type(data).__name__}")]
        )
    try:
        case = Case.model_validate(data)
    except ValidationError as err:
        raise CaseError(file, _pydantic_problems(err)) from None
    problems = check(case)
    if problems:
        raise CaseError(file, problems)
    return case


MAX_INPUT_BYTES = 64 * 2**20  # the largest input file accord reads (cases, imports)


def read_text(path: str | Path, error: type[InputError] = CaseError) -> str:
    """An input file's text; an unreadable, non-UTF-8 or oversized (over
    :data:`MAX_INPUT_BYTES`) file raises ``error`` (by default :class:`~accord.errors.CaseError`;
    importers pass their own kind)."""
    try:
        with Path(path).open("rb") as fh:
            raw = fh.read(MAX_INPUT_BYTES + 1)
    except OSError as err:
        raise error(path, [("", f"cannot read the file: {err.strerror or err}")]) from None
    if len(raw) > MAX_INPUT_BYTES:
        raise error(path, [("", f"the file is larger than {MAX_INPUT_BYTES // 2**20} MiB, the "
                                "most accord reads")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise error(path, [("", f"not UTF-8 text: {err.reason}")]) from None


def read_data(path: str | Path) -> Any:
    """Parse a YAML or JSON file within :mod:`accord.yamlsafe`'s bounds, turning every problem
    into :class:`CaseError` with the line and, where known, the field."""
    path = Path(path)
    text = read_text(path)
    try:
        if path.suffix.lower() == ".json":
            return load_json(text)
        return load_yaml(text)
    except DataProblem as err:
        where = field_path(err.loc) or (f"line {err.line}" if err.line else "")
        what = f"{err.message} (line {err.line})" if err.line and err.loc else err.message
        raise CaseError(path, [(where, what)]) from None
    except json.JSONDecodeError as err:
        raise CaseError(path, [("", f"invalid JSON at line {err.lineno}: {err.msg}")]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(err, "problem", None) or str(err)
        raise CaseError(path, [("", f"invalid YAML{where}: {problem}")]) from None


def load_case(path: str | Path) -> Case:
    """Load and validate a case from a ``.yaml``/``.yml`` or ``.json`` file."""
    return parse_case(read_data(path), path)


def dump_case(case: Case, fmt: Literal["yaml", "json"] = "yaml") -> str:
    data = case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["actors"], data["issues"], data["positions"] = (
        data.get("actors", []),
        data.get("issues", []),
        data.get("positions", []),
    )
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


class _Dumper(yaml.SafeDumper):
    """SafeDumper that double-quotes strings holding a Unicode line break: PyYAML writes them
    raw in single quotes, and reading such a scalar back folds ``\x85`` (NEL) into a space."""


def _str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(ch in text for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def save_case(case: Case, path: str | Path) -> Path:
    """Write a case atomically; the format follows the file's extension."""
    fmt: Literal["yaml", "json"] = "json" if Path(path).suffix.lower() == ".json" else "yaml"
    return write_atomic(path, dump_case(case, fmt))
