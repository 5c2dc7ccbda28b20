"""The decision block of a case: its schema and its cross-checks against the actors."""

from __future__ import annotations

from typing import Any

import pytest

from accord.case import CaseError, parse_case
from accord.decision import Decision


def _case(decision: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": "t",
        "actors": [{"id": a, "name": a, "capability": 1} for a in ("A", "B", "C")],
        "issues": [{"id": "i", "title": "i", "scale": {0: "no", 100: "yes"}, "status_quo": 0}],
        "positions": [{"actor": "A", "issue": "i", "position": 50, "salience": 1}],
        "decision": decision,
    }


def _problems(decision: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(CaseError) as err:
        parse_case(_case(decision), "case.yaml")
    return err.value.problems


def test_a_valid_block_loads() -> None:
    d = parse_case(_case({"proposer": "A", "rule": "qmv", "threshold": 0.6,
                          "weights": {"A": 2, "B": 1, "C": 1}, "must_consent": ["C"]})).decision
    assert d is not None and d.needed() == (0.6, False)
    assert Decision(proposer="A", rule="majority").needed() == (0.5, True)
    assert Decision(proposer="A", rule="consensus").needed() == (1.0, False)


def test_unknown_actor_ids_name_their_field() -> None:
    problems = _problems({"proposer": "X", "rule": "unanimity", "voters": ["A", "Y"],
                          "must_consent": ["Z"]})
    assert problems == [("decision.proposer", "unknown actor id 'X'"),
                        ("decision.voters[1]", "unknown actor id 'Y'"),
                        ("decision.must_consent[0]", "unknown actor id 'Z'")]


@pytest.mark.parametrize(
    ("decision", "where", "words"),
    [({"proposer": "A", "rule": "qmv"}, "decision", "needs a threshold"),
     ({"proposer": "A", "rule": "unanimity", "threshold": 0.5}, "decision", "only to qmv"),
     ({"proposer": "A", "rule": "qmv", "threshold": 1.5}, "decision.threshold", "less than"),
     ({"proposer": "A", "rule": "veto"}, "decision.rule", "Input should be"),
     ({"proposer": "A", "rule": "majority", "voters": []}, "decision.voters", "at least one"),
     ({"proposer": "A", "rule": "majority", "weights": {"A": 1, "B": float("nan"), "C": 1}},
      "decision.weights.B", "positive and finite"),
     ({"proposer": "A", "rule": "majority", "voters": ["A", "B"], "weights": {"A": 1}},
      "decision.weights", "voter 'B' has no weight"),
     # what pydantic alone would read as numbers: true as 1.0, a quoted "0.5" as 0.5
     ({"proposer": "A", "rule": "qmv", "threshold": True}, "decision.threshold",
      "expected a number, got True"),
     ({"proposer": "A", "rule": "qmv", "threshold": "0.5"}, "decision.threshold",
      "expected a number, got '0.5'"),
     ({"proposer": "A", "rule": "majority", "weights": {"A": True, "B": 1, "C": 1}},
      "decision.weights", "expected a number, got True")],
)
def test_bad_blocks_are_refused(decision: dict[str, Any], where: str, words: str) -> None:
    problems = _problems(decision)
    assert any(w == where and words in msg for w, msg in problems), problems
