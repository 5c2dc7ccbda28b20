"""People's names the small model tags wrongly or not at all."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy", reason="names need the 'nlp' extra (spaCy)")

from accord.extract.names import KnownNames, NameFinder


def _names(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc[s:e].text for s, e in NameFinder(doc, lambda i, limit: None).names()]


def test_a_run_ending_in_a_lone_surname_is_a_full_name(nlp):
    names = _names(nlp, 'Yair Lapid arrived for talks. "We will," Lapid said.')
    assert "Yair Lapid" in names


def test_an_abbreviated_title_and_a_place_end_the_run(nlp):
    names = _names(nlp, 'Navy Adm. Mike Mullen spoke. "We will," Mullen said.')
    assert "Mike Mullen" in names and not any("Adm." in n for n in names)


def test_a_hyphenated_surname_finds_its_full_name():
    known = KnownNames({"Maliki": [(0, "Nouri al-Maliki")]}, {"Nouri": {"Nouri al-Maliki"}})
    assert known.full_name("al-Maliki", 9) == "Nouri al-Maliki"
    assert known.full_name("Maliki", 9) == "Nouri al-Maliki"
    assert known.full_name("Nouri", 9) == "Nouri al-Maliki"
    assert known.full_name("Berg", 9) == "Berg"
