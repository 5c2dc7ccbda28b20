"""Gold files: reading a folder of them, merged by article, and finding each article.

Gold files are read recursively from a folder and merged by article id (the article's file
name):

* ``quotes/<id>.json``: ``{"article", "path", "quotes": [{"text", "speaker", "start", "end",
  "direct"}]}`` where ``path`` is the article's path relative to the shared folder
  (``articles/bbc/x.txt``) and offsets index the article file;
  and optionally ``"actors": [{"name", "kind", "roles", "affiliation"}]``;
* ``events/<id>.json``: ``{"article", "events": [{"plover", "source", "target", ...}]}``
  (see :mod:`accord.evaluation.events`).

A malformed gold file, or one naming an article that cannot be found, raises
:class:`~accord.errors.GoldError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from accord.errors import GoldError


@dataclass
class Gold:
    """Everything the gold files say about one article."""

    article: str
    path: str | None = None
    quotes: list[dict[str, Any]] | None = None  # None: no quote gold for this article
    actors: list[dict[str, Any]] | None = None
    events_file: Path | None = None


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(path, f"not readable JSON ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise GoldError(path, "field 'article' (the article's file name) is required")
    return data


def _check_offsets(path: Path, quotes: list[dict[str, Any]]) -> None:
    for i, q in enumerate(quotes):
        for key in ("start", "end"):
            if not isinstance(q.get(key), int):
                raise GoldError(path, f"quotes[{i}].{key} must be an integer offset")


def _merge(gold: Gold, path: Path, data: dict[str, Any]) -> None:
    """Add one gold file's content to its article's gold."""
    gold.path = data.get("path") or gold.path
    if "quotes" in data:
        _check_offsets(path, data["quotes"])
        gold.quotes = (gold.quotes or []) + data["quotes"]
    if "actors" in data:
        gold.actors = (gold.actors or []) + data["actors"]
    if "events" in data:
        gold.events_file = path


def load_gold_dir(folder: str | Path) -> dict[str, Gold]:
    """Every gold file under ``folder``, merged by article id."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(folder, "not a folder")
    golds: dict[str, Gold] = {}
    for f in sorted(folder.rglob("*.json")):
        data = _read_json(f)
        _merge(golds.setdefault(data["article"], Gold(data["article"])), f, data)
    if not golds:
        raise GoldError(folder, "no gold files (*.json)")
    return golds


def find_article(gold: Gold, articles_dir: Path) -> Path:
    """The article file: ``path`` relative to the shared folder, else by name under
    ``articles_dir`` (at any depth)."""
    if gold.path:
        rel = Path(gold.path)
        rel = Path(*rel.parts[1:]) if rel.parts and rel.parts[0] == "articles" else rel
        if (articles_dir / rel).is_file():
            return articles_dir / rel
    hits = sorted(articles_dir.rglob(gold.article))
    if not hits:
        raise GoldError(articles_dir, f"article {gold.article!r} not found in this folder")
    return hits[0]
