"""Gold folders: files merged by article, articles found, bad files named."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.errors import GoldError
from accord.evaluation.gold import Gold, find_article, load_gold_dir
from accord.evaluation.quotes import match_actors, match_quotes
from accord.extract.records import ActorRecord, QuoteRecord


def test_the_repository_gold_merges_quotes_and_events_by_article(root: Path):
    golds = load_gold_dir(root / "tests" / "gold")
    founding = golds["us-russia-security-talks-2022-01-10.txt"]
    assert founding.quotes and founding.events_file is not None
    assert founding.events_file.parent.name == "events"
    quotes_only = golds["guantanamo-four-free-in-weeks.txt"]
    assert quotes_only.quotes and quotes_only.events_file is None


def test_find_article_by_path_then_by_name(tmp_path: Path):
    for folder in ("aaa", "bbc"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("x", encoding="utf-8")
    by_path = Gold("x.txt", path="articles/bbc/x.txt")
    assert find_article(by_path, tmp_path) == tmp_path / "bbc" / "x.txt"
    assert find_article(Gold("x.txt"), tmp_path) == tmp_path / "aaa" / "x.txt"  # first by name
    with pytest.raises(GoldError, match=r"'y\.txt' not found") as err:
        find_article(Gold("y.txt"), tmp_path)
    assert err.value.file == str(tmp_path)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not readable JSON"),
        ('{"quotes": []}', "field 'article'"),
        ('{"article": "a.txt", "quotes": [{"text": "t", "start": "0", "end": 3}]}',
         "quotes[0].start must be an integer offset"),
    ],
)
def test_a_bad_gold_file_is_named(tmp_path: Path, content: str, problem: str):
    bad = tmp_path / "sub" / "bad.json"
    bad.parent.mkdir()
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold_dir(tmp_path)
    assert err.value.file == str(bad) and problem in err.value.problem


def test_a_folder_without_gold_is_a_gold_error(tmp_path: Path):
    with pytest.raises(GoldError, match="no gold files"):
        load_gold_dir(tmp_path)
    with pytest.raises(GoldError, match="not a folder"):
        load_gold_dir(tmp_path / "absent")


def test_quotes_match_one_to_one_by_largest_overlap():
    gold = [{"text": "a", "speaker": "Ann", "start": 0, "end": 10},
            {"text": "b", "speaker": "Bo", "start": 20, "end": 30}]
    predicted = [
        QuoteRecord("a'", "ann", None, 2, 10, True),  # overlaps gold a by 8: speaker right
        QuoteRecord("a+b", "Cy", None, 8, 22, True),  # overlaps a by 2, b by 2
        QuoteRecord("c", None, None, 40, 50, True),
    ]
    score = match_quotes(predicted, gold)
    assert (score.gold, score.predicted, score.matched, score.speaker_right) == (2, 3, 2, 1)
    assert score.wrong_speaker == [("b", "Cy", "Bo")]
    assert score.missed == [] and score.spurious == ["c"]


def test_actors_found_by_name_and_kind():
    predicted = [
        ActorRecord("Sergey Ryabkov", "person", ["Deputy Foreign Minister"], "Russia"),
        ActorRecord("NATO", "bloc"),
    ]
    gold = [
        {"name": "sergey ryabkov", "kind": "person", "roles": ["deputy foreign minister"],
         "affiliation": "Ukraine"},
        {"name": "NATO", "kind": "organisation"},  # wrong kind: not found
        {"name": "Kremlin"},
    ]
    score = match_actors(predicted, gold)
    assert (score.gold, score.matched, score.recall) == (3, 1, pytest.approx(1 / 3))
    assert (score.roles, score.roles_right, score.affiliations, score.affiliations_right) == (
        1, 1, 1, 0)
    assert score.missed == ["NATO", "Kremlin"]
