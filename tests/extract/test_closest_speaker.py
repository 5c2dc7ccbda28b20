"""The closest attribution for a quote with no cue of its own
(:mod:`accord.extract.closest_speaker`), on sentences made up for them (the rules first
written from the VOA dev errors, tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="the closest speaker needs the 'nlp' extra (spaCy)")


def test_the_one_spoken_to_is_never_the_speaker_even_if_no_one_else_is_named(quoted):
    assert quoted('Mr Berg arrived late. "We must be patient," he said to Berg.') == [
        ("We must be patient,", None)]


def test_a_paragraph_that_is_only_a_quote_is_the_introduced_person_s(quoted):
    text = ('Envoy Mark Dunne met his counterpart in Oslo on Monday. Dunne repeated his call '
            'for a united response.\n\n"We must speak with one voice and send a clear message '
            'to the other side."\n\nThe talks resume next week.')
    assert quoted(text) == [("We must speak with one voice and send a clear message to "
                                   "the other side.", "Mark Dunne")]


def test_quote_paragraphs_with_no_cue_continue_the_last_speaker(quoted):
    text = ('Ann Cole has made the following statement: "We are ready to sign."\n\n'
            '"We need the others to follow."\n\n"The world should not fool itself."')
    assert [s for _, s in quoted(text)] == ["Ann Cole"] * 3


def test_a_quote_sentence_with_no_cue_is_the_person_just_introduced(quoted):
    text = ('Ann Cole struck a hopeful note. "There will be a deal by the end of the week."')
    assert [s for _, s in quoted(text)] == ["Ann Cole"]


def test_a_label_line_ending_in_a_colon_introduces_the_quote_paragraphs(quoted):
    text = ('The talks ended.\n\nAnn Cole, President of the Council:\n\n“We have a deal. It is '
            'fair.”\n\n“Now the parliaments must read it.”')
    assert [s for _, s in quoted(text)] == ["Ann Cole", "Ann Cole"]


def test_a_verb_introducing_a_speaker_attributes_the_quote_paragraph_after_it(quoted):
    text = ('President Ann Cole says the talks are not about power. Meanwhile, the negotiating '
            'team led by Interior Minister Tom Reed has returned home. Reed spoke with reporters '
            'about the talks.\n\n“Our first aim is to end the conflict and bring the fighters '
            'home.”')
    assert quoted(text)[-1] == ("Our first aim is to end the conflict and bring the fighters "
                                "home.", "Tom Reed")
