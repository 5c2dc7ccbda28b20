"""The EUM trajectory chart of the brief."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from accord.case import load_case
from accord.models.arrays import case_arrays
from accord.models.trajectory import trajectory
from accord.report.trajectory import _end_labels, trajectory_figure

FLAGSHIP = Path(__file__).resolve().parents[2] / "examples" / "geneva-2022" / "case.yaml"


def test_end_labels_merge_actors_that_end_together():
    labels = _end_labels(["RUS", "USA", "NATO", "EU"], [60.0, 60.0, 55.0, 60.5], near=3.0)
    assert labels == [(55.0, "NATO"), (60.0, "RUS, USA, EU")]


def test_trajectory_figure_draws_every_actor_and_the_forecast():
    tr = trajectory(case_arrays(load_case(FLAGSHIP)), "eum", "missiles")
    fig = trajectory_figure(tr)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert len(lines) == len(tr.actors) + 2  # actors, median, mean
    median = next(line for line in lines if line.get_label() == "weighted median")
    assert np.allclose(median.get_ydata(), tr.median)
    assert ax.get_ylim()[0] < 0 and ax.get_ylim()[1] > 100
    assert "missiles" in ax.get_title(loc="left")


def test_the_brief_has_the_eum_rounds_of_every_issue(tmp_path: Path):
    from accord.report import build_brief, write_brief

    case = load_case(FLAGSHIP)
    brief = build_brief(case)
    issues = next(s for s in brief.sections if s.id == "issues").data
    for block in issues:
        part = next(p for p in block.parts if p.id == "eum")
        assert part.data.chart.svg.startswith("<svg")
        assert part.data.sentences[-1].startswith("After ")
    # on enlargement Russia, alone at 100, expects to lose to the United States and moves
    enlargement = next(b for b in issues if b.issue.id == "nato-enlargement")
    eum_part = next(p for p in enlargement.parts if p.id == "eum").data
    assert eum_part.sentences[0].startswith("Round 1: Russia expects to lose a conflict")
    assert eum_part.forecast == 0.0
    written = write_brief(brief, tmp_path / "brief.md")
    charts = {p.name for p in (tmp_path / "brief_files").iterdir()}
    assert {f"eum-{i.id}.svg" for i in case.issues} <= charts
    assert written


def test_a_brief_limited_to_other_models_leaves_the_rounds_out():
    from accord.report import build_brief

    case = load_case(FLAGSHIP)

    def parts(models):
        issues = next(s for s in build_brief(case, models).sections if s.id == "issues")
        return {p.id for block in issues.data for p in block.parts}

    assert "eum" not in parts("nash")
    assert "eum" in parts("nash,eum")
