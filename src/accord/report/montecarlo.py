"""The brief's Monte Carlo parts: interval bars per issue and "What drives this forecast".

Both read the :class:`~accord.uncertainty.summary.Sweep` that the brief is given when
asked for samples (``accord report --samples N``; 0 leaves them out). Per issue, a chart draws
each model's central 50/80/95% intervals and median on the 0–100 scale with the status quo,
and a sentence gives the chance of a zone of agreement and how often each veto player gains.
The section lists, per issue, the inputs that explain most of each forecast's variance
(first-order indices, :mod:`accord.uncertainty.sensitivity`).
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from accord.case import SCALE_MAX, SCALE_MIN
from accord.report.style import INK, MUTED, font, model_colour, svg_text
from accord.report.types import BriefInput, Chart
from accord.report.wording import join, pt
from accord.uncertainty.summary import Driver, IssueSweep, Sweep

WIDTHS = {"95": 1.6, "80": 4.5, "50": 8.5}  # line widths of the interval bars, in points
SHOWN_DRIVERS = 3


def interval_chart(issue: IssueSweep, title: str, labels: dict[str, str]) -> Chart:
    """One row per model: 95% (thin), 80% and 50% (thick) intervals and the median."""
    models = [(i, name, m, m.median) for i, (name, m) in enumerate(issue.models.items())
              if m.median is not None]
    fig = Figure(figsize=(7.6, 0.9 + 0.42 * len(models)))
    with font():
        ax = fig.add_subplot()
        ax.set_xlim(SCALE_MIN - 3, SCALE_MAX + 3)
        ax.set_ylim(-0.6, len(models) - 0.4)
        ax.axvline(issue.status_quo, color=INK, ls="--", lw=1.1, zorder=1)
        for y, (i, _, m, median) in enumerate(reversed(models)):
            colour = model_colour(i)  # as in the issue chart
            for level, width in WIDTHS.items():
                lo, hi = m.intervals[level]
                ax.plot([lo, hi], [y, y], color=colour, lw=width, alpha=0.35 + width / 20,
                        solid_capstyle="butt", zorder=2)
            ax.plot([median], [y], marker="|", ms=16, mew=2.2, color=INK, zorder=3)
            lo80, hi80 = m.intervals["80"]
            span = pt(lo80) if pt(lo80) == pt(hi80) else f"{pt(lo80)}–{pt(hi80)}"
            ax.annotate(f"80%: {span}", xy=(max(m.intervals["95"][1], lo80), y),
                        xytext=(6, 0), textcoords="offset points", va="center", fontsize=8,
                        color=MUTED)
        ax.set_yticks(range(len(models)), [labels.get(n, n) for _, n, _, _ in reversed(models)])
        ax.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", "100"], fontsize=8,
                      color=MUTED)
        ax.tick_params(axis="y", length=0, labelsize=9)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        handles = [
            Line2D([], [], color=INK, ls="--", lw=1.1, label=f"status quo {pt(issue.status_quo)}"),
            Line2D([], [], color=MUTED, lw=WIDTHS["50"], label="50%"),
            Line2D([], [], color=MUTED, lw=WIDTHS["80"], alpha=0.6, label="80%"),
            Line2D([], [], color=MUTED, lw=WIDTHS["95"], alpha=0.45, label="95%"),
            Line2D([], [], color=INK, marker="|", ls="", ms=10, mew=2, label="median"),
        ]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0, 1.02), ncols=5,
                  fontsize=8, frameon=False, handletextpad=0.4, columnspacing=1.2)
    alt = f"{title}: Monte Carlo intervals of each model's forecast; " + "; ".join(
        f"{n} median {pt(median)}, 80% {pt(m.intervals['80'][0])}–{pt(m.intervals['80'][1])}"
        for _, n, m, median in models
    )
    return Chart(name=f"intervals-{issue.id}", alt=alt, svg=svg_text(fig, f"mc-{issue.id}"))


def _pct(p: float) -> str:
    return f"{100 * p:.0f}%"


def driver_label(d: Driver, inp: BriefInput, issue_id: str | None = None) -> str:
    """An input in words: "the EU's salience", "Russia's position on <issue>"."""
    if d.actor is None:
        return "the status quo" + ("" if d.issue == issue_id else f" on {_title(inp, d.issue)}")
    name = next((a.name for a in inp.case.actors if a.id == d.actor), d.actor)
    what = f"{name}’ {d.kind}" if name.endswith("s") else f"{name}’s {d.kind}"
    if d.issue is not None and d.issue != issue_id:
        what += f" on {_title(inp, d.issue)}"
    return what


def _title(inp: BriefInput, issue_id: str | None) -> str:
    return inp.case.issue(issue_id).title if issue_id else ""


@dataclass(frozen=True)
class IssueIntervals:
    chart: Chart
    sentences: list[str]


def issue_part(inp: BriefInput, issue_id: str) -> IssueIntervals | None:
    """Interval bars and the chances of a deal on one issue; None without a sweep."""
    sweep: Sweep | None = inp.sweep
    if sweep is None:
        return None
    s = sweep.issue(issue_id)
    names = {a.id: a.name for a in inp.case.actors}
    sentences = [
        f"Across {sweep.samples:,} plausible versions of the case, drawn from the ranges "
        f"the case gives, a zone of agreement exists in {_pct(s.agreement_probability)} of them."
    ]
    if sweep.calibration:
        sentences.append(f"{sweep.calibration[0].upper()}{sweep.calibration[1:]}.")
    for name, m in s.models.items():
        if m.median is None:
            continue
        lo, hi = m.intervals["80"]
        if sweep.calibration:
            where = (f"80% interval {pt(lo)}–{pt(hi)}, calibrated (median of the samples "
                     f"{pt(m.median)})")
        elif pt(lo) == pt(hi):
            where = f"at {pt(lo)} in at least 80% of them"
        else:
            where = f"between {pt(lo)} and {pt(hi)} with 80% probability (median {pt(m.median)})"
        gains = join(f"{names.get(v, v)} {_pct(p)}" for v, p in m.veto_gains.items())
        said = f"{inp.labels.get(name, name)}: {where}"
        if gains:
            said += f"; veto players better off than under the status quo: {gains}"
        if m.drivers:
            top = m.drivers[0]
            said += (f"; it hinges most on {driver_label(top, inp, issue_id)} "
                     f"({_pct(top.index)} of its variance)")
        sentences.append(said + ".")
    return IssueIntervals(interval_chart(s, inp.case.issue(issue_id).title, inp.labels),
                          sentences)


@dataclass(frozen=True)
class IssueDrivers:
    id: str
    title: str
    models: list[tuple[str, list[tuple[str, float]]]]  # model label → (driver, index), largest
    zone: list[tuple[str, float]]
    agreement_probability: float


@dataclass(frozen=True)
class Drivers:
    samples: int
    seed: int
    jitter: float
    inputs: int
    issues: list[IssueDrivers]


def _labelled(inp: BriefInput, issue_id: str, drivers: list[Driver]) -> list[tuple[str, float]]:
    return [(driver_label(d, inp, issue_id), d.index) for d in drivers[:SHOWN_DRIVERS]]


def section(inp: BriefInput) -> Drivers | None:
    """What drives each issue's forecast; None without a sweep."""
    sweep: Sweep | None = inp.sweep
    if sweep is None:
        return None
    issues = [
        IssueDrivers(
            id=s.id,
            title=s.title,
            models=[(inp.labels.get(n, n), _labelled(inp, s.id, m.drivers))
                    for n, m in s.models.items()],
            zone=_labelled(inp, s.id, s.agreement_drivers),
            agreement_probability=s.agreement_probability,
        )
        for s in sweep.issues
    ]
    return Drivers(sweep.samples, sweep.seed, sweep.jitter, len(sweep.inputs), issues)
