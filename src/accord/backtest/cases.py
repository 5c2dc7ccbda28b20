"""The cases of a backtest: case files, and folders of them, named by their path."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from accord.case import Case, load_case
from accord.errors import OptionError

SUFFIXES = (".yaml", ".yml", ".json")


def case_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every case file named, a folder standing for its ``*.yaml``/``*.yml``/``*.json``
    files (sorted, not recursive); an empty folder or a missing path is an OptionError."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in SUFFIXES)
            if not found:
                raise OptionError(str(p), "the folder holds no case files (.yaml, .yml, .json)")
            files += found
        elif p.exists():
            files.append(p)
        else:
            raise OptionError(str(p), "no such file or folder")
    return files


def load_cases(paths: Iterable[str | Path]) -> list[tuple[str, Case]]:
    """``(id, case)`` for every case file under ``paths``; the id is the file's path."""
    return [(str(f), load_case(f)) for f in case_files(paths)]
