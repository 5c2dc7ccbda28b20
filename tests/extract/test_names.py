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


def test_a_surname_with_its_particle_finds_the_full_name(quoted):
    text = ('UN envoy Staffan de Mistura met the delegation on Sunday. De Mistura told '
            'reporters he is "optimistic and determined" that the opposition will join.')
    assert quoted(text) == [("optimistic and determined", "Staffan de Mistura")]


def test_a_name_tagged_as_a_group_after_a_title_is_a_person(quoted):
    text = ('Party leader Sam Rainsy spoke with the minister, opposition lawmaker Cheam Yiep '
            'told reporters.\n\nThey spoke to "prepare topics for a future summit," he said.')
    assert [s for _, s in quoted(text)] == ["Cheam Yiep"]


def test_a_capitalised_subject_of_a_speech_verb_is_a_person(quoted):
    text = ('"We will sign the text next week, once the lawyers have read it," Tomasz '
            'Wielgosz said in a statement. "Nothing is left open," Wielgosz added.')
    assert [s for _, s in quoted(text)] == ["Tomasz Wielgosz", "Tomasz Wielgosz"]


def test_a_name_after_a_title_for_a_state_is_a_person(quoted):
    text = ('U.S. special envoy for North Korea Sung Kim arrived in Seoul on Saturday. Kim '
            'told reporters he expected "productive" talks.')
    assert quoted(text) == [("productive", "Sung Kim")]


@pytest.mark.parametrize(("intro", "surname", "full"), [
    ("Hulusi Akar", "Akar", "Hulusi Akar"),  # the model tags the first name as a group
    ("Yair Lapid", "Lapid", "Yair Lapid"),  # the model tags nothing
    ("Olusegun Obasanjo", "Obasanjo", "Olusegun Obasanjo"),  # both tagged as groups
    ("Nouri al-Maliki", "al-Maliki", "Nouri al-Maliki"),  # a hyphenated particle
    ("Ursula von der Leyen", "von der Leyen", "Ursula von der Leyen"),  # particles
])
def test_a_surname_finds_the_full_name_the_model_did_not_tag(quoted, intro, surname, full):
    text = (f'{intro} arrived for talks on Monday. "We will keep talking to both sides," '
            f'{surname} said.')
    assert [s for _, s in quoted(text)] == [full]


def test_an_abbreviated_title_is_no_part_of_a_name(quoted):
    text = ('Navy Adm. Mike Mullen arrived on Monday. Mullen said the pact was "vital to '
            'security."')
    assert [s for _, s in quoted(text)] == ["Mike Mullen"]


def test_a_body_acronym_before_a_surname_is_no_part_of_the_name(quoted):
    text = ('U.S. Trade Representative Ron Kirk met partners. "We are in the early stages," '
            'said USTR Kirk. He praised the way USTR kept its promise.')
    assert [s for _, s in quoted(text)] == ["Ron Kirk"]


def test_a_name_after_a_possessive_inside_a_body_s_entity(nlp):
    # the small model tags "the State Department’s Daniel Fried" as one ORG entity
    doc = nlp("“I think so,” the State Department’s Daniel Fried said in an interview.")
    assert any("Fried" in e.text and e.label_ == "ORG" for e in doc.ents)
    names = [doc[s:e].text for s, e in NameFinder(doc, lambda i, limit: None).names()]
    assert "Daniel Fried" in names


@pytest.mark.parametrize(("text", "name"), [
    ("Also attending the signing was Korean Prime Minister Han Duck-soo.", "Han Duck-soo"),
    ('Also present at the summit was South Korean President Moon Jae-in. "We agreed on a '
     'timetable," Moon said.', "Moon Jae-in"),
])
def test_a_hyphenated_end_of_a_given_name_is_part_of_the_name(nlp, text, name):
    names = _names(nlp, text)  # the small model tags "Han Duck", "Moon Jae"
    assert name in names and name.split("-")[0] not in names


def test_a_hyphenated_start_of_a_given_name_is_part_of_the_name(quoted):
    text = ('Commission President Jean-Claude Juncker welcomed the text. "It is done," Juncker '
            'said in a letter.')
    assert quoted(text) == [("It is done,", "Jean-Claude Juncker")]


def test_a_hyphenated_modifier_of_a_noun_is_no_name(nlp):
    names = _names(nlp, 'The Bush-Putin summit ended on Monday. President George W. Bush said '
                        'the talks were "useful."')
    assert "George W. Bush" in names and not any("-" in n for n in names)


def test_touching_name_spans_are_one_name_unless_the_first_is_a_title(nlp):
    from accord.extract.names import _touching_joined

    doc = nlp("Joarez Alves Pereira Jr. met Deputy Foreign Minister Abbas Aragchi.")
    assert _touching_joined(doc, [(0, 2), (2, 4)]) == [(0, 4)]
    assert _touching_joined(doc, [(5, 8), (8, 10)]) == [(5, 8), (8, 10)]
    assert _touching_joined(doc, [(0, 2), (3, 4)]) == [(0, 2), (3, 4)]


def test_a_name_in_apposition_to_a_title_and_its_place_is_a_person(quoted):
    text = ('However, the deputy European Union envoy for Kosovo, Petra Lindqvist Sand, said '
            'the vote created a “new momentum” for the talks.')
    assert quoted(text) == [("new momentum", "Petra Lindqvist Sand")]


def test_an_abbreviated_rank_cut_from_its_full_stop_is_no_name(quoted):
    text = '"We are ready," said Brig. Gen. Marcos Antonio Ferreira Jr., the chief of staff.'
    assert quoted(text) == [("We are ready,", "Marcos Antonio Ferreira Jr.")]
