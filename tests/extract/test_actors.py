"""The actor index (:mod:`accord.extract.actors`): the subjects a pronoun may refer to, and
people's sex and ranks, seen through the quote rules on sentences made up for them (the rules
first written from the VOA dev errors, tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="the actor index needs the 'nlp' extra (spaCy)")


def test_a_relative_clause_subject_counts_for_its_antecedent(quoted):
    text = ('Ann Cole met Karl Berg, who gave his view on the border.\n\n"We are far apart," '
            'he said.')
    assert [s for _, s in quoted(text)] == ["Karl Berg"]


def test_a_gendered_title_says_who_she_is(quoted):
    text = ('Spokeswoman Mary Lind and envoy Tom Reed met the press. Reed spoke first. Then '
            'she said the talks were "far from over."')
    assert quoted(text) == [("far from over.", "Mary Lind")]


@pytest.mark.parametrize(("text", "who"), [
    ('Defense Secretary Robert Gates met Navy Adm. Mike Mullen. "We are ready," Gates said. '
     'Mullen agreed. "The troops are ready," the admiral said.', "Mike Mullen"),
    ('Army Gen. David Petraeus met Defense Secretary Robert Gates. "We are ready," Gates said. '
     '"The troops are ready," the general said.', "David Petraeus"),
])
def test_an_abbreviated_rank_is_the_title_a_later_mention_uses(quoted, text, who):
    assert [s for _, s in quoted(text)][-1] == who
