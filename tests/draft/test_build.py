"""Drafting a case from extracted evidence: it validates, cites its evidence, reads directions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.case import Case, dump_case, load_case, parse_case
from accord.cli.app import app
from accord.draft.build import draft_case
from accord.draft.issue_specs import load_issues
from accord.draft.linking import Linker
from accord.extract.evidence import read_evidence

ARTICLE = "us-russia-security-talks-2022-01-10.txt"  # the founding article's id


@pytest.fixture(scope="module")
def issues(flagship_path: Path) -> Path:
    """The analyst's issues for the flagship, beside its case file."""
    return flagship_path.parent / "draft-issues.yaml"


@pytest.fixture(scope="module")
def evidence(founding_text: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The founding article through `accord extract`, as JSONL."""
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra (spaCy)")
    folder = tmp_path_factory.mktemp("evidence")
    (folder / ARTICLE).write_text(founding_text, encoding="utf-8")
    out = folder / "evidence.jsonl"
    result = CliRunner().invoke(app, ["extract", str(folder / ARTICLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def drafted(evidence: Path, issues: Path):
    specs = load_issues(issues)
    return draft_case(read_evidence(evidence), specs, Linker(specs)).case


def _range(case, actor: str, issue: str) -> tuple[float | None, float | None]:
    p = case.position(actor, issue)
    assert p is not None, f"no drafted position of {actor} on {issue}"
    return p.position.low, p.position.high


def test_draft_survives_a_yaml_round_trip(drafted):
    data = yaml.safe_load(yaml.safe_dump(drafted.model_dump(mode="json", exclude_none=True)))
    assert parse_case(data) == drafted  # validates, and nothing is lost on the way


def test_draft_names_the_article_as_its_source(drafted):
    assert drafted.title == f"Draft case from {ARTICLE}"
    assert [s.id for s in drafted.sources] == [ARTICLE]


def test_actors_with_their_people(drafted):
    russia = drafted.actor("russia")
    people = {p.name: p.role for p in russia.people}
    assert people["Sergey Ryabkov"] == "Deputy Foreign Minister"
    assert "Dmitry Peskov" in people
    assert "Jens Stoltenberg" in {p.name for p in drafted.actor("nato").people}
    us = {p.name for p in drafted.actor("united-states").people}
    assert {"Wendy Sherman", "Kamala Harris"} <= us
    for a in drafted.actors:
        assert a.capability.rationale and "CINC" in a.capability.rationale
        assert a.capability.low < a.capability.value <= a.capability.high <= 1.0
        assert a.notes and a.notes.startswith("Proposed by `accord draft`")


def test_only_parties_are_actors(drafted):
    """Historical entities and venues (the Soviet Union, the UN) hold no stance: not listed.
    Ukraine is listed for its aspiration to join ("ambitions of Ukrainian elites to join the
    bloc"), without a veto."""
    assert [a.name for a in drafted.actors] == ["Russia", "NATO", "United States", "Ukraine"]
    assert not drafted.actor("ukraine").veto


def test_capability_prior_from_the_table(drafted):
    # CINC 2016 shares 0.133 (US), 0.247 (NATO), 0.0365 (Russia): the square root of each
    # one's ratio to NATO's
    assert drafted.actor("nato").capability.value == 1.0
    assert drafted.actor("united-states").capability.value == pytest.approx(
        (0.133 / 0.247) ** 0.5, abs=1e-3)
    assert drafted.actor("russia").capability.value == pytest.approx((0.0365 / 0.247) ** 0.5,
                                                                     abs=1e-3)


def test_veto_players_proposed_with_reasons(drafted):
    veto = {a.id: a.notes for a in drafted.actors if a.veto}
    assert set(veto) == {"russia", "nato", "united-states"}
    assert "its demands are on the agenda" in veto["russia"]
    assert "addressed to it" in veto["nato"]


def test_russian_demands_sit_at_the_demanding_end(drafted):
    for issue in ("nato-enlargement", "bucharest-pledge", "force-posture", "missiles",
                  "military-activity"):
        p = drafted.position("russia", issue)
        assert p.position.value == 100.0 and p.position.low == 90.0
        assert "demands the 100 end" in (p.rationale or "")


def test_nato_rejection_sits_at_the_status_quo(drafted):
    # Stoltenberg rejects Putin's claim that NATO broke a pledge not to expand: the rejection
    # echoes Russia's first demand (expand, pledges), so it bears on both of its issues
    assert drafted.position("nato", "nato-enlargement").position.value == 0.0
    assert drafted.position("nato", "bucharest-pledge").position.value == 20.0


def test_collective_rejection_and_offer_to_talk(drafted):
    """"The reaction … in the West was overwhelmingly negative" (the West: the addressees of
    the demands) and "the American side has agreed to meet to discuss Moscow's draft
    treaties": halfway between the status quo and the first labelled step (missiles: 20, 50)."""
    p = drafted.position("united-states", "missiles")
    assert (p.position.value, p.position.low, p.position.high) == (35.0, 20.0, 50.0)
    assert "rejects the demand as put but offers to negotiate" in (p.rationale or "")


def test_every_position_cites_extracted_evidence(drafted):
    sources = {s.id for s in drafted.sources}
    assert len(drafted.positions) == 17  # 15 + Ukraine on the two membership issues
    for p in drafted.positions:
        assert p.evidence
        assert p.rationale and "analyst review" in p.rationale
        assert p.salience.rationale and 0 < p.salience.central <= 0.95
        for ev in p.evidence:
            assert ev.kind == "extracted" and ev.source in sources
            assert ev.quote and 0 < (ev.confidence or 0) < 1


def test_cli_draft_writes_the_drafted_case(evidence: Path, issues: Path, drafted, tmp_path: Path):
    out = tmp_path / "draft.yaml"
    args = ["draft", str(evidence), "--issues", str(issues), "-o", str(out),
            "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # rich wraps the line
    assert f"{len(drafted.actors)} actors, 5 issues, {len(drafted.positions)} positions" in said
    assert out.read_text(encoding="utf-8") == dump_case(drafted)
    assert load_case(out) == drafted
    assert "veto players proposed: russia, nato, united-states" in said


def test_cli_bad_issues_exit_2_and_write_nothing(evidence: Path, tmp_path: Path):
    bad = tmp_path / "issues.yaml"
    bad.write_text("- {id: a, title: A, scale: {0: none}, status_quo: 0}\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["draft", str(evidence), "-i", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "[0].scale" in result.output and not out.exists()


def test_cli_bad_evidence_exit_2_and_names_the_line(issues: Path, tmp_path: Path):
    ev = tmp_path / "ev.jsonl"
    ev.write_text("not json\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["draft", str(ev), "-i", str(issues), "-o", str(out)])
    assert result.exit_code == 2
    assert "line 1" in result.output and not out.exists()


def _draft_from(tmp_path: Path, rows: list[dict], issues_yaml: str) -> Case:
    """The draft of evidence ``rows`` (written as JSONL) against an issues file's text."""
    ev = tmp_path / "ev.jsonl"
    ev.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    issues = tmp_path / "issues.yaml"
    issues.write_text(issues_yaml, encoding="utf-8")
    specs = load_issues(issues)
    return draft_case(read_evidence(ev), specs, Linker(specs)).case


def test_hand_made_evidence_gives_the_expected_case(tmp_path: Path):
    """Two actors, one issue: a demand for change and its rejection."""
    rows = [
        {"type": "actor", "article": "a1", "name": "Ruritania", "kind": "state", "roles": [],
         "affiliation": None, "mentions": []},
        {"type": "actor", "article": "a1", "name": "Anna Berg", "kind": "person",
         "roles": ["Foreign Minister"], "affiliation": "Ruritania", "mentions": []},
        {"type": "actor", "article": "a1", "name": "Freedonia", "kind": "state", "roles": [],
         "affiliation": None, "mentions": []},
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Anna Berg", "target": "Freedonia", "negated": False,
         "sentence": "Berg demanded that Freedonia withdraw its missiles.", "start": 0, "end": 50},
        {"type": "event", "article": "a1", "plover": "REJECT", "mode": None,
         "source": "Freedonia", "target": "Ruritania", "negated": False,
         "sentence": "Freedonia rejected the call to withdraw its missiles.", "start": 51,
         "end": 103},
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: missiles\n  title: Missiles withdrawn\n"
        "  scale: {0: 'Missiles stay', 100: 'Missiles withdrawn'}\n  status_quo: 0\n"
        "  keywords: [missiles, withdraw]\n",
    )
    # "withdraw its missiles" echoes the 100 label; Berg speaks for Ruritania; Freedonia's
    # rejection sits at the status quo
    assert _range(case, "ruritania", "missiles") == (90.0, 100.0)
    assert _range(case, "freedonia", "missiles") == (0.0, 10.0)
    assert case.actor("ruritania").people[0].role == "Foreign Minister"
    assert case.actor("freedonia").veto and case.actor("ruritania").veto
    (ev_item,) = case.position("ruritania", "missiles").evidence
    assert ev_item.speaker == "Anna Berg" and ev_item.source == "a1"


def test_a_demand_to_withdraw_points_away_from_what_it_withdraws(tmp_path: Path):
    rows = [
        {"type": "actor", "article": "a", "name": "unions", "kind": "group", "roles": [],
         "affiliation": None, "mentions": []},
        {"type": "event", "article": "a", "plover": "REQUEST", "mode": "retreat",
         "source": "unions", "target": "government", "negated": False,
         "sentence": "The unions want the government to withdraw regulations which would raise "
                     "the pension age from 60 to 65.", "start": 0, "end": 90},
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: age\n  title: Pension age\n"
        "  scale: {0: 'Pension age stays at 60', 100: 'Pension age rises to 65'}\n"
        "  status_quo: 0\n",
    )
    # the sentence describes the rise (100 end, away from the status quo); the unions ask for
    # its withdrawal: the 0 end
    assert case.position("unions", "age").position.value == 0.0
    assert case.actor("unions").kind == "group"


def test_cli_embeddings_on_without_the_extra_is_bad_input(
    evidence: Path, issues: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import accord.draft.embeddings as embeddings  # the command imports it lazily

    monkeypatch.setattr(embeddings, "available", lambda: False)
    out = tmp_path / "draft.yaml"
    args = ["draft", str(evidence), "-i", str(issues), "-o", str(out), "--embeddings", "on"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "embeddings" in result.output and not out.exists()


@pytest.mark.parametrize("first", ["unions", "Anna Berg"])
def test_actors_without_a_body_are_listed_in_the_order_they_act(first: str, tmp_path: Path):
    """Neither the unions (no actor record) nor Anna Berg (no affiliation) is a listed body;
    each holds a position, so each is listed, in the order of the events (not of a set)."""
    second = "Anna Berg" if first == "unions" else "unions"
    rows = [
        {"type": "actor", "article": "a", "name": "Anna Berg", "kind": "person", "roles": [],
         "affiliation": None, "mentions": []},
        *({"type": "event", "article": "a", "plover": "REQUEST", "mode": None, "source": who,
           "target": None, "negated": False, "sentence": f"{who} demanded a pension rise.",
           "start": 0, "end": 30} for who in (first, second)),
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: age\n  title: Pension age\n"
        "  scale: {0: 'Pension stays', 100: 'Pension rises'}\n  status_quo: 0\n",
    )
    assert [a.name for a in case.actors] == [first, second]
    assert {a.id: a.kind for a in case.actors} == {"unions": "group", "anna-berg": "person"}


def test_a_veto_player_silent_on_an_issue_keeps_the_status_quo(tmp_path: Path):
    """Ruritania demands on one issue of two and Freedonia rejects it: both are proposed veto
    players; on the second issue no one demands anything, so each is placed at its status
    quo, ±25, with inferred evidence. A demand that links to no issue makes no party:
    Utopia's request is about nothing on the agenda (it holds a position, but no veto)."""
    rows = [
        {"type": "actor", "article": "a1", "name": n, "kind": "state", "roles": [],
         "affiliation": None, "mentions": []} for n in ("Ruritania", "Freedonia", "Utopia")
    ] + [
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Ruritania", "target": "Freedonia", "negated": False,
         "sentence": "Ruritania demanded that Freedonia withdraw its missiles.", "start": 0,
         "end": 55},
        {"type": "event", "article": "a1", "plover": "REJECT", "mode": None,
         "source": "Freedonia", "target": "Ruritania", "negated": False,
         "sentence": "Freedonia rejected the call to withdraw its missiles.", "start": 56,
         "end": 108},
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Utopia", "target": "Freedonia", "negated": False,
         "sentence": "Utopia asked Freedonia to host a football match.", "start": 109,
         "end": 157},
        {"type": "event", "article": "a1", "plover": "REJECT", "mode": None,
         "source": "Utopia", "target": None, "negated": False,
         "sentence": "Utopia rejected the call to withdraw the missiles.", "start": 158,
         "end": 208},
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: missiles\n  title: Missiles withdrawn\n"
        "  scale: {0: 'Missiles stay', 100: 'Missiles withdrawn'}\n  status_quo: 0\n"
        "  keywords: [missiles, withdraw]\n"
        "- id: bases\n  title: Bases closed\n"
        "  scale: {0: 'Bases open', 100: 'Bases closed'}\n  status_quo: 30\n"
        "  keywords: [bases]\n",
    )
    assert {a.id for a in case.actors if a.veto} == {"ruritania", "freedonia"}
    assert case.position("utopia", "missiles").position.value == 0.0
    for actor in ("ruritania", "freedonia"):
        p = case.position(actor, "bases")
        assert (p.position.value, p.position.low, p.position.high) == (30.0, 5.0, 55.0)
        assert p.evidence[0].kind == "inferred" and p.evidence[0].source == "a1"


def test_an_offer_to_talk_bears_on_the_talks_issue(tmp_path: Path):
    """"Freedonia will of course consult on the missile plans": an offer to talk; with an
    issue about the talks themselves on the agenda, it places Freedonia there (at the first
    labelled step), not as a concession on the missiles."""
    rows = [
        {"type": "actor", "article": "a1", "name": n, "kind": "state", "roles": [],
         "affiliation": None, "mentions": []} for n in ("Ruritania", "Freedonia")
    ] + [
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Ruritania", "target": "Freedonia", "negated": False,
         "sentence": "Ruritania demanded that Freedonia withdraw its missiles.", "start": 0,
         "end": 55},
        {"type": "event", "article": "a1", "plover": "AGREE", "mode": "consult",
         "source": "Freedonia", "target": "Ruritania", "negated": False,
         "sentence": "Freedonia agreed to consult Ruritania on its missiles.", "start": 56,
         "end": 110},
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: missiles\n  title: Missiles withdrawn\n"
        "  scale: {0: 'Missiles stay', 100: 'Missiles withdrawn'}\n  status_quo: 0\n"
        "  keywords: [missiles, withdraw]\n"
        "- id: talks\n  title: Further talks\n"
        "  scale: {0: 'Talks broken off', 50: 'Consultation', 100: 'Full negotiations'}\n"
        "  status_quo: 20\n",
    )
    assert case.position("freedonia", "talks").position.value == 50.0
    assert case.position("freedonia", "missiles") is None


def test_a_refusal_to_concede_keeps_a_demand_only_on_the_issues_demanded(tmp_path: Path):
    """Branch p4-flagship3: a body that demanded something on one issue had every refusal to
    concede read as keeping a demand, on every issue ("will continue to urge Ruritania to
    withdraw" on troops made "will not allow anyone to close the open door" a demand of the
    far end of membership). A refusal on an issue it demands nothing on is a rejection."""
    rows = [
        {"type": "actor", "article": "a1", "name": name, "kind": "state", "roles": [],
         "affiliation": None, "mentions": []} for name in ("Ruritania", "Freedonia")] + [
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Ruritania", "target": "Freedonia", "negated": False,
         "sentence": "Ruritania demanded a ban on membership and that troops withdraw.",
         "start": 0, "end": 64},
        {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
         "source": "Freedonia", "target": "Ruritania", "negated": False,
         "sentence": "Freedonia urged Ruritania to withdraw its troops.", "start": 65,
         "end": 114},
        {"type": "event", "article": "a1", "plover": "REJECT", "mode": "concede",
         "source": "Freedonia", "target": None, "negated": True,
         "sentence": "Freedonia will not give in on membership.", "start": 115, "end": 156},
    ]
    case = _draft_from(
        tmp_path, rows,
        "- id: membership\n  title: A ban on membership\n"
        "  scale: {0: 'Membership open', 100: 'Membership banned'}\n  status_quo: 0\n"
        "  keywords: [membership]\n"
        "- id: troops\n  title: Troops withdrawn\n"
        "  scale: {0: 'Troops stay', 100: 'Troops withdrawn'}\n  status_quo: 0\n"
        "  keywords: [troops, withdraw]\n",
    )
    got = {(p.actor, p.issue): p.position.central for p in case.positions}
    assert got["freedonia", "membership"] == 0  # before: 100, a demand kept
    assert got["ruritania", "membership"] == 100


def test_a_demand_that_the_demanding_side_withdraw_opposes_its_demand(tmp_path: Path):
    """Branch p4-flagship3: "Freedonia will continue to urge Ruritania to withdraw its troops"
    (a REQUEST to retreat, addressed to Ruritania, which demands that troops withdraw from the
    border) put Freedonia at the demand's end; it asks Ruritania to give ground, so it is a
    rejection of Ruritania's demand, at the status quo. A demand to withdraw addressed to a
    body that demands nothing on the issue stays a demand."""
    def rows(target: str) -> list[dict]:
        return [
            {"type": "actor", "article": "a1", "name": name, "kind": "state", "roles": [],
             "affiliation": None, "mentions": []}
            for name in ("Ruritania", "Freedonia", "Sylvania")] + [
            {"type": "event", "article": "a1", "plover": "REQUEST", "mode": None,
             "source": "Ruritania", "target": "Freedonia", "negated": False,
             "sentence": "Ruritania demanded that foreign troops be limited at the border.",
             "start": 0, "end": 64},
            {"type": "event", "article": "a1", "plover": "REQUEST", "mode": "retreat",
             "source": "Freedonia", "target": target, "negated": False,
             "sentence": f"Freedonia will continue to urge {target} to withdraw its troops.",
             "start": 65, "end": 125}]

    issues = ("- id: troops\n  title: Foreign troops limited at the border\n"
              "  scale: {0: 'Troops stay', 100: 'Troops limited'}\n  status_quo: 0\n"
              "  keywords: [troops, border]\n")
    case = _draft_from(tmp_path, rows("Ruritania"), issues)
    got = {(p.actor, p.issue): p.position.central for p in case.positions}
    assert got["freedonia", "troops"] == 0 and got["ruritania", "troops"] == 100
    case = _draft_from(tmp_path, rows("Sylvania"), issues)
    got = {(p.actor, p.issue): p.position.central for p in case.positions}
    assert got["freedonia", "troops"] != 0
