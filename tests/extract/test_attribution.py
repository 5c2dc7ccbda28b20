"""Reporting patterns of news style, on parses built by hand (no model needed)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="attribution reads spaCy tokens")

import spacy
from spacy.tokens import Doc

from accord.extract.attribution import (
    adjacent_name,
    bare_attribution,
    colon_subject,
    impersonal,
    issuer,
    put_it,
    quoted_object,
)

VOCAB = spacy.blank("en").vocab  # with the lexical attributes (lower case) of English


def _doc(words, heads, deps, pos, lemmas=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=lemmas or [w.lower() for w in words])


def test_the_object_of_quote_is_the_one_quoted():
    doc = _doc(["Xinhua", "quoted", "Liu", "as", "saying"], [1, 1, 1, 1, 3],
               ["nsubj", "ROOT", "dobj", "prep", "pcomp"],
               ["PROPN", "VERB", "PROPN", "ADP", "VERB"], ["xinhua", "quote", "liu", "as", "say"])
    assert quoted_object(doc[1]).text == "Liu"
    assert quoted_object(doc[4]) is None


def test_a_name_next_to_a_verb_with_no_subject():
    doc = _doc(["Oslo", ",", "Ann", "Cole", "said"], [4, 0, 3, 0, 4],
               ["npadvmod", "punct", "compound", "appos", "ROOT"],
               ["PROPN", "PUNCT", "PROPN", "PROPN", "VERB"])
    assert adjacent_name(doc[4]).text == "Cole"
    doc = _doc(["said", "Ann", "Cole"], [0, 2, 0], ["ROOT", "compound", "nsubj"],
               ["VERB", "PROPN", "PROPN"])
    assert adjacent_name(doc[0]).text == "Cole"


def test_a_bare_attribution_has_no_complement():
    doc = _doc(["Cole", "said", "that"], [1, 1, 1], ["nsubj", "ROOT", "dobj"],
               ["PROPN", "VERB", "PRON"])
    assert bare_attribution(doc[1])
    doc = _doc(["Cole", "said", "talks", "resume"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "nsubj", "ccomp"], ["PROPN", "VERB", "NOUN", "VERB"])
    assert not bare_attribution(doc[1])


def test_as_x_put_it():
    doc = _doc(["as", "Cole", "put", "it"], [2, 2, 2, 2], ["mark", "nsubj", "ROOT", "dobj"],
               ["SCONJ", "PROPN", "VERB", "PRON"])
    assert put_it(doc[2])


def test_the_subject_of_the_clause_a_colon_closes():
    doc = _doc(["Cole", "was", "blunt", ":"], [1, 1, 1, 1], ["nsubj", "ROOT", "acomp", "punct"],
               ["PROPN", "AUX", "ADJ", "PUNCT"])
    assert colon_subject([doc[3], doc[2], doc[1], doc[0]]).text == "Cole"
    assert colon_subject([doc[2], doc[1], doc[0]]) is None


def test_a_passive_with_no_agent_is_impersonal():
    doc = _doc(["what", "is", "called"], [2, 2, 2], ["nsubjpass", "auxpass", "ROOT"],
               ["PRON", "AUX", "VERB"])
    assert impersonal(doc[2])


def test_a_statement_is_from_its_issuer():
    doc = _doc(["KCNA", "issued", "a", "statement"], [1, 1, 3, 1],
               ["nsubj", "ROOT", "det", "dobj"], ["PROPN", "VERB", "DET", "NOUN"])
    assert issuer(doc[3]).text == "KCNA"
