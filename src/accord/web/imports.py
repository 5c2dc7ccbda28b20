"""Cases from uploaded files, read by the same readers as the CLI.

YAML/JSON cases go through :func:`accord.case.parse_case`; Decide and KTAB files through
:func:`~accord.formats.decide.read_decide` and :func:`~accord.formats.ktab.read_ktab`, which
read a path: the upload is written (atomically) into the app's upload folder under a fresh
name and removed again. A file name with a folder part or ``..`` is refused, so nothing is
ever written outside that folder.
"""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import yaml

from accord.case import Case, parse_case
from accord.errors import CaseError, ImportFileError, OptionError
from accord.formats.decide import read_decide
from accord.formats.ktab import read_ktab
from accord.io import write_atomic
from accord.web.payload import case_from

CASE_SUFFIXES = (".yaml", ".yml", ".json")
IMPORT_SUFFIXES = (".txt", ".csv")
_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,120}$")


def safe_name(name: str, field: str = "file") -> str:
    """``name`` if it is a plain file name (no folder, no ``..``); OptionError otherwise."""
    if not _SAFE.match(name) or ".." in name:
        raise OptionError(
            field,
            [(field, f"file name {name!r} must be a plain name (letters, digits, spaces, "
                     "'.', '_', '-', '(', ')'), without a folder or '..'")],
        )
    return name


def in_folder(folder: Path, name: str) -> Path:
    """``folder / name``, checked to stay inside ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise OptionError("file", [("file", f"{name!r} leaves the upload folder")])
    return path


def _text(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ImportFileError(name, [("", f"not UTF-8 text: {err.reason}")]) from None


def parse_case_file(name: str, data: bytes) -> Case:
    """A YAML or JSON case file's content, validated like ``accord validate``."""
    text = _text(name, data)
    try:
        raw = json.loads(text) if name.lower().endswith(".json") else yaml.safe_load(text)
    except json.JSONDecodeError as err:
        raise CaseError(name, [("", f"invalid JSON at line {err.lineno}: {err.msg}")]) from None
    except yaml.YAMLError as err:
        raise CaseError(name, [("", f"invalid YAML: {err}")]) from None
    if not isinstance(raw, dict):
        return parse_case(raw, name)  # the reader's own message for a non-mapping
    return case_from(raw, name)


def guess_reader(text: str) -> str:
    """Decide rows start with ``#A``/``#P``/…; anything else is read as KTAB (as the CLI)."""
    return "decide" if text.lstrip("'\"").startswith("#") else "ktab"


def import_file(name: str, data: bytes, folder: Path, fmt: str | None = None) -> Case:
    """The case in an uploaded file: a case file, or a Decide/KTAB file (``fmt`` or guessed)."""
    name = safe_name(name)
    suffix = Path(name).suffix.lower()
    if suffix in CASE_SUFFIXES:
        return parse_case_file(name, data)
    if suffix not in IMPORT_SUFFIXES:
        raise OptionError(
            "file",
            [("file", f"cannot import {suffix or 'a file without extension'}; use "
                      f"{', '.join(CASE_SUFFIXES + IMPORT_SUFFIXES)}")],
        )
    if fmt not in (None, "decide", "ktab"):
        raise OptionError("format", [("format", f"unknown format {fmt!r}; use decide or ktab")])
    reader = fmt or guess_reader(_text(name, data)[:200])
    own = folder / uuid.uuid4().hex  # a fresh folder keeps the name (Decide titles use it)
    staged = in_folder(own, name)
    write_atomic(staged, data)
    try:
        case = read_decide(staged) if reader == "decide" else read_ktab(staged)
    except ImportFileError as err:
        raise ImportFileError(name, err.problems) from None
    finally:
        staged.unlink(missing_ok=True)
        own.rmdir()
    return case
