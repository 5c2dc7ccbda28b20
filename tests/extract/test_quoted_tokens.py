"""Tokens inside quotation marks (:mod:`accord.extract.quoted_tokens`), hand-worked offsets."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="quoted tokens are spaCy tokens")

import spacy

from accord.extract.quoted_tokens import QuotedTokens


def test_the_tokens_between_marks_and_the_marks_are_inside():
    # 'He said "no deal" today.': the quote's text is 9..16 ("no deal"), its marks at 8 and 16
    doc = spacy.blank("en")('He said "no deal" today.')
    quoted = QuotedTokens(doc, list(doc))
    assert [t.text for t in doc] == ["He", "said", '"', "no", "deal", '"', "today", "."]
    assert quoted.spans == [(9, 16)]
    assert quoted.inside == [False, False, True, True, True, True, False, False]
    assert quoted.token_at(9) == 3  # "no"
    assert quoted.token_at(17) == 6  # the space after the closing mark: "today" is next
