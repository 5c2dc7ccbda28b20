"""Attribution cues next to a quote (:mod:`accord.extract.cues`), on sentences made up for
them (the rules first written from the VOA dev errors, tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="cue attribution needs the 'nlp' extra (spaCy)")


def test_a_dash_after_a_quote_opens_an_apposition_not_an_attribution(quoted):
    text = ('Russia said its terms included the right to "inspect every ship for weapons" -- '
            'a demand rejected by Kyiv.')
    assert quoted(text) == [("inspect every ship for weapons", "Russia")]


@pytest.mark.parametrize(("text", "quote", "speaker"), [
    ('Ann Cole arrived on Monday. "The door remains open," Cole tweeted.',
     "The door remains open,", "Ann Cole"),
    ('Ann Cole reiterated that the offer was "final and fair."', "final and fair.", "Ann Cole"),
    ('Ann Cole recalled that the first round had been "a disaster for everyone."',
     "a disaster for everyone.", "Ann Cole"),
    ('Ann Cole arrived on Monday. Cole voiced concern about the "dangerous escalation" in '
     'the north.', "dangerous escalation", "Ann Cole"),
    ('Ann Cole arrived on Monday. Cole expressed hope that the deal would "hold for good."',
     "hold for good.", "Ann Cole"),
])
def test_reporting_verbs_beyond_say(quoted, text, quote, speaker):
    assert quoted(text) == [(quote, speaker)]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Ann Cole arrived in Oslo. "Why should we trust them now?" Cole asked.', "Ann Cole"),
    ('"We will not give up on this." Ann Cole said that on Monday.', "Ann Cole"),
])
def test_a_bare_attribution_after_a_quote_that_ends_its_sentence(quoted, text, speaker):
    assert [s for _, s in quoted(text)] == [speaker]


def test_a_following_sentence_with_its_own_report_is_not_an_attribution(quoted):
    text = ('Ann Cole met Tom Reed. "We will not give up on this." Reed said the talks would '
            'resume.')
    assert [s for _, s in quoted(text)] != ["Tom Reed"]


@pytest.mark.parametrize("text", [
    'Ann Cole was blunt: "There will be no deal without the border."',
    'As Ann Cole put it, "there will be no deal without the border."',
    'In the words of Ann Cole, "there will be no deal without the border."',
])
def test_a_colon_or_a_phrase_introduces_the_quote(quoted, text):
    assert [s for _, s in quoted(text)] == ["Ann Cole"]


def test_a_question_and_its_answer_are_attributed_after_them(quoted):
    text = 'Ann Cole met Tom Reed. "Will you sign?" Cole asked him. "No," Reed replied.'
    assert quoted(text) == [("Will you sign?", "Ann Cole"), ("No,", "Tom Reed")]
