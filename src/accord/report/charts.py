"""The issue chart of the brief: the actors on the issue's scale, the zone and the forecasts.

Drawn with matplotlib on a :class:`~matplotlib.figure.Figure` and returned as SVG text in the
brief's style (:mod:`accord.report.style`).
"""

from __future__ import annotations

import math
import textwrap

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from accord.case import SCALE_MAX, SCALE_MIN, Actor, Case, Issue
from accord.forecast import IssueForecast
from accord.models.arrays import CaseArrays
from accord.quantity import Quantity
from accord.report.style import (
    ACTOR,
    INK,
    MODEL_MARKERS,
    MUTED,
    VETO,
    ZONE,
    font,
    model_colour,
    slug,
    svg_text,
)
from accord.report.types import Chart

MIN_AREA, MAX_AREA = 40.0, 900.0  # marker area in pt² for the lightest and heaviest actor
LABEL_ROOM = 30.0  # an inner scale point is labelled on the chart with this much room
MODEL_STEP, MODEL_NEAR = 0.32, 2.5  # forecasts closer than MODEL_NEAR points stack upwards

Row = tuple[Actor, Quantity, float]  # an actor, its position, its weight (the heaviest is 1)
Forecasts = list[tuple[str, float]]  # model name → forecast, the models that give one


def _spread(q: Quantity) -> tuple[float, float] | None:
    """The range an analyst gave for a position: [low, high] or ±1 sd, on the scale."""
    if q.low is not None and q.high is not None and q.high > q.low:
        return q.low, q.high
    if q.sd:
        return max(SCALE_MIN, q.central - q.sd), min(SCALE_MAX, q.central + q.sd)
    return None


def _levels(models: list[tuple[str, float]]) -> list[int]:
    """A row for each forecast marker so that markers of near-equal forecasts do not hide."""
    placed: list[tuple[float, int]] = []
    for _, v in models:
        taken = {lvl for x, lvl in placed if abs(x - v) < MODEL_NEAR}
        placed.append((v, next(lvl for lvl in range(len(models)) if lvl not in taken)))
    return [lvl for _, lvl in placed]


def _scale_labels(ax: Axes, scale: dict[float, str]) -> None:
    """Labels of the scale's ends, and of inner points with room, under the axis.

    An inner point is labelled when no other labelled point lies within
    :data:`LABEL_ROOM` scale points of it; each label is wrapped to the room left by the
    labels shown beside it (the brief lists every label in full under the chart).
    """
    points = sorted(scale)
    inner = [
        x for x in points[1:-1] if all(abs(x - p) >= LABEL_ROOM for p in points if p != x)
    ]
    shown = [points[0], *inner, points[-1]] if len(points) > 1 else points
    for i, x in enumerate(shown):
        gap = min([abs(x - p) for p in shown if p != x] or [SCALE_MAX])
        end = i in (0, len(shown) - 1)
        width = int(max(12, min(40, gap * (0.45 if end else 0.6))))
        lines = textwrap.wrap(scale[x], width)
        if len(lines) > 4:
            lines = [*lines[:3], textwrap.shorten(" ".join(lines[3:]), width, placeholder="…")]
        ha = "left" if i == 0 else "right" if i == len(shown) - 1 else "center"
        ax.annotate(
            "\n".join(lines),
            xy=(x, 0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -22),
            textcoords="offset points",
            ha=ha,
            va="top",
            fontsize=8,
            color=MUTED,
            style="italic",
        )


def _rows(case: Case, arrays: CaseArrays, issue: Issue) -> list[Row]:
    """The actors with a position on ``issue``, left to right, weighted by capability ×
    salience relative to the heaviest actor on any issue."""
    j = arrays.issues.index(issue.id)
    w = arrays.c[:, None] * arrays.S
    w_max = float(w.max()) or 1.0
    rows = []
    for r, actor_id in enumerate(arrays.actors):
        p = case.position(actor_id, issue.id)
        if p is not None:
            rows.append((case.actor(actor_id), p.position, float(w[r, j]) / w_max))
    return sorted(rows, key=lambda t: (t[1].central, t[0].name))


def _draw_zone(ax: Axes, forecast: IssueForecast) -> None:
    """The zone of agreement shaded, or a note that there is none; the status quo dashed."""
    zone = forecast.agreement.zone
    if zone is not None:
        ax.axvspan(*zone, color=ZONE, alpha=0.14, lw=0, zorder=0)
    else:
        ax.text(
            0.99, 0.98, "no zone of agreement", transform=ax.transAxes, ha="right",
            va="top", fontsize=8.5, color=VETO,
        )
    ax.axvline(forecast.status_quo, color=INK, ls="--", lw=1.1, zorder=1)


def _draw_forecasts(ax: Axes, models: Forecasts, y: float) -> None:
    """Each model's forecast: a dotted line and a marker in the row at ``y``."""
    for i, ((_, v), level) in enumerate(zip(models, _levels(models), strict=True)):
        colour = model_colour(i)
        ax.axvline(v, color=colour, ls=":", lw=1, alpha=0.8, zorder=1)
        ax.scatter(
            [v], [y + MODEL_STEP * level], s=70,
            marker=MODEL_MARKERS[i % len(MODEL_MARKERS)], color=colour, zorder=4,
            edgecolors="white", linewidths=0.6, clip_on=False,
        )


