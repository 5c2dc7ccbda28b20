"""Evidence files: records read back as ``accord extract`` wrote them; bad lines named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.errors import EvidenceError
from accord.extract.evidence import read_evidence
from accord.extract.records import (
    ActorRecord,
    DateRecord,
    EventRecord,
    Mention,
    QuoteRecord,
    Record,
    from_dict,
)

RECORDS: list[Record] = [
    ActorRecord("Anna Berg", "person", ["Foreign Minister"], "Ruritania",
                [Mention("Berg", 4, 8)], article="a1"),
    QuoteRecord("No.", "Anna Berg", "said", 10, 13, True, article="a1"),
    EventRecord("REJECT", "deny", "Anna Berg", None, True, "Berg denied it.", 0, 15,
                article="a2"),
    DateRecord("Monday", "2022-01-10", "day", 20, 26, future=True, article="a2"),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.type)
def test_a_record_reads_back_as_written(record: Record):
    data = json.loads(json.dumps(record.to_dict()))
    assert list(data)[:2] == ["type", "article"]
    assert from_dict(data) == record


def test_an_evidence_file_reads_back_by_type(tmp_path: Path):
    ev = tmp_path / "ev.jsonl"
    ev.write_text("".join(json.dumps(r.to_dict()) + "\n\n" for r in RECORDS), encoding="utf-8")
    evidence = read_evidence(ev)
    assert (evidence.actors, evidence.quotes, evidence.events) == (
        RECORDS[:1], RECORDS[1:2], RECORDS[2:3])
    assert evidence.articles == ["a1", "a2"]


def test_bad_evidence_lines_are_named(tmp_path: Path):
    ev = tmp_path / "ev.jsonl"
    good = RECORDS[2].to_dict()
    ev.write_text(json.dumps(good) + "\nnot json\n" + json.dumps({"type": "poem"}) + "\n"
                  + json.dumps({**good, "colour": "red"}) + "\n[1]\n", encoding="utf-8")
    with pytest.raises(EvidenceError) as err:
        read_evidence(ev)
    assert [p for p, _ in err.value.problems] == ["line 2", "line 3", "line 4", "line 5"]
    assert "unknown record type 'poem'" in err.value.problems[1][1]
    assert "colour" in err.value.problems[2][1]


def test_a_file_without_evidence_is_an_evidence_error(tmp_path: Path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n" + json.dumps(RECORDS[3].to_dict()) + "\n", encoding="utf-8")
    with pytest.raises(EvidenceError, match="no evidence records"):
        read_evidence(empty)
    with pytest.raises(EvidenceError, match="cannot read the file"):
        read_evidence(tmp_path / "absent.jsonl")
