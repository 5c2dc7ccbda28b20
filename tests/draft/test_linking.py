"""Linking statements and events to the analyst's issues."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from accord.draft.issue_specs import load_issues, parse_issues
from accord.draft.linking import Linker, _cosine, stem, terms
from accord.errors import EvidenceError


@pytest.fixture(scope="module")
def linker(flagship_path: Path) -> Linker:
    return Linker(load_issues(flagship_path.parent / "draft-issues.yaml"))


def test_stems_and_terms():
    assert [stem(w) for w in ("guarantees", "treaties", "eastwards", "expanding", "missiles")] == [
        "guarantee", "treaty", "eastward", "expand", "missile"
    ]
    # stopwords and one-letter words drop out; hyphenated words count whole and by parts
    assert terms("The short-range missiles of a NATO state") == {
        "short-range": 1, "short": 1, "range": 1, "missile": 1, "nato": 1, "state": 1
    }


def test_cosine_hand_worked():
    # a = (1, 2) on {x, y}, b = (2, 0, 1) on {x, z, w}: dot 2, |a| = √5, |b| = √5 → 0.4
    assert _cosine({"x": 1, "y": 2}, {"x": 2, "z": 0, "w": 1}) == pytest.approx(2 / 5)
    assert _cosine({"x": 1}, {"y": 1}) == 0.0
    assert math.isclose(_cosine({"x": 3}, {"x": 1}), 1.0)


@pytest.mark.parametrize(
    ("sentence", "issue"),
    [
        ("Russia is seeking written guarantees that NATO will not expand further eastwards.",
         "nato-enlargement"),
        ("The proposed agreements demand that NATO limit its forces to the territory of "
         "nations that were members prior to 1997.", "force-posture"),
        ("Another article calls for both sides not to deploy intermediate and short-range "
         "land-based missiles in the vicinity of each other's territory.", "missiles"),
        ("Moscow's draft treaty would also ban NATO troops from any joint military activity "
         "in Eastern European, Transcaucasian, and Central Asian states.", "military-activity"),
    ],
)
def test_demands_link_to_their_issue(linker: Linker, sentence: str, issue: str):
    (links,) = linker.link([sentence])
    assert links and links[0].issue == issue
    assert links[0].semantic is None and links[0].score == links[0].lexical


def test_unrelated_sentences_link_to_nothing(linker: Linker):
    assert linker.link(["The envoys held preliminary discussions over a working dinner."]) == [[]]


def test_content_end_needs_a_clear_margin(linker: Linker):
    # echoes only the 100 label ("legally binding ban … in the vicinity of each other's
    # territory")
    said = "A legally binding ban on missiles in the vicinity of our territory"
    assert linker.content_end("missiles", said) == 100
    # echoes neither label: undecided
    assert linker.content_end("missiles", "Talks went on until late") is None


def test_similarity_is_the_lexical_cosine(linker: Linker):
    label = "Talks on reciprocal, verifiable arrangements"
    assert linker.similarity(label, label) == pytest.approx(1.0)
    assert linker.similarity("The envoys dined", label) == 0.0


def test_issue_file_problems_name_the_field(tmp_path: Path):
    bad = tmp_path / "issues.yaml"
    bad.write_text(
        "issues:\n"
        "  - {id: a, title: A, scale: {0: none, 100: all}, status_quo: 0, keywords: x}\n"
        "  - {id: a, title: B, scale: {0: none}, status_quo: 0}\n"
        "  - {id: a, title: C, scale: {0: none, 100: all}, status_quo: 0}\n",
        encoding="utf-8",
    )
    with pytest.raises(EvidenceError) as err:
        load_issues(bad)
    paths = [p for p, _ in err.value.problems]
    assert "issues[0].keywords" in paths
    assert "issues[1].scale" in paths  # 100 is not labelled
    assert "issues[2].id" in paths  # duplicate
    assert err.value.file == str(bad)
    with pytest.raises(EvidenceError) as err:
        parse_issues([])
    assert err.value.problems == [("", "expected a non-empty list of issues")]


def test_an_unreadable_issues_file_is_an_evidence_error(tmp_path: Path):
    bad = tmp_path / "issues.yaml"
    bad.write_text("- [unclosed\n", encoding="utf-8")
    with pytest.raises(EvidenceError) as err:
        load_issues(bad)
    assert err.value.file == str(bad) and "YAML" in err.value.problem


def test_a_case_file_serves_as_issues_file(flagship_path: Path, flagship):
    specs = load_issues(flagship_path)
    assert [s.issue for s in specs] == flagship.issues
    assert all(s.keywords == () for s in specs)
