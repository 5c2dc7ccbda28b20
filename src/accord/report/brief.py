"""The brief as data: an ordered list of sections, each built from the case and its forecast.

A section is a :class:`~accord.report.types.Section`: an ``id``, a default ``title`` and a
``build`` function that takes the :class:`~accord.report.types.BriefInput` (case, models,
forecast, assessment, and the sweep, trades and trajectories when the brief shows them) and
returns the data its templates show, or ``None`` to leave the section out (a case without a
schedule has no schedule section, a brief without the exchange model no trades; there are
never empty sections). Issues are one section whose body is a list of per-issue parts,
registered the same way in :data:`ISSUE_PARTS`. :func:`build_brief` computes nothing: the
models run in :mod:`accord.report.compose`.

Adding a section (say, Monte Carlo intervals):

1. write ``build(inp: BriefInput) -> YourData | None`` from what ``inp`` holds; if it needs a
   model run the brief does not have yet, add it to ``BriefInput`` and run it in
   :func:`accord.report.compose.compose_brief` (only when the chosen models call for it);
2. add the templates ``templates/<id>.html.j2`` and ``templates/<id>.md.j2``; each sees
   ``section`` (``.id``, ``.title``, ``.data``), ``brief`` (the
   :class:`~accord.report.types.Brief`) and ``figure(chart)``, which inlines a
   :class:`~accord.report.types.Chart` as SVG in HTML and writes it beside a Markdown brief;
3. insert ``Section(id, title, build)`` into :data:`SECTIONS` where it belongs (order is the
   order in the brief).

A per-issue part (say, a model's trajectory on each issue) is the same with
``build(inp, issue_id)``, templates ``templates/issue-<id>.{html,md}.j2`` (which also see
``issue``, the :class:`IssueBlock`, and ``part``) and :data:`ISSUE_PARTS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.assessment import AGREE_WITHIN, IssueAssessment
from accord.case import Actor, Evidence, Issue, Meeting, Position, Source
from accord.forecast import IssueForecast
from accord.models.registry import Model
from accord.report import montecarlo, trades, wording
from accord.report.charts import issue_chart
from accord.report.trajectory import eum_rounds
from accord.report.types import Brief, BriefInput, Built, Chart, IssuePart, Section

# ---- the headline, schedule and forecast table -------------------------------------------


@dataclass(frozen=True)
class IssueAnswer:
    issue: IssueAssessment
    summary: list[str]  # the issue's paragraph, as sentences


@dataclass(frozen=True)
class Answer:
    """The answer to the case's question, in words."""

    question: str | None
    verdict: str
    issues: list[IssueAnswer]
    changes: list[str]  # what would have to change, one line per blocked issue

    @property
    def possible(self) -> list[IssueAnswer]:
        return [i for i in self.issues if i.issue.possible]


def _answer(inp: BriefInput) -> Answer:
    a = inp.assessment
    return Answer(
        question=a.question,
        verdict=wording.verdict(a),
        issues=[IssueAnswer(i, wording.summary(i)) for i in a.issues],
        changes=wording.changes(inp.case, a),
    )


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
    return wording.summary(inp.assessment.issue(issue_id))


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


def _belief(inp: BriefInput, issue_id: str) -> str | None:
    """Which model to believe on the issue, with the sweep's calibrated interval if any."""
    issue = inp.forecast.issue(issue_id)
    intervals = None
    if inp.sweep is not None and issue.belief is not None:
        swept = next(i for i in inp.sweep.issues if i.id == issue_id).models.get(
            issue.belief.model)
        intervals = swept.intervals if swept is not None else None
    return wording.belief(issue, intervals)


ISSUE_PARTS: list[IssuePart] = [
    IssuePart("summary", _summary),
    IssuePart("belief", _belief),
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


def build_brief(inp: BriefInput) -> Brief:
    """The brief of what ``inp`` holds: every section that has something to show."""
    built = [
        Built(s.id, s.title, data) for s in SECTIONS if (data := s.build(inp)) is not None
    ]
    return Brief(inp, built)