def _draw_actors(ax: Axes, rows: list[Row]) -> None:
    """One row per actor: its marker (area by weight), the range it was given, its position."""
    for y, (actor, pos, weight) in enumerate(rows):
        x = pos.central
        colour = VETO if actor.veto else ACTOR
        spread = _spread(pos)
        if spread is not None:
            ax.plot(spread, [y, y], color=colour, lw=2, alpha=0.45, zorder=2,
                    solid_capstyle="butt")
        area = MIN_AREA + (MAX_AREA - MIN_AREA) * weight
        ax.scatter(
            [x], [y], s=area, color=colour, clip_on=False,
            alpha=0.85, zorder=3, edgecolors=INK if actor.veto else "white",
            linewidths=1.6 if actor.veto else 0.8,
        )
        right = x < 88
        off = (area / math.pi) ** 0.5 + 2  # the marker's radius in points, and a gap
        ax.annotate(
            f"{x:g}", xy=(x, y), xytext=(off if right else -off, 0),
            textcoords="offset points",
            ha="left" if right else "right", va="center", fontsize=8, color=MUTED,
        )


def _draw_axes(ax: Axes, rows: list[Row], model_y: float, issue: Issue) -> None:
    """Actor names (veto players in bold) and the forecasts' row; the scale and its labels."""
    ax.set_yticks(
        [*range(len(rows)), model_y],
        [*(f"{a.name} (veto)" if a.veto else a.name for a, _, _ in rows), "forecasts"],
    )
    for tick, (actor, _, _) in zip(ax.get_yticklabels(), rows, strict=False):
        if actor.veto:
            tick.set_fontweight("bold")
    ax.get_yticklabels()[-1].set_color(MUTED)
    ax.get_yticklabels()[-1].set_fontstyle("italic")
    # the labelled points, and the quarters that are not crowded by one
    ticks = sorted(
        {*issue.scale}
        | {t for t in (0, 25, 50, 75, 100) if all(abs(t - x) >= 8 for x in issue.scale)}
    )
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks], fontsize=8, color=MUTED)
    ax.tick_params(axis="y", length=0, labelsize=9)
    ax.grid(axis="y", color="#eeeeee", lw=0.8, zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    _scale_labels(ax, issue.scale)


def _legend(
    ax: Axes, forecast: IssueForecast, models: Forecasts, model_labels: dict[str, str]
) -> None:
    handles: list[Line2D | Patch] = [
        Line2D([], [], color=INK, ls="--", lw=1.1, label=f"status quo {forecast.status_quo:g}"),
        Line2D([], [], marker="o", ls="", color=VETO, markeredgecolor=INK, label="veto player"),
        Line2D([], [], marker="o", ls="", color=ACTOR, markeredgecolor="white", label="actor"),
    ]
    if forecast.agreement.zone is not None:
        handles.insert(1, Patch(color=ZONE, alpha=0.25, label="zone of agreement"))
    handles += [
        Line2D(
            [], [], marker=MODEL_MARKERS[i % len(MODEL_MARKERS)], ls="",
            color=model_colour(i), label=f"{model_labels.get(m, m)} {v:.1f}",
        )
        for i, (m, v) in enumerate(models)
    ]
    ax.legend(
        handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=3,
        fontsize=8, frameon=False, handletextpad=0.4, columnspacing=1.2,
    )


def _alt(issue: Issue, actors: int, forecast: IssueForecast, models: Forecasts) -> str:
    zone = forecast.agreement.zone
    zone_text = (
        f"zone of agreement {zone[0]:g}–{zone[1]:g}" if zone is not None else "no zone of agreement"
    )
    return (
        f"{issue.title}: {actors} actors on the 0–100 scale, status quo {forecast.status_quo:g}, "
        f"{zone_text}; forecasts "
        + ", ".join(f"{m} {v:.1f}" for m, v in models)
    )


def issue_chart(
    case: Case,
    arrays: CaseArrays,
    forecast: IssueForecast,
    model_labels: dict[str, str],
) -> Chart:
    """Actors on the issue's 0–100 scale, the status quo, the zone and each model's forecast.

    Marker area grows with capability × salience (comparable across the case's issues); veto
    players are red with a dark edge; a bar through a marker is the range the analyst gave for
    the position.
    """
    issue = case.issue(forecast.id)
    rows = _rows(case, arrays, issue)
    models = [(m, v) for m, v in forecast.outcomes.items() if v is not None]
    n = len(rows)
    fig = Figure(figsize=(7.6, 1.9 + 0.42 * n))
    with font():
        ax = fig.add_subplot()
        model_y = n + 0.2
        ax.set_xlim(SCALE_MIN - 3, SCALE_MAX + 3)
        ax.set_ylim(-0.7, model_y + 0.7 + MODEL_STEP * max(_levels(models), default=0))
        _draw_zone(ax, forecast)
        _draw_forecasts(ax, models, model_y)
        _draw_actors(ax, rows)
        _draw_axes(ax, rows, model_y, issue)
        _legend(ax, forecast, models, model_labels)
    alt = _alt(issue, n, forecast, models)
    return Chart(name=f"issue-{slug(issue.id)}", alt=alt, svg=svg_text(fig, issue.id))
