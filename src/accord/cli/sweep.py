"""``accord sweep CASE --samples N``: Monte Carlo intervals, deal probabilities, drivers."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.cli.app import app, err, fail, out, styled
from accord.cli.options import ENSEMBLE_HELP
from accord.cli.scheduling import SCHEDULER_HELP, WORKERS_HELP, check_scheduler
from accord.uncertainty import DEFAULT_CHUNK

if TYPE_CHECKING:
    from rich.table import Table

    from accord.uncertainty.summary import IssueSweep, ModelSweep, Sweep


class Format(StrEnum):
    table = "table"
    json = "json"


def interval_bar(issue: IssueSweep, model: str, width: int = 40) -> str:
    """The 0–100 scale as text: ``─`` 95%, ``━`` 80%, ``█`` 50% interval, ``┃`` median,
    ``q`` the status quo (drawn last, so it shows even inside the intervals)."""
    m = issue.models[model]
    cells = ["·"] * width

    def at(x: float) -> int:
        return min(width - 1, max(0, int(x / 100 * width)))

    for level, mark in (("95", "─"), ("80", "━"), ("50", "█")):
        if level in m.intervals:
            lo, hi = m.intervals[level]
            for i in range(at(lo), at(hi) + 1):
                cells[i] = mark
    if m.median is not None:
        cells[at(m.median)] = "┃"
    cells[at(issue.status_quo)] = "q"
    return "".join(cells)


def _span(m: ModelSweep, level: str) -> str:
    if level not in m.intervals:
        return "–"
    lo, hi = m.intervals[level]
    return f"{lo:.1f}–{hi:.1f}"


def _pct(p: float) -> str:
    return f"{100 * p:.0f}%"


def render_issue(s: Sweep, issue: IssueSweep) -> Table:
    """Per model: median, intervals and how often each veto player gains; bars below."""
    from rich import box
    from rich.table import Table

    t = Table(
        title=f"{issue.id}: status quo {issue.status_quo:.1f}; a zone of agreement exists in "
        f"{_pct(issue.agreement_probability)} of samples",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    t.add_column("model")
    t.add_column("median", justify="right")
    for level in ("50", "80", "95"):
        t.add_column(f"{level}%", justify="right")
    t.add_column("gains: " + " ".join(s.veto_players), justify="right")
    for name in s.models:
        m = issue.models[name]
        t.add_row(
            name,
            "–" if m.median is None else f"{m.median:.1f}",
            *(_span(m, level) for level in ("50", "80", "95")),
            " ".join(_pct(m.veto_gains[v]) for v in s.veto_players),
        )
    return t


def render_bars(s: Sweep, issue: IssueSweep, width: int = 50) -> list[str]:
    """Interval bars on the 0–100 scale, one line per model, under a scale line."""
    pad = max(len(n) for n in s.models) + 2
    scale = "0" + " " * (width // 2 - 2) + "50" + " " * (width - width // 2 - 4) + "100"
    lines = [" " * pad + scale]
    lines += [f"{name:<{pad}}{interval_bar(issue, name, width)}" for name in s.models]
    return lines


def drivers_text(issue: IssueSweep, models: list[str]) -> list[str]:
    """'What drives this forecast' lines: the top inputs per model and for the zone."""
    lines = []
    for name in models:
        ds = issue.models[name].drivers
        said = ", ".join(f"{d.input} {_pct(d.index)}" for d in ds) or "nothing varies it"
        lines.append(f"{name}: {said}")
    zone = ", ".join(f"{d.input} {_pct(d.index)}" for d in issue.agreement_drivers)
    lines.append(f"zone of agreement: {zone or 'certain either way'}")
    return lines


@app.command()
def sweep(
    case: Path = typer.Argument(..., help="case file (.yaml, .yml or .json)"),
    samples: int = typer.Option(10_000, "--samples", "-n", help="number of Monte Carlo samples"),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: all static models)"
    ),
    seed: int = typer.Option(0, "--seed", help="seed of the random generator"),
    jitter: float = typer.Option(
        0.0, "--jitter", help="extra spread J: sd J points on positions, J/100 on saliences, "
        "J per cent of capabilities (added in variance)"
    ),
    chunk: int = typer.Option(DEFAULT_CHUNK, "--chunk", help="samples per chunk"),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="output format"),
    calibration: str = typer.Option(
        "default", "--calibration", help="widen the intervals by the models' own error: "
        "'default' (the calibration accord ships), a calibration FILE, or 'none'"),
    ensemble: Path = typer.Option(None, "--ensemble", help=ENSEMBLE_HELP),
) -> None:
    """Sample every uncertain input of a case: outcome intervals, the probability of a deal,
    who gains, and which inputs drive each forecast."""
    if samples < 1 or chunk < 1:
        fail(f"--samples and --chunk must be positive, got {samples} and {chunk}")
    if jitter < 0:
        fail(f"--jitter must be >= 0, got {jitter:g}")
    check_scheduler(scheduler)
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from accord.calibration import resolve_calibration
    from accord.calibration.apply import calibrate_sweep
    from accord.case import load_case
    from accord.ensemble.schema import resolve_ensemble
    from accord.uncertainty.sweep import sweep_case

    cal = resolve_calibration(calibration)
    ens = resolve_ensemble(ensemble)
    c = load_case(case)
    progress = Progress(
        TextColumn("sampling"), BarColumn(), TextColumn("{task.completed:,}/{task.total:,}"),
        TimeRemainingColumn(), console=err, transient=True,
    )
    with progress:
        task = progress.add_task("sweep", total=samples)
        try:
            result = sweep_case(
                c, samples, model, seed=seed, jitter=jitter, chunk=chunk,
                scheduler=scheduler, workers=workers, ensemble=ens,
                progress=lambda n: progress.advance(task, n),
            )
        except (OSError, TimeoutError, RuntimeError) as e:
            if scheduler is None:
                raise
            fail(f"cannot run on the Dask scheduler {scheduler}: {e}")
    result = calibrate_sweep(result, c, cal)
    if fmt is Format.json:
        print(result.to_json())
        return
    out.print(styled(
        result.case, "bold", f": {result.samples:,} samples, seed {result.seed}"
        + (f", jitter {result.jitter:g}" if result.jitter else "")
        + f"; {len(result.inputs)} uncertain inputs; veto players "
        + (", ".join(result.veto_players) or "none"),
    ), highlight=False)
    out.print(result.calibration or "intervals from input uncertainty only (not calibrated)",
              highlight=False)
    for issue in result.issues:
        out.print(render_issue(result, issue))
        for line in render_bars(result, issue):
            out.print(f"  {line}", highlight=False, markup=False)
        out.print("  (─ 95%, ━ 80%, █ 50% interval, ┃ median, q status quo)", highlight=False)
        out.print(styled("what drives this forecast", "bold", " (share of variance explained)"))
        for line in drivers_text(issue, result.models):
            out.print(f"  {line}", highlight=False, markup=False)
        out.print()
