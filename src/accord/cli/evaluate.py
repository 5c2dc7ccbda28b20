"""``accord evaluate-extraction GOLD_DIR [--articles DIR]``."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.table import Table

from accord.cli.app import app, fail, out, styled


def default_articles() -> Path:
    """``$ACCORD_SHARED/articles``, else ``../shared/articles`` beside the working folder."""
    shared = os.environ.get("ACCORD_SHARED")
    return Path(shared) / "articles" if shared else Path("..") / "shared" / "articles"


@app.command("evaluate-extraction")
def evaluate_extraction(
    gold_dir: Path = typer.Argument(..., help="folder of gold JSON files (read recursively)"),
    articles: Path | None = typer.Option(
        None, "--articles", help="folder the gold paths are relative to "
        "(default: $ACCORD_SHARED/articles or ../shared/articles)"),
    errors: bool = typer.Option(False, "--errors", help="list missed and wrong quotes"),
) -> None:
    """Score quotes (span overlap), speakers and events against hand-written gold files."""
    from accord.evaluation.events import EventScore
    from accord.evaluation.quotes import ActorScore, GoldError, QuoteScore, evaluate

    articles_dir = articles or default_articles()
    if not articles_dir.is_dir():
        fail(f"{articles_dir}: articles folder not found (use --articles or ACCORD_SHARED)")
    try:
        scores = evaluate(gold_dir, articles_dir)
    except GoldError as e:
        fail(str(e))
    table = Table(title="Extraction against gold", title_justify="left")
    for col in ("article", "quotes", "P", "R", "F1", "speaker acc.", "events", "ev P",
                "ev R", "ev F1"):
        table.add_column(col, justify="left" if col == "article" else "right")
    direct, reported, events, actors = QuoteScore(), QuoteScore(), EventScore(), ActorScore()
    for s in scores:
        table.add_row(s.article, *_quote_cells(s.direct), *_event_cells(s.events))
        if s.direct:
            direct.add(s.direct)
        if s.reported:
            reported.add(s.reported)
        if s.events:
            events.add(s.events)
        if s.actors:
            actors.add(s.actors)
    table.add_section()
    table.add_row("all", *_quote_cells(direct if direct.gold else None),
                  *_event_cells(events if events.gold else None), style="bold")
    out.print(table)
    if reported.gold:
        out.print(f"reported speech: P {reported.precision:.2f} R {reported.recall:.2f} "
                  f"speaker acc. {reported.speaker_accuracy:.2f} ({reported.gold} gold)")
    if actors.gold:
        out.print(f"actors: recall {actors.recall:.2f} ({actors.found}/{actors.gold}), "
                  f"roles {actors.role_accuracy:.2f} ({actors.roles_right}/{actors.roles}), "
                  f"affiliations {actors.affiliation_accuracy:.2f} "
                  f"({actors.affiliations_right}/{actors.affiliations})", highlight=False)
    if errors:
        for name in actors.missed:
            out.print(styled("missed actor", "red", f" {name}"), highlight=False)
        for text in direct.missed:
            out.print(styled("missed", "red", f"   {text[:90]!r}"), highlight=False)
        for text, got, want in direct.wrong_speaker:
            out.print(styled("speaker", "yellow", f"  {text[:60]!r}: {got} (gold {want})"),
                      highlight=False)
        for text in direct.spurious:
            out.print(styled("spurious", "blue", f" {text[:90]!r}"), highlight=False)


def _quote_cells(q) -> list[str]:
    if q is None:
        return ["", "", "", "", ""]
    return [str(q.gold), f"{q.precision:.2f}", f"{q.recall:.2f}", f"{q.f1:.2f}",
            f"{q.speaker_accuracy:.2f}"]


def _event_cells(e) -> list[str]:
    if e is None:
        return ["", "", "", ""]
    return [str(e.gold), f"{e.precision:.2f}", f"{e.recall:.2f}", f"{e.f1:.2f}"]
