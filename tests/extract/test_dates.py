"""Date resolution (:mod:`accord.extract.dates`): pure functions, hand-worked examples."""

from __future__ import annotations

from datetime import date

import pytest

from accord.extract.dates import resolve_date

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
