"""Who speaks through a speech verb (:mod:`accord.extract.speech_subjects`), on sentences made
up for them (the rules first written from the VOA dev errors, tests/gold/SPLIT.md)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="speech subjects needs the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


@pytest.mark.parametrize(("text", "speaker"), [
    ('Finance Minister Tendai Biti met Prime Minister Morgan Tsvangirai on Monday. Tsvangirai '
     'asked for more time. "We will not sign this budget," he told Tsvangirai.', "Tendai Biti"),
    ('Ann Cole met Karl Berg on Friday. Berg asked about the deal. "The deal is done," she '
     'said to Berg.', "Ann Cole"),
])
def test_a_quote_is_not_given_to_the_person_it_is_addressed_to(quoted, text: str, speaker: str):
    """"…," he told Smith: he is not Smith, even when Smith is the last subject."""
    assert [s for _, s in quoted(text)] == [speaker]


def test_a_law_is_not_a_speaker(quoted):
    text = ("The Prevention of Terrorism Bill says that the home secretary can impose control "
            "orders. Critics attacked it.")
    assert all(s != "Prevention of Terrorism Bill" for _, s in quoted(text, reported=True))
    text = ('Home Secretary Charles Clarke defended the plans. "The orders will be judged by a '
            'judge," the Bill states.')
    assert quoted(text) == [("The orders will be judged by a judge,", None)]


def test_a_subject_inside_the_quote_is_not_the_speaker(nlp):
    """'"We all agree," she said' parsed with the quote's "We" as a subject of "said" (as the
    model parsed a VOA dev sentence): the speaker is "she" outside the marks."""
    from spacy.tokens import Doc

    words = ["Ann", "Cole", "arrived", ".", '"', "We", "agree", ",", '"', "she", "said", "."]
    doc = Doc(nlp.vocab, words=words,
              spaces=[True, True, False, True, False, True, False, False, True, True, False,
                      False],
              heads=[1, 2, 2, 2, 10, 10, 10, 10, 10, 10, 10, 10],
              deps=["compound", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "punct",
                    "punct", "nsubj", "ROOT", "punct"],
              pos=["PROPN", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT",
                   "PRON", "VERB", "PUNCT"],
              lemmas=["Ann", "Cole", "arrive", ".", '"', "we", "agree", ",", '"', "she", "say",
                      "."],
              ents=["B-PERSON", "I-PERSON"] + ["O"] * 10)
    quotes = find_quotes(doc, ActorIndex.from_doc(doc))
    assert [(q.text, q.speaker) for q in quotes if q.direct] == [("We agree,", "Ann Cole")]


@pytest.mark.parametrize(("text", "speaker"), [
    ('A Chilean opposition official said the minister was "wasting everyone\'s time."',
     "Chilean opposition"),
    ('One senior Fatah official said the plan would "divide the villages."', "Fatah"),
    ('The harbour workers are "deeply worried" about the plan, a Dock Workers Union '
     'spokesperson said on Monday.', "Dock Workers Union"),
])
def test_an_unnamed_member_speaks_for_the_body_named_before_it(quoted, text, speaker):
    assert [s for _, s in quoted(text)] == [speaker]


def test_the_one_quoted_as_saying_is_the_speaker_not_the_agency(quoted):
    text = ('The Xinhua news agency quoted Ann Cole as saying "we will keep talking to both '
            'sides." Tom Reed was quoted by Reuters as saying: "We will wait."')
    assert quoted(text) == [("we will keep talking to both sides.", "Ann Cole"),
                                  ("We will wait.", "Tom Reed")]


def test_a_name_the_parser_left_without_a_subject_role_still_speaks(quoted):
    """"Oslo, Ann Cole said" was parsed with the name as an apposition of "Oslo"."""
    text = 'Speaking to reporters in Oslo, Ann Cole said the deal was "within reach."'
    assert quoted(text) == [("within reach.", "Ann Cole")]


def test_a_statement_speaks_for_its_issuer(quoted):
    text = ('The Dock Workers Union issued a statement saying the strike would end: "Our '
            'members will return on Monday." According to the statement, the offer was a '
            '"victory".')
    assert [s for _, s in quoted(text)] == ["Dock Workers Union"] * 2


def test_the_agent_of_a_passive_speech_verb_speaks(quoted):
    assert quoted('The plan was described by Ann Cole as "a farce."') == [
        ("a farce.", "Ann Cole")]
    text = 'Ann Cole was quoted by Reuters as saying: "We will keep talking to both sides."'
    assert [s for _, s in quoted(text)] == ["Ann Cole"]  # Reuters only relays


def test_a_pronoun_is_not_someone_named_in_the_quote_it_attributes(quoted):
    # a speaker names others in the third person, not themself
    text = ('All leaders back the agreement, Geoff Morrell said. "If we had concerns, trust me, '
            'Secretary Gates would not be up explaining this," he said.')
    assert [s for _, s in quoted(text)] == ["Geoff Morrell"]


def test_a_name_before_a_description_speaks_for_a_verb_the_parser_left_without_subject(quoted):
    text = ('Welcoming the news that the rebels led by Colonel Idris Bako will join a government '
            'with Mara Obi’s party from June 1, Halvorsen, the State Department’s special '
            'coordinator for the region, said in a statement that the accord will bring “peace '
            'back to the valley.”')
    assert quoted(text) == [("peace back to the valley.", "Halvorsen")]
