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
problem.  Some inputs are passed over instead, each with a notice (``warn``; by default a
Python warning, :class:`ArticleSkipped`), so that one odd file does not stop a whole corpus:

* anything that is not a regular file (a FIFO, a device or a socket, even one named
  ``x.txt``): it is never opened, so reading never blocks;
* an article longer than ``max_chars`` characters (default :data:`MAX_CHARS`; ``accord
  extract --max-chars``): a text file or HTML page is read no further than that, a JSONL row
  is skipped (the others are read);
* in a JSONL row, a lone surrogate (an escape such as ``"\\ud800"`` that pairs with no other:
  no character, and not writable as UTF-8) is replaced with U+FFFD, one character for one,
  so offsets are unchanged, with a notice naming the line and field.
"""

from __future__ import annotations

import json
import re
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from accord.errors import ArticleError

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_CHARS = 2_000_000  # the longest article read, by default
_DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_ESCAPE = 6  # the most characters one character takes in a JSON string ("\\uXXXX")
_ROW_SLACK = 65_536  # characters a JSONL row may have besides its text


Warn = Callable[[str], None]


class ArticleNotice(UserWarning):
    """The default channel of the notices of :func:`read_articles`."""


class Unread(ArticleError):
    """An input that :func:`read_articles` passes over with a notice (not a regular file, an
    article over the length limit); raised as an error to a caller of one reader."""


def _warn(message: str) -> None:
    warnings.warn(message, ArticleNotice, stacklevel=2)


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


def read_text(path: Path, published: date | None = None,
              max_chars: int = MAX_CHARS) -> Article:
    text = _read(path, max_chars)
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if published is None:
        m = _DATE_IN_NAME.search(path.stem)
        published = parse_date(m.group(0), path) if m else None
    return Article(path.name, title, text, published, str(path))


def read_html(path: Path, published: date | None = None,
              max_chars: int = MAX_CHARS) -> Article:
    """The page's main text; a page over ``max_chars`` characters is not read."""
    import trafilatura

    page = _read(path, max_chars)
    body = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not body:
        raise ArticleError(path, "no main text found in the HTML page")
    meta = trafilatura.extract_metadata(page)
    title = (meta.title if meta and meta.title else "") or path.stem
    if published is None and meta is not None and meta.date:
        published = parse_date(meta.date, path)
    return Article(path.name, title, f"{title}\n\n{body}", published, str(path))


def read_jsonl(path: Path, published: date | None = None, max_chars: int = MAX_CHARS,
               warn: Warn = _warn) -> Iterator[Article]:
    """One article a row; a row whose text is over ``max_chars`` characters is passed over
    with a notice (``warn``), as are lone surrogates (replaced)."""
    limit = max_chars * _JSON_ESCAPE + _ROW_SLACK
    for n, line in _rows(path, limit):
        where = f"{path}:{n}"
        if line is None:
            warn(f"{where}: skipped: a row over {limit:,} characters (an article may have "
                 f"{max_chars:,}: --max-chars)")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise ArticleError(where, f"not valid JSON ({e.msg})") from None
        if not isinstance(row, dict):
            raise ArticleError(where, "each line must be a JSON object")
        _replace_surrogates(row, where, warn)
        for key in ("id", "text"):
            if not isinstance(row.get(key), str) or not row[key]:
                raise ArticleError(where, f"field '{key}' must be a non-empty string")
        if len(row["text"]) > max_chars:
            warn(f"{where}: skipped: the text has {len(row['text']):,} characters, over the "
                 f"limit of {max_chars:,} (--max-chars)")
            continue
        day = published or parse_date(row.get("published"), f"{where}: field 'published'")
        yield Article(row["id"], row.get("title") or "", row["text"], day, row.get("source"))


def _rows(path: Path, limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, line) of each non-blank line; None for a line over ``limit`` characters
    (read past, never held whole)."""
    with _open(path) as fh:
        n = 0
        while line := _readline(path, fh, limit + 1):
            n += 1
            if len(line) > limit and not line.endswith("\n"):
                while (rest := _readline(path, fh, limit)) and not rest.endswith("\n"):
                    pass  # the rest of the long line
                yield n, None
            elif line.strip():
                yield n, line


def _replace_surrogates(row: dict[str, Any], where: str, warn: Warn) -> None:
    """Replace each lone surrogate in the row's string fields with U+FFFD, with a notice."""
    for key, value in row.items():
        if isinstance(value, str) and (count := len(_SURROGATE.findall(value))):
            row[key] = _SURROGATE.sub("\ufffd", value)
            warn(f"{where}: field '{key}': {count} lone surrogate(s) (an escape such as "
                 "\\ud800 that pairs with none) replaced with U+FFFD")


def read_articles(paths: Iterable[str | Path], published: date | None = None,
                  max_chars: int = MAX_CHARS, warn: Warn = _warn) -> Iterator[Article]:
    """Every article in the given files and folders (folders: recursively, sorted); what is
    passed over (see the module docstring) is said through ``warn``."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*")
                           if f.suffix.lower() in SUFFIXES and not f.is_dir())
        elif path.exists():
            files = [path]
        else:
            raise ArticleError(path, "no such file or folder")
        for f in files:
            try:
                yield from _read_file(f, published, max_chars, warn)
            except Unread as e:
                warn(f"{e.file}: skipped: {e.problem}")


def _read_file(f: Path, published: date | None, max_chars: int,
               warn: Warn) -> Iterator[Article]:
    suffix = f.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(f, f"unsupported file type (use one of {', '.join(SUFFIXES)})")
    if suffix == ".jsonl":
        yield from read_jsonl(f, published, max_chars, warn)
    elif suffix == ".txt":
        yield read_text(f, published, max_chars)
    else:
        yield read_html(f, published, max_chars)


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISDIR, "a folder"))


def _regular(path: Path) -> None:
    """:class:`Unread` unless ``path`` is a regular file (opening a FIFO blocks)."""
    try:
        mode = path.stat().st_mode
    except OSError as e:
        raise ArticleError(path, e.strerror or str(e)) from None
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise Unread(path, f"not a regular file ({kind})")


def _open(path: Path) -> TextIO:
    _regular(path)
    try:
        return path.open(encoding="utf-8", newline="")  # keep offsets byte-faithful
    except OSError as e:
        raise ArticleError(path, e.strerror or str(e)) from None


def _readline(path: Path, fh: TextIO, size: int) -> str:
    try:
        return fh.readline(size)
    except UnicodeDecodeError:
        raise ArticleError(path, "not UTF-8 text") from None
    except OSError as e:
        raise ArticleError(path, e.strerror or str(e)) from None


def _read(path: Path, max_chars: int) -> str:
    """The file's text; :class:`Unread` when it is over ``max_chars`` characters (it is
    read no further)."""
    with _open(path) as fh:
        try:
            text = fh.read(max_chars + 1)
        except UnicodeDecodeError:
            raise ArticleError(path, "not UTF-8 text") from None
        except OSError as e:
            raise ArticleError(path, e.strerror or str(e)) from None
    if len(text) > max_chars:
        raise Unread(path, f"over the limit of {max_chars:,} characters (--max-chars)")
    return text
