"""``accord evaluate-extraction GOLD_DIR [--articles DIR]``."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import typer
from rich.table import Table

from accord.cli.app import app, fail, out, styled
from accord.errors import GoldError
from accord.evaluation.scores import ActorScore, ArticleScore, Counts, QuoteScore

if TYPE_CHECKING:
    from accord.evaluation.plover import PloverScore

C = TypeVar("C", bound=Counts)


def default_articles() -> Path:
    """``$ACCORD_SHARED/articles``, else ``../shared/articles`` beside the working folder."""
    shared = os.environ.get("ACCORD_SHARED")
    return Path(shared) / "articles" if shared else Path("..") / "shared" / "articles"


@app.command("evaluate-extraction")
def evaluate_extraction(
    gold_dirs: list[Path] = typer.Argument(
        ..., help="folders of gold JSON files (read recursively); with two or more, e.g. a "
        "dev and a held-out part, their totals are printed side by side"),
    articles: Path | None = typer.Option(
        None, "--articles", help="folder the gold paths are relative to "
        "(default: $ACCORD_SHARED/articles or ../shared/articles)"),
    plover: Path | None = typer.Option(
        None, "--plover", help="PLOVER gold-standard records (JSONL): event types scored on "
        "the dev and held-out parts side by side (tests/gold/SPLIT.md)"),
    errors: bool = typer.Option(
        False, "--errors", help="list missed and wrong quotes of the FIRST folder only (the "
        "dev part: never read a held-out part's errors)"),
    speaker_ranker: bool = typer.Option(
        False, "--speaker-ranker", help="direct quotes' speakers chosen by the learned ranker "
        "instead of the rules (an experiment, tests/gold/SPLIT.md)"),
    speaker_hybrid: bool = typer.Option(
        False, "--speaker-hybrid", help="direct quotes' speakers chosen by the learned ranker "
        "among the candidates the rules propose and allow (tests/gold/SPLIT.md)"),
) -> None:
    """Score quotes (span overlap), speakers and events against hand-written gold files."""
    from accord.evaluation.quotes import evaluate

    articles_dir = articles or default_articles()
    if not articles_dir.is_dir():
        fail(f"{articles_dir}: articles folder not found (use --articles or ACCORD_SHARED)")
    if speaker_ranker and speaker_hybrid:
        fail("--speaker-ranker and --speaker-hybrid exclude each other")
    speakers = "hybrid" if speaker_hybrid else "ranker" if speaker_ranker else "rules"
    try:
        scores = [evaluate(gold_dir, articles_dir, speakers) for gold_dir in gold_dirs]
        plover_scores = _plover(plover) if plover is not None else None
    except GoldError as e:
        fail(str(e))
    totals = [_total(s) for s in scores]
    out.print(_table(scores[0], totals[0]))
    _print_summary(totals[0])
    if len(gold_dirs) > 1:
        out.print(_side_by_side([str(d) for d in gold_dirs], totals))
    if plover_scores is not None:
        out.print(_plover_table(plover_scores))
    if errors:
        _print_errors(totals[0])


def _total(scores: list[ArticleScore]) -> ArticleScore:
    return ArticleScore(
        "all",
        direct=_sum((s.direct for s in scores), QuoteScore()),
        reported=_sum((s.reported for s in scores), QuoteScore()),
        events=_sum((s.events for s in scores), Counts()),
        actors=_sum((s.actors for s in scores), ActorScore()),
    )


def _side_by_side(names: list[str], totals: list[ArticleScore]) -> Table:
    table = Table("direct quotes", *names, title="Parts side by side", title_justify="left")
    qs = [t.direct or QuoteScore() for t in totals]
    table.add_row("gold quotations", *(str(q.gold) for q in qs))
    table.add_row("precision", *(f"{q.precision:.3f} ({q.matched}/{q.predicted})" for q in qs))
    table.add_row("recall", *(f"{q.recall:.3f} ({q.matched}/{q.gold})" for q in qs))
    table.add_row("speaker accuracy",
                  *(f"{q.speaker_accuracy:.3f} ({q.speaker_right}/{q.matched})" for q in qs))
    table.add_row("speaker, same person",
                  *(f"{q.same_person_accuracy:.3f} ({q.same_person}/{q.matched})" for q in qs))
    return table


def _plover(path: Path) -> dict[str, PloverScore]:
    from accord.evaluation.plover import evaluate, load_gold, split
    from accord.extract.nlp import load_nlp

    if not path.is_file():
        raise GoldError(path, "PLOVER records file not found")
    nlp = load_nlp()
    return {part: evaluate(nlp, records) for part, records in split(load_gold(path)).items()}


def _plover_table(scores: dict[str, PloverScore]) -> Table:
    table = Table("PLOVER records", *scores, title="PLOVER event coding, parts side by side",
                  title_justify="left")
    columns = [s.rows() for s in scores.values()]
    for i, label in enumerate(figure for figure, _ in columns[0]):
        table.add_row(label, *(rows[i][1] for rows in columns))
    return table


def _sum(parts: Iterable[C | None], total: C) -> C:
    """``total`` with every part that is there added to it."""
    for part in parts:
        if part is not None:
            total.add(part)
    return total


def _scored(score: C | None) -> C | None:
    """The score if any gold was scored, else None (an empty cell, not 0.00)."""
    return score if score is not None and score.gold else None


def _table(scores: list[ArticleScore], total: ArticleScore) -> Table:
    table = Table(title="Extraction against gold", title_justify="left")
    for col in ("article", "quotes", "P", "R", "F1", "speaker acc.", "events", "ev P",
                "ev R", "ev F1"):
        table.add_column(col, justify="left" if col == "article" else "right")
    for s in scores:
        table.add_row(s.article, *_quote_cells(s.direct), *_event_cells(s.events))
    table.add_section()
    table.add_row(total.article, *_quote_cells(_scored(total.direct)),
                  *_event_cells(_scored(total.events)), style="bold")
    return table


def _print_summary(total: ArticleScore) -> None:
    direct, reported, actors = total.direct, total.reported, total.actors
    if direct is not None and direct.matched:
        out.print(f"direct quotes' speakers: {direct.speaker_accuracy:.3f} "
                  f"({direct.speaker_right}/{direct.matched}) by name, "
                  f"{direct.same_person_accuracy:.3f} ({direct.same_person}/{direct.matched}) "
                  "counting a person named in another form", highlight=False)
    if reported is not None and reported.gold:
        out.print(f"reported speech: P {reported.precision:.2f} R {reported.recall:.2f} "
                  f"speaker acc. {reported.speaker_accuracy:.2f} ({reported.gold} gold)")
    if actors is not None and actors.gold:
        out.print(f"actors: recall {actors.recall:.2f} ({actors.matched}/{actors.gold}), "
                  f"roles {actors.role_accuracy:.2f} ({actors.roles_right}/{actors.roles}), "
                  f"affiliations {actors.affiliation_accuracy:.2f} "
                  f"({actors.affiliations_right}/{actors.affiliations})", highlight=False)


def _print_errors(total: ArticleScore) -> None:
    for name in total.actors.missed if total.actors else []:
        out.print(styled("missed actor", "red", f" {name}"), highlight=False)
    direct = total.direct or QuoteScore()
    for text in direct.missed:
        out.print(styled("missed", "red", f"   {text[:90]!r}"), highlight=False)
    for text, got, want in direct.wrong_speaker:
        out.print(styled("speaker", "yellow", f"  {text[:60]!r}: {got} (gold {want})"),
                  highlight=False)
    for text in direct.spurious:
        out.print(styled("spurious", "blue", f" {text[:90]!r}"), highlight=False)


def _quote_cells(q: QuoteScore | None) -> list[str]:
    if q is None:
        return ["", "", "", "", ""]
    return [str(q.gold), f"{q.precision:.2f}", f"{q.recall:.2f}", f"{q.f1:.2f}",
            f"{q.speaker_accuracy:.2f}"]


def _event_cells(e: Counts | None) -> list[str]:
    if e is None:
        return ["", "", "", ""]
    return [str(e.gold), f"{e.precision:.2f}", f"{e.recall:.2f}", f"{e.f1:.2f}"]


@app.command("evaluate-draft")
def evaluate_draft(
    draft: Path = typer.Argument(..., help="case drafted by `accord draft`"),
    hand: Path = typer.Argument(..., help="hand-built case of the same negotiation"),
    read: list[str] = typer.Option(
        [], "--read", help="hand case source id of an article the draft was made from"),
) -> None:
    """Score a drafted case against a hand-built one: positions, sides, veto, verdicts."""
    from accord.case import load_case
    from accord.evaluation.drafts import score_draft

    s = score_draft(load_case(hand), load_case(draft), set(read) or None)
    table = Table("figure", "all hand positions", "supported by the articles read")
    table.add_row("positions found", str(s.found), str(s.found_supported))
    table.add_row("same side of the status quo", str(s.same_side), str(s.same_side_supported))
    out.print(table)
    dist = "n/a" if s.mean_distance is None else f"{s.mean_distance:.1f}"
    out.print(f"mean distance (positions found): {dist}", highlight=False)
    out.print(f"veto agreement (Jaccard): {s.veto_agreement:.2f}", highlight=False)
    for issue, (h, d) in s.verdicts.items():
        out.print(f"  {issue}: hand {'deal possible' if h else 'no zone'}, "
                  f"draft {'deal possible' if d else 'no zone'}"
                  f"{'' if h == d else '  (disagree)'}", highlight=False)
    out.print(f"zone verdicts agree: {s.verdicts_agree}", highlight=False)
