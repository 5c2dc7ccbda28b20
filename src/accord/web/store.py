"""The case library: cases and every saved version of each, in one SQLite file.

A case is a row of ``cases``; each save adds a row to ``versions`` (the case as YAML, a note and
the time), so history is never rewritten and any version can be restored (as a new version).
Saves are optimistic: the caller says which version it edited (``base``), and a save on top of
any other version is refused with :class:`Conflict`, so two tabs editing one case never lose an
edit silently. Every write is one SQLite transaction in WAL mode with ``synchronous=FULL``: a
killed server loses no version that was reported saved, and never leaves half of one.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from accord.case import Case, dump_case, parse_case

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    origin TEXT,
    created TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS versions (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    number INTEGER NOT NULL,
    note TEXT NOT NULL,
    saved TEXT NOT NULL,
    yaml TEXT NOT NULL,
    PRIMARY KEY (case_id, number)
);
"""


class NotFound(LookupError):
    """No case (or version) with that id."""


class Conflict(Exception):
    """The case was saved by someone else since ``base``: ``latest`` is the newest version."""

    def __init__(self, base: int, latest: int) -> None:
        self.base, self.latest = base, latest
        super().__init__(
            f"this case was saved as version {latest} since you opened version {base}; your "
            "edit was not saved: reload the case to see the newer version, then redo the edit"
        )


@dataclass(frozen=True)
class Summary:
    id: int
    title: str
    origin: str | None
    versions: int
    saved: str
    actors: int
    issues: int


@dataclass(frozen=True)
class Version:
    case_id: int
    number: int
    note: str
    saved: str
    yaml: str

    def case(self) -> Case:
        return parse_case(yaml.safe_load(self.yaml), f"case {self.case_id} v{self.number}")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Library:
    """The cases in the SQLite file at ``path`` (created on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error)."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _query(self, sql: str, args: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    # ---- cases ---------------------------------------------------------------------------

    def add(self, case: Case, note: str, origin: str | None = None) -> int:
        """A new case with ``case`` as its version 1; its id."""
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO cases (title, origin, created) VALUES (?, ?, ?)",
                (case.title, origin, _now()),
            )
            case_id = int(cur.lastrowid or 0)
            self._insert_version(db, case_id, 1, case, note)
        return case_id

    def find_origin(self, origin: str) -> int | None:
        rows = self._query(
            "SELECT id FROM cases WHERE origin = ? AND deleted = 0 ORDER BY id LIMIT 1", (origin,)
        )
        return int(rows[0][0]) if rows else None  # type: ignore[call-overload]

    def cases(self, search: str = "") -> list[Summary]:
        """Cases whose title (or origin) contains ``search``, newest saved first."""
        like = f"%{search.strip()}%"
        rows = self._query(
            "SELECT c.id, c.title, c.origin, v.number, v.saved, v.yaml FROM cases c "
            "JOIN versions v ON v.case_id = c.id AND v.number = "
            "(SELECT MAX(number) FROM versions WHERE case_id = c.id) "
            "WHERE c.deleted = 0 AND (c.title LIKE ? OR IFNULL(c.origin, '') LIKE ?) "
            "ORDER BY v.saved DESC, c.id DESC",
            (like, like),
        )
        out = []
        for case_id, title, origin, number, saved, text in rows:
            data = yaml.safe_load(str(text)) or {}
            out.append(
                Summary(
                    int(case_id),  # type: ignore[call-overload]
                    str(title),
                    None if origin is None else str(origin),
                    int(number),  # type: ignore[call-overload]
                    str(saved),
                    len(data.get("actors", [])),
                    len(data.get("issues", [])),
                )
            )
        return out

    def latest(self, case_id: int) -> Version:
        return self.version(case_id, self._latest_number(case_id))

    def version(self, case_id: int, number: int) -> Version:
        self._latest_number(case_id)  # NotFound for an unknown or deleted case
        rows = self._query(
            "SELECT note, saved, yaml FROM versions WHERE case_id = ? AND number = ?",
            (case_id, number),
        )
        if not rows:
            raise NotFound(f"case {case_id} has no version {number}")
        note, saved, text = rows[0]
        return Version(case_id, number, str(note), str(saved), str(text))

    def history(self, case_id: int) -> list[Version]:
        """Every version of the case, newest first (the YAML left empty)."""
        self._latest_number(case_id)
        rows = self._query(
            "SELECT number, note, saved FROM versions WHERE case_id = ? ORDER BY number DESC",
            (case_id,),
        )
        return [
            Version(case_id, int(n), str(note), str(saved), "")  # type: ignore[call-overload]
            for n, note, saved in rows
        ]

    def save(self, case_id: int, case: Case, note: str, base: int) -> int:
        """Save ``case`` as the next version, if ``base`` is still the latest; its number."""
        with self._tx() as db:
            latest = self._latest_in(db, case_id)
            if base != latest:
                raise Conflict(base, latest)
            self._insert_version(db, case_id, latest + 1, case, note)
            db.execute("UPDATE cases SET title = ? WHERE id = ?", (case.title, case_id))
        return latest + 1

    def restore(self, case_id: int, number: int, base: int) -> int:
        """Save version ``number`` again as the newest version; its new number."""
        old = self.version(case_id, number)
        return self.save(case_id, old.case(), f"restored version {number}", base)

    def duplicate(self, case_id: int) -> int:
        v = self.latest(case_id)
        case = v.case()
        copy = case.model_copy(update={"title": f"{case.title} (copy)"})
        return self.add(copy, f"copied from case {case_id} version {v.number}")

    def delete(self, case_id: int) -> None:
        """Hide the case from the library (its versions stay in the file)."""
        with self._tx() as db:
            self._latest_in(db, case_id)
            db.execute("UPDATE cases SET deleted = 1 WHERE id = ?", (case_id,))

    # ---- helpers -------------------------------------------------------------------------

    def _latest_number(self, case_id: int) -> int:
        with self._lock:
            return self._latest_in(self._db, case_id)

    @staticmethod
    def _latest_in(db: sqlite3.Connection, case_id: int) -> int:
        row = db.execute(
            "SELECT MAX(v.number) FROM cases c JOIN versions v ON v.case_id = c.id "
            "WHERE c.id = ? AND c.deleted = 0",
            (case_id,),
        ).fetchone()
        if row is None or row[0] is None:
            raise NotFound(f"no case with id {case_id}")
        return int(row[0])

    @staticmethod
    def _insert_version(
        db: sqlite3.Connection, case_id: int, number: int, case: Case, note: str
    ) -> None:
        db.execute(
            "INSERT INTO versions (case_id, number, note, saved, yaml) VALUES (?, ?, ?, ?, ?)",
            (case_id, number, note, _now(), dump_case(case)),
        )
