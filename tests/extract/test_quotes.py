"""Direct quotes and their speakers (:mod:`accord.extract.quotes`): which spans between marks
are quotations, and the order of the attribution rules; on the founding article against its
gold and on sentences made up for them."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("spacy", reason="quotes need the 'nlp' extra (spaCy)")

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes


def test_the_thirteen_direct_quotations_of_the_founding_article(founding, root):
    doc, index = founding
    gold = root / "tests" / "gold" / "quotes" / "us-russia-security-talks-2022-01-10.json"
    quotes = json.loads(gold.read_text())
    found = {(q.start, q.end): q for q in find_quotes(doc, index) if q.direct}
    direct = [g for g in quotes["quotes"] if g["direct"]]
    assert len(direct) == 13
    for g in direct:
        q = found[(g["start"], g["end"])]
        assert q.text == g["text"] == doc.text[g["start"] : g["end"]]
        assert q.speaker == g["speaker"], g["text"]
    assert len(found) == 13


def test_quote_split_by_attribution_and_spokesperson(nlp):
    text = (
        'Labour MP Roger Godsiff spoke first. "We will not give up," he said, "not now." '
        'A spokesman for Unison said: "At least we are still talking."'
    )
    doc = nlp(text)
    index = ActorIndex.from_doc(doc)
    quotes = [q for q in find_quotes(doc, index) if q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will not give up,", "Roger Godsiff"),
        ("not now.", "Roger Godsiff"),
        ("At least we are still talking.", "Unison"),  # no person named: the body
    ]
    assert quotes[0].cue == "said"
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_attribution_forms_on_an_unseen_text(nlp):
    text = (
        "Ministers meet in Vienna\n\n"
        "Iranian Foreign Minister Abbas Araghchi arrived in Vienna on Tuesday for talks. "
        '"We are here to negotiate in good faith," said Mr Araghchi. '
        '"Are the Europeans ready?" he asked.\n\n'
        "German Chancellor Olaf Scholz was more cautious. "
        '"Nothing is agreed until everything is agreed," the chancellor told reporters, '
        'adding that a deal was "possible but not certain".\n\n'
        'According to a senior EU official, "the gaps remain wide".\n\n'
        "White House press secretary Karine Jean-Pierre said Washington "
        '"will not accept a bad deal". She added: "We remain committed to diplomacy.\n'
        '"But our patience is not unlimited."\n'
    )
    doc = nlp(text)
    index = ActorIndex.from_doc(doc)
    got = [(q.text, q.speaker, q.cue) for q in find_quotes(doc, index) if q.direct]
    assert got == [
        ("We are here to negotiate in good faith,", "Abbas Araghchi", "said"),
        ("Are the Europeans ready?", "Abbas Araghchi", "asked"),
        ("Nothing is agreed until everything is agreed,", "Olaf Scholz", "told"),
        ("possible but not certain", "Olaf Scholz", "adding"),
        ("the gaps remain wide", "European Union", "according to"),
        ("will not accept a bad deal", "Karine Jean-Pierre", "said"),
        ('We remain committed to diplomacy.\n"But our patience is not unlimited.',
         "Karine Jean-Pierre", "added"),
    ]
    assert index.affiliation("Abbas Araghchi") == "Iran"
    assert index.affiliation("Karine Jean-Pierre") == "United States"  # "White House …"


def test_our_correspondent_is_not_a_possessive_title(nlp, quoted):
    text = 'Ministers think this is the "less risky" path, our correspondent added.'
    assert quoted(text) == []  # no speaker: a two-word quoted term
    doc = nlp(text)
    index = ActorIndex.from_doc(doc)
    assert index.resolve(next(t for t in doc if t.lower_ == "correspondent")) is None


def test_a_speech_verb_before_the_quote_that_governs_it_comes_first(quoted):
    text = ('Tom Reed met Ann Cole on Monday. "It was a good meeting," Reed said afterward, '
            'while Cole called it "useful."')
    assert [s for _, s in quoted(text)] == ["Tom Reed", "Ann Cole"]


def test_a_short_quote_in_reported_speech_is_kept_without_a_known_speaker(quoted):
    text = 'The rebels said the offer was "not serious."'
    assert quoted(text) == [("not serious.", None)]
    text = 'Tom Reed praised what is being called "phase one" of the deal.'
    assert quoted(text) == []  # a naming, not anyone's words


def test_a_headline_is_no_quotation(nlp):
    text = 'Cole: "We are close"\n\nAnn Cole said on Monday: "We are close to a deal."'
    doc = nlp(text)
    quotes = find_quotes(doc, ActorIndex.from_doc(doc), 'Cole: "We are close"')
    assert [(q.text, q.speaker) for q in quotes] == [("We are close to a deal.", "Ann Cole")]


def test_a_clause_after_a_quote_governed_by_said_is_no_attribution(quoted):
    text = ('The ministry said in a statement that the offer was "unacceptable," and Tom Reed '
            'later called it "a joke."')
    assert quoted(text) == [("unacceptable,", None), ("a joke.", "Tom Reed")]


def test_a_title_in_marks_is_no_quotation(quoted):
    text = ('Speaking on the programme "Press Conference USA," Ann Cole said the deal was '
            '"within reach."')
    assert quoted(text) == [("within reach.", "Ann Cole")]
    assert quoted('"No Deal Yet," Ann Cole said.') == [("No Deal Yet,", "Ann Cole")]
