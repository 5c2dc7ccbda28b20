"""Stances read from hand-made evidence: who holds a collective's stand (the West)."""

from __future__ import annotations

from accord.draft.actors import DraftActors
from accord.draft.stances import Act, read_stances
from accord.extract.records import ActorRecord, EventRecord, Mention


def _event(sentence: str, at: int, plover: str, source: str | None, target: str | None,
           ) -> EventRecord:
    return EventRecord(plover, None, source, target, False, sentence, at, at + len(sentence),
                       article="a")


def _records(text: str, names: list[tuple[str, str]]) -> list[ActorRecord]:
    """Actor records with one mention at each place the name stands in ``text``."""
    out = []
    for name, kind in names:
        spots, k = [], text.find(name)
        while k >= 0:
            spots.append(Mention(name, k, k + len(name)))
            k = text.find(name, k + 1)
        out.append(ActorRecord(name, kind, mentions=spots, article="a"))
    return out


DEMAND = "Ruritania demanded that Freedonia withdraw its troops."
WEST = " The West rejected those demands out of hand."
REPORTED = " Sources in the Ruritania People's Party said Western governments must lift sanctions."


def _holders(sentences: list[str], events: list[tuple[str, str | None, str | None]]):
    text = "".join(sentences)
    starts = [text.find(s) for s in sentences]
    evs = [_event(s, at, *e) for s, at, e in zip(sentences, starts, events, strict=True)]
    records = _records(text, [("Ruritania", "state"), ("Freedonia", "state"),
                              ("Ruritania People's Party", "organisation")])
    found = read_stances(evs, [], DraftActors(records), records).found
    return [(s.act, s.holders) for s in found]


def test_the_west_rejecting_the_demands_stands_for_their_addressees():
    got = _holders([DEMAND, WEST], [("REQUEST", "Ruritania", "Freedonia"),
                                    ("REJECT", None, "demands")])
    assert got[0] == (Act.DEMAND, ("Ruritania",))
    assert (Act.REJECT, ("Freedonia",)) in got


def test_a_party_s_demand_on_western_governments_is_not_the_west_s_stand():
    """"Sources in the party said Western governments must …": the event's source is not
    resolved, the collective is who the demand is made on; no stance for the addressees."""
    got = _holders([DEMAND, REPORTED], [("REQUEST", "Ruritania", "Freedonia"),
                                        ("REQUEST", None, "governments")])
    assert got == [(Act.DEMAND, ("Ruritania",))]


def test_a_collective_after_a_report_is_not_the_holder():
    said = " Party sources said the deal would fail unless the West rejected the plan."
    got = _holders([DEMAND, said], [("REQUEST", "Ruritania", "Freedonia"),
                                    ("REJECT", None, None)])
    assert got == [(Act.DEMAND, ("Ruritania",))]


def test_an_addressee_and_its_allies_stand_for_every_addressee():
    """"Freedonia and its allies rejected …": Freedonia and the other addressees of the
    demands (the Union), as one joint rejection; a demander's allies add no one."""
    text = ("Ruritania demanded that Freedonia withdraw its troops and that the Union close "
            "its base. Freedonia and its allies rejected the demands. Ruritania and its "
            "partners insisted on them.")
    sentences = [text[:text.index(" Freedonia and")], text[text.index(" Freedonia and"):
                 text.index(" Ruritania and")], text[text.index(" Ruritania and"):]]
    starts = [text.find(s) for s in sentences]
    evs = [_event(sentences[0], starts[0], "REQUEST", "Ruritania", "Freedonia"),
           _event(sentences[0], starts[0], "REQUEST", "Ruritania", "Union"),
           _event(sentences[1], starts[1], "REJECT", "Freedonia", "demands"),
           _event(sentences[2], starts[2], "REQUEST", "Ruritania", None)]
    records = _records(text, [("Ruritania", "state"), ("Freedonia", "state"),
                              ("Union", "bloc")])
    found = read_stances(evs, [], DraftActors(records), records).found
    assert (Act.REJECT, ("Freedonia", "Union")) in [(s.act, s.holders) for s in found]
    assert all(s.holders == ("Ruritania",) for s in found if s.text == sentences[2])
