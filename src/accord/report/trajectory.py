"""Chart of a dynamic model's rounds on one issue: every actor's position by round, with the
weighted median (the forecast) and the weighted mean.

Drawn on a :class:`matplotlib.figure.Figure` (no pyplot, no global state).
"""

from __future__ import annotations

import matplotlib as mpl
from matplotlib.figure import Figure

from accord.models.trajectory import Trajectory

INK = "#222222"
MUTED = "#6b6b6b"
ACTOR = "#4a78a8"
MEDIAN = "#c0392b"
FONT = ["Helvetica", "Arial", "DejaVu Sans", "sans-serif"]
LABEL_NEAR = 0.03  # end labels closer than this share of the y range are merged


def _end_labels(names: list[str], ends: list[float], near: float) -> list[tuple[float, str]]:
    """One label per group of actors that end (almost) at the same position."""
    groups: list[tuple[float, list[str]]] = []
    for name, y in sorted(zip(names, ends, strict=True), key=lambda t: t[1]):
        if groups and y - groups[-1][0] <= near:
            groups[-1][1].append(name)
        else:
            groups.append((y, [name]))
    return [(y, ", ".join(members)) for y, members in groups]


def trajectory_figure(
    tr: Trajectory, scale: tuple[float, float] | None = (0.0, 100.0), title: str | None = None
) -> Figure:
    """Positions by round (one line per actor), median and mean of each round.

    ``scale``: the y limits (the issue's scale); ``None`` fits them to the positions.
    """
    rounds = list(range(tr.rounds + 1))
    lo, hi = scale if scale is not None else (float(tr.positions.min()), float(tr.positions.max()))
    span = (hi - lo) or 1.0
    fig = Figure(figsize=(7.6, 3.4))
    with mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": FONT}):
        ax = fig.add_subplot()
        for a in range(len(tr.actors)):
            ax.plot(rounds, tr.positions[:, a], color=ACTOR, lw=1.1, alpha=0.55, marker="o",
                    ms=2.5, zorder=2)
        ax.plot(rounds, tr.median, color=MEDIAN, lw=2.2, zorder=3, label="weighted median")
        ax.plot(rounds, tr.mean, color=INK, lw=1.2, ls="--", zorder=3, label="weighted mean")
        for y, text in _end_labels(tr.actors, list(tr.positions[-1]), LABEL_NEAR * span):
            ax.annotate(text, (rounds[-1], y), xytext=(6, 0), textcoords="offset points",
                        va="center", fontsize=8, color=INK, annotation_clip=False)
        ax.set_xlim(-0.2, max(rounds[-1], 1) + 0.2)
        ax.set_ylim(lo - 0.03 * span, hi + 0.03 * span)
        ax.set_xlabel("round", fontsize=9, color=MUTED)
        ax.set_ylabel("position", fontsize=9, color=MUTED)
        if rounds[-1] <= 12:
            ax.set_xticks(rounds)
        ax.tick_params(labelsize=8, colors=MUTED)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        state = "converged" if tr.converged else "round limit reached"
        ax.set_title(
            title or f"{tr.model.upper()} on {tr.issue}: {tr.rounds_text}, {state}",
            fontsize=10, color=INK, loc="left",
        )
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.18), ncol=2, frameon=False,
                  fontsize=8)
    return fig
