"""The EUM trajectory chart of the brief."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.case import Case
from accord.forecast import forecast_case
from accord.models.arrays import case_arrays
from accord.models.trajectory import trajectory
from accord.report import compose_brief, write_brief
from accord.report.trajectory import _end_labels, trajectory_figure


def test_end_labels_merge_actors_that_end_together():
    labels = _end_labels(["RUS", "USA", "NATO", "EU"], [60.0, 60.0, 55.0, 60.5], near=3.0)
    assert labels == [(55.0, "NATO"), (60.0, "RUS, USA, EU")]


def test_trajectory_figure_draws_every_actor_and_the_forecast(flagship: Case):
    tr = trajectory(case_arrays(flagship), "eum", "missiles")
    fig = trajectory_figure(tr)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert len(lines) == len(tr.actors) + 2  # actors, median, mean
    median = next(line for line in lines if line.get_label() == "weighted median")
    assert np.allclose(median.get_ydata(), tr.median)
    assert ax.get_ylim()[0] < 0 and ax.get_ylim()[1] > 100
    assert "missiles" in ax.get_title(loc="left")


def test_the_brief_has_the_eum_rounds_of_every_issue(flagship: Case, tmp_path: Path):
    brief = compose_brief(flagship)
    eum = forecast_case(flagship, ["eum"])  # the model's own forecast, run apart from the brief
    issues = next(s for s in brief.sections if s.id == "issues").data
    for block in issues:
        part = next(p for p in block.parts if p.id == "eum")
        assert part.data.chart.svg.startswith("<svg")
        expected = eum.issue(block.issue.id).outcomes["eum"]
        assert part.data.forecast == pytest.approx(expected)
        assert f"the forecast, the weighted median, is {expected:.1f}" in part.data.sentences[-1]
    # on enlargement Russia, alone at 100, expects to lose to the United States and moves
    enlargement = next(b for b in issues if b.issue.id == "nato-enlargement")
    eum_part = next(p for p in enlargement.parts if p.id == "eum").data
    assert eum_part.sentences[0].startswith("Round 1: Russia expects to lose a conflict")
    assert eum_part.forecast == 0.0
    written = write_brief(brief, tmp_path / "brief.md")
    (folder,) = (tmp_path / "brief_files").iterdir()
    charts = {p.name for p in folder.iterdir()}
    assert {f"eum-{i.id}.svg" for i in flagship.issues} <= charts
    assert written == [tmp_path / "brief.md", folder]


@pytest.mark.parametrize(
    ("models", "shown"),
    [(None, True), ("nash", False), ("nash,exchange", False), ("nash,eum", True),
     ("eum-mean", True)],
)
def test_the_rounds_are_shown_with_the_eum_and_in_the_default_brief(
    flagship: Case, models: str | None, shown: bool
):
    brief = compose_brief(flagship, models)
    issues = next(s for s in brief.sections if s.id == "issues")
    assert all(("eum" in [p.id for p in block.parts]) is shown for block in issues.data)
    assert bool(brief.input.trajectories) is shown  # the rounds run only when shown
