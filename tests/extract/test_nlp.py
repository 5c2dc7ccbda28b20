"""Actors, quotes with speakers and dates on parsed text (the spaCy model loads once)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from accord.errors import MissingExtra
from accord.evaluation.quotes import evaluate
from accord.extract.actors import ActorIndex
from accord.extract.dates import find_dates
from accord.extract.nlp import INSTALL, MODEL, load_nlp
from accord.extract.quotes import find_quotes

FOUNDING_DATE = date(2022, 1, 10)  # from the founding article's file name


@pytest.fixture(scope="module")
def gold(root: Path) -> Path:
    return root / "tests" / "gold"


@pytest.fixture(scope="module")
def founding(nlp, founding_text):
    doc = nlp(founding_text)
    return doc, ActorIndex.from_doc(doc)


def parse(nlp, text):
    doc = nlp(text)
    return doc, ActorIndex.from_doc(doc)


def test_titles_roles_and_affiliations(founding):
    _, index = founding
    people = {a.name: a for a in index.actors() if a.kind == "person"}
    assert people["Sergey Ryabkov"].roles == ["Deputy Foreign Minister"]
    assert people["Sergey Ryabkov"].affiliation == "Russia"
    assert people["Jens Stoltenberg"].roles == ["Secretary General"]
    assert index.affiliation("Jens Stoltenberg") == "NATO"
    assert index.affiliation("Dmitry Peskov") == "Russia"  # "Kremlin Press Secretary"
    assert people["Wendy Sherman"].roles == ["First Deputy Secretary of State"]
    assert index.affiliation("Kamala Harris") == "United States"  # "American Vice President"
    # "Russian Deputy Foreign Minister Sergey Ryabkov and Deputy Defense Minister Alexander
    # Fomin": the demonym covers both titled names
    assert index.affiliation("Alexander Fomin") == "Russia"


def test_apposition_and_from_phrase(nlp):
    _doc, index = parse(nlp, (
        "Dave Prentis, general secretary of Unison, said no. Mark Serwotka, from the Public "
        "and Commercial Services union said there should be a strike."
    ))
    people = {a.name: a for a in index.actors() if a.kind == "person"}
    assert people["Dave Prentis"].roles == ["general secretary"]
    assert people["Dave Prentis"].affiliation == "Unison"
    assert people["Mark Serwotka"].affiliation == "Public and Commercial Services union"


def test_metonyms_map_to_states(founding):
    doc, index = founding
    names = {t.text: index.resolve(t) for t in doc if t.text in {"Moscow", "Washington"}}
    assert names == {"Moscow": "Russia", "Washington": "United States"}
    at = doc.text.index("the White House")
    assert index.resolve(doc.char_span(at, at + len("the White House"))) == "United States"
    kinds = {a.name: a.kind for a in index.actors()}
    assert kinds["NATO"] == "bloc" and kinds["Russia"] == "state"


def test_the_thirteen_direct_quotations_of_the_founding_article(founding, gold):
    doc, index = founding
    quotes = json.loads((gold / "quotes" / "us-russia-security-talks-2022-01-10.json").read_text())
    found = {(q.start, q.end): q for q in find_quotes(doc, index) if q.direct}
    direct = [g for g in quotes["quotes"] if g["direct"]]
    assert len(direct) == 13
    for g in direct:
        q = found[(g["start"], g["end"])]
        assert q.text == g["text"] == doc.text[g["start"] : g["end"]]
        assert q.speaker == g["speaker"], g["text"]
    assert len(found) == 13


def test_reported_speech_with_a_speech_verb(founding):
    doc, index = founding
    reported = {q.text: q for q in find_quotes(doc, index) if not q.direct}
    stolt = reported["there had never been any pledges that it would not expand"]
    assert (stolt.speaker, stolt.cue) == ("Jens Stoltenberg", "saying")
    # "Russia denies that X and insists that Y": two reports, one speaker
    assert reported["it is planning any such offensive"].speaker == "Russia"
    insists = reported["the presence of troops and hardware near the border are not a "
                       "precursor to a large-scale conflict"]
    assert (insists.speaker, insists.cue) == ("Russia", "insists")
    # "According to him, …" and a parenthetical "Putin said,"
    according = reported["pledges given to Soviet premier Mikhail Gorbachev were disregarded"]
    assert (according.speaker, according.cue) == ("Vladimir Putin", "according to")
    assert reported["written assurances are necessary"].speaker == "Vladimir Putin"


def test_later_mentions_resolve_to_the_full_name(nlp):
    text = (
        "French President Jacques Chirac met German Chancellor Gerhard Schroeder in Berlin. "
        "Mr Chirac said the talks went well. Later the chancellor told reporters he agreed."
    )
    doc, index = parse(nlp, text)
    by_text = {t.text: index.resolve(t) for t in doc}
    assert by_text["Chirac"] == "Jacques Chirac"
    assert index.affiliation("Jacques Chirac") == "France"
    chancellor = next(t for t in doc if t.text == "chancellor")
    assert index.resolve(chancellor) == "Gerhard Schroeder"
    he = next(t for t in doc if t.text == "he")
    assert index.resolve(he) == "Gerhard Schroeder"  # the most recent person in subject position


def test_quote_split_by_attribution_and_spokesperson(nlp):
    text = (
        'Labour MP Roger Godsiff spoke first. "We will not give up," he said, "not now." '
        'A spokesman for Unison said: "At least we are still talking."'
    )
    doc, index = parse(nlp, text)
    quotes = [q for q in find_quotes(doc, index) if q.direct]
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will not give up,", "Roger Godsiff"),
        ("not now.", "Roger Godsiff"),
        ("At least we are still talking.", "Unison"),  # no person named: the body
    ]
    assert quotes[0].cue == "said"
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_dates_and_scheduled_events_of_the_founding_article(founding):
    doc, _ = founding
    dates = find_dates(doc, FOUNDING_DATE)
    values = {(d.text, d.value) for d in dates}
    assert ("December", "2021-12") in values and ("1997", "1997") in values
    assert ("Monday", "2022-01-10") in values
    then = next(d for d in dates if d.text == "then")
    assert then.future and then.granularity == "after" and then.value == "2022-01-10"
    assert then.scheduled.startswith("Broad discussions will then be held with NATO")


def test_scores_on_the_gold_files(shared, gold):
    scores = evaluate(gold, shared / "articles")
    quotes = [s.direct for s in scores if s.direct is not None]
    gold = sum(q.gold for q in quotes)
    matched = sum(q.matched for q in quotes)
    right = sum(q.speaker_right for q in quotes)
    assert len(quotes) >= 6 and gold >= 50
    assert matched / gold >= 0.95  # quote recall
    assert right / matched >= 0.9  # speaker accuracy


def test_accord_tags_reproduce_the_stock_components(nlp, founding_text):
    import spacy

    stock = spacy.load(MODEL)
    a, b = stock(founding_text), nlp(founding_text)
    assert "attribute_ruler" not in nlp.pipe_names and "accord_tags" in nlp.pipe_names
    assert [t.pos_ for t in a] == [t.pos_ for t in b]
    assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    # morphology too, but for the case of pronouns, which accord_tags leaves out
    assert [_morph(t) for t in a] == [_morph(t) for t in b]


def _morph(tok) -> str:
    feats = str(tok.morph).split("|")
    return "|".join(f for f in feats if not (tok.tag_ == "PRP" and f.startswith("Case=")))


def test_a_missing_model_names_the_install_command(monkeypatch):
    import spacy

    def absent(name: str, *args, **kwargs):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", absent)
    with pytest.raises(MissingExtra) as caught:
        load_nlp.__wrapped__()  # past the cache: the model may be loaded already
    assert caught.value.install == INSTALL == "pip install 'accord[nlp]'"
    assert str(caught.value) == (
        f"the spaCy model {MODEL} is not installed; run: pip install 'accord[nlp]'"
    )


def test_attribution_forms_on_an_unseen_text(nlp):
    text = (
        "Ministers meet in Vienna\n\n"
        "Iranian Foreign Minister Abbas Araghchi arrived in Vienna on Tuesday for talks. "
        '"We are here to negotiate in good faith," said Mr Araghchi. '
        '"Are the Europeans ready?" he asked.\n\n'
        "German Chancellor Olaf Scholz was more cautious. "
        '"Nothing is agreed until everything is agreed," the chancellor told reporters, '
        'adding that a deal was "possible but not certain".\n\n'
        'According to a senior EU official, "the gaps remain wide".\n\n'
        "White House press secretary Karine Jean-Pierre said Washington "
        '"will not accept a bad deal". She added: "We remain committed to diplomacy.\n'
        '"But our patience is not unlimited."\n'
    )
    doc, index = parse(nlp, text)
    got = [(q.text, q.speaker, q.cue) for q in find_quotes(doc, index) if q.direct]
    assert got == [
        ("We are here to negotiate in good faith,", "Abbas Araghchi", "said"),
        ("Are the Europeans ready?", "Abbas Araghchi", "asked"),
        ("Nothing is agreed until everything is agreed,", "Olaf Scholz", "told"),
        ("possible but not certain", "Olaf Scholz", "adding"),
        ("the gaps remain wide", "European Union", "according to"),
        ("will not accept a bad deal", "Karine Jean-Pierre", "said"),
        ('We remain committed to diplomacy.\n"But our patience is not unlimited.',
         "Karine Jean-Pierre", "added"),
    ]
    assert index.affiliation("Abbas Araghchi") == "Iran"
    assert index.affiliation("Karine Jean-Pierre") == "United States"  # "White House …"
