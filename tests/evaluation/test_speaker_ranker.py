"""Fitting the speaker ranker, and the shipped weights being what the script writes."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from accord.evaluation.speaker_ranker import (
    Quote,
    cross_validate,
    fit,
    fitted_weights,
    rank,
    training_set,
)
from accord.extract.hybrid import Choice
from accord.extract.speakers import FEATURES


def _choice(X: np.ndarray, window: list[bool], allowed: list[bool] | None = None,
            refused: bool = False) -> Choice:
    allowed = [True] * len(window) if allowed is None else allowed
    return Choice(["A", "B"], X, np.array(window), np.array(allowed), refused)


def _quote(article: str, gold: str, good: int) -> Quote:
    """Two candidates; the one at ``good`` has feature 0 set."""
    X = np.zeros((2, len(FEATURES)))
    X[good, 0] = 1.0
    return Quote(article, "p", gold, None, _choice(X, [True, True]))


def test_fit_learns_a_feature_that_marks_the_speaker():
    quotes = [_quote(f"a{i}", "AB"[i % 2], i % 2) for i in range(8)]
    ranker = fit(training_set(quotes))
    assert ranker.weights[0] > 0.5 and np.allclose(ranker.weights[1:], 0.0)
    assert rank(quotes, ranker, keep_rules=False) == [True] * 8


def test_a_quote_whose_speaker_is_no_candidate_is_wrong_unless_the_rules_kept():
    q = Quote("a", "p", "C", "C", _choice(np.zeros((2, len(FEATURES))), [False, False]))
    ranker = fit(training_set([_quote("b", "A", 0)]))
    assert training_set([q]) == []
    assert rank([q], ranker, keep_rules=False) == [False]
    assert rank([q], ranker, keep_rules=True) == [True]


def test_a_forbidden_candidate_is_neither_trained_on_nor_chosen():
    """The gold speaker "A" is marked by feature 0 but forbidden (a hard constraint of the
    hybrid): no training row, and the only survivor "B" is chosen."""
    X = np.zeros((2, len(FEATURES)))
    X[0, 0] = 1.0
    q = Quote("a", "p", "A", None, _choice(X, [True, True], allowed=[False, True]))
    ranker = fit(training_set([_quote("b", "A", 0)]))
    assert ranker.best(["A", "B"], X) == "A"  # the plain ranker would take it
    assert training_set([q]) == []
    assert rank([q], ranker, keep_rules=True) == [False]
    q.gold = "B"
    assert rank([q], ranker, keep_rules=True) == [True]


def test_a_quote_the_rules_refuse_gets_no_speaker():
    X = np.zeros((2, len(FEATURES)))
    X[0, 0] = 1.0
    q = Quote("a", "p", "A", None, _choice(X, [True, True], refused=True))
    assert rank([q], fit(training_set([_quote("b", "A", 0)])), keep_rules=True) == [False]


def test_cross_validation_scores_every_quote_once_by_part():
    quotes = [_quote(f"a{i}", "AB"[i % 2], i % 2) for i in range(6)]
    assert cross_validate(quotes, keep_rules=False) == {"p": [True] * 6}


@pytest.mark.slow
def test_the_shipped_weights_are_what_the_script_writes(root, shared):
    shipped = resources.files("accord.extract") / "data" / "speaker_ranker.json"
    assert json.loads(fitted_weights(root, shared)) == json.loads(shipped.read_text("utf-8"))
    shipped = resources.files("accord.extract") / "data" / "speaker_hybrid.json"
    assert json.loads(fitted_weights(root, shared, hybrid=True)) == json.loads(
        shipped.read_text("utf-8"))
