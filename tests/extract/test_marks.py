"""Quotation spans (:mod:`accord.extract.marks`): pure functions, hand-worked examples."""

from __future__ import annotations

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
