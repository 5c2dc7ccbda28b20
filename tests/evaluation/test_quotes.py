"""Matching predicted quotes to gold ones: spans one to one, speakers strict and same-person."""

from __future__ import annotations

from accord.evaluation.quotes import match_quotes
from accord.extract.records import QuoteRecord


def _quote(text: str, start: int, speaker: str | None) -> QuoteRecord:
    return QuoteRecord(text=text, speaker=speaker, cue="said", start=start,
                       end=start + len(text), direct=True)


def _gold(text: str, start: int, speaker: str) -> dict[str, object]:
    return {"text": text, "start": start, "end": start + len(text), "speaker": speaker}


def test_strict_and_same_person_speaker_counts() -> None:
    gold = [_gold("a", 0, "Wilbur L. Ross, Jr."), _gold("b", 10, "North Korea"),
            _gold("c", 20, "John Kerry"), _gold("d", 30, "Ann Cole")]
    predicted = [_quote("a", 0, "Wilbur L. Ross"), _quote("b", 10, "Korea"),
                 _quote("c", 20, "John Kerry"), _quote("d", 30, "Cole")]
    score = match_quotes(predicted, gold, persons=frozenset({"Wilbur L. Ross", "John Kerry"}))
    assert score.matched == 4
    assert score.speaker_right == 1                    # only the equal name
    assert score.same_person == 2                      # + Ross; "Cole" is not a known person
    assert sorted(w[2] for w in score.wrong_speaker) == ["Ann Cole", "North Korea",
                                                         "Wilbur L. Ross, Jr."]


def test_without_persons_the_same_person_score_is_the_strict_one_for_different_forms() -> None:
    score = match_quotes([_quote("a", 0, "Ross")], [_gold("a", 0, "Wilbur L. Ross, Jr.")])
    assert (score.speaker_right, score.same_person) == (0, 0)
