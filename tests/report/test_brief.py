"""The brief: what it contains, where it is written, and that failures leave nothing behind."""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from accord.assessment import assess
from accord.case import Case, load_case
from accord.cli import app
from accord.errors import OptionError
from accord.forecast import forecast_case
from accord.models.registry import resolve
from accord.report import BriefInput, build_brief, compose_brief, output_format, write_brief
from accord.report import render as render_module
from accord.report import trades as trades_module
from accord.report.render import render_html

DATA = Path(__file__).parents[1] / "data"
CASE = DATA / "pension-talks-2005.yaml"
runner = CliRunner()

QUOTES = [
    "This is a position that Unison cannot accept and will oppose.",
    "Unions will of course be consulted about any proposed changes.",
    "that is working until people drop.",
]
INFERRED = "which implies it wants talks to continue"
# the pension case's verdict, worked out by hand: only on the talks do both veto players (the
# government at 60, Unison at 90) lie above the status quo (30); on the pension age the
# government sits at the status quo (100), on the basis of the pension Unison does (0)
VERDICT = (
    "A deal is possible on 1 of 3 issues: “Further negotiations”. No deal on the others as "
    "positions stand: on “Pension age of council workers”, UK government sits at the status "
    "quo; on “Basis of the pension”, Unison sits at the status quo."
)


def report(*args: str):
    return runner.invoke(app, ["report", *map(str, args)])


def text_of(path: Path) -> str:
    return html.unescape(path.read_text(encoding="utf-8"))


