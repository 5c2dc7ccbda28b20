"""From the news: extract quotes and events from an article, and attach a quote to a position.

Extraction runs accord's own pipeline (:mod:`accord.extract`); spaCy and its model are the
optional ``nlp`` extra, so when they are missing :func:`extract_text` raises
:class:`~accord.errors.MissingExtra` with the command that installs them. An HTML article goes
through the CLI's HTML reader, which needs a path: it is staged in the app's upload folder.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from accord.case import Case, parse_case
from accord.errors import ArticleError, MissingExtra, OptionError
from accord.extract import INSTALL
from accord.io import write_atomic
from accord.web.imports import in_folder, safe_name
from accord.web.structure import new_id


def _nlp() -> Any:
    """accord's spaCy pipeline, or :class:`MissingExtra` when spaCy or its model is missing."""
    try:
        from accord.extract import nlp
    except ImportError:
        raise MissingExtra("spaCy (the 'nlp' extra, needed to read articles)", INSTALL) from None
    return nlp.load_nlp()


def _html_article(name: str, html: str, folder: Path) -> Any:
    from accord.extract import ingest

    own = folder / uuid.uuid4().hex
    staged = in_folder(own, safe_name(name, "filename"))
    write_atomic(staged, html)
    try:
        return ingest.read_html(staged)
    except ArticleError as e:
        raise ArticleError(name, [("text", e.problem)]) from None
    finally:
        staged.unlink(missing_ok=True)
        own.rmdir()


def extract_text(
    text: str, name: str, published: dt.date | None, folder: Path
) -> dict[str, Any]:
    """The article's text (its main text, for HTML) with the quotes and events found in it;
    offsets are into the returned text."""
    nlp = _nlp()
    from accord.extract.ingest import Article
    from accord.extract.pipeline import extract_doc
    from accord.extract.segment import parse

    if name.lower().endswith((".html", ".htm")):
        article = _html_article(name, text, folder)
    else:
        title = next((line.strip() for line in text.splitlines() if line.strip()), name)
        article = Article(safe_name(name, "filename"), title, text, published, None)
    if not article.text.strip():
        raise ArticleError(name, [("text", "the article is empty")])
    doc = next(parse(nlp, [article.text], 1))  # a long article in pieces
    records = [r.to_dict() for r in extract_doc(doc, article)]
    keep = {"quote": ("text", "speaker", "start", "end", "direct"),
            "event": ("plover", "source", "target", "sentence", "start", "end", "negated")}
    found: dict[str, list[dict[str, Any]]] = {"quote": [], "event": []}
    for r in records:
        if r["type"] in keep:
            found[r["type"]].append({k: r[k] for k in keep[r["type"]]})
    return {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
        "quotes": found["quote"],
        "events": found["event"],
    }


def attach_quote(case: Case, actor: str, issue: str, quote: str, speaker: str | None,
                 article: dict[str, Any]) -> Case:
    """``case`` with ``quote`` added as direct evidence of ``actor``'s position on ``issue``,
    citing the article (added to the sources unless one of the same title is there)."""
    if case.position(actor, issue) is None:
        raise OptionError("position", [("position", f"{actor!r} has no position on {issue!r}")])
    if not quote.strip():
        raise OptionError("quote", [("quote", "the quote is empty")])
    data = case.model_dump(mode="json", exclude_none=True)
    title = str(article.get("title") or "article")
    source = next((s for s in data.get("sources", []) if s["title"] == title), None)
    if source is None:
        source = {"id": new_id(title, {s.id for s in case.sources}, "article"), "title": title}
        for key in ("published", "url"):
            if article.get(key):
                source[key] = article[key]
        data.setdefault("sources", []).append(source)
    evidence = {"source": source["id"], "kind": "direct", "quote": quote}
    if speaker:
        evidence["speaker"] = speaker
    for p in data["positions"]:
        if p["actor"] == actor and p["issue"] == issue:
            p.setdefault("evidence", []).append(evidence)
    return parse_case(data, "attach")
