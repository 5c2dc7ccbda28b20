"""Quotation marks: the spans of text between them.

Direct quotes are found on the characters, not the parse: curly marks say which way they
face; a straight mark faces by its neighbours (space before → opening, space after →
closing), else by the state.  A quote still open at the end of a paragraph goes on when the
next paragraph opens with a mark, the newspaper convention for a quote across paragraphs
(the BBC texts join those paragraphs, so a mark after a sentence end inside an open quote
means the same); otherwise, and at the end of the text, it was never closed.  A stray mark,
opening or closing, is ignored (the annotation guidelines, "Edge cases met").
"""

from __future__ import annotations

import re

OPENING = "“"
CLOSING = "”"
STRAIGHT = '"'
_MARKS = re.compile("''|[\"“”]")  # two apostrophes are a straight mark too
_LEFT_BOUND = set("([{—–-/‘'")
_RIGHT_BOUND = set(".,;:!?)]}…—–-’'")
SENT_END = (".", "?", "!", "…")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text between each pair of double quotation marks."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    para_at = 0  # where the open quote's current paragraph began
    para_end = -1  # the first line break after ``para_at`` (-1: none)
    for m in _MARKS.finditer(text):
        p, after = m.start(), m.end()  # the mark is text[p:after]
        c = m.group()
        if open_at is not None and 0 <= para_end < p:
            # the quote ran into a new paragraph: it goes on only if that paragraph opened
            # with a mark, i.e. this mark is the first thing on its line
            line_start = text.rfind("\n", 0, p) + 1
            if text[line_start:p].strip() or _facing(text, p, after, c) != "open":
                open_at = None  # never closed: a stray mark
            else:
                para_at = after
                para_end = text.find("\n", para_at)
                continue
        facing = _facing(text, p, after, c)
        if facing == "either":
            facing = "close" if open_at is not None else "open"
        if facing == "open":
            if open_at is None or text[_rstrip(text, open_at, p) - 1] not in SENT_END:
                # (the earlier mark never closed: start again here)
                open_at = para_at = after
                para_end = text.find("\n", para_at)
        elif open_at is not None:
            if p > open_at:
                spans.append((open_at, p))
            open_at = None
    return spans


def _facing(text: str, p: int, end: int, c: str) -> str:
    """Which way the mark ``text[p:end]`` faces: "open", "close" or "either"."""
    if c == OPENING:
        return "open"
    if c == CLOSING:
        return "close"
    before = text[p - 1] if p > 0 else " "
    after = text[end] if end < len(text) else " "
    left = before.isspace() or before in _LEFT_BOUND
    right = after.isspace() or after in _RIGHT_BOUND
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
