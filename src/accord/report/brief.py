"""The brief as data: an ordered list of sections, each built from the case and its forecast.

A section is a :class:`Section`: an ``id``, a default ``title`` and a ``build`` function that
takes the :class:`BriefInput` (case, models, forecast, assessment, array view) and returns the
data its templates show, or ``None`` to leave the section out (a case without a schedule has
no schedule section; there are never empty sections). Issues are one section whose body is a
list of per-issue parts, registered the same way in :data:`ISSUE_PARTS`.

Adding a section (say, Monte Carlo intervals):

1. write ``build(inp: BriefInput) -> YourData | None`` (compute what you need from
   ``inp.case`` / ``inp.arrays``; cache expensive work in your own module);
2. add the templates ``templates/<id>.html.j2`` and ``templates/<id>.md.j2``; each sees
   ``section`` (``.id``, ``.title``, ``.data``), ``brief`` (the :class:`Brief`) and
   ``figure(chart)``, which inlines a :class:`~accord.report.charts.Chart` as SVG in HTML and
   writes it beside a Markdown brief;
3. insert ``Section(id, title, build)`` into :data:`SECTIONS` where it belongs (order is the
   order in the brief).

A per-issue part (say, a model's trajectory on each issue) is the same with
``build(inp, issue_id)``, templates ``templates/issue-<id>.{html,md}.j2`` (which also see
``issue``, the :class:`IssueBlock`, and ``part``) and :data:`ISSUE_PARTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from accord import __version__
from accord.assessment import AGREE_WITHIN, Assessment, IssueAssessment, assess
from accord.case import Actor, Case, Evidence, Issue, Meeting, Position, Source
from accord.forecast import Forecast, IssueForecast, forecast_case
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.registry import Model, resolve
from accord.report import montecarlo, trades
from accord.report.charts import Chart, issue_chart
from accord.report.trajectory import eum_rounds
from accord.uncertainty import Sweep, sweep_case


@dataclass(frozen=True)
class BriefInput:
    """Everything a section may draw on."""

    case: Case
    models: list[Model]
    forecast: Forecast
    assessment: Assessment
    arrays: CaseArrays
    sweep: Sweep | None = None  # the Monte Carlo sweep, when the brief was asked for samples

    @cached_property
    def labels(self) -> dict[str, str]:
        return {m.name: m.label for m in self.models}

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.case.sources}


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    build: Callable[[BriefInput], Any | None]


@dataclass(frozen=True)
class IssuePart:
    id: str
    build: Callable[[BriefInput, str], Any | None]


@dataclass(frozen=True)
class Built:
    """A section or part with the data its templates show."""

    id: str
    title: str
    data: Any


# ---- the headline, schedule and forecast table -------------------------------------------


def _answer(inp: BriefInput) -> Assessment:
    return inp.assessment


@dataclass(frozen=True)
class ScheduledMeeting:
    meeting: Meeting
    participants: list[str]  # names


def _schedule(inp: BriefInput) -> list[ScheduledMeeting] | None:
    names = {a.id: a.name for a in inp.case.actors}
    return [
        ScheduledMeeting(m, [names.get(p, p) for p in m.participants])
        for m in inp.case.schedule
    ] or None


@dataclass(frozen=True)
class ActorRow:
    actor: Actor
    share: float  # capability normalised to sum to one over the actors
    positions: int  # how many issues it has a position on


def _actors(inp: BriefInput) -> list[ActorRow]:
    counts = {a.id: 0 for a in inp.case.actors}
    for p in inp.case.positions:
        counts[p.actor] += 1
    return [
        ActorRow(a, float(inp.arrays.c[r]), counts[a.id]) for r, a in enumerate(inp.case.actors)
    ]


@dataclass(frozen=True)
class ForecastRow:
    issue: IssueForecast
    cells: list[tuple[float | None, bool]]  # per model: forecast, inside the zone


@dataclass(frozen=True)
class ForecastTable:
    models: list[Model]
    rows: list[ForecastRow]


def _forecast(inp: BriefInput) -> ForecastTable:
    rows = [
        ForecastRow(i, [(i.outcomes[m.name], i.agreement.inside[m.name]) for m in inp.models])
        for i in inp.forecast.issues
    ]
    return ForecastTable(inp.models, rows)


# ---- per issue --------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueBlock:
    issue: Issue
    forecast: IssueForecast
    assessment: IssueAssessment
    parts: list[Built]


def _chart(inp: BriefInput, issue_id: str) -> Chart:
    return issue_chart(inp.case, inp.arrays, inp.forecast.issue(issue_id), inp.labels)


def _summary(inp: BriefInput, issue_id: str) -> list[str]:
    return inp.assessment.issue(issue_id).summary


def _scale(inp: BriefInput, issue_id: str) -> dict[float, str]:
    return inp.case.issue(issue_id).scale


@dataclass(frozen=True)
class CitedEvidence:
    evidence: Evidence
    source: Source | None


@dataclass(frozen=True)
class ActorStand:
    actor: Actor
    position: Position
    label: str  # the nearest labelled point of the scale
    evidence: list[CitedEvidence] = field(default_factory=list)


def _evidence(inp: BriefInput, issue_id: str) -> list[ActorStand] | None:
    issue = inp.case.issue(issue_id)
    stands = []
    for a in inp.case.actors:
        p = inp.case.position(a.id, issue_id)
        if p is None:
            continue
        cited = [CitedEvidence(e, inp.sources.get(e.source)) for e in p.evidence]
        stands.append(ActorStand(a, p, issue.label(p.position.central), cited))
    return stands or None


ISSUE_PARTS: list[IssuePart] = [
    IssuePart("summary", _summary),
    IssuePart("chart", _chart),
    IssuePart("intervals", montecarlo.issue_part),
    IssuePart("scale", _scale),
    IssuePart("evidence", _evidence),
    IssuePart("eum", eum_rounds),
]


def _issues(inp: BriefInput) -> list[IssueBlock]:
    blocks = []
    for issue in inp.case.issues:
        parts = [
            Built(p.id, "", data)
            for p in ISSUE_PARTS
            if (data := p.build(inp, issue.id)) is not None
        ]
        blocks.append(
            IssueBlock(issue, inp.forecast.issue(issue.id), inp.assessment.issue(issue.id), parts)
        )
    return blocks


# ---- sources and method -----------------------------------------------------------------


def _notes(inp: BriefInput) -> list[str] | None:
    """The analyst's notes on the case, as paragraphs.

    Paragraphs are separated by blank lines; a YAML folded block (``>``) has already turned
    each blank line into a single line break, so without blank lines every line break is one.
    """
    text = (inp.case.notes or "").strip()
    paragraphs = text.split("\n\n") if "\n\n" in text else text.split("\n")
    return [" ".join(p.split()) for p in paragraphs if p.strip()] or None


@dataclass(frozen=True)
class CitedSource:
    source: Source
    citations: int


def _sources(inp: BriefInput) -> list[CitedSource] | None:
    counts = {s.id: 0 for s in inp.case.sources}
    for p in inp.case.positions:
        for e in p.evidence:
            counts[e.source] = counts.get(e.source, 0) + 1
    return [CitedSource(s, counts[s.id]) for s in inp.case.sources] or None


@dataclass(frozen=True)
class Method:
    models: list[Model]
    agree_within: float


def _method(inp: BriefInput) -> Method:
    return Method(inp.models, AGREE_WITHIN)


SECTIONS: list[Section] = [
    Section("answer", "What to expect", _answer),
    Section("schedule", "Schedule", _schedule),
    Section("actors", "Who is at the table", _actors),
    Section("forecast", "Forecast", _forecast),
    Section("trades", "Likely trades", trades.section),
    Section("issues", "Issue by issue", _issues),
    Section("drivers", "What drives this forecast", montecarlo.section),
    Section("notes", "About this case", _notes),
    Section("sources", "Sources", _sources),
    Section("method", "How to read this brief", _method),
]


@dataclass(frozen=True)
class Brief:
    input: BriefInput
    sections: list[Built]
    version: str = __version__

    @property
    def case(self) -> Case:
        return self.input.case


def build_brief(
    case: Case, models: str | list[str] | None = None, samples: int = 0, seed: int = 0
) -> Brief:
    """Forecast and assess ``case`` and build every section that has something to show;
    with ``samples`` > 0, also sample its uncertain inputs (intervals and drivers)."""
    chosen = resolve(models)
    forecast = forecast_case(case, [m.name for m in chosen])
    sweep = sweep_case(case, samples, [m.name for m in chosen], seed=seed) if samples else None
    inp = BriefInput(
        case, chosen, forecast, assess(case, forecast), case_arrays(case), sweep
    )
    built = [
        Built(s.id, s.title, data) for s in SECTIONS if (data := s.build(inp)) is not None
    ]
    return Brief(inp, built)
