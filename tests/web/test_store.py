"""The SQLite library: versions, optimistic saves, restore, duplicate, delete, durability."""

from __future__ import annotations

import pytest

from accord.case import load_case
from accord.web.store import Conflict, Library, NotFound


def _moved(case, x: float):
    data = case.model_dump(mode="json", exclude_none=True)
    data["issues"][0]["status_quo"] = x
    return type(case).model_validate(data)


def test_save_needs_the_latest_version(library, flagship):
    assert library.save(1, _moved(flagship, 10), "first edit", base=1) == 2
    with pytest.raises(Conflict) as err:
        library.save(1, _moved(flagship, 20), "stale tab", base=1)
    assert err.value.latest == 2 and "reload" in str(err.value)
    assert [v.number for v in library.history(1)] == [2, 1]
    assert library.latest(1).case().issues[0].status_quo.central == 10


def test_restore_adds_a_version_with_the_old_content(library, flagship):
    sq = flagship.issues[0].status_quo.central
    library.save(1, _moved(flagship, 10), "edit", base=1)
    assert library.restore(1, 1, base=2) == 3
    v = library.latest(1)
    assert v.note == "restored version 1" and v.case().issues[0].status_quo.central == sq


def test_duplicate_search_delete(library):
    copy = library.duplicate(1)
    assert library.latest(copy).case().title.endswith("(copy)")
    assert [s.id for s in library.cases("copy")] == [copy]
    library.delete(copy)
    assert [s.id for s in library.cases()] == [1]
    with pytest.raises(NotFound):
        library.latest(copy)


def test_saved_versions_survive_reopening(tmp_path, flagship_path):
    lib = Library(tmp_path / "x.sqlite")
    cid = lib.add(load_case(flagship_path), "v1")
    lib.save(cid, load_case(flagship_path), "v2", base=1)
    lib.close()  # a new connection sees both committed versions
    again = Library(tmp_path / "x.sqlite")
    assert [v.note for v in again.history(cid)] == ["v2", "v1"]
    again.close()


def test_a_failed_save_leaves_no_version(library, flagship, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(Library, "_insert_version", staticmethod(boom))
    with pytest.raises(RuntimeError):
        library.save(1, flagship, "never", base=1)
    monkeypatch.undo()
    assert [v.number for v in library.history(1)] == [1]
