"""``accord extract ARTICLE_OR_DIR... [-o evidence.jsonl] [--format table|jsonl]``."""

from __future__ import annotations

import json
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from accord.cli.app import app, err, fail, out
from accord.errors import MissingExtra
from accord.extract import INSTALL
from accord.extract.ingest import MAX_CHARS  # no heavy import: spaCy and trafilatura load later
from accord.io import atomic_writer, output_path


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="article files (.txt, .html, .jsonl) or folders"),
    output: Path | None = typer.Option(None, "-o", "--output", help="write JSONL records here"),
    fmt: str | None = typer.Option(
        None, "--format", help="table or jsonl on stdout (default: table, none with -o)"),
    published: str | None = typer.Option(
        None, "--date", help="article date (YYYY-MM-DD) when the files carry none"),
    workers: int = typer.Option(1, "--workers", min=1, help="local worker processes"),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address, or 'local' for a local cluster"),
    max_chars: int = typer.Option(
        MAX_CHARS, "--max-chars", min=1,
        help="skip (with a notice) an article longer than this many characters"),
) -> None:
    """Read articles and list who said what (quotes), who did what (events), actors and dates."""
    try:
        from accord.extract.ingest import parse_date, read_articles
        from accord.extract.pipeline import extract_articles
    except ImportError as e:  # spaCy or trafilatura missing
        raise MissingExtra(f"{e.name or 'a reading library'} (the 'nlp' extra)",
                           INSTALL) from None

    if output is not None:
        output_path(output, (".jsonl",), "extracted evidence (one JSON record a line)")
    if fmt is None:
        fmt = "none" if output is not None else "table"
    elif fmt not in ("table", "jsonl"):
        fail(f"--format must be 'table' or 'jsonl', not {fmt!r}")
    day: date | None = parse_date(published)
    # an unreadable article is bad input (exit 2); a FIFO or device, or an article over
    # --max-chars, is skipped with a notice
    articles = list(read_articles(paths, day, max_chars, _notice))
    if not articles:
        fail("no articles found (.txt, .html, .htm or .jsonl) in " + ", ".join(map(str, paths)))
    rows: list[dict[str, Any]] = []  # kept only for the tables
    count = 0
    progress = Progress(
        TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=len(articles) < 2,
    )
    try:
        with ExitStack() as stack:
            sink = stack.enter_context(atomic_writer(output)) if output is not None else None
            stack.enter_context(progress)
            task = progress.add_task("extract", total=len(articles))
            for _, recs in extract_articles(
                articles, workers=workers, scheduler=scheduler,
                on_article=lambda _a: progress.advance(task),
            ):
                lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
                if sink is not None:
                    sink.write(lines)
                if fmt == "jsonl" and output is None:
                    typer.echo(lines, nl=False)
                if fmt == "table":
                    rows.extend(recs)
                count += len(recs)
    except MissingExtra as e:
        fail(str(e))
    except OSError as e:  # distributed raises OSError (incl. TimeoutError) when unreachable
        if not scheduler:
            raise
        fail(f"--scheduler {scheduler}: cannot use the Dask scheduler ({e})")
    if output is not None:
        err.print(f"wrote {count} records from {len(articles)} articles to {output}",
                  highlight=False)
    if fmt == "table":
        _tables(rows)


def _notice(message: str) -> None:
    err.print(message, highlight=False, markup=False)


SPECS = {
    "quote": ("Quotations", ["speaker", "cue", "direct", "start", "text"]),
    "event": ("Events", ["plover", "mode", "source", "target", "negated", "sentence"]),
    "actor": ("Actors", ["name", "kind", "roles", "affiliation", "mentions"]),
    "date": ("Dates", ["text", "value", "granularity", "future", "scheduled"]),
}
WIDE = {"text", "sentence", "scheduled"}


def _tables(rows: list[dict[str, Any]]) -> None:
    """One block per article: quotations, events, actors, dates."""
    articles: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for r in rows:
        articles.setdefault(r["article"], {}).setdefault(r["type"], []).append(r)
    for article, by_type in articles.items():
        out.rule(article, style="bold")
        for kind, (title, cols) in SPECS.items():
            items = by_type.get(kind, [])
            if not items:
                continue
            table = Table(title=f"{title} ({len(items)})", title_justify="left", expand=True)
            for c in cols:
                table.add_column(c, overflow="fold", ratio=4 if c in WIDE else 1)
            for r in items:
                table.add_row(*(_cell(c, r.get(c)) for c in cols))
            out.print(table)


def _cell(col: str, value: Any) -> str:
    if col == "mentions":
        return str(len(value))
    if col == "roles":
        return "; ".join(value)
    if col == "direct":
        return "direct" if value else "reported"
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(value)
