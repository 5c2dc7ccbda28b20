"""Output files: checked before any work, written atomically, no temporary left behind.

- :func:`output_path` checks an ``-o`` path before a command does any work: the extension fits
  what is written, the path is not a folder, and its folder can be written in. Every problem is
  an :class:`~accord.errors.OptionError` naming the path (exit code 2).
- :func:`write_atomic` and :func:`atomic_writer` write through a temporary file beside the
  target and a rename, so a reader never sees a half-written file. A failure to create,
  write or rename is an :class:`~accord.errors.OptionError` naming the path.
- Temporary files are named ``.<name>.<pid>.<random>.tmp``: an exception or SIGTERM (which
  the CLI turns into an exception, see :func:`exit_on_sigterm`) removes them, and the next
  write beside them removes those of processes that no longer run (killed with SIGKILL).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NoReturn

from accord.errors import OptionError

TEMP_SUFFIX = ".tmp"
CASE_SUFFIXES = (".yaml", ".yml", ".json")  # what a case file is written as
_TEMP = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")  # .<name>.<pid>.<random>.tmp


def _default_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process (or a pid we cannot test): leave its files
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files and folders of dead processes from ``folder``."""
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = _TEMP.match(entry.name)
        if m is None or int(m.group(1)) == os.getpid() or _alive(int(m.group(1))):
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
        except OSError:
            continue  # another process cleaned it, or we may not: not our concern
    return removed


def temp_prefix(target: Path) -> str:
    """The prefix of a temporary beside ``target`` (``.<name>.<pid>.``)."""
    return f".{target.name}.{os.getpid()}."


def _cannot(path: Path, err: OSError) -> NoReturn:
    raise OptionError(path, f"cannot write here: {err.strerror or err}") from None


def output_path(path: str | Path, suffixes: tuple[str, ...], what: str) -> Path:
    """``path`` when ``what`` can be written there: an extension in ``suffixes`` (lower case,
    with the dot), not a folder, and in a folder that exists or can be made and is writable.
    :class:`~accord.errors.OptionError` otherwise. Creates nothing."""
    p = Path(path)
    if p.is_dir():
        raise OptionError(p, "is a folder; give the name of a file to write")
    if p.suffix.lower() not in suffixes:
        raise OptionError(p, f"{what} is written to a file ending in {' or '.join(suffixes)}")
    if p.exists() and not p.is_file():
        raise OptionError(p, "exists and is not a regular file")
    parent = p.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OptionError(p, f"{parent} is not a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OptionError(p, f"cannot write in the folder {parent}: permission denied")
    return p


@contextmanager
def _staged(path: str | Path, mode: str) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` that replaces it only when the block ends cleanly."""
    target = Path(path)
    if target.is_dir():
        raise OptionError(target, "is a folder; give the name of a file to write")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(target), suffix=TEMP_SUFFIX,
                                   dir=target.parent)
    except OSError as err:
        _cannot(target, err)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as err:
                _cannot(target, err)
        try:
            os.chmod(tmp, _default_mode())
            os.replace(tmp, target)
        except OSError as err:
            _cannot(target, err)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    with _staged(path, "wb" if isinstance(data, bytes) else "w") as fh:
        try:
            fh.write(data)
        except OSError as err:
            _cannot(Path(path), err)
    return Path(path)


@contextmanager
def atomic_writer(path: str | Path) -> Iterator[IO[str]]:
    """A text file to write piece by piece; it appears at ``path`` only when the block ends
    without an error (for output too large to hold in memory, e.g. a corpus's records)."""
    with _staged(path, "w") as fh:
        yield fh


def _terminated(signum: int, frame: object) -> NoReturn:
    raise SystemExit(128 + signum)


def exit_on_sigterm() -> None:
    """Turn SIGTERM into ``SystemExit`` so that pending writes remove their temporaries (the
    default action ends the process without running any cleanup)."""
    signal.signal(signal.SIGTERM, _terminated)
