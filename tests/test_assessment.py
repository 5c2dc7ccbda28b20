"""The assessment on constructed cases: its facts, with the arithmetic written out, and the
brief's wording of them (:mod:`accord.report.wording`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from accord.assessment import Assessment, assess
from accord.case import load_case, parse_case
from accord.forecast import forecast_case
from accord.report.wording import changes, summary, verdict

DATA = Path(__file__).parent / "data"


def make_case(
    issues: dict[str, float],
    positions: list[tuple[str, str, float, float]],
    veto: set[str],
    capability: dict[str, float] | None = None,
) -> dict[str, Any]:
    """Issues id → status quo; positions (actor, issue, position, salience)."""
    actors = sorted({p[0] for p in positions})
    capability = capability or {}
    return {
        "title": "constructed",
        "question": "Will the talks succeed?",
        "actors": [
            {"id": a, "name": f"Actor {a}", "capability": capability.get(a, 1), "veto": a in veto}
            for a in actors
        ],
        "issues": [
            {"id": i, "title": f"Issue {i}", "scale": {0: "none", 100: "all"}, "status_quo": q}
            for i, q in issues.items()
        ],
        "positions": [
            {"actor": a, "issue": i, "position": x, "salience": s} for a, i, x, s in positions
        ],
    }


def run(data: dict[str, Any]) -> Assessment:
    case = parse_case(data)
    return assess(case, forecast_case(case))


def changes_in(data: dict[str, Any], a: Assessment) -> list[str]:
    """What would have to change, in words, for the case ``a`` assessed."""
    return changes(parse_case(data), a)


def test_zone_its_edge_and_model_spread() -> None:
    # status quo 20; veto A at 60 accepts (20, 100), veto B at 40 accepts (20, 60):
    # zone (20, 60), its far edge set by B, the veto player closest to the status quo.
    # Capabilities 1, 1, 2 → 0.25, 0.25, 0.5; salience 1 for all.
    # compromise = 0.25·60 + 0.25·40 + 0.5·0 = 25
    # median: C at 0 carries exactly half the weight → midpoint of 0 and 40 = 20
    # nash (A, B, equal weights): t = x − 20 maximises log t + log(80 − t) + log t + log(40 − t)
    #   → t² − 90t + 1600 = 0 → t = (90 − √1700)/2 = 24.384 → x = 44.384
    data = make_case(
        {"i": 20},
        [("A", "i", 60, 1), ("B", "i", 40, 1), ("C", "i", 0, 1)],
        {"A", "B"},
        {"C": 2},
    )
    a = run(data)
    i = a.issue("i")
    assert i.zone == (20.0, 60.0)
    assert i.edge == "B"
    assert i.gap == 20.0
    assert i.openings == []
    assert i.outcomes["compromise"] == pytest.approx(25.0)
    assert i.outcomes["median"] == pytest.approx(20.0)
    assert i.outcomes["nash"] == pytest.approx(20 + (90 - 1700**0.5) / 2, abs=1e-6)
    assert i.models is not None and i.models.spread == pytest.approx(24.384, abs=1e-3)
    assert not i.models.agree
    text = " ".join(summary(i))
    assert "between 20 and 60" in text
    assert "Actor B, at 40 the veto player closest to the status quo" in text
    assert "The models disagree by 24.4 points" in text
    assert "Every forecast lies in the zone of agreement." in text
    assert verdict(a).startswith("A deal is possible on the issue")
    assert changes_in(data, a) == []


def test_models_agree_within_ten_points() -> None:
    # status quo 20, veto players A at 60 and B at 50, equal weights.
    # compromise 55; median: tie at B → (50 + 60)/2 = 55;
    # nash: t² − 105t + 2400 = 0 → t = (105 − √1425)/2 = 33.626 → 53.626; spread 1.374
    a = run(make_case({"i": 20}, [("A", "i", 60, 1), ("B", "i", 50, 1)], {"A", "B"}))
    i = a.issue("i")
    assert i.outcomes["nash"] == pytest.approx(20 + (105 - 1425**0.5) / 2, abs=1e-6)
    assert i.models is not None and i.models.agree
    assert "The models agree, within 1.4 points" in " ".join(summary(i))


def test_opposite_directions_name_both_blockers_and_the_cheapest_opening() -> None:
    # status quo 50: A at 80 wants it up, B at 30 wants it down → no zone.
    # To open one, B must cross to above 50 (more than 20 points) or A to below (30 points).
    data = make_case({"i": 50}, [("A", "i", 80, 1), ("B", "i", 30, 1)], {"A", "B"})
    a = run(data)
    i = a.issue("i")
    assert i.zone is None
    assert [v.actor for v in i.side("up")] == ["A"]
    assert [v.actor for v in i.side("down")] == ["B"]
    assert i.gap == 50.0
    assert [(o.direction, [(m.actor, m.shift) for m in o.moves]) for o in i.openings] == [
        ("up", [("B", 20.0)]),
        ("down", [("A", 30.0)]),
    ]
    assert summary(i)[0] == (
        "No deal is possible as positions stand: Actor A at 80 and Actor B at 30 want to move "
        "the status quo (50) in opposite directions."
    )
    assert verdict(a) == (
        "No deal is possible as positions stand: on “Issue i”, Actor A and Actor B "
        "want to move the status quo in opposite directions."
    )
    assert changes_in(data, a) == [
        "Issue i: towards 100 (“all”), where Actor A stands, Actor B would have to move from "
        "30 past the status quo (50), a shift of more than 20 points; or else, towards 0 "
        "(“none”), where Actor B stands, Actor A would have to move from 80 past the status "
        "quo (50), a shift of more than 30 points."
    ]


def test_a_veto_player_at_the_status_quo_blocks() -> None:
    # B sits at the status quo 50: it prefers it to every change. Opening upwards needs only
    # B to move (any shift); downwards needs A (30 points) and B.
    data = make_case({"i": 50}, [("A", "i", 80, 1), ("B", "i", 50, 1)], {"A", "B"})
    a = run(data)
    i = a.issue("i")
    assert i.zone is None
    assert [v.actor for v in i.side("at")] == ["B"]
    assert [o.direction for o in i.openings] == ["up", "down"]
    assert [m.actor for m in i.openings[0].moves] == ["B"]
    assert [m.actor for m in i.openings[1].moves] == ["A", "B"]
    assert "Actor B sits at the status quo (50), preferring no change to any deal" in summary(i)[0]
    assert [m.at_status_quo for m in i.openings[1].moves] == [False, True]
    said = changes_in(data, a)
    assert "any shift opens a narrow zone" in said[0]
    assert "or else" not in said[0]  # the other way needs two movers


def test_no_room_beyond_a_status_quo_at_the_end_of_the_scale() -> None:
    a = run(make_case({"i": 100}, [("A", "i", 100, 1), ("B", "i", 0, 1)], {"A", "B"}))
    i = a.issue("i")
    assert [(o.direction, [m.actor for m in o.moves]) for o in i.openings] == [("down", ["A"])]


def test_shared_stand_off_is_said_once_and_partial_deals_are_counted() -> None:
    positions = [
        ("A", "x", 90, 1), ("B", "x", 10, 1),  # opposite → blocked
        ("A", "y", 80, 1), ("B", "y", 5, 1),  # opposite → blocked
        ("A", "z", 70, 1), ("B", "z", 60, 1),  # both up → zone (50, 70)
    ]  # fmt: skip
    a = run(make_case({"x": 50, "y": 50, "z": 50}, positions, {"A", "B"}))
    assert [i.id for i in a.possible] == ["z"]
    assert verdict(a) == (
        "A deal is possible on 1 of 3 issues: “Issue z”. No deal on the others as positions "
        "stand: on “Issue x” and “Issue y”, Actor A and Actor B want to move the status quo "
        "in opposite directions."
    )
    assert a.issue("z").zone == (50.0, 70.0)
    two = run(make_case({"x": 50, "y": 50}, positions[:4], {"A", "B"}))
    assert verdict(two) == (
        "No deal on any issue is possible as positions stand: on both issues, Actor A and "
        "Actor B want to move the status quo in opposite directions."
    )


def test_without_veto_players_nobody_blocks() -> None:
    a = run(make_case({"i": 50}, [("A", "i", 80, 1), ("B", "i", 30, 1)], set()))
    i = a.issue("i")
    assert i.zone == (0.0, 100.0)
    assert i.veto == [] and i.gap is None and i.edge is None
    assert "no single actor can block" in summary(i)[0]
    assert verdict(a).startswith("No actor can block a deal on its own")


def test_assessment_of_the_pension_case_names_who_blocks() -> None:
    case = load_case(DATA / "pension-talks-2005.yaml")
    a = assess(case, forecast_case(case))
    assert [i.id for i in a.possible] == ["talks"]
    assert [v.name for v in a.issue("pension-age").side("at")] == ["UK government"]
    assert [v.name for v in a.issue("salary-basis").side("at")] == ["Unison"]
    assert verdict(a).startswith("A deal is possible on 1 of 3 issues: “Further negotiations”.")
    assert "UK government sits at the status quo" in verdict(a)
    assert "Unison sits at the status quo" in verdict(a)
    assert a.issue("talks").edge == "GOV"  # 2·60 − 30 = 90 < 2·90 − 30
    assert a.issue("talks").zone == (30.0, 90.0)


def test_an_issue_nobody_takes_a_stand_on() -> None:
    data = make_case({"x": 50, "y": 40}, [("A", "x", 80, 1), ("B", "x", 30, 1)], set())
    i = run(data).issue("y")
    assert i.stated == 0
    assert summary(i)[0] == (
        "No actor states a position on this issue, so nothing moves it from the status quo (40)."
    )
