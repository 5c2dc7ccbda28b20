"""The event coder on PLOVER's gold-standard records (development half)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("spacy", reason="event coding needs the 'nlp' extra (spaCy)")

from accord.evaluation.plover import (
    GoldRecord,
    PloverScore,
    evaluate,
    load_gold,
    same_actor,
    score_record,
)
from accord.extract.records import EventRecord

DEV = "data/plover/gsr-dev.jsonl"


def test_legacy_types_are_renamed(shared: Path):
    gold = load_gold(shared / DEV)
    assert len(gold) == 161
    kinds = {g.plover for g in gold}
    assert not kinds & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    investigate = [g for g in gold if g.id.split("-")[2] == "INVESTIGATE"]
    assert investigate and all((g.plover, g.mode) == ("ACCUSE", "investigate") for g in investigate)


def test_actor_names_match_on_a_shared_word_or_stem():
    assert same_actor("Tom King", ("British Defence Secretary Tom King",))
    assert same_actor("Hungary", ("Hungarian",))  # stem "hunga"
    assert not same_actor("Israel", ("Palestinians",))
    assert not same_actor(None, ("Israel",))


def _event(plover: str, source: str | None, target: str | None) -> EventRecord:
    return EventRecord(plover, None, source, target, False, "s", 0, 1)


def test_scoring_arithmetic():
    gold = GoldRecord("x", "s", "REJECT", None, ("Berlin",), ("Belarus",))
    score = PloverScore()
    # two events coded: one of the right type with the right source and a wrong target
    score_record(gold, [_event("REJECT", "Berlin", "aid"), _event("REQUEST", None, None)], score)
    assert (score.records.gold, score.typed, score.events.predicted, score.events.matched) == (
        1, 1, 2, 1)
    assert (score.source_right, score.target_scored, score.target_right) == (1, 1, 0)
    assert (score.type_recall, score.type_precision) == (1.0, 0.5)
    assert score.confusion[("REJECT", "REQUEST")] == 1
    # a record with no event of its type: recall falls, source and target are not scored
    score_record(gold, [], score)
    assert (score.type_recall, score.type_precision) == (0.5, 0.5)
    assert (score.source_accuracy, score.target_accuracy) == (1.0, 0.0)
    assert score.confusion[("REJECT", "-")] == 1
    assert score.table().splitlines()[1].split() == ["type", "recall", "0.500", "(1/2)"]


def test_dev_set_score_does_not_regress(nlp, shared: Path):
    """Measured on 2026-11-28: type recall 0.739, type precision 0.744, source 0.908,
    target 0.726. The floors sit a few points below, so a rule change that costs accuracy
    on the development records fails here."""
    score = evaluate(nlp, load_gold(shared / DEV))
    assert score.records.gold == 161
    print(score.table())
    assert score.type_recall >= 0.69
    assert score.type_precision >= 0.69
    assert score.source_accuracy >= 0.87
    assert score.target_accuracy >= 0.68


def test_split_follows_the_documented_rule(shared: Path):
    """tests/gold/SPLIT.md: sha1 of the record text, even → dev; 83 dev, 78 held-out."""
    import hashlib

    from accord.evaluation.plover import part_of, split

    gold = load_gold(shared / DEV)
    parts = split(gold)
    assert (len(parts["dev"]), len(parts["heldout"])) == (83, 78)
    for g in gold:
        even = int(hashlib.sha1(g.text.encode("utf-8")).hexdigest(), 16) % 2 == 0
        assert part_of(g) == ("dev" if even else "heldout")
