"""Hand-written gold events and the scorer that compares coded events with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.extract.event_gold import EventScore, load_event_gold
from accord.extract.plover_lexicon import PLOVER_TYPES

GOLD = Path(__file__).parent / "gold" / "events"
FOUNDING = "us-russia-security-talks-2022-01-10"


def _article(shared: Path, name: str) -> Path:
    for path in (shared / "articles" / name, shared / "articles" / "bbc" / name):
        if path.exists():
            return path
    raise AssertionError(f"gold file names an unknown article {name!r}")


def test_gold_files_cover_the_founding_article_and_five_bbc_articles():
    names = sorted(p.stem for p in GOLD.glob("*.json"))
    assert FOUNDING in names
    assert len(names) - 1 >= 5


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(shared: Path, path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"article", "events"} and data["article"] == path.stem + ".txt"
    text = _article(shared, data["article"]).read_text(encoding="utf-8").replace("\xa0", " ")
    gold = load_event_gold(path)
    assert gold.events
    for e in gold.events:
        assert e.plover in PLOVER_TYPES
        assert e.sentence in text
        for name in (e.source, e.target):
            assert name is None or name in text  # actors as the article writes them


def test_score_arithmetic():
    s = EventScore(gold=10, predicted=8, matched=4)
    assert (s.precision, s.recall) == (0.5, 0.4)
    assert s.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    s.add(EventScore(gold=2, predicted=0, matched=0))
    assert (s.gold, s.predicted, s.matched) == (12, 8, 4)
