"""The spaCy pipeline (:mod:`accord.extract.nlp`) and what is read from its parse: actors,
sentences, dates, the gold scores (the model loads once; quotes are in test_quotes.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from accord.errors import MissingExtra
from accord.evaluation.quotes import evaluate
from accord.extract.actors import ActorIndex
from accord.extract.dates import find_dates
from accord.extract.nlp import INSTALL, MODEL, load_nlp

FOUNDING_DATE = date(2022, 1, 10)  # from the founding article's file name


@pytest.fixture(scope="module")
def gold(root: Path) -> Path:
    return root / "tests" / "gold"


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


def test_a_headline_is_not_the_subject_of_the_lead(nlp, quoted):
    text = ('Deal Reached at Climate Talks\n\nUnited Nations chief Ban Ki-moon says that the '
            'agreement sets the stage for a "universal and meaningful" deal next year.')
    assert quoted(text) == [("universal and meaningful", "Ban Ki-moon")]
    assert next(s.text.strip() for s in nlp(text).sents) == "Deal Reached at Climate Talks"
