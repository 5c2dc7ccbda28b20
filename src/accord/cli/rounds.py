"""``accord rounds CASE --model eum --issue ID``: how a dynamic model moves the actors."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.cli.app import app, out
from accord.cli.options import model_options

if TYPE_CHECKING:
    from rich.table import Table

    from accord.models.trajectory import Trajectory

MAX_COLUMNS = 12


class Format(StrEnum):
    table = "table"
    json = "json"


def shown_rounds(rounds: int, limit: int = MAX_COLUMNS) -> list[int]:
    """All rounds when they fit, else ``limit`` evenly spaced ones including the first and last."""
    if rounds + 1 <= limit:
        return list(range(rounds + 1))
    step = rounds / (limit - 1)
    return sorted({round(i * step) for i in range(limit)})


def render_positions(tr: Trajectory) -> Table:
    from rich.table import Table

    cols = shown_rounds(tr.rounds)
    state = "converged" if tr.converged else "stopped at the round limit"
    title = f"{tr.model} on {tr.issue}: positions by round ({tr.rounds_text}, {state})"
    t = Table(title=title, title_justify="left")
    t.add_column("actor")
    for r in cols:
        t.add_column(f"r{r}", justify="right")
    for a, name in enumerate(tr.actors):
        t.add_row(name, *(f"{tr.positions[r, a]:.1f}" for r in cols))
    t.add_section()
    t.add_row("median", *(f"{tr.median[r]:.1f}" for r in cols), style="bold")
    t.add_row("mean", *(f"{tr.mean[r]:.1f}" for r in cols))
    if len(cols) < tr.rounds + 1:
        t.caption = f"every round: --format json; shown: rounds {', '.join(map(str, cols))}"
    return t


def render_interactions(tr: Trajectory) -> Table:
    from rich.table import Table

    t = Table(title="offers accepted (who moved, on whose offer)", title_justify="left")
    for name in ("round", "actor", "kind", "partner", "from", "to"):
        t.add_column(name, justify="left" if name in ("actor", "kind", "partner") else "right")
    for i in tr.interactions:
        t.add_row(str(i.round), i.actor, i.kind, i.partner, f"{i.before:.1f}", f"{i.after:.1f}")
    return t


@app.command()
def rounds(
    case: Path = typer.Argument(..., help="case file (.yaml, .yml or .json)"),
    model: str = typer.Option(
        "eum", "--model", "-m", help="dynamic model (eum, exchange)"
    ),
    issue: str = typer.Option(..., "--issue", "-i", help="issue id"),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="output format"),
    option: list[str] = typer.Option(
        [], "--option", "-o", help="model option NAME=VALUE, repeatable (e.g. q=0.5)"
    ),
) -> None:
    """Print a dynamic model's rounds on one issue: positions per round and accepted offers."""
    from accord.case import load_case  # numpy and the models load only when a command runs
    from accord.models.arrays import case_arrays
    from accord.models.trajectory import dynamic_model, trajectory

    options = model_options(model, dynamic_model(model).options, option)
    tr = trajectory(case_arrays(load_case(case)), model, issue, options)
    if fmt is Format.json:
        print(json.dumps(tr.to_dict(), indent=2))
        return
    out.print(render_positions(tr))
    if tr.interactions:
        out.print(render_interactions(tr))
    else:
        out.print("no actor moved: every pair is in stalemate or agrees", highlight=False)
