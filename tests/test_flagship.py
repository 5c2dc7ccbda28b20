"""The flagship case, examples/geneva-2022/case.yaml: the project's acceptance test.

It must validate, hold the actors, officials and demands the founding article names, quote
the article verbatim, back every position with evidence and every estimate with a rationale,
and forecast through the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.case import Case, load_case, save_case
from accord.cli import app
from accord.forecast import forecast_case

ARTICLE_ID = "preview-2022-01-10"

DEMANDS = {
    "nato-enlargement",
    "bucharest-pledge",
    "force-posture",
    "missiles",
    "military-activity",
}
OFFICIALS = {  # name → (actor id, role exactly as the article gives it)
    "Sergey Ryabkov": ("RUS", "Deputy Foreign Minister"),
    "Alexander Fomin": ("RUS", "Deputy Defense Minister"),
    "Vladimir Putin": ("RUS", "President"),
    "Dmitry Peskov": ("RUS", "Kremlin Press Secretary"),
    "Wendy Sherman": ("USA", "First Deputy Secretary of State"),
    "Kamala Harris": ("USA", "Vice President"),
    "Jens Stoltenberg": ("NATO", "NATO Secretary General"),
}
METONYMS = {
    "Moscow": "RUS",
    "the Kremlin": "RUS",
    "Washington": "USA",
    "the White House": "USA",
    "the bloc": "NATO",
    "the alliance": "NATO",
}


def _evidence(case: Case):
    for p in case.positions:
        for ev in p.evidence:
            yield p, ev


def test_case_validates_with_the_five_demands(flagship: Case) -> None:
    assert {i.id for i in flagship.issues} >= DEMANDS
    assert flagship.date == dt.date(2022, 1, 10)
    assert flagship.question == "Will the talks succeed?"
    for issue in flagship.issues:
        # labelled ends plus at least one labelled intermediate point, and a reasoned status quo
        assert len(issue.scale) >= 3, issue.id
        assert issue.description, issue.id
        assert issue.status_quo.rationale, issue.id


def test_actors_officials_aliases_and_vetoes(flagship: Case) -> None:
    ids = {a.id for a in flagship.actors}
    assert ids >= {"RUS", "USA", "NATO", "EU", "UKR", "GEO", "OSCE"}
    people = {p.name: (a.id, p.role) for a in flagship.actors for p in a.people}
    for name, expected in OFFICIALS.items():
        assert people.get(name) == expected, name
    assert "Mikhail Gorbachev" not in people  # historical, not a party
    for alias, actor_id in METONYMS.items():
        assert alias in flagship.actor(actor_id).aliases, alias
    assert "NATO" in flagship.actor("USA").blocs
    vetoes = {a.id for a in flagship.actors if a.veto}
    assert vetoes == {"RUS", "USA", "NATO"}
    for a in flagship.actors:
        # every veto decision, and every actor left without positions, is explained
        if a.veto or not any(p.actor == a.id for p in flagship.positions):
            assert a.notes, a.id
    # the actors whose positions the article reports, on the demands they care most about
    for actor_id in ("RUS", "USA", "NATO", "EU", "UKR", "GEO"):
        assert any(p.actor == actor_id for p in flagship.positions), actor_id


def test_article_quotes_are_verbatim(flagship: Case, founding_text: str) -> None:
    quoted = [
        (p.actor, p.issue, ev.quote)
        for p, ev in _evidence(flagship)
        if ev.source == ARTICLE_ID and ev.kind in ("direct", "indirect")
    ]
    assert len(quoted) >= 20
    missing = [q for q in quoted if q[2] not in founding_text]
    assert not missing, f"quotes not found verbatim in the article: {missing}"


def test_direct_quotes_name_their_speaker(flagship: Case) -> None:
    speakers = {a.name for a in flagship.actors} | {a.id for a in flagship.actors}
    speakers |= {p.name for a in flagship.actors for p in a.people}
    for p, ev in _evidence(flagship):
        if ev.kind == "direct":
            assert ev.speaker in speakers, (p.actor, p.issue, ev.speaker)


def test_founding_article_is_cited_not_copied(flagship: Case, root: Path) -> None:
    src = next(s for s in flagship.sources if s.id == ARTICLE_ID)
    assert src.title == "What to expect from US-Russia security talks"
    assert src.published == dt.date(2022, 1, 10)
    assert src.path is None
    for folder in ("examples", "src", "tests", "docs"):
        # hand-written gold annotations (tests/gold/) are named after the article they annotate
        copies = [
            p for p in (root / folder).rglob("us-russia-security-talks-*")
            if "gold" not in p.relative_to(root).parts
        ]
        assert not copies, folder


def test_no_source_postdates_the_case(flagship: Case) -> None:
    assert flagship.date is not None
    for s in flagship.sources:
        assert s.published is not None and s.published <= flagship.date, s.id
    # every source is used: cited by evidence, or named in the flagship's notes
    cited = {ev.source for _, ev in _evidence(flagship)}
    for s in flagship.sources:
        assert s.id in cited or s.id in (flagship.notes or ""), s.id


def test_every_position_has_evidence_and_every_estimate_a_reason(flagship: Case) -> None:
    for a in flagship.actors:
        assert a.capability.rationale, a.id
        assert a.capability.uncertain, a.id
    for p in flagship.positions:
        where = (p.actor, p.issue)
        assert p.evidence, where
        assert p.salience.rationale, where  # the article gives no salience
        assert p.salience.uncertain, where
        for ev in p.evidence:
            if ev.kind == "inferred":
                assert ev.rationale, where
        if all(ev.kind == "inferred" for ev in p.evidence):
            # a position the sources do not state: reasoned and uncertain
            assert p.position.uncertain, where
            assert p.position.rationale or p.rationale, where


def test_schedule_follows_the_article(flagship: Case) -> None:
    meetings = {m.date: m for m in flagship.schedule}
    assert set(meetings) == {dt.date(2022, 1, d) for d in (9, 10, 12, 13)}
    assert meetings[dt.date(2022, 1, 10)].venue == "US Mission to the UN Office in Geneva"
    assert "NATO" in meetings[dt.date(2022, 1, 12)].title
    assert "OSCE" in meetings[dt.date(2022, 1, 13)].title
    ids = {a.id for a in flagship.actors}
    for m in flagship.schedule:
        assert set(m.participants) <= ids, m.title


def test_hand_worked_compromise_on_enlargement(flagship: Case) -> None:
    # Only Russia is off the status quo (0), at 100; weights are capability × salience:
    # RUS 1.0·0.95, USA 1.0·0.8, NATO 0.7·0.95, EU 0.3·0.55, UKR 0.15·0.9, GEO 0.05·0.85
    # = 0.95 + 0.8 + 0.665 + 0.165 + 0.135 + 0.0425 = 2.7575  →  100·0.95/2.7575 = 34.45
    f = forecast_case(flagship).issue("nato-enlargement")
    assert f.outcomes["compromise"] == pytest.approx(100 * 0.95 / 2.7575, abs=1e-4)


def test_forecast_agrees_with_where_the_veto_players_stand(flagship: Case) -> None:
    f = forecast_case(flagship)
    vetoes = [a.id for a in flagship.actors if a.veto]
    for issue in flagship.issues:
        sq = issue.status_quo.central
        sides = {
            (pos.position.central > sq) - (pos.position.central < sq)
            for v in vetoes
            if (pos := flagship.position(v, issue.id)) is not None
        }
        result = f.issue(issue.id)
        if 0 in sides or len(sides) > 1:  # a veto player at the status quo, or opposed ones
            assert not result.agreement.possible, issue.id
            assert result.outcomes["nash"] == pytest.approx(sq), issue.id
        else:
            low, high = result.agreement.zone
            assert low <= result.outcomes["nash"] <= high, issue.id


def test_cli_forecast_json(flagship: Case, flagship_path: Path) -> None:
    result = CliRunner().invoke(app, ["forecast", str(flagship_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [i["id"] for i in data["issues"]] == [i.id for i in flagship.issues]
    library = forecast_case(flagship)
    vetoes = {a.id for a in flagship.actors if a.veto}
    for issue, item in zip(flagship.issues, data["issues"], strict=True):
        assert item["title"] == issue.title
        stated = [p for p in flagship.positions if p.issue == issue.id]
        # the compromise written out: Σ c·s·x / Σ c·s over the actors with a position
        w = [flagship.actor(p.actor).capability.central * p.salience.central for p in stated]
        x = [p.position.central for p in stated]
        mean = sum(wi * xi for wi, xi in zip(w, x, strict=True)) / sum(w)
        assert item["outcomes"]["compromise"] == pytest.approx(mean, abs=1e-6), issue.id
        for model in ("median", "nash"):
            assert item["outcomes"][model] == library.issue(issue.id).outcomes[model], issue.id
        # the zone written out: every veto player with a position prefers the outcome to the
        # status quo inside the mirror interval (sq, 2x − sq); their intersection on 0..100
        sq = issue.status_quo.central
        ends = [2 * p.position.central - sq for p in stated if p.actor in vetoes]
        zone: list[float] | None = None
        if not ends:
            zone = [0.0, 100.0]
        elif all(e > sq for e in ends):
            zone = [sq, min([*ends, 100.0])]
        elif all(e < sq for e in ends):
            zone = [max([*ends, 0.0]), sq]
        assert item["agreement"]["possible"] is (zone is not None), issue.id
        if zone is None:
            assert item["agreement"]["zone"] is None, issue.id
        else:
            assert item["agreement"]["zone"] == pytest.approx(zone, abs=1e-6), issue.id


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_save_load_round_trip(flagship: Case, tmp_path: Path, suffix: str) -> None:
    path = save_case(flagship, tmp_path / f"geneva{suffix}")
    assert load_case(path) == flagship
