"""Which tokens of a parsed document stand inside quotation marks.

Quotation spans are found on the characters (:mod:`accord.extract.marks`); the attribution
rules read tokens, so :class:`QuotedTokens` maps the one onto the other: a token is inside a
quote when it starts between a pair of marks (the marks included), and a character offset
has a first token at or after it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from accord.extract.marks import quote_spans


class QuotedTokens:
    """A parsed document's text, its quotation spans and the tokens inside them."""

    def __init__(self, doc: Doc, tokens: list[Token]) -> None:
        self.doc = doc
        self.text = doc.text
        self.spans = quote_spans(self.text)
        self._starts = [s - 1 for s, _ in self.spans]
        self._ends = [e + 1 for _, e in self.spans]
        self.toks = tokens
        self.tok_idx = [t.idx for t in tokens]
        # token i is inside a quote (marks included) when inside[i]
        self.inside = [self._in_quote(i) for i in self.tok_idx]

    def _in_quote(self, char: int) -> bool:
        k = bisect_right(self._starts, char) - 1
        return k >= 0 and char < self._ends[k]

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self.tok_idx, char)
