"""Generic agents resolved to a draft's bodies: government nouns to the article's state, other
agents to the bodies the article calls by that noun, else a collective (hand-made records)."""

from __future__ import annotations

from accord.draft.actors import DraftActors, case_actors
from accord.draft.agents import home_states, is_government, is_reporter, tied_bodies
from accord.extract.records import ActorRecord, Mention


def rec(name: str, kind: str, article: str = "a", n: int = 1, **kw) -> ActorRecord:
    return ActorRecord(name, kind, mentions=[Mention(name, 0, len(name))] * n, article=article,
                       **kw)


RECORDS = [
    rec("Ruritania", "state", n=3),
    rec("Freedonia", "state"),
    rec("Verdi", "organisation", called=["union"]),
    rec("Dock Workers Union", "organisation", called=["union"]),
    rec("Farmers League", "organisation"),
    rec("Anna Berg", "person", roles=["Deputy Prime Minister"]),
    rec("Tom Kay", "person", roles=["labour correspondent"]),
    rec("Interior Ministry", "organisation", article="b"),
    rec("Verdi", "organisation", article="b"),
]


def test_government_words():
    assert all(map(is_government, ["ministers", "the government", "Deputy Prime Minister",
                                   "Cabinet Office", "Foreign Ministry"]))
    assert not any(map(is_government, ["unions", "Verdi", "rebels"]))
    assert is_reporter(["labour affairs correspondent"]) and not is_reporter(["spokesman"])


def test_home_state_is_the_dominant_state_else_the_evidence_one():
    # a: Ruritania 3 mentions vs Freedonia 1 (3 >= 2 x 1); b names no state: the evidence's
    # dominant state, Ruritania 3 vs 1
    assert home_states(RECORDS) == {"a": "Ruritania", "b": "Ruritania"}
    tied = [rec("Ruritania", "state", n=2), rec("Freedonia", "state", n=2)]
    assert home_states(tied) == {"a": None}


def test_agents_resolve_to_tied_bodies_the_state_or_a_collective():
    actors = DraftActors(RECORDS)
    assert actors.bodies_of("unions", "a") == ["Verdi", "Dock Workers Union"]
    assert actors.bodies_of("unions", "b") == ["Verdi"]  # only the unions of that article
    assert actors.bodies_of("ministers", "a") == ["Ruritania"]
    assert actors.bodies_of("Interior Ministry", "b") == ["Ruritania"]
    assert actors.bodies_of("Anna Berg", "a") == ["Ruritania"]  # a minister joins her state
    assert actors.bodies_of("Tom Kay", "a") == []  # a reporter holds no stance
    assert actors.bodies_of("farmers", "a") == ["farmers"]  # nothing called a farmer
    assert actors.is_collective("farmers") and not actors.is_collective("Verdi")
    assert tied_bodies("unions", ["Farmers League", "Verdi"], actors.called) == ["Verdi"]


def test_case_actors_say_what_they_stand_for():
    actors = DraftActors(RECORDS)
    actors.bodies_of("unions", "a")
    actors.bodies_of("farmers", "a")
    out = {a.id: a for a in case_actors(actors, ["Verdi", "farmers", "Ruritania"], {},
                                        {"Verdi": 1, "farmers": 1})}
    assert "stands for the articles' 'unions'" in (out["verdi"].notes or "")
    assert "a collective" in (out["farmers"].notes or "") and out["farmers"].kind == "group"
    assert [p.name for p in out["ruritania"].people] == ["Anna Berg"]


def test_an_acronym_record_is_the_body_it_abbreviates():
    actors = DraftActors([
        ActorRecord("Commercial Union", "organisation", article="a",
                    mentions=[Mention("the Commercial Union (CU)", 0, 24)]),
        rec("CU", "organisation"),
    ])
    assert actors.aliases["Commercial Union"] == ["CU"]
    assert actors.bodies_of("CU", "a") == ["Commercial Union"]


def test_a_government_title_without_nationality_takes_the_state_the_dictionary_gives():
    """"Secretary of State" is filed under the United States by PETRARCH2's country
    dictionary: a person with that title (or a deputy's) and no affiliation speaks for the
    United States when the article mentions it; a title many states use gives nothing."""
    from accord.draft.actors import DraftActors
    from accord.extract.cameo_lexicon import title_state

    records = [ActorRecord("Ann Smith", "person", roles=["Deputy Secretary of State"],
                           article="a"),
               ActorRecord("United States", "state", article="a")]
    actors = DraftActors(records)
    assert actors.bodies_of("Ann Smith", "a") == ["United States"]
    assert "Secretary of State" in actors.inferred["Ann Smith"]
    assert title_state("First Deputy Secretary of State") == "United States"
    assert title_state("Foreign Minister") is None and title_state("Secretary") is None


def test_a_title_alone_is_the_person_who_holds_it_in_the_article():
    from accord.draft.actors import DraftActors

    records = [ActorRecord("Jane Roe", "person", roles=["Deputy Minister"],
                           affiliation="Freedonia", article="a"),
               ActorRecord("Roe’s Visit", "person", roles=["Deputy Minister"], article="a"),
               ActorRecord("Deputy Minister", "person", article="a"),
               ActorRecord("Deputy Minister", "person", article="b")]
    actors = DraftActors(records)
    assert actors.bodies_of("Deputy Minister", "a") == ["Freedonia"]
    assert actors.bodies_of("Deputy Minister", "b") == ["Deputy Minister"]  # no holder in b
