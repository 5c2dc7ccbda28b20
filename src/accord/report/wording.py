"""The assessment in words: the brief's verdict, per-issue paragraphs and what would have to
change, assembled from the facts in :mod:`accord.assessment`, so they change when the case does.

Nothing here is written for a particular negotiation. :func:`pt` and :func:`join` are the
number and list wording the brief's templates share (the ``pt`` and ``join_words`` filters).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from accord.assessment import Assessment, Direction, IssueAssessment, Opening, VetoStance
from accord.case import SCALE_MAX, SCALE_MIN, Case
from accord.ensemble.choice import ALL
from accord.forecast import IssueForecast


def pt(x: float) -> str:
    """A scale value as text: one decimal, none when it is whole."""
    r = round(float(x), 1)
    return f"{r:.0f}" if r.is_integer() else f"{r:.1f}"


def join(words: Iterable[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    w = list(words)
    return w[0] if len(w) == 1 else ", ".join(w[:-1]) + " and " + w[-1] if w else ""


def _names(stances: Iterable[VetoStance]) -> str:
    return join(f"{v.name} at {pt(v.position)}" for v in stances)


# ---- who blocks, and what would have to change --------------------------------------------


def _blockers(a: IssueAssessment, numbers: bool = True) -> str:
    """Who blocks an issue without a zone, as a clause (with positions when ``numbers``)."""
    up, down, at = a.side("up"), a.side("down"), a.side("at")
    names: Callable[[Iterable[VetoStance]], str] = (
        _names if numbers else lambda vs: join(v.name for v in vs)
    )
    q = f" ({pt(a.status_quo)})" if numbers else ""
    parts = []
    if up and down:
        parts.append(
            f"{names(up)} and {names(down)} want to move the status quo{q} "
            "in opposite directions"
        )
    if at:
        verb = "sits" if len(at) == 1 else "sit"
        parts.append(f"{join(v.name for v in at)} {verb} at the status quo{q}")
        if numbers:
            parts[-1] += ", preferring no change to any deal"
    return "; ".join(parts)


def _towards(case: Case, a: IssueAssessment, direction: Direction) -> str:
    """``towards 100 (“label”), where Russia stands`` for an opening's direction."""
    end = SCALE_MAX if direction == "up" else SCALE_MIN
    text = f"towards {pt(end)} (“{case.issue(a.id).scale[end]}”)"
    there = a.side(direction)
    if there:
        text += f", where {join(v.name for v in there)} {'stands' if len(there) == 1 else 'stand'}"
    return text


def _opening(case: Case, a: IssueAssessment, o: Opening) -> str:
    where = {v.actor: v.position for v in a.veto}
    q = pt(a.status_quo)
    clauses = [
        f"{m.name} would have to move from {pt(where[m.actor])} past the status quo ({q}), "
        f"a shift of more than {pt(m.shift)} points"
        for m in o.moves
        if not m.at_status_quo
    ]
    at = [m.name for m in o.moves if m.at_status_quo]
    if at:
        clauses.append(
            f"{join(at)} would have to move off the status quo ({q}), where any shift opens "
            "a narrow zone"
        )
    return f"{_towards(case, a, o.direction)}, {'; and '.join(clauses)}"


def _change(case: Case, a: IssueAssessment) -> str:
    """What would open a zone on a blocked issue: the best opening, and an equally small one."""
    best = a.openings[0]
    text = f"{a.title}: {_opening(case, a, best)}"
    if len(a.openings) > 1 and len(a.openings[1].moves) == len(best.moves):
        text += f"; or else, {_opening(case, a, a.openings[1])}"
    return text + "."


def changes(case: Case, assessment: Assessment) -> list[str]:
    """What would have to change, one line per issue that a zone could be opened on."""
    return [_change(case, i) for i in assessment.issues if i.openings]


# ---- one issue ----------------------------------------------------------------------------


def _deal(a: IssueAssessment) -> str:
    """The first sentence: is a deal possible on the issue, and who sets its limits or blocks."""
    q = pt(a.status_quo)
    if a.stated == 0:
        return (
            "No actor states a position on this issue, so nothing moves it from the status "
            f"quo ({q})."
        )
    if a.zone is None:
        return f"No deal is possible as positions stand: {_blockers(a)}."
    if not a.veto:
        return (
            "No veto player has a position on this issue, so no single actor can block an "
            "outcome; the forecasts show where the weight of opinion lies."
        )
    lo, hi = a.zone
    text = (
        f"A deal is possible: every veto player prefers any outcome between {pt(lo)} and "
        f"{pt(hi)} to the status quo ({q})."
    )
    if a.edge is not None:
        e = next(v for v in a.veto if v.actor == a.edge)
        far = hi if e.position > a.status_quo else lo
        text += (
            f" {e.name}, at {pt(e.position)} the veto player closest to the status quo, "
            f"prefers nothing beyond {pt(far)} to it."
        )
    return text


