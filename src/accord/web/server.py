"""Start the web app: open (or create) the library, import the given cases, run uvicorn."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from accord.case import load_case
from accord.errors import InputError
from accord.web.store import Library

if TYPE_CHECKING:
    from accord.calibration import Calibration
    from accord.ensemble.schema import Ensemble

DB_NAME = "accord-library.sqlite"
CASE_GLOBS = ("*.yaml", "*.yml", "*.json")


def default_db(inputs: list[Path]) -> Path:
    """The library file beside the user's data: in the first folder given (or the folder of
    the first case file), else in the current folder."""
    if not inputs:
        return Path.cwd() / DB_NAME
    first = inputs[0]
    return (first if first.is_dir() else first.parent) / DB_NAME


def case_files(inputs: Iterable[Path]) -> list[Path]:
    """The case files named, and those directly inside the folders named."""
    out: list[Path] = []
    for p in inputs:
        out += sorted(f for g in CASE_GLOBS for f in p.glob(g)) if p.is_dir() else [p]
    return out


def import_cases(lib: Library, files: list[Path], say: Callable[[str], None]) -> None:
    """Add each file not yet in the library (by its resolved path); bad files are reported
    and skipped (in a folder) or raised (named on the command line)."""
    for f in files:
        origin = str(f.resolve())
        if lib.find_origin(origin) is not None:
            continue
        try:
            case = load_case(f)
        except InputError as e:
            say(f"skipped {f}: {e.render().splitlines()[0]}")
            continue
        lib.add(case, f"imported from {f}", origin)
        say(f"imported {f}")


def serve(inputs: list[Path], host: str, port: int, db: Path | None,
          calibration: Calibration | None, ensemble: Ensemble | None,
          say: Callable[[str], None]) -> None:
    import uvicorn

    from accord.web.app import create_app

    path = db or default_db(inputs)
    lib = Library(path)
    import_cases(lib, case_files(inputs), say)
    say(f"case library: {path.resolve()}")
    say(f"open http://{host}:{port}/ (Ctrl+C stops the server)")
    app = create_app(lib, path.parent / "accord-data", calibration=calibration,
                     ensemble=ensemble)
    uvicorn.run(app, host=host, port=port, log_level="warning")
