"""The hybrid speaker chooser: hand-worked features on small texts, each hard constraint
excluding a candidate the plain ranker takes, and the choice among the survivors."""

from __future__ import annotations

import numpy as np
import pytest

from accord.extract.actors import ActorIndex
from accord.extract.hybrid import (
    HYBRID_FEATURES,
    RELATIONS,
    WEIGHTS_FILE,
    Choice,
    HybridFeatures,
    choose,
)
from accord.extract.quotes import QuoteFinder, find_quotes
from accord.extract.speakers import FEATURES, Ranker, load_ranker


def _choices(nlp, text: str) -> list[tuple[str | None, Choice]]:
    """(the rules' speaker, the hybrid's candidates) per direct quote of ``text``."""
    doc = nlp(text)
    index = ActorIndex.from_doc(doc)
    finder = QuoteFinder(doc, index)
    found = finder.direct()
    feats = HybridFeatures(doc, index, finder, [(q.start, q.end) for q in found])
    return [(q.speaker, feats.choice(q.start, q.end, q.speaker)) for q in found]


def _speakers(nlp, text: str, speakers: str) -> list[str | None]:
    doc = nlp(text)
    return [q.speaker for q in find_quotes(doc, ActorIndex.from_doc(doc), speakers=speakers)
            if q.direct]


def _row(c: Choice, name: str) -> dict[str, float]:
    return dict(zip(HYBRID_FEATURES, c.X[c.names.index(name)].tolist(), strict=True))


def _allowed(c: Choice) -> dict[str, bool]:
    return dict(zip(c.names, c.allowed.tolist(), strict=True))


def test_relations_to_the_speech_verbs_by_hand(nlp):
    text = ('Karl Berg spoke first.\n\n'
            'Ann Cole said on Monday: "We are close." "Very close," Tom Reed added.')
    (_, first), (_, second) = _choices(nlp, text)
    cole, berg = _row(first, "Ann Cole"), _row(first, "Karl Berg")
    # "said" governs the first quote and stands before it in its sentence; it is also the
    # nearest speech verb before it in this paragraph or the one before
    assert (cole["governs"], cole["cue_before"], cole["nearest_before"]) == (1.0, 1.0, 1.0)
    assert cole["cue_after"] == cole["named_source"] == cole["not_indexed"] == 0.0
    # Berg is named in the previous paragraph, the subject of no speech verb
    assert [berg[r] for r in RELATIONS] == [0.0] * len(RELATIONS)
    assert berg["previous_paragraph_only"] == 1.0
    reed = _row(second, "Tom Reed")
    assert (reed["governs"], reed["cue_after"], reed["cue_before"]) == (1.0, 1.0, 0.0)
    # for the second quote the nearest speech verb before it is still "said" (Cole)
    assert _row(second, "Ann Cole")["nearest_before"] == 1.0
    assert reed["nearest_before"] == 0.0


def test_according_to_names_the_source(nlp):
    (_, c), = _choices(nlp, 'According to Ann Cole, the talks were "very useful."')
    assert _row(c, "Ann Cole")["named_source"] == 1.0


def test_a_body_only_the_rules_name_is_a_candidate(nlp):
    """"A Chilean opposition official said": the index holds Chile, the rules' unnamed
    principal resolution names the opposition; it is proposed, with no mention features."""
    (rules, c), = _choices(nlp, 'A Chilean opposition official said the minister was '
                                '"wasting everyone\'s time."')
    assert rules == "Chilean opposition"
    row = _row(c, "Chilean opposition")
    assert (row["not_indexed"], row["governs"], row["cue_before"]) == (1.0, 1.0, 1.0)
    assert row["before"] == row["person"] == 0.0
    assert c.window[c.names.index("Chilean opposition")]
    assert _row(c, "Chile")["not_indexed"] == 0.0


# ---- each hard constraint removes a candidate the plain ranker takes

def test_the_addressee_is_excluded(nlp):
    text = ('Ann Cole met Karl Berg on Friday. Berg asked about the deal. '
            '"The deal is done," she said to Berg.')
    assert _speakers(nlp, text, "ranker") == ["Karl Berg"]
    (_, c), = _choices(nlp, text)
    assert _allowed(c) == {"Ann Cole": True, "Karl Berg": False}
    assert _speakers(nlp, text, "hybrid") == ["Ann Cole"]


def test_a_document_is_excluded_and_the_rules_refusal_holds(nlp):
    text = ('The Prevention of Terrorism Bill was published on Monday. '
            '"The orders will be judged by a judge," the Bill states.')
    assert _speakers(nlp, text, "ranker") == ["Terrorism Bill"]
    (rules, c), = _choices(nlp, text)
    assert rules is None and c.refused
    assert _allowed(c) == {"Terrorism Bill": False}
    assert _speakers(nlp, text, "hybrid") == [None]


@pytest.mark.parametrize(("text", "expected"), [
    # "he": not a woman the text binds ("her view"), not a state
    ('Ann Cole gave her view to the French delegation on Monday. "We are close," he said.',
     {"Ann Cole": False, "France": False}),
    # "they": no single person
    ('Ann Cole and Karl Berg met on Monday. "We are close," they said.',
     {"Ann Cole": False, "Karl Berg": False}),
])
def test_the_pronoun_subject_must_agree(nlp, text, expected):
    assert _speakers(nlp, text, "ranker") == ["Ann Cole"]
    (_, c), = _choices(nlp, text)
    assert _allowed(c) == expected
    assert _speakers(nlp, text, "hybrid") == [None]


def test_a_man_stays_a_candidate_for_he(nlp):
    (_, c), = _choices(nlp, 'Karl Berg met Ann Cole, who gave her view. "We are close," he '
                            'said.')
    assert _allowed(c) == {"Karl Berg": True, "Ann Cole": False}


def test_a_person_named_only_inside_the_quote_is_excluded(nlp):
    text = ('Talks resumed on Monday.\n\n"Karl Berg has not read the proposal, and Karl Berg '
            'will not sign it," France said.')
    (_, c), = _choices(nlp, text)
    assert _allowed(c) == {"Karl Berg": False, "France": True}
    # a ranker that prized being named inside the quote would take Berg; the hybrid cannot
    inside = np.zeros(len(HYBRID_FEATURES))
    inside[FEATURES.index("inside_only")] = 1.0
    fond = Ranker(inside, np.zeros(len(HYBRID_FEATURES)), np.ones(len(HYBRID_FEATURES)))
    assert fond.best(c.names, c.X) == "Karl Berg"
    assert choose(c, fond, None, "France") == "France"


# ---- the choice

def test_choose_takes_the_best_survivor_else_the_rules_speaker():
    X = np.array([[2.0], [1.0], [0.0]])
    ranker = Ranker(np.array([1.0]), np.array([0.0]), np.array([1.0]))
    window = np.array([True, True, False])
    c = Choice(["A", "B", "C"], X, window, np.array([False, True, True]), False)
    assert choose(c, ranker, None, "R") == "B"  # A scores highest but is forbidden
    none_left = Choice(["A", "B", "C"], X, window, np.array([False, False, True]), False)
    assert choose(none_left, ranker, None, "R") == "R"  # C is no candidate (not near)
    refused = Choice(["A", "B", "C"], X, window, np.array([True] * 3), True)
    assert choose(refused, ranker, None, "R") is None


def test_the_shipped_hybrid_matches_its_features():
    ranker = load_ranker(WEIGHTS_FILE, HYBRID_FEATURES)
    assert ranker.weights.shape == ranker.sd.shape == (len(HYBRID_FEATURES),)
    assert np.all(ranker.sd > 0)
