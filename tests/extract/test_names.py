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


def test_a_generational_suffix_is_part_of_the_name_and_the_surname_finds_it(nlp):
    text = ('Secretary of Commerce Wilbur L. Ross, Jr. met his counterpart. '
            '"We will," said Secretary Ross.')
    doc = nlp(text)
    spans = NameFinder(doc, lambda i, limit: None).names()
    names = [doc[s:e].text for s, e in spans]
    assert "Wilbur L. Ross, Jr." in names
    assert "Jr." not in names and "Wilbur L. Ross" not in names
    assert KnownNames.of(doc, spans).full_name("Ross", len(doc) - 2) == "Wilbur L. Ross, Jr."


def test_a_name_tagged_together_with_the_department_of_its_title(nlp):
    # the small model tags "Agriculture Sonny Perdue" as one ORG entity
    doc = nlp("U.S. Secretary of Agriculture Sonny Perdue today hailed the agreement.")
    assert any(e.text == "Agriculture Sonny Perdue" for e in doc.ents)
    names = [doc[s:e].text for s, e in NameFinder(doc, lambda i, limit: None).names()]
    assert names == ["Sonny Perdue"]


def test_a_hyphenated_given_name_after_a_title_and_field_is_whole(nlp):
    names = _names(nlp, "He met with Minister of National Defense Kim Jang-soo on Monday.")
    assert "Kim Jang-soo" in names and "Kim Jang" not in names
