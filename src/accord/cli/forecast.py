"""``accord forecast CASE``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.cli.app import app, out

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


def render_table(f: Forecast) -> Table:
    from rich.table import Table

    t = Table(title=f"{f.case}: forecast on the 0–100 scale", title_justify="left")
    t.add_column("issue", no_wrap=True, min_width=max(len(i.id) for i in f.issues))
    t.add_column("status quo", justify="right")
    for m in f.models:
        t.add_column(m, justify="right")
    t.add_column("zone of agreement", justify="right")
    for i, issue in enumerate(f.issues):
        t.add_row(
            issue.id,
            _fmt(issue.status_quo),
            *(_fmt(issue.outcomes[m]) for m in f.models),
            _zone(f, i),
        )
    return t


def render_markdown(f: Forecast) -> str:
    head = ["issue", "status quo", *f.models, "zone of agreement"]
    lines = [f"## {f.case}", "", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for i, issue in enumerate(f.issues):
        cells = [issue.title, _fmt(issue.status_quo)]
        cells += [_fmt(issue.outcomes[m]) for m in f.models] + [_zone(f, i)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@app.command()
def forecast(
    case: Path = typer.Argument(..., help="case file (.yaml, .yml or .json)"),
    model: str = typer.Option(
        None, "--model", "-m", help="comma-separated model names (default: all static models)"
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="output format"),
) -> None:
    """Forecast every issue of a case and say whether a zone of agreement exists."""
    from accord.case import load_case  # numpy and the models load only when a command runs
    from accord.forecast import forecast_case

    result = forecast_case(load_case(case), model)
    if fmt is Format.json:
        print(result.to_json())
    elif fmt is Format.markdown:
        print(render_markdown(result), end="")
    else:
        out.print(render_table(result))
        vetoes = ", ".join(result.veto_players) or "none"
        out.print(f"veto players: {vetoes}", highlight=False)
