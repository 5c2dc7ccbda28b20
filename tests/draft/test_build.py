"""Drafting a case from extracted evidence: it validates, cites its evidence, reads directions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.case import load_case, parse_case
from accord.cli.app import app
from accord.draft.build import DIRECTION, draft_case, read_evidence
from accord.draft.issue_specs import load_issues
from accord.draft.linking import Linker
from accord.errors import CaseError

FOUNDING = "articles/us-russia-security-talks-2022-01-10.txt"
ROOT = Path(__file__).resolve().parents[2]
ISSUES = ROOT / "examples/geneva-2022/draft-issues.yaml"


@pytest.fixture(scope="module")
def evidence(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The founding article through `accord extract`, as JSONL."""
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra (spaCy)")
    out = tmp_path_factory.mktemp("evidence") / "evidence.jsonl"
    result = CliRunner().invoke(app, ["extract", str(shared / FOUNDING), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def drafted(evidence: Path):
    specs = load_issues(ISSUES)
    return draft_case(read_evidence(evidence), specs, Linker(specs))


def _range(case, actor: str, issue: str) -> tuple[float | None, float | None]:
    p = case.position(actor, issue)
    assert p is not None, f"no drafted position of {actor} on {issue}"
    return p.position.low, p.position.high


def test_draft_validates_through_yaml(drafted):
    data = yaml.safe_load(yaml.safe_dump(drafted.model_dump(mode="json", exclude_none=True)))
    parse_case(data)  # raises CaseError with every problem


def test_actors_with_their_people(drafted):
    russia = drafted.actor("russia")
    people = {p.name: p.role for p in russia.people}
    assert people["Sergey Ryabkov"] == "Deputy Foreign Minister"
    assert "Dmitry Peskov" in people
    assert "Jens Stoltenberg" in {p.name for p in drafted.actor("nato").people}
    us = {p.name for p in drafted.actor("united-states").people}
    assert {"Wendy Sherman", "Kamala Harris"} <= us
    for a in drafted.actors:
        assert a.capability.rationale and "analyst" in a.capability.rationale
        assert a.capability.low < a.capability.high  # an honest, wide range
        assert not a.veto


def test_russian_demands_point_to_the_demanding_end(drafted):
    # every treaty demand is a REQUEST by Russia: the position lies in the upper half
    for issue in ("nato-enlargement", "force-posture", "missiles", "military-activity"):
        assert _range(drafted, "russia", issue) == (50.0, 100.0)


def test_nato_rejection_points_to_the_open_door(drafted):
    # Stoltenberg rejects Putin's claim that NATO broke a pledge not to expand
    positions = [p for p in drafted.positions if p.actor == "nato"]
    assert positions
    assert all((p.position.low, p.position.high) == (0.0, 50.0) for p in positions)


def test_every_position_cites_extracted_evidence(drafted):
    sources = {s.id for s in drafted.sources}
    assert drafted.positions
    for p in drafted.positions:
        assert p.evidence
        assert p.rationale and "analyst review" in p.rationale
        for ev in p.evidence:
            assert ev.kind == "extracted" and ev.source in sources
            assert ev.quote and 0 < (ev.confidence or 0) < 1
        # the best evidence is an event with a direction, quoted from the article
        assert p.evidence[0].rationale and p.evidence[0].rationale.startswith("event ")


def test_directions_by_event_type():
    assert {k for k, v in DIRECTION.items() if v > 0} == {"REQUEST", "SUPPORT", "AGREE", "CONCEDE"}
    assert {k for k, v in DIRECTION.items() if v < 0} == {"REJECT"}


def test_drafted_directions_agree_with_the_flagship_case(drafted, root: Path):
    """The analyst's flagship case puts Russia at the demanding end of every treaty issue."""
    flagship = load_case(root / "examples/geneva-2022/case.yaml")
    rus = next(a.id for a in flagship.actors if a.name == "Russia")
    for p in drafted.positions:
        if p.actor != "russia" or flagship.position(rus, p.issue) is None:
            continue
        analyst = flagship.position(rus, p.issue).position.central
        assert p.position.low <= analyst <= p.position.high


def test_cli_draft_writes_a_valid_case(evidence: Path, tmp_path: Path):
    out = tmp_path / "draft.yaml"
    args = ["draft", str(evidence), "--issues", str(ISSUES), "-o", str(out),
            "--embeddings", "off"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "drafted" in result.output
    case = load_case(out)
    assert case.positions and case.sources


def test_cli_bad_issues_exit_2_and_write_nothing(evidence: Path, tmp_path: Path):
    bad = tmp_path / "issues.yaml"
    bad.write_text("- {id: a, title: A, scale: {0: none}, status_quo: 0}\n", encoding="utf-8")
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["draft", str(evidence), "-i", str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "[0].scale" in result.output and not out.exists()


def test_bad_evidence_lines_are_named(tmp_path: Path):
    ev = tmp_path / "ev.jsonl"
    good = {"type": "event", "article": "a", "plover": "REQUEST", "mode": None,
            "source": "X", "target": "Y", "negated": False, "sentence": "s", "start": 0, "end": 1}
    ev.write_text(json.dumps(good) + "\nnot json\n" + json.dumps({"type": "poem"}) + "\n",
                  encoding="utf-8")
    with pytest.raises(CaseError) as err:
        read_evidence(ev)
    assert [p for p, _ in err.value.problems] == ["line 2", "line 3"]
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(CaseError):
        read_evidence(empty)


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
    ev = tmp_path / "ev.jsonl"
    ev.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    issues = tmp_path / "issues.yaml"
    issues.write_text(
        "- id: missiles\n  title: Missiles withdrawn\n"
        "  scale: {0: 'Missiles stay', 100: 'Missiles withdrawn'}\n  status_quo: 0\n"
        "  keywords: [missiles, withdraw]\n",
        encoding="utf-8",
    )
    specs = load_issues(issues)
    case = draft_case(read_evidence(ev), specs, Linker(specs))
    # "withdraw its missiles" echoes the 100 label; Berg speaks for Ruritania
    assert _range(case, "ruritania", "missiles") == (50.0, 100.0)
    assert _range(case, "freedonia", "missiles") == (0.0, 50.0)
    assert case.actor("ruritania").people[0].role == "Foreign Minister"
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
    ev = tmp_path / "ev.jsonl"
    ev.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    issues = tmp_path / "issues.yaml"
    issues.write_text(
        "- id: age\n  title: Pension age\n"
        "  scale: {0: 'Pension age stays at 60', 100: 'Pension age rises to 65'}\n"
        "  status_quo: 0\n",
        encoding="utf-8",
    )
    specs = load_issues(issues)
    case = draft_case(read_evidence(ev), specs, Linker(specs))
    # the sentence describes the rise (100 end, away from the status quo); the unions ask for
    # its withdrawal: the lower half
    assert _range(case, "unions", "age") == (0.0, 50.0)
    assert case.actor("unions").kind == "group"


def test_cli_embeddings_on_without_the_extra_is_bad_input(
    evidence: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import accord.cli.draft as cli_draft

    monkeypatch.setattr(cli_draft, "available", lambda: False)
    out = tmp_path / "draft.yaml"
    args = ["draft", str(evidence), "-i", str(ISSUES), "-o", str(out), "--embeddings", "on"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "embeddings" in result.output and not out.exists()
