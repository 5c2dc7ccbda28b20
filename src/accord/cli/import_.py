"""``accord import FILE -o case.yaml``: turn another tool's input file into an accord case."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from accord.cli.app import app, out
from accord.cli.import_deu import CapabilityBasis, import_deu


class Source(StrEnum):
    decide = "decide"
    ktab = "ktab"
    deu = "deu"


def guess(path: Path) -> Source:
    """A ``.tsv`` file is DEU's; Decide files start their rows with ``#A``/``#P``/…; anything
    else is read as KTAB."""
    if path.suffix.lower() == ".tsv":
        return Source.deu
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:200].lstrip("'\"")
    except OSError:
        return Source.decide  # the reader reports the unreadable file
    return Source.decide if head.startswith("#") else Source.ktab


@app.command("import")
def import_(
    file: Path = typer.Argument(..., help="a Decide (.csv/.txt) or KTAB (.csv) input file"),
    output: Path = typer.Option(..., "--output", "-o",
                                help="case file to write (.yaml or .json); a folder for deu"),
    fmt: Source = typer.Option(None, "--format", "-f", help="input format (default: guessed)"),
    capability: CapabilityBasis = typer.Option(
        CapabilityBasis.votes, "--capability",
        help="deu only: Council votes at the proposal's date, equal, or the file's GDP row"),
) -> None:
    """Import a Decide or KTAB input file as an accord case, or a DEU file as one case per
    proposal."""
    source = fmt or guess(file)
    if source is Source.deu:
        import_deu(file, output, capability)
        return
    from accord.case import save_case
    from accord.formats.decide import read_decide
    from accord.formats.ktab import read_ktab

    case = (read_decide if source is Source.decide else read_ktab)(file)
    save_case(case, output)
    out.print(f"[green]ok[/] {file} ({source.value}) → {output}: {len(case.actors)} actors, "
              f"{len(case.issues)} issues, {len(case.positions)} positions", highlight=False)
