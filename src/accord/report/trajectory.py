"""A dynamic model's rounds on one issue in the brief: every actor's position by round, with
the weighted median (the forecast) and the weighted mean, and what happened in words.

:func:`trajectory_figure` draws on a :class:`matplotlib.figure.Figure` (no pyplot, no global
state); :func:`eum_rounds` is the build function of the per-issue ``eum`` part of the brief
(templates ``issue-eum.{html,md}.j2``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from matplotlib.figure import Figure

from accord.models.trajectory import Trajectory
from accord.report.style import ACTOR, INK, MEDIAN, MUTED, font, slug, svg_text
from accord.report.types import BriefInput, Chart

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
    ``title``: ``None`` for a title naming the model, issue and rounds; ``""`` for none.
    """
    rounds = list(range(tr.rounds + 1))
    lo, hi = scale if scale is not None else (float(tr.positions.min()), float(tr.positions.max()))
    span = (hi - lo) or 1.0
    fig = Figure(figsize=(7.6, 3.4))
    with font():
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
            f"{tr.model.upper()} on {tr.issue}: {tr.rounds_text}, {state}"
            if title is None
            else title,
            fontsize=10, color=INK, loc="left",
        )
        ax.legend(loc="upper left", bbox_to_anchor=(0, -0.18), ncol=2, frameon=False,
                  fontsize=8)
    return fig


@dataclass(frozen=True)
class EUMRounds:
    """The brief's EUM part of an issue: the chart and what happened, in sentences."""

    chart: Chart
    forecast: float
    mean: float
    sentences: list[str]


_VERBS = {
    "conflict": "expects to lose a conflict with {partner} and moves to its position",
    "compromise": "compromises with {partner}",
    "capitulation": "gives in to {partner}",
}


def _describe(tr: Trajectory, names: dict[str, str]) -> list[str]:
    if not tr.interactions:
        return [
            "No actor moves: every pair is in stalemate, or the one that would challenge "
            "expects the other to hold out."
        ]
    first = [i for i in tr.interactions if i.round == 1]
    later = [i for i in tr.interactions if i.round > 1]
    moves = [
        f"{names.get(i.actor, i.actor)} "
        + _VERBS[i.kind].format(partner=names.get(i.partner, i.partner))
        + f" ({i.before:.1f} → {i.after:.1f})"
        for i in first
    ]
    sentences = [f"Round 1: {'; '.join(moves)}."]
    if later:
        kinds = Counter(i.kind for i in later)
        counted = ", ".join(f"{n} {k}{'s' if n > 1 else ''}" for k, n in kinds.most_common())
        sentences.append(
            f"Rounds 2–{tr.rounds}: {len(later)} further moves ({counted})."
        )
    state = "the positions settle" if tr.converged else "the round limit stops the run"
    sentences.append(
        f"After {tr.rounds_text} {state}; the forecast, the weighted median, is "
        f"{tr.median[-1]:.1f} (weighted mean {tr.mean[-1]:.1f})."
    )
    return sentences


def eum_rounds(inp: BriefInput, issue_id: str) -> EUMRounds | None:
    """Build function of the brief's per-issue ``eum`` part.

    Shown when the brief is given the issue's EUM rounds (:func:`accord.report.compose.shows`
    says when), except on an issue with fewer than two actors taking part or with no weight
    (every salience 0: the weighted median and mean are undefined).
    """
    tr = inp.trajectories.get(issue_id)
    if tr is None or len(tr.actors) < 2 or not math.isfinite(tr.median[-1]):
        return None  # no weight on the issue (every salience 0): the rounds forecast nothing
    names = {a.id: a.name for a in inp.case.actors}
    title = inp.case.issue(issue_id).title
    fig = trajectory_figure(tr, title="")
    alt = (
        f"{title}: positions of {len(tr.actors)} actors over {tr.rounds_text} of the expected "
        f"utility model; the weighted median ends at {tr.median[-1]:.1f}, the weighted mean at "
        f"{tr.mean[-1]:.1f}"
    )
    name = f"eum-{slug(issue_id)}"
    chart = Chart(name=name, alt=alt, svg=svg_text(fig, name))
    return EUMRounds(chart, float(tr.median[-1]), float(tr.mean[-1]), _describe(tr, names))
