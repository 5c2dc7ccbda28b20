"""``accord forecast CASE``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.cli.app import app, out
from accord.cli.options import ENSEMBLE_HELP

if TYPE_CHECKING:
    from rich.table import Table

    from accord.forecast import Forecast


class Format(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}"


def _zone(f: Forecast, i: int) -> str:
    z = f.issues[i].agreement.zone
    return "none" if z is None else f"{z[0]:.1f}–{z[1]:.1f}"


def _cell(f: Forecast, i: int, model: str) -> str:
    """The forecast, and its 80% interval when the forecast has intervals."""
    issue = f.issues[i]
    iv = issue.intervals.get(model, {}).get("80")
    point = _fmt(issue.outcomes[model])
    return point if iv is None else f"{point} [{iv[0]:.0f}–{iv[1]:.0f}]"


def render_table(f: Forecast) -> Table:
    from rich.table import Table

    title = f"{f.case}: forecast on the 0–100 scale"
    if any(i.intervals for i in f.issues):
        title += " [80% interval]"
    t = Table(title=title, title_justify="left")
    t.add_column("issue", no_wrap=True, min_width=max(len(i.id) for i in f.issues))
    t.add_column("status quo", justify="right")
    for m in f.models:
        t.add_column(m, justify="right")
    t.add_column("zone of agreement", justify="right")
    for i, issue in enumerate(f.issues):
        t.add_row(
            issue.id,
            _fmt(issue.status_quo),
            *(_cell(f, i, m) for m in f.models),
            _zone(f, i),
        )
    return t


def render_markdown(f: Forecast) -> str:
    from accord.report.wording import belief
    head = ["issue", "status quo", *f.models, "zone of agreement"]
    lines = [f"## {f.case}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for i, issue in enumerate(f.issues):
        cells = [issue.title, _fmt(issue.status_quo)]
        cells += [_cell(f, i, m) for m in f.models] + [_zone(f, i)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", *(f"- {i.title}: {said}." for i in f.issues if (said := belief(i)))]
    if f.intervals_note:
        lines += ["", f"[80% interval]: {f.intervals_note}."]
    return "\n".join(lines) + "\n"


def _json(results: list[Forecast]) -> str:
    if len(results) == 1:
        return results[0].to_json()
    return "[\n" + ",\n".join(r.to_json() for r in results) + "\n]"


@app.command()
def forecast(
    cases: list[Path] = typer.Argument(
        ..., help="case files (.yaml, .yml or .json) or folders of them"),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: all static models)"
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="output format"),
    calibration: str = typer.Option(
        "default", "--calibration", help="intervals: 'default' (the calibration accord ships), "
        "a calibration FILE, or 'none' (input uncertainty only)"),
    ensemble: Path = typer.Option(
        None, "--ensemble", help=ENSEMBLE_HELP),
) -> None:
    """Forecast every issue of a case (or several) with 50/80/95% intervals and say whether a
    zone of agreement exists. One case gives one JSON object, several a JSON list."""
    from accord.backtest.cases import case_files  # numpy and the models load only now
    from accord.calibration import resolve_calibration
    from accord.calibration.apply import with_intervals
    from accord.case import load_case
    from accord.ensemble.schema import resolve_ensemble
    from accord.forecast import forecast_case
    from accord.report.wording import belief

    cal = resolve_calibration(calibration)
    ens = resolve_ensemble(ensemble)  # read once, for every case
    results = []
    for path in case_files(cases):
        case = load_case(path)
        results.append(with_intervals(case, forecast_case(case, model, ens), cal, ens))
    if fmt is Format.json:
        print(_json(results))
        return
    for n, result in enumerate(results):
        if fmt is Format.markdown:
            print(("\n" if n else "") + render_markdown(result), end="")
            continue
        out.print(render_table(result))
        vetoes = ", ".join(result.veto_players) or "none"
        out.print(f"veto players: {vetoes}", highlight=False)
        for issue in result.issues:
            if said := belief(issue):
                out.print(f"{issue.id}: {said}", highlight=False, markup=False)
        if result.intervals_note:
            out.print(f"[80% interval]: {result.intervals_note}", highlight=False,
                      markup=False)
