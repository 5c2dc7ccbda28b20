"""The learned speaker ranker on made-up sentences, and its pieces on hand-made numbers."""

from __future__ import annotations

import numpy as np
import pytest

from accord.extract.actors import ActorIndex
from accord.extract.quotes import find_quotes
from accord.extract.records import QuoteRecord
from accord.extract.speakers import (
    FEATURES,
    PREVIOUS,
    Ranker,
    SpeakerFeatures,
    candidates,
    load_ranker,
    rank_speakers,
)


def _speakers(nlp, text: str) -> list[str | None]:
    doc = nlp(text)
    return [q.speaker for q in find_quotes(doc, ActorIndex.from_doc(doc), speakers="ranker")
            if q.direct]


def test_the_named_speaker_after_the_quote_is_chosen(nlp):
    text = ("Ann Cole met Karl Berg in Geneva on Monday.\n\n"
            '"We are close to a deal," Cole said after the meeting.')
    assert _speakers(nlp, text) == ["Ann Cole"]


def test_a_quote_continued_in_the_next_paragraph_keeps_its_speaker(nlp):
    text = ('Union leader Tom Reed said: "We will strike on Monday."\n\n'
            '"There is no other way to be heard."')
    assert _speakers(nlp, text) == ["Tom Reed", "Tom Reed"]


def test_a_person_named_only_inside_the_quote_is_not_its_speaker(nlp):
    text = 'Ann Cole told reporters: "Karl Berg has not read the proposal."'
    assert _speakers(nlp, text) == ["Ann Cole"]


def test_a_quote_with_no_candidate_keeps_the_rules_speaker(nlp):
    doc = nlp('"Nothing was agreed," the statement read.')
    quote = QuoteRecord("Nothing was agreed,", "Rule Speaker", None, 1, 20, True)
    assert [q.speaker for q in rank_speakers(doc, ActorIndex.from_doc(doc), [quote])] == [
        "Rule Speaker"]


def test_features_of_a_candidate_before_the_quote(nlp):
    text = 'Ann Cole said: "We are close."'
    doc = nlp(text)
    start = text.index("We")
    feats = SpeakerFeatures(doc, ActorIndex.from_doc(doc), [(start, text.index('."') + 1)])
    X, window = feats.table(start, text.index('."') + 1)
    row = dict(zip(FEATURES, X[feats.names.index("Ann Cole")], strict=True))
    assert window.tolist() == [True]
    assert row["before"] == 1.0 and row["after"] == 0.0 and row["same_sentence"] == 1.0
    # "Ann Cole" ends at 8, the quoted words start at 16: log(1 + 8)
    assert row["before_dist"] == pytest.approx(np.log(9.0))
    assert row["speech_subj"] == 1.0 and row["colon"] == 1.0 and row["person"] == 1.0


def test_candidates_add_the_previous_speaker_with_its_flag():
    X = np.zeros((3, len(FEATURES)))
    names, Y = candidates(["A", "B", "C"], X, np.array([True, False, False]), "C")
    assert names == ["A", "C"] and Y[:, PREVIOUS].tolist() == [0.0, 1.0]
    assert candidates(["A"], X[:1], np.array([False]), None)[0] == []


def test_the_ranker_picks_the_highest_standardised_score():
    ranker = Ranker(np.array([1.0, -2.0]), np.array([1.0, 0.0]), np.array([2.0, 1.0]))
    # scores: (3-1)/2*1 - 2*1 = -1 ; (1-1)/2 - 2*0 = 0 ; (5-1)/2 - 2*0.5 = 1
    X = np.array([[3.0, 1.0], [1.0, 0.0], [5.0, 0.5]])
    assert ranker.best(["a", "b", "c"], X) == "c"
    assert ranker.best([], np.zeros((0, 2))) is None


def test_the_shipped_ranker_matches_the_features():
    ranker = load_ranker()
    assert ranker.weights.shape == ranker.mean.shape == ranker.sd.shape == (len(FEATURES),)
    assert np.all(ranker.sd > 0)
