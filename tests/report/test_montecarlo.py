"""The brief's Monte Carlo parts: interval bars per issue and "What drives this forecast"."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from accord.case import Case
from accord.cli import app
from accord.report import Brief, compose_brief, write_brief
from accord.report.render import render_html

runner = CliRunner()


def part_ids(brief: Brief) -> dict[str, list[str]]:
    issues = next(s for s in brief.sections if s.id == "issues").data
    return {b.issue.id: [p.id for p in b.parts] for b in issues}


def test_without_samples_the_brief_has_no_monte_carlo_parts(flagship: Case) -> None:
    brief = compose_brief(flagship)
    assert brief.input.sweep is None
    assert "drivers" not in [s.id for s in brief.sections]
    assert all("intervals" not in ids for ids in part_ids(brief).values())


def test_with_samples_every_issue_gets_interval_bars_and_the_drivers_section(
    flagship: Case,
) -> None:
    brief = compose_brief(flagship, samples=1000, seed=2)
    assert brief.input.sweep.samples == 1000 and brief.input.sweep.seed == 2
    ids = [s.id for s in brief.sections]
    assert ids.index("drivers") == ids.index("issues") + 1
    assert all(p[p.index("chart") + 1] == "intervals" for p in part_ids(brief).values())

    raw = render_html(brief)
    ids = Counter(re.findall(r'\bid="([^"]+)"', raw))
    assert [k for k, n in ids.items() if n > 1] == []  # charts inline without clashing ids
    page = html.unescape(raw)
    assert "What drives this forecast" in page
    assert page.count("<h4>How sure</h4>") == 5
    figures = re.findall(r'<figure class="chart" role="img" aria-label="[^"]*Monte Carlo', page)
    assert len(figures) == 5
    # the missile issue: every veto player gains from a move, so a deal is possible in every
    # sample, and its drivers are the Western positions on it, named in words
    assert "a zone of agreement exists in 100% of them" in page
    drivers = next(s for s in brief.sections if s.id == "drivers").data
    missiles = next(i for i in drivers.issues if i.id == "missiles")
    nash = dict(missiles.models)["Nash bargaining"]
    assert nash[0][0] in ("NATO’s position", "United States’ position")
    assert "sample the ranges the analyst gave" in page


def test_markdown_brief_writes_the_interval_charts(flagship: Case, tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    write_brief(compose_brief(flagship, samples=500), out)
    charts = sorted(p.name for p in (tmp_path / "brief_files").glob("*/intervals-*.svg"))
    assert charts == [f"intervals-{i}.svg" for i in sorted(
        ["nato-enlargement", "bucharest-pledge", "force-posture", "missiles",
         "military-activity"])]
    assert "## What drives this forecast" in out.read_text(encoding="utf-8")


def test_report_cli_samples_option(flagship_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    result = runner.invoke(app, ["report", str(flagship_path), "-o", str(out), "--samples", "0"])
    assert result.exit_code == 0, result.output
    assert "What drives this forecast" not in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", str(flagship_path), "-o", str(out), "--samples", "300"])
    assert result.exit_code == 0, result.output
    assert "What drives this forecast" in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.html"
    result = runner.invoke(app, ["report", str(flagship_path), "-o", str(bad), "--samples", "-5"])
    assert result.exit_code == 2 and not bad.exists()
