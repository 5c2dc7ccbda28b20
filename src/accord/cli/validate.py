"""``accord validate CASE``."""

from __future__ import annotations

from pathlib import Path

import typer

from accord.cli.app import app, out, styled


@app.command()
def validate(case: Path = typer.Argument(..., help="case file (.yaml, .yml or .json)")) -> None:
    """Check a case file: schema, ranges and cross-references."""
    from accord.case import load_case

    c = load_case(case)
    n_ev = sum(len(p.evidence) for p in c.positions)
    out.print(styled(
        "ok", "green",
        f" {case}: {len(c.actors)} actors, {len(c.issues)} issues, "
        f"{len(c.positions)} positions, {n_ev} evidence items, {len(c.sources)} sources",
    ), highlight=False)
