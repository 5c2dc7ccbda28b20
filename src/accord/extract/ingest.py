"""Reading articles: plain text, HTML pages and JSONL corpora, into :class:`Article`.

* ``.txt``: the first non-empty line is the headline; ``text`` is the whole file, so record
  offsets are offsets into the file as it is on disk.  The date comes from ``--date`` or, when
  the file name carries one (``talks-2022-01-10.txt``), from the name.
* ``.html``/``.htm``: the main text is extracted offline with trafilatura (boilerplate,
  navigation and comments dropped); the headline and date from the page's metadata.
  ``text`` is the headline, a blank line, then the extracted text.
* ``.jsonl``: one article per line, ``{"id", "title", "text", "published", "source"}``
  (``id`` and ``text`` required); ``text`` is used as it is, offsets refer to it.

A bad file raises :class:`~accord.errors.ArticleError` naming the file (and line) and the
problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from accord.errors import ArticleError

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    published: date | None = None
    source: str | None = None


def parse_date(value: str | None, where: str | Path = "--date") -> date | None:
    """An ISO date (``2022-01-10``, or the date part of a timestamp); None stays None."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ArticleError(where, f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def read_text(path: Path, published: date | None = None) -> Article:
    text = _read(path)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if published is None:
        m = _DATE_IN_NAME.search(path.stem)
        published = parse_date(m.group(0), path) if m else None
    return Article(path.name, title, text, published, str(path))


def read_html(path: Path, published: date | None = None) -> Article:
    import trafilatura

    page = _read(path)
    body = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not body:
        raise ArticleError(path, "no main text found in the HTML page")
    meta = trafilatura.extract_metadata(page)
    title = (meta.title if meta and meta.title else "") or path.stem
    if published is None and meta is not None and meta.date:
        published = parse_date(meta.date, path)
    return Article(path.name, title, f"{title}\n\n{body}", published, str(path))


def read_jsonl(path: Path, published: date | None = None) -> Iterator[Article]:
    for n, line in enumerate(_read(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise ArticleError(where, f"not valid JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise ArticleError(where, "each line must be a JSON object")
        for key in ("id", "text"):
            if not isinstance(row.get(key), str) or not row[key]:
                raise ArticleError(where, f"field '{key}' must be a non-empty string")
        day = published or parse_date(row.get("published"), f"{where}: field 'published'")
        yield Article(row["id"], row.get("title") or "", row["text"], day, row.get("source"))


def read_articles(paths: Iterable[str | Path], published: date | None = None) -> Iterator[Article]:
    """Every article in the given files and folders (folders: recursively, sorted)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.suffix.lower() in SUFFIXES)
        elif path.exists():
            files = [path]
        else:
            raise ArticleError(path, "no such file or folder")
        for f in files:
            suffix = f.suffix.lower()
            if suffix == ".jsonl":
                yield from read_jsonl(f, published)
            elif suffix in (".html", ".htm"):
                yield read_html(f, published)
            elif suffix == ".txt":
                yield read_text(f, published)
            else:
                raise ArticleError(f, f"unsupported file type (use one of {', '.join(SUFFIXES)})")


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as fh:  # keep offsets byte-faithful
            return fh.read()
    except UnicodeDecodeError:
        raise ArticleError(path, "not UTF-8 text") from None
    except OSError as e:
        raise ArticleError(path, e.strerror or str(e)) from None
