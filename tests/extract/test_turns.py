"""Transcript turns: a labelled turn runs over its paragraphs up to the next label."""

from __future__ import annotations

from accord.extract.records import ActorRecord
from accord.extract.turns import find_turns

TRANSCRIPT = (
    "Minister Jane Q. Smith on the harbour talks\n\n"
    "QUESTION:  Will you lift the quota?\n\n"
    "MINISTER SMITH:  Not this year.\n\n"
    "We are open to discussing a smaller quota next spring.\n\n"
    "QUESTION:  Thank you.\n"
)


def _people(*names: str) -> list[ActorRecord]:
    return [ActorRecord(article="a", name=n, kind="person") for n in names]


def test_a_turn_runs_to_the_next_label():
    (turn,) = find_turns(TRANSCRIPT, _people("Jane Q. Smith"))
    assert turn.speaker == "Jane Q. Smith" and turn.cue == "turn"
    assert turn.text == "Not this year.\n\nWe are open to discussing a smaller quota next spring."
    assert TRANSCRIPT[turn.start:turn.end] == turn.text


def test_the_last_turn_runs_to_the_end_and_unnamed_labels_give_none():
    text = "QUESTION:  Why?\n\nSMITH:  Because.\n\nThat is all.\n"
    (turn,) = find_turns(text, _people("Jane Smith"))
    assert turn.text == "Because.\n\nThat is all."
    assert find_turns(text, _people("John Doe")) == []
