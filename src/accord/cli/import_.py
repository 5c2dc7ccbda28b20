"""``accord import FILE -o case.yaml``: turn another tool's input file into an accord case."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from accord.cli.app import app, out, styled
from accord.cli.import_deu import CapabilityBasis, Powers, import_deu
from accord.io import CASE_SUFFIXES, output_path


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
        with path.open("rb") as fh:  # the first bytes only: the file may be huge
            head = fh.read(200).decode("utf-8", errors="replace").lstrip("'\"")
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
    powers: Powers = typer.Option(
        Powers.council_centric, "--powers",
        help="deu only: the Commission's and Parliament's capabilities (votes and equal): "
             "council-centric (both as the largest state; the EP left out under CNS), "
             "supranational-ep (the EP as the whole Council under COD; the earlier default), "
             "supranational (both as the whole Council under COD)"),
) -> None:
    """Import a Decide or KTAB input file as an accord case, or a DEU file as one case per
    proposal."""
    if (fmt or guess(file)) is not Source.deu:
        output_path(output, CASE_SUFFIXES, "a case")
    source = fmt or guess(file)
    if source is Source.deu:
        import_deu(file, output, capability, powers)
        return
    from accord.case import save_case
    from accord.formats.decide import read_decide
    from accord.formats.ktab import read_ktab

    case = (read_decide if source is Source.decide else read_ktab)(file)
    save_case(case, output)
    out.print(styled("ok", "green", f" {file} ({source.value}) → {output}: "
                     f"{len(case.actors)} actors, {len(case.issues)} issues, "
                     f"{len(case.positions)} positions"), highlight=False)
