"""``atomic_writer``: streamed output appears whole or not at all."""

from __future__ import annotations

import pytest

from accord.io import atomic_writer


def test_written_piece_by_piece_then_renamed(tmp_path):
    target = tmp_path / "out" / "evidence.jsonl"
    with atomic_writer(target) as fh:
        fh.write("a\n")
        assert not target.exists()  # nothing visible until the block ends
        fh.write("b\n")
    assert target.read_text(encoding="utf-8") == "a\nb\n"
    assert [p.name for p in target.parent.iterdir()] == ["evidence.jsonl"]


def test_an_error_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "evidence.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as fh:
        fh.write("half")
        raise RuntimeError("model missing")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["evidence.jsonl"]
