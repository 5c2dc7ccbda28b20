"""Property test of the reader over hostile text (issue 12): whatever the article, extraction
never raises, and every record points inside the article, a direct quote's text being exactly
what stands at its offsets."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.extract.ingest import Article
from accord.extract.pipeline import extract_batch

FRAGMENTS = ['"', "“", "”", "'", "''", "‘", "’", "\n", "\n\n", " ", ". ", ", ", " said ",
             " told reporters", " according to ", "Russia", "the United States", "NATO",
             "Mr Smith", "Jens Stoltenberg", "he", "she", "rejected", "demanded", "agreed to",
             "on Monday", "next week", "in 1997", "—", "(", ")", "é", "\u200b", "\ufffd",
             "x" * 300, "The Bill says", "unions", "the foreign minister"]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
                 min_size=0, max_size=120).map("".join)


def _inside(record: dict[str, Any], text: str) -> bool:
    start, end = record.get("start"), record.get("end")
    if start is None or end is None:
        return True
    return 0 <= start <= end <= len(text)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(st.lists(texts, min_size=1, max_size=3))
def test_extraction_never_raises_and_stays_inside_the_text(nlp, batch: list[str]) -> None:
    articles = [Article(id=f"a{i}", title="t", text=t) for i, t in enumerate(batch)]
    for article, records in zip(articles, extract_batch(articles), strict=True):
        for r in records:
            assert r["article"] == article.id
            assert _inside(r, article.text), r
            if r["type"] == "quote" and r["direct"]:
                assert article.text[r["start"]:r["end"]] == r["text"], r


def test_an_empty_article_gives_no_records_and_keeps_the_batch_in_step(nlp) -> None:
    # found by the property above: an empty text had no piece, so the batch fell out of step
    said = '"We will not accept these demands," Sergei Ryabkov said on Monday.'
    batch = [Article(id="e", title="t", text=""), Article(id="b", title="t", text=said)]
    empty, other = extract_batch(batch)
    assert empty == []
    quotes = [(r["text"], r["speaker"]) for r in other if r["type"] == "quote"]
    assert quotes == [("We will not accept these demands,", "Sergei Ryabkov")]
