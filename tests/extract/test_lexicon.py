"""The word lists (:mod:`accord.extract.lexicon`): states beyond the hand-written list come
from the country dictionary."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="the lexicon needs the 'nlp' extra (spaCy)")


def test_a_state_outside_the_hand_written_list_speaks(quoted):
    text = 'South Sudan said the plan was "dead on arrival."'
    assert quoted(text) == [("dead on arrival.", "South Sudan")]