def test_html_brief_is_one_file_with_charts_quotes_and_verdict(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    result = report(CASE, "-o", out)
    assert result.exit_code == 0, result.output
    assert str(out.resolve()) in result.output.replace("\n", "")
    assert os.listdir(tmp_path) == ["brief.html"]
    raw = out.read_text(encoding="utf-8")
    page = html.unescape(raw)
    assert raw.count("<svg") == 9  # per issue, inline: actors, Monte Carlo intervals, EUM rounds
    for quote in QUOTES:
        assert quote in page
    assert "Inferred: PCS co-ordinates the industrial action" in page and INFERRED in page
    assert VERDICT in page
    assert "Will the talks avert the pension strike?" in page
    # the forecast table, the sources and the models' references
    assert "zone of agreement" in page and "30–90" in page
    assert "Strike threat over pension plans" in page and 'id="src-strike-threat"' in raw
    assert "Achen 2006" in page and "Black 1948" in page
    # self-contained: no external stylesheet, script or image
    assert not re.search(r"<(link|script)\b", raw)
    assert not re.search(r'\bsrc="', raw)


def test_html_ids_are_unique_and_every_reference_resolves() -> None:
    raw = render_html(compose_brief(load_case(CASE)))
    ids = Counter(re.findall(r'\bid="([^"]+)"', raw))
    assert [k for k, n in ids.items() if n > 1] == []
    refs = re.findall(r'(?:url\(#|href="#)([^")]+)', raw)
    assert refs and [r for r in refs if r not in ids] == []


def test_markdown_brief_writes_its_charts_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    result = report(CASE, "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path)) == ["brief.md", "brief_files"]
    (version,) = os.listdir(tmp_path / "brief_files")  # one folder, named by its charts' hash
    folder = tmp_path / "brief_files" / version
    charts = sorted(p.name for p in folder.iterdir())
    issues = ["pension-age", "salary-basis", "talks"]
    kinds = ("eum", "intervals", "issue")
    assert charts == sorted(f"{kind}-{i}.svg" for kind in kinds for i in issues)
    md = text_of(out)
    for name in charts:
        assert f"](brief_files/{version}/{name})" in md
        root = ET.parse(folder / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
    for quote in QUOTES:
        assert quote in md.replace("\\", "")
    assert VERDICT in md.replace("\\", "")
    assert "| Further negotiations | 30 | 71.2 ✓ | 60 ✓ | 64.5 ✓ | 30–90 |" in md


def test_markdown_rewrite_replaces_the_old_charts(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    (tmp_path / "brief_files").mkdir()
    (tmp_path / "brief_files" / "stale.svg").write_text("<svg/>")
    assert report(CASE, "-o", out).exit_code == 0
    assert "stale.svg" not in os.listdir(tmp_path / "brief_files")
    assert len(os.listdir(tmp_path / "brief_files")) == 1  # the new charts' folder only
    assert sorted(os.listdir(tmp_path)) == ["brief.md", "brief_files"]


@pytest.mark.parametrize("name", ["brief.pdf", "brief", "brief.htm.txt"])
def test_bad_extension_exits_2_and_writes_nothing(tmp_path: Path, name: str) -> None:
    result = report(CASE, "-o", tmp_path / name)
    assert result.exit_code == 2
    assert "use .html" in result.output and ".md" in result.output
    assert os.listdir(tmp_path) == []


def test_a_bad_extension_is_an_option_error_naming_the_output() -> None:
    assert output_format("b.HTML") == "html" and output_format("a/b.md") == "md"
    with pytest.raises(OptionError) as e:
        output_format("out/brief.pdf")
    assert e.value.file == "out/brief.pdf"
    assert e.value.problem.startswith("cannot write a brief with '.pdf'; use .html")


def test_bad_case_and_unknown_model_exit_2_and_write_nothing(tmp_path: Path) -> None:
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    data["positions"][0]["salience"] = 1.7
    bad = tmp_path / "in" / "bad.yaml"
    bad.parent.mkdir()
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    out = tmp_path / "out"
    result = report(bad, "-o", out / "brief.html")
    assert result.exit_code == 2
    assert "positions[0].salience" in result.output
    result = report(CASE, "-o", out / "brief.html", "--model", "nash,oracle")
    assert result.exit_code == 2 and "oracle" in result.output
    assert not out.exists()


def test_model_option_limits_the_columns(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    assert report(CASE, "-o", out, "--model", "nash").exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "| issue | status quo | nash | zone of agreement |" in md
    assert "compromise" not in md


def test_a_failed_html_write_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    result = report(CASE, "-o", tmp_path / "brief.html")
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert os.listdir(tmp_path) == []


def test_a_failed_markdown_write_leaves_nothing_and_keeps_the_old_charts(
    tmp_path: Path, monkeypatch
) -> None:
    real = render_module.write_atomic

    def fail_on_text(path, data):
        if Path(path).suffix == ".md":
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(render_module, "write_atomic", fail_on_text)
    brief = compose_brief(load_case(CASE))
    with pytest.raises(OSError):
        write_brief(brief, tmp_path / "brief.md")
    assert os.listdir(tmp_path) == []
    # with charts from an earlier run in place, they survive the failed rewrite untouched
    (tmp_path / "brief_files").mkdir()
    (tmp_path / "brief_files" / "old.svg").write_text("<svg/>")
    with pytest.raises(OSError):
        write_brief(brief, tmp_path / "brief.md")
    assert os.listdir(tmp_path) == ["brief_files"]
    assert os.listdir(tmp_path / "brief_files") == ["old.svg"]


def test_a_failed_chart_write_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    real = render_module.write_atomic
    calls = []

    def fail_on_second_chart(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(render_module, "write_atomic", fail_on_second_chart)
    with pytest.raises(OptionError, match="cannot write the charts: No space left on device"):
        write_brief(compose_brief(load_case(CASE)), tmp_path / "brief.md")
    assert os.listdir(tmp_path) == []


def test_sections_without_data_are_left_out(tmp_path: Path) -> None:
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    del data["schedule"]
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    brief = compose_brief(load_case(case_file))
    assert [s.id for s in brief.sections] == [
        "answer", "actors", "forecast", "trades", "issues", "sources", "method"
    ]
    assert 'id="schedule"' not in render_html(brief)
    full = compose_brief(load_case(CASE))
    assert "schedule" in [s.id for s in full.sections]


def test_build_brief_lays_out_only_what_it_is_given(monkeypatch) -> None:
    case = load_case(CASE)
    forecast = forecast_case(case)
    given = BriefInput(case, resolve(None), forecast, assess(case, forecast))

    def no_model_run(*args, **kwargs):
        raise AssertionError("build_brief ran a model")

    monkeypatch.setattr(trades_module, "exchange_model", no_model_run)
    bare = build_brief(given)
    # the default models would show the trades and the EUM rounds, but none were given
    assert [s.id for s in bare.sections] == [
        "answer", "schedule", "actors", "forecast", "issues", "sources", "method"
    ]
    issues = next(s for s in bare.sections if s.id == "issues").data
    assert [[p.id for p in b.parts] for b in issues] == [["summary", "chart", "scale",
                                                          "evidence"]] * 3
    monkeypatch.undo()
    full = compose_brief(case)
    assert build_brief(full.input).sections == full.sections


def test_output_folder_is_created(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "brief.html"
    assert report(CASE, "-o", out).exit_code == 0
    assert out.is_file()


def test_the_brief_is_deterministic() -> None:
    case = load_case(CASE)
    assert render_html(compose_brief(case)) == render_html(compose_brief(case))


def zone_exists(case: Case, issue_id: str) -> bool:
    """A zone of agreement, worked out afresh: every veto player with a position on the issue
    lies strictly on the same side of its status quo."""
    q = case.issue(issue_id).status_quo.central
    offsets = [
        p.position.central - q
        for a in case.actors
        if a.veto and (p := case.position(a.id, issue_id)) is not None
    ]
    return all(d > 0 for d in offsets) or all(d < 0 for d in offsets)


def test_flagship_brief(flagship_path: Path, flagship: Case, tmp_path: Path) -> None:
    out = tmp_path / "geneva.html"
    result = report(flagship_path, "-o", out)
    assert result.exit_code == 0, result.output
    page = text_of(out)
    possible = [i.title for i in flagship.issues if zone_exists(flagship, i.id)]
    assert 1 < len(possible) < len(flagship.issues)
    titles = ", ".join(f"“{t}”" for t in possible[:-1]) + f" and “{possible[-1]}”"
    assert (
        f"A deal is possible on {len(possible)} of {len(flagship.issues)} issues: {titles}."
        in page
    )
    assert page.count("<svg") == 3 * len(flagship.issues)  # actors, intervals, EUM rounds
    assert page.count('<span class="badge yes">deal possible</span>') == 2 * len(possible)


def test_notes_become_paragraphs(tmp_path: Path) -> None:
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))
    # a folded YAML block turns each blank line into one line break
    data["notes"] = yaml.safe_load("n: >-\n  First line\n  continued.\n\n  Second.\n")["n"]
    assert data["notes"] == "First line continued.\nSecond."
    case_file = tmp_path / "case.yaml"
    case_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    brief = compose_brief(load_case(case_file))
    notes = next(s for s in brief.sections if s.id == "notes")
    assert notes.data == ["First line continued.", "Second."]
    assert "<p>First line continued.</p>\n<p>Second.</p>" in render_html(brief)
