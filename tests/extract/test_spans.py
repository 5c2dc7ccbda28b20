"""Quotation spans and date resolution: pure functions, hand-worked examples."""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.dates import resolve_date
from accord.extract.marks import quote_spans


def texts(s: str) -> list[str]:
    return [s[a:b] for a, b in quote_spans(s)]


def test_curly_quotes_split_by_an_attribution():
    s = "“The risk is real,” he said, “and growing.”"
    # “ at 0, content 1..18 ("The risk is real," is 17 characters), ” at 18,
    # " he said, " is 19..28, the second “ at 29, content 30..42 ("and growing." is 12)
    assert quote_spans(s) == [(1, 18), (30, 42)]
    assert texts(s) == ["The risk is real,", "and growing."]


def test_straight_quotes_face_by_their_neighbours():
    s = 'He called it "hysteria" and said "no concern."'
    assert texts(s) == ["hysteria", "no concern."]


def test_quote_across_paragraphs_is_one_quote():
    s = "He said: “First paragraph.\n\n“Second paragraph.” Then he left."
    (span,) = quote_spans(s)
    assert s[span[0] : span[1]] == "First paragraph.\n\n“Second paragraph."


def test_joined_paragraphs_in_one_line_continue_the_quote():
    # the BBC texts join a quote's paragraphs: `. "` opens the next one inside the same quote
    s = 'She said: "They should go. "They did not." Later.'
    assert texts(s) == ['They should go. "They did not.']


def test_stray_closing_and_never_closed_opening_marks_are_ignored():
    # an opening mark whose paragraph ends unclosed, the next paragraph opening with no mark,
    # or at the end of the text, was never closed: a stray mark (GUIDELINES.md, "Edge cases")
    s = 'from Europe." When he was there, he said " a worrying issue".\n"Unclosed at the end\nNext'
    assert texts(s) == [" a worrying issue"]
    assert texts('Gates said. "The level of our troops will depend on the situation.') == []
    assert texts('"Open here,\n\n"and closed here," he said.') == [
        'Open here,\n\n"and closed here,']


PUB = date(2022, 1, 10)  # a Monday


@pytest.mark.parametrize(
    ("text", "future", "value", "granularity"),
    [
        ("Monday", False, "2022-01-10", "day"),  # the publication day itself
        ("on Friday", False, "2022-01-07", "day"),  # Friday before: 10 - 3
        ("Friday", True, "2022-01-14", "day"),  # Friday after: 10 + 4
        ("next Monday", False, "2022-01-17", "day"),
        ("last Monday", False, "2022-01-03", "day"),
        ("December", False, "2021-12", "month"),  # past: the December before January
        ("in March", True, "2022-03", "month"),
        ("April 2005", False, "2005-04", "month"),
        ("23 March", True, "2022-03-23", "day"),
        ("1997", False, "1997", "year"),
        ("the 1990s", False, "1990s", "decade"),
        ("four years ago", False, "2018", "year"),
        ("in four days", False, "2022-01-14", "day"),
        ("last week", False, "2022-W01", "week"),  # ISO week 2 is 10-16 Jan
        ("yesterday", False, "2022-01-09", "day"),
    ],
)
def test_dates_resolved_against_the_article_date(text, future, value, granularity):
    parsed = resolve_date(text, PUB, future)
    assert parsed is not None
    assert (parsed.value, parsed.granularity) == (value, granularity)


@pytest.mark.parametrize("text", ["three years", "recent months", "annual", "14 days"])
def test_durations_and_vague_phrases_are_not_dates(text):
    assert resolve_date(text, PUB, False) is None


def test_relative_dates_without_an_article_date_keep_no_value():
    parsed = resolve_date("on Monday", None, False)
    assert parsed is not None and parsed.value is None and parsed.granularity == "day"
    assert resolve_date("in 1989", None, False).value == "1989"
