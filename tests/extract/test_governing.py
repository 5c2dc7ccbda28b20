"""The speech verb or proposal noun governing a quote (:mod:`accord.extract.governing`), on
sentences made up for them (the rules first written from the VOA dev errors,
tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="the governor of a quote needs the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


def test_a_phrase_quoted_in_reported_speech_has_the_reporter_as_speaker(quoted):
    text = ('A spokesman for the Syrian opposition said the discussions on Sunday were '
            '"encouraging and positive" concerning humanitarian issues.')
    assert quoted(text) == [("encouraging and positive", "Syrian opposition")]


def test_a_word_of_a_proposal_is_its_proposer(quoted):
    text = ('Envoy Mark Dunne says Washington will support a Chinese proposal for an '
            '"informal" meeting of the six parties, and backs Japan\'s idea of a "joint" '
            'statement.')
    assert quoted(text) == [("informal", "China"), ("joint", "Japan")]


def test_two_apostrophes_close_a_quote_and_a_document_s_words_are_no_quotation(nlp, quoted):
    """"common …'' to deal with …": the two apostrophes close the quote; the words belong to
    the text of the deal ("language saying"), not to a speaker, so they are no quotation."""
    text = ('The final draft eased those concerns with language saying countries have '
            '"common but differentiated responsibilities\'\' to deal with global warming. '
            'Ann Cole said the deal was "a real step forward and a fair one".')
    assert quoted(text) == [("a real step forward and a fair one", "Ann Cole")]
    doc = nlp('Ann Cole called it "a real step\'\' forward.')
    assert [q.text for q in find_quotes(doc, ActorIndex.from_doc(doc))] == ["a real step"]


def test_agreeing_to_do_something_is_no_speech(quoted):
    text = ('Tom Reed said the rebels had agreed to free the four after "intensive and complex '
            'discussions" over security.')
    assert quoted(text) == [("intensive and complex discussions", "Tom Reed")]


def test_a_speech_act_named_by_a_noun_is_its_speaker_s(quoted):
    text = 'Ann Cole\'s warning that the talks were "on the brink" shook the markets.'
    assert quoted(text) == [("on the brink", "Ann Cole")]


def test_words_quoted_as_what_was_agreed_are_the_agreeing_body_s(quoted):
    text = ('The International Syria Support Group met in Vienna. The support group also '
            'agreed to "accelerate and expand" aid deliveries.')
    assert quoted(text) == [("accelerate and expand", "International Syria Support "
                                   "Group")]


def test_an_expressive_speech_act_attributes_the_words_it_governs(quoted):
    text = 'Ron Kirk congratulated the delegation on making "significant, positive" progress.'
    assert quoted(text) == [("significant, positive", "Ron Kirk")]


def test_a_belief_inside_someone_s_speech_is_their_words(quoted):
    """A belief is no speech of its own when a speech verb stands above it: the quoted
    words are the speaker's; with no speech verb above, the believer's."""
    text = ('"All parties have arrived," said spokesman John Kirby, adding that the U.S. '
            'believes the truce has "largely held."')
    assert quoted(text)[-1] == ("largely held.", "John Kirby")
    alone = 'Ann Cole believes the truce has "largely held."'
    assert quoted(alone) == [("largely held.", "Ann Cole")]


def test_a_speech_act_still_to_come_inside_reported_speech_is_the_reporter_s(quoted):
    text = ('Trade Representative Mark Dunne spoke in Lima on Monday. He said the United States '
            'will urge the ministers to publish the draft text, to enhance its "transparency."')
    assert quoted(text) == [("transparency.", "Mark Dunne")]
