"""Readers for Decide's and KTAB's input files, and ``accord import``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.case import load_case
from accord.cli import app
from accord.errors import ImportFileError
from accord.forecast import forecast_case
from accord.formats.decide import read_decide
from accord.formats.ktab import read_ktab


def test_decide_cop21_both_dialects_agree(shared: Path) -> None:
    plain = read_decide(shared / "data/decide/cop21.csv")
    labelled = read_decide(shared / "data/decide/cop21-labelled.csv")
    assert (len(plain.actors), len(plain.issues), len(plain.positions)) == (15, 13, 181)
    assert [i.id for i in labelled.issues] == [i.id for i in plain.issues]
    assert labelled.title.startswith("CoP21 Paris negotiations")
    # the labelled file names each scale point; the plain one only its ends
    mrv = labelled.issue("mrv")
    assert mrv.scale[65.0] == "International Assessment and Review (IAR)"
    assert set(plain.issue("mrv").scale) == {0.0, 100.0}
    china = labelled.position("China", "legal")
    assert (china.position.central, china.salience.central) == (20.0, 0.65)
    assert labelled.actor("USA").capability.central == 1.0


def test_decide_maps_an_issue_scale_onto_0_100(shared: Path) -> None:
    """tol-hoogte runs from 0.5 to 7 in the sample: 3 maps to (3 − 0.5)·100/6.5 = 38.46."""
    case = read_decide(shared / "data/decide/sample_data.txt")
    issue = case.issue("tol-hoogte")
    assert issue.scale == {0.0: "0.5 on Decide's scale", 100.0: "7 on Decide's scale"}
    assert case.position("Willems", "tol-hoogte").position.central == pytest.approx(38.461538462)
    assert "weighted mean" in (issue.status_quo.rationale or "")


def _decide_file(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "case.csv"
    f.write_text(body, encoding="utf-8")
    return f


@pytest.mark.parametrize(
    ("rows", "line", "words"),
    [
        ("'#A'\t'X'\t'X'\n'#P'\t'p'\t'p'\n'#D'\t'X'\t'p'\t50\t0.5\n", 3, "needs 5"),
        ("'#A'\t'X'\t'X'\n'#P'\t'p'\t'p'\n'#D'\t'X'\t'p'\tfifty\t0.5\t1\n", 3, "position"),
        ("'#A'\t'X'\t'X'\n'#P'\t'p'\t'p'\n'#D'\t'Y'\t'p'\t50\t0.5\t1\n", 3, "unknown actor"),
        ("'#A'\t'X'\t'X'\n'#P'\t'p'\t'p'\n'#M'\t'p'\t0\n'#M'\t'p'\t10\n"
         "'#D'\t'X'\t'p'\t50\t0.5\t1\n", 5, "outside the scale"),
        ("'#A'\t'X'\t'X'\n'#P'\t'p'\t'p'\n'#P'\t'q'\t'q'\n'#D'\t'X'\t'p'\t50\t0.5\t1\n"
         "'#D'\t'X'\t'q'\t50\t0.5\t2\n", 5, "one capability per actor"),
        ("'#A'\t'X'\t'X'\n'#Q'\t'p'\n", 2, "unknown row key"),
    ],
)
def test_decide_errors_name_file_and_line(tmp_path: Path, rows: str, line: int,
                                          words: str) -> None:
    with pytest.raises(ImportFileError) as err:
        read_decide(_decide_file(tmp_path, rows))
    assert err.value.file.endswith("case.csv")
    assert any(path == f"line {line}" and words in msg for path, msg in err.value.problems), (
        err.value.problems)


def test_ktab_soe_policy(shared: Path) -> None:
    case = read_ktab(shared / "data/ktab/SOE-Policy.csv")
    assert case.title == "China Policy; scen 0"
    assert (len(case.actors), len(case.issues)) == (26, 1)
    assert case.actor("XJ").capability.central == 100
    xj = case.position("XJ", "policy-position")
    assert (xj.position.central, xj.salience.central) == (30.0, 0.3)


def test_ktab_dummy_3dim_rescales_an_overfull_attention_budget(shared: Path) -> None:
    """SActor-00's saliences 49.53 + 105.91 + 28.15 = 183.59 exceed KTAB's budget of 100:
    they are scaled by 100/183.59, e.g. 105.91 → 57.688; other rows keep theirs (/100)."""
    case = read_ktab(shared / "data/ktab/dummyData_3Dim.csv")
    assert [i.id for i in case.issues] == ["pstn1", "pstn2", "pstn3"]
    assert case.position("SActor-00", "pstn2").salience.central == pytest.approx(0.57688327)
    assert case.position("SActor-01", "pstn1").salience.central == pytest.approx(0.3033)
    assert "SActor-00 (183.59)" in (case.notes or "")


def test_ktab_errors_name_file_and_line(tmp_path: Path) -> None:
    f = tmp_path / "k.csv"
    f.write_text("S,desc,2,1,\nActor,Description,Power,P1,S1,\nA,a,10,50,50,\nB,b,10,150,50,\n")
    with pytest.raises(ImportFileError) as err:
        read_ktab(f)
    assert err.value.file.endswith("k.csv")
    assert err.value.problems == [("line 4", "position on 'P1' must lie in 0..100, got 150")]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("S,desc,1,1,\n", [("", "a KTAB file needs a scenario line and a header line")]),
        ("S,1,1\nActor,Description,Power,P1,S1\n",
         [("line 1", "the scenario line needs name, description, number of actors and number "
                     "of dimensions, got ['S', '1', '1']")]),
        ("S,desc,two,1\nActor,Description,Power,P1,S1\n",
         [("line 1", "the number of actors and of dimensions must be whole numbers, got 'two' "
                     "and '1'")]),
        ("S,desc,2,1\nActor,Description,Power,P1\nA,a,10,50,50\n",
         [("line 2", "the header needs 5 columns for 1 dimension(s), got 4"),
          ("line 1", "announces 2 actors, the file has 1")]),
        ("S,desc,2,1\nActor,Description,Power,P1,S1\nA,a,10,50\nB,b,ten,50,50\n",
         [("line 3", "expected 5 values, got 4"),
          ("line 4", "influence, positions and saliences must be finite numbers: could not convert "
                     "string to float: 'ten'")]),
        ("S,desc,1,1\nActor,Description,Power,P1,S1\nA,a,0,50,-1\n",
         [("line 3", "influence must be positive, got 0"),
          ("line 3", "salience on 'P1' must be >= 0, got -1")]),
    ],
)
def test_ktab_file_problems(tmp_path: Path, text: str, problems: list[tuple[str, str]]) -> None:
    f = tmp_path / "k.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        read_ktab(f)
    assert err.value.problems == problems


def test_importers_report_every_problem_as_the_files(tmp_path: Path) -> None:
    """An unreadable file, and a file whose case does not validate (no actors), are problems
    of the imported file too."""
    with pytest.raises(ImportFileError, match="cannot read the file"):
        read_ktab(tmp_path / "absent.csv")
    with pytest.raises(ImportFileError, match="cannot read the file"):
        read_decide(tmp_path / "absent.csv")
    with pytest.raises(ImportFileError) as err:
        read_decide(_decide_file(tmp_path, "'#P'\t'p'\t'p'\n"))
    assert err.value.problems == [("actors", "a case needs at least one actor")]


def test_ktab_names_dimensions_and_notes_the_description(tmp_path: Path) -> None:
    f = tmp_path / "k.csv"
    f.write_text('Trade,"tariffs, quotas",2,2,\nActor,Description,Power,Pstn 1,Sal1,Pstn 1,Sal2\n'
                 "A,,10,20,30,40,50,\nB,Bee,30,60,50,80,50\n", encoding="utf-8")
    case = read_ktab(f)
    assert [(i.id, i.title) for i in case.issues] == [("pstn-1", "Pstn 1"), ("pstn-1-2", "Pstn 1")]
    assert case.actor("A").name == "A" and case.actor("B").name == "Bee"
    assert case.notes == "tariffs, quotas (imported from the KTAB file k.csv)."
    # status quo: (10 · 30 · 20 + 30 · 50 · 60) / (10 · 30 + 30 · 50) = 96000 / 1800
    assert case.issue("pstn-1").status_quo.central == pytest.approx(96000 / 1800)
    assert case.position("A", "pstn-1-2").salience.central == 0.5


def test_cli_import_writes_a_valid_case(shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "cop21.yaml"
    result = CliRunner().invoke(
        app, ["import", str(shared / "data/decide/cop21-labelled.csv"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(load_case(out).positions) == 181
    ktab = tmp_path / "soe.json"
    result = CliRunner().invoke(
        app, ["import", str(shared / "data/ktab/SOE-Policy.csv"), "-o", str(ktab)])
    assert result.exit_code == 0, result.output
    assert load_case(ktab).title == "China Policy; scen 0"


def test_cli_import_bad_file_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = _decide_file(tmp_path, "'#A'\t'X'\n'#D'\t'X'\t'p'\t5\n")
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(app, ["import", str(bad), "-o", str(out), "--format", "decide"])
    assert result.exit_code == 2
    assert f"error: {bad}: 1 problem(s)" in result.output
    assert "  line 2: a #D (actor, issue, position, salience, power) row needs 5" in result.output
    assert not out.exists()


def test_cop21_example_is_the_decide_data_and_forecasts_as_decide(root: Path) -> None:
    """examples/cop21 holds the labelled COP21 data; its exchange forecast is decide's."""
    case = load_case(root / "examples/cop21/case.yaml")
    fixture = json.loads((root / "tests/fixtures/decide/cop21.json").read_text(encoding="utf-8"))
    final = fixture["history"][-1]["mds_voting"]
    forecast = forecast_case(case, "exchange")
    for issue in forecast.issues:
        assert issue.outcomes["exchange"] == pytest.approx(final[issue.id], abs=1e-5)
    assert case.issue("ld").status_quo.central == 20  # the Warsaw mechanism, 2013