def _gap(a: IssueAssessment) -> list[str]:
    """How far apart the outermost veto players are (nothing with fewer than two)."""
    if a.gap is None:
        return []
    outer = sorted(a.veto, key=lambda v: v.position)
    return [f"The veto players are {pt(a.gap)} points apart: {_names([outer[0], outer[-1]])}."]


def _forecasts(a: IssueAssessment) -> list[str]:
    """The models' forecasts: whether they agree, and how they sit against the zone."""
    if a.models is None:
        return []
    given = {m: v for m, v in a.outcomes.items() if v is not None}
    named = ", ".join(f"{m} {pt(v)}" for m, v in given.items())
    if len(given) == 1:
        out = [f"Forecast: {named}."]
    elif a.models.agree:
        out = [f"The models agree, within {pt(a.models.spread)} points: {named}."]
    else:
        out = [f"The models disagree by {pt(a.models.spread)} points: {named}."]
    return out + _against_zone(a)


def _against_zone(a: IssueAssessment) -> list[str]:
    """Which forecasts lie outside the zone or, without one, forecast no change."""
    if a.zone is None:
        same = a.unchanged
        return [f"Forecasting the status quo (no change): {join(same)}."] if same else []
    if not a.veto:
        return []
    outside = [m for m, ok in a.inside.items() if not ok]
    if not outside:
        return ["Every forecast lies in the zone of agreement."]
    return [
        f"Outside the zone of agreement: {join(outside)}; such a forecast shows where the "
        "weight of opinion lies, not a deal every veto player accepts."
    ]


def summary(a: IssueAssessment) -> list[str]:
    """The issue's paragraph, as sentences: the deal, the gap, the forecasts."""
    return [_deal(a), *_gap(a), *_forecasts(a)]


# ---- the whole case -----------------------------------------------------------------------


def _why(issues: list[IssueAssessment]) -> str:
    """Who blocks the blocked issues, a shared stand-off said once for all its issues."""
    k = len(issues)
    groups: dict[str, list[str]] = {}
    for i in issues:
        if not i.possible:
            groups.setdefault(_blockers(i, numbers=False), []).append(f"“{i.title}”")
    every = "both issues" if k == 2 else f"all {k} issues"
    return "; ".join(
        f"on {join(titles) if len(titles) < k or k == 1 else every}, {clause}"
        for clause, titles in groups.items()
    )


def verdict(assessment: Assessment) -> str:
    """The overall verdict: on how many issues a deal is possible, and who blocks the others."""
    issues = assessment.issues
    k = len(issues)
    ok = assessment.possible
    if not any(i.veto for i in issues):
        return (
            "No actor can block a deal on its own (no veto player has a position): the "
            "forecasts show where the weight of opinion lies."
        )
    if not ok:
        scope = "" if k == 1 else " on any issue"
        return f"No deal{scope} is possible as positions stand: {_why(issues)}."
    if len(ok) == k:
        return (
            f"A deal is possible on {'the issue' if k == 1 else f'all {k} issues'}: every veto "
            "player prefers some outcome to the status quo."
        )
    return (
        f"A deal is possible on {len(ok)} of {k} issues: {join(f'“{i.title}”' for i in ok)}. "
        f"No deal on the others as positions stand: {_why(issues)}."
    )


def belief(
    issue: IssueForecast, intervals: dict[str, tuple[float, float]] | None = None
) -> str | None:
    """Which model accord believes on the issue and why, with its 80% interval (from
    ``intervals``, the believed model's, or else the forecast's): "accord believes exchange
    here: 42 (80% interval 20–64); on backtest issues like this one (…) its MAE was 21.0
    points on 38, the next best compromise's 23.0", naming a model with a lower MAE there
    that was not run."""
    b = issue.belief
    if b is None or issue.outcomes.get(b.model) is None:
        return None
    value = issue.outcomes[b.model]
    assert value is not None
    iv = (intervals if intervals is not None else issue.intervals.get(b.model, {})).get("80")
    said = f"accord believes {b.model} here: {pt(value)}"
    if iv is not None:
        said += f" (80% interval {pt(iv[0])}–{pt(iv[1])})"
    where = ("over all its backtest issues" if b.group == ALL
             else f"on backtest issues like this one ({b.group})")
    said += f"; {where} its MAE was {b.mae:.1f} points on {b.issues}"
    if b.runner_up is not None and b.runner_up_mae is not None:
        said += f", the next best {b.runner_up}'s {b.runner_up_mae:.1f}"
    if b.better_not_run is not None and b.better_not_run_mae is not None:
        said += (f"; {b.better_not_run} did better there ({b.better_not_run_mae:.1f})"
                 " but was not run here")
    return said
