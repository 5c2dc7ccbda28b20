"""The assessment in words, from facts built by hand (no case, no model run)."""

from __future__ import annotations

from accord.assessment import (
    Assessment,
    IssueAssessment,
    ModelSpread,
    Move,
    Opening,
    VetoStance,
)
from accord.case import parse_case
from accord.report.wording import changes, join, pt, summary, verdict


def stance(actor: str, position: float, q: float) -> VetoStance:
    side = "at" if position == q else "up" if position > q else "down"
    return VetoStance(actor=actor, name=f"Actor {actor}", position=position, side=side)


def facts(
    q: float,
    zone: tuple[float, float] | None,
    veto: dict[str, float],
    outcomes: dict[str, float | None],
    issue_id: str = "i",
    openings: list[Opening] | None = None,
) -> IssueAssessment:
    """An issue's facts; a forecast is inside the zone when it lies within it."""
    given = [v for v in outcomes.values() if v is not None]
    stances = [stance(a, x, q) for a, x in veto.items()]
    return IssueAssessment(
        id=issue_id,
        title=f"Issue {issue_id}",
        status_quo=q,
        zone=zone,
        veto=stances,
        stated=len(veto) or 1,
        edge=None,
        gap=max(veto.values()) - min(veto.values()) if len(veto) >= 2 else None,
        outcomes=outcomes,
        inside={
            m: zone is not None and v is not None and zone[0] <= v <= zone[1]
            for m, v in outcomes.items()
        },
        models=ModelSpread(low=min(given), high=max(given)) if given else None,
        openings=openings or [],
    )


def test_numbers_and_lists() -> None:
    assert [pt(20.0), pt(44.384), pt(19.96), pt(0.04)] == ["20", "44.4", "20", "0"]
    assert [join([]), join(["a"]), join(["a", "b"]), join(["a", "b", "c"])] == [
        "", "a", "a and b", "a, b and c"
    ]


def test_one_forecast_outside_the_zone() -> None:
    # zone (50, 70) from A at 90 and B at 70 over a status quo of 50; nash at 80 lies beyond it
    i = facts(50, (50, 70), {"A": 90, "B": 70}, {"nash": 80.04})
    assert summary(i) == [
        "A deal is possible: every veto player prefers any outcome between 50 and 70 to the "
        "status quo (50).",
        "The veto players are 20 points apart: Actor B at 70 and Actor A at 90.",
        "Forecast: nash 80.",
        "Outside the zone of agreement: nash; such a forecast shows where the weight of "
        "opinion lies, not a deal every veto player accepts.",
    ]


def test_without_a_zone_the_forecasts_of_no_change_are_named() -> None:
    i = facts(50, None, {"A": 80, "B": 30}, {"compromise": 55.0, "nash": 50.0, "median": 50.0})
    said = summary(i)
    assert said[2] == "The models agree, within 5 points: compromise 55, nash 50, median 50."
    assert said[3] == "Forecasting the status quo (no change): nash and median."
    assert len(said) == 4


def test_the_verdict_counts_the_issues_with_a_zone_and_names_who_blocks() -> None:
    ok = facts(50, (50, 70), {"A": 90, "B": 70}, {"nash": 60.0}, issue_id="x")
    blocked = facts(
        20, None, {"A": 90, "B": 20}, {"nash": 20.0}, issue_id="y",
        openings=[Opening(direction="up", moves=[Move(actor="B", name="Actor B", shift=0)])],
    )
    a = Assessment(question=None, issues=[ok, blocked])
    assert verdict(a) == (
        "A deal is possible on 1 of 2 issues: “Issue x”. No deal on the others as positions "
        "stand: on “Issue y”, Actor B sits at the status quo."
    )
    case = parse_case({
        "title": "t",
        "actors": [{"id": "A", "name": "Actor A", "capability": 1}],
        "issues": [
            {"id": i, "title": f"Issue {i}", "scale": {0: "none", 100: "all"}, "status_quo": 50}
            for i in ("x", "y")
        ],
        "positions": [{"actor": "A", "issue": i, "position": 90, "salience": 0.5}
                      for i in ("x", "y")],
    })
    assert changes(case, a) == [
        "Issue y: towards 100 (“all”), where Actor A stands, Actor B would have to move off "
        "the status quo (20), where any shift opens a narrow zone."
    ]
    assert verdict(Assessment(question=None, issues=[blocked])) == (
        "No deal is possible as positions stand: on “Issue y”, Actor B sits at the status quo."
    )


def test_the_belief_names_a_better_model_that_was_not_run() -> None:
    from accord.ensemble.choice import Belief
    from accord.forecast import Agreement, IssueForecast
    from accord.report.wording import belief

    b = Belief(model="compromise", group="status quo known, spread high, vote", issues=38,
               mae=23.04, runner_up="median", runner_up_mae=30.0,
               better_not_run="exchange", better_not_run_mae=21.0)
    issue = IssueForecast(id="i", title="I", status_quo=0.0, outcomes={"compromise": 42.0},
                          agreement=Agreement(possible=False, zone=None, inside={}), belief=b)
    assert belief(issue) == (
        "accord believes compromise here: 42; on backtest issues like this one (status quo"
        " known, spread high, vote) its MAE was 23.0 points on 38, the next best median's 30.0;"
        " exchange did better there (21.0) but was not run here")
    assert "not run" not in (belief(issue.model_copy(update={"belief": b.model_copy(
        update={"better_not_run": None, "better_not_run_mae": None})})) or "")
