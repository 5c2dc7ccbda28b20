"""Atomic writes: ``write_atomic`` and streamed ``atomic_writer`` output appear whole or not
at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from accord.io import atomic_writer, write_atomic


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


def test_atomic_write_gives_a_normal_file_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "x.txt", "hello")
    finally:
        os.umask(umask)
    assert path.read_text() == "hello"
    assert path.stat().st_mode & 0o777 == 0o644


def test_atomic_write_of_bytes_and_of_text(tmp_path: Path) -> None:
    binary = write_atomic(tmp_path / "x.bin", b"\x00\xff\n")
    assert binary.read_bytes() == b"\x00\xff\n"  # written as they are
    text = write_atomic(tmp_path / "x.txt", "Genève\n")
    assert text.read_bytes() == "Genève\n".encode()  # UTF-8 whatever the locale
