"""The EUM trajectory chart of the brief."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from accord.case import load_case
from accord.models.arrays import case_arrays
from accord.models.trajectory import trajectory
from accord.report.trajectory import _end_labels, trajectory_figure

FLAGSHIP = Path(__file__).resolve().parents[1] / "examples" / "geneva-2022" / "case.yaml"


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
