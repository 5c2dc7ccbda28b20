"""The same-person rule: a person named in another form, never a part of a body's name."""

from __future__ import annotations

import pytest

from accord.evaluation.speaker_names import name_tokens, same_speaker


def test_name_tokens_drop_punctuation_honorifics_suffixes_and_possessives() -> None:
    assert name_tokens("Wilbur L. Ross, Jr.") == ["wilbur", "l", "ross"]
    assert name_tokens("Mr. Kingibe") == ["kingibe"]
    assert name_tokens("Syria’s government") == ["syria", "government"]


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Wilbur L. Ross, Jr.", "Wilbur L. Ross"),
    ("Wilbur L. Ross, Jr.", "Ross"),
    ("George W. Bush", "George Bush"),
    ("Condoleezza Rice", "RICE"),
    ("Dr. Mahathir Mohamad", "Mahathir Mohamad"),
])
def test_a_person_named_in_another_form_is_the_same_speaker(gold: str, predicted: str) -> None:
    assert same_speaker(gold, predicted, person=True)


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Kim Jong Il", "Kim Jong Un"),        # another last name token
    ("John Kerry", "Kerry Kennedy"),       # the token in another place
    ("Wilbur L. Ross", "Ross Perot"),
    ("Tzipi Livni", ""),
])
def test_another_person_is_not_the_same_speaker(gold: str, predicted: str) -> None:
    assert not same_speaker(gold, predicted, person=True)


@pytest.mark.parametrize(("gold", "predicted", "same"), [
    ("The State Department", "State Department", True),
    ("North Korea", "Korea", False),
    ("South Sudan", "Sudan", False),
    ("U.S. State Department", "State Department", False),
    ("Syrian government", "Syria's government", False),
])
def test_bodies_match_only_by_their_whole_normalised_name(gold: str, predicted: str,
                                                         same: bool) -> None:
    assert same_speaker(gold, predicted, person=False) is same


def test_a_body_predicted_for_a_person_named_in_it_is_wrong() -> None:
    assert not same_speaker("Sonny Perdue", "Agriculture Sonny Perdue", person=False)
