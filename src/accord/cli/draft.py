"""``accord draft EVIDENCE --issues ISSUES.yaml -o case.yaml``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Literal

import typer

from accord.cli.app import app, fail, out, styled
from accord.io import CASE_SUFFIXES, output_path


class Semantic(StrEnum):
    auto = "auto"  # MiniLM when the embeddings extra is installed
    on = "on"
    off = "off"


EVIDENCE = typer.Argument(..., help="evidence JSONL written by `accord extract`")
ISSUES = typer.Option(..., "--issues", "-i", help="the analyst's issues (YAML or JSON)")
OUTPUT = typer.Option(..., "--output", "-o", help="case file to write (.yaml or .json)")
TITLE = typer.Option(None, "--title", help="title of the drafted case")
EMBEDDINGS = typer.Option(
    Semantic.auto, "--embeddings", help="link with MiniLM sentence embeddings too"
)


@app.command()
def draft(
    evidence: Path = EVIDENCE,
    issues: Path = ISSUES,
    output: Path = OUTPUT,
    title: str | None = TITLE,
    embeddings: Semantic = EMBEDDINGS,
) -> None:
    """Draft a case from extracted evidence: actors, and positions for analyst review."""
    from accord.case import dump_case, parse_case
    from accord.draft.build import draft_case
    from accord.draft.embeddings import available, load_embedder
    from accord.draft.issue_specs import load_issues
    from accord.draft.linking import Linker
    from accord.extract.evidence import read_evidence
    from accord.io import write_atomic

    output_path(output, CASE_SUFFIXES, "a case")
    if embeddings is Semantic.on and not available():
        fail("--embeddings on needs the 'embeddings' extra (pip install 'accord[embeddings]')")
    specs = load_issues(issues)
    found = read_evidence(evidence)
    embedder = load_embedder() if embeddings is not Semantic.off else None
    drafted = draft_case(found, specs, Linker(specs, embedder), title=title)
    case = drafted.case
    fmt: Literal["yaml", "json"] = "json" if output.suffix.lower() == ".json" else "yaml"
    text = dump_case(case, fmt)
    # what is written must load back as a valid case
    parse_case(case.model_dump(mode="json", exclude_none=True), output)
    write_atomic(output, text)
    n_ev = sum(len(p.evidence) for p in case.positions)
    how = "lexical + MiniLM" if embedder is not None else "lexical"
    out.print(styled(
        "drafted", "green", f" {output}: {len(case.actors)} actors, {len(case.issues)} issues, "
        f"{len(case.positions)} positions, {n_ev} evidence items (linking: {how})",
    ), highlight=False)
    veto = [a.id for a in case.actors if a.veto]
    out.print(f"veto players proposed: {', '.join(veto) or 'none'}", highlight=False)
    if drafted.undecided:
        out.print(styled("not decided — where the analyst should look:", "yellow"))
        for line in drafted.undecided:
            out.print(f"  - {line}", highlight=False)
