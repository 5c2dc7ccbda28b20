"""Long articles in parser-sized pieces (paragraph, then sentence, then hard length), joined
back into one Doc whose offsets are the article's."""

from __future__ import annotations

import random

import pytest

from accord.extract.ingest import Article
from accord.extract.pipeline import extract_doc
from accord.extract.segment import parse, pieces


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


def test_a_short_text_is_one_piece():
    assert pieces("One. Two.\n\nThree.", size=100) == [(0, 17)]
    assert pieces("", size=10) == []


def test_paragraphs_are_grouped_whole():
    text = "aaaa\nbbbb\ncccc\ndddd\n"  # four paragraphs of 5 characters
    assert _texts(text, pieces(text, size=12)) == ["aaaa\nbbbb\n", "cccc\ndddd\n"]


def test_a_long_paragraph_is_cut_after_sentence_ends_then_at_spaces_then_hard():
    text = "Aa bb. Cc dd! Ee ff.\nxxxxxxxxxxxxxxxxxxxxxxxxx"
    got = _texts(text, pieces(text, size=10))
    # sentences (at most 10 characters each, with their space), then a hard cut of the
    # unbroken run into 10 + 10 + 5 characters
    assert got == ["Aa bb. ", "Cc dd! ", "Ee ff.\n", "x" * 10, "x" * 10, "x" * 5]
    words = "alpha beta gamma delta"  # no sentence end: cut after spaces
    assert _texts(words, pieces(words, size=12)) == ["alpha beta ", "gamma delta"]


def test_pieces_cover_the_text_and_respect_the_size():
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice("ab .\n!\"”") for _ in range(rng.randint(0, 200)))
        size = rng.randint(1, 30)
        spans = pieces(text, size)
        assert "".join(_texts(text, spans)) == text
        assert all(0 < b - a <= size for a, b in spans)
        assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))


def test_an_article_over_the_parsers_limit_is_parsed_in_pieces(nlp, monkeypatch,
                                                               founding_text):
    """nlp(text) refuses a text over nlp.max_length (E088); parse() cuts it first, and the
    joined Doc's offsets are the article's, so every record indexes the article's text."""
    text = (founding_text + "\n\n") * 3
    monkeypatch.setattr(nlp, "max_length", 8_000)
    assert len(text) > nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (doc,) = parse(nlp, [text], 4)
    assert doc.text == text
    records = [r.to_dict() for r in extract_doc(doc, Article("long", "", text))]
    quotes = [r for r in records if r["type"] == "quote"]
    assert len(quotes) >= 3 * 13  # the founding article's 13 direct quotes, three times
    for r in quotes:
        assert text[r["start"] : r["end"]] == r["text"]
    for r in records:
        for m in r.get("mentions", []):
            assert text[m["start"] : m["end"]] == m["text"]


def test_a_short_article_is_parsed_whole(nlp, founding_text):
    (doc,) = parse(nlp, [founding_text], 4)
    whole = nlp(founding_text)
    assert [(t.text, t.dep_, t.head.i, t.ent_type_) for t in doc] == [
        (t.text, t.dep_, t.head.i, t.ent_type_) for t in whole]


def test_unbalanced_quotes_and_an_unpunctuated_line_finish(nlp):
    """30,000 characters of quotation marks that never close, and one line with no
    punctuation: extraction ends (in seconds; the 1 MB targets are in bench/) with records
    whose offsets index the text."""
    rng = random.Random(3)
    words = ["the", "minister", "said", "talks", "would", "resume", "in", "Geneva", "on", "Monday"]
    marks = ['"', "“", ""]
    quoted = " ".join(rng.choice(marks) + rng.choice(words) for _ in range(5_000))[:30_000]
    line = " ".join(rng.choice(words) for _ in range(5_000))[:30_000]
    for text in (quoted, line):
        (doc,) = parse(nlp, [text], 4)
        records = [r.to_dict() for r in extract_doc(doc, Article("hostile", "", text))]
        for r in records:
            if r["type"] in ("quote", "event", "date"):
                assert text[r["start"] : r["end"]] == r.get("text", r.get("sentence"))
