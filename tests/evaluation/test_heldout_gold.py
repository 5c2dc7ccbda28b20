"""The held-out quote gold (tests/gold-heldout) is consistent with its articles and its split.

Every article in tests/articles/heldout has exactly one gold file: the original 23 in the
part (dev or held-out) that the split rule in tests/articles/heldout/SPLIT.md assigns, the
articles added later for rule writing all in dev2 (listed there); every gold quote's
text is the article's text at its offsets, opened by a quotation mark; and the project's
loader reads each part and finds each article.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from accord.evaluation.quotes import find_article, load_gold_dir

TESTS = Path(__file__).parents[1]
ARTICLES = TESTS / "articles" / "heldout"
GOLD = TESTS / "gold-heldout"
PARTS = ("dev", "heldout", "dev2")
OPENING_MARKS = "\"“"


def part_of(slug: str) -> str:
    """The split rule: sha1 of the file stem, as an integer, divisible by 3 -> dev."""
    return "dev" if int(hashlib.sha1(slug.encode()).hexdigest(), 16) % 3 == 0 else "heldout"


def gold_files() -> list[Path]:
    return sorted(GOLD.rglob("*.json"))


def dev2_articles() -> list[str]:
    """The articles added after the split, all for development (SPLIT.md, "## dev2")."""
    text = (ARTICLES / "SPLIT.md").read_text(encoding="utf-8")
    section = text.split("## dev2\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip()[3:-1] for line in section.splitlines() if line.startswith("- `")]


def test_every_article_has_one_gold_file_in_its_part():
    articles = sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert len(articles) >= 32
    golds = {f.stem: f.parent.name for f in gold_files()}
    assert sorted(golds) == articles
    later = set(dev2_articles())
    assert len(later) == 9
    assert all(golds[slug] == ("dev2" if slug in later else part_of(slug)) for slug in articles)
    assert sum(part == "heldout" for part in golds.values()) == 14


def test_split_file_lists_the_split():
    text = (ARTICLES / "SPLIT.md").read_text(encoding="utf-8")
    for f in gold_files():
        section = text.split(f"## {f.parent.name}\n", 1)[1].split("\n## ", 1)[0]
        assert f"`{f.stem}`" in section


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_quotes_are_verbatim_spans_of_the_article(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["article"] == f"{path.stem}.txt"
    text = (ARTICLES / data["article"]).read_text(encoding="utf-8")
    body = text.index("\n\n")  # the headline is not annotated
    assert data["quotes"], "every held-out article has at least one quotation"
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
        assert q["start"] > body
        assert text[q["start"] - 1] in OPENING_MARKS
        assert q["speaker"] and q["direct"] is True


@pytest.mark.parametrize("part", PARTS)
def test_loader_reads_each_part_and_finds_its_articles(part: str):
    golds = load_gold_dir(GOLD / part)
    assert golds
    for gold in golds.values():
        assert gold.quotes
        assert find_article(gold, TESTS / "articles") == ARTICLES / gold.article
