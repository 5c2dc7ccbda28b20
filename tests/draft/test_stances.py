"""Stances read from hand-made evidence: who holds a collective's stand (the West)."""

from __future__ import annotations

from accord.draft.actors import DraftActors
from accord.draft.acts import Act
from accord.draft.stances import read_stances
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


def test_the_content_of_a_demand_is_not_the_addressee_s_act():
    """"President Vorn demanding that Freedonia … rule out expanding the union": Freedonia's
    "rule out" is what Ruritania asks, not Freedonia's rejection."""
    s = "President Vorn demanding that Freedonia pull troops back and rule out expanding."
    got = _holders([s], [("REQUEST", "Ruritania", "Freedonia")])
    evs = [_event(s, 0, "REQUEST", "Ruritania", "Freedonia"),
           _event(s, 0, "REJECT", "Freedonia", None)]
    records = _records(s, [("Ruritania", "state"), ("Freedonia", "state")])
    found = read_stances(evs, [], DraftActors(records), records).found
    assert [(x.act, x.holders) for x in found] == got == [(Act.DEMAND, ("Ruritania",))]
    # named before the demand verb, the body acts on its own: its rejection stays
    s2 = "Freedonia rejected the plan, and Ruritania demanded that it reconsider."
    evs = [_event(s2, 0, "REQUEST", "Ruritania", "Freedonia"),
           _event(s2, 0, "REJECT", "Freedonia", None)]
    records = _records(s2, [("Ruritania", "state"), ("Freedonia", "state")])
    found = read_stances(evs, [], DraftActors(records), records).found
    assert (Act.REJECT, ("Freedonia",)) in [(x.act, x.holders) for x in found]


def test_a_demand_named_by_a_passive_participle_has_no_addressee():
    s = "The Union wants a say on the guarantees demanded by Ruritania."
    evs = [_event(s, 0, "REQUEST", "Ruritania", "Union")]
    records = _records(s, [("Ruritania", "state"), ("Union", "bloc")])
    found = read_stances(evs, [], DraftActors(records), records).found
    assert [x.target for x in found] == [None]


def test_possessive_nouns_carry_stances_and_clauses_are_read_apart():
    """"Freedonia's refusal to lift the tariffs" is Freedonia's rejection; "supports
    Ruritania's suggestion of X, but turned down Y": the demand is read from the first
    clause, the rejection from the second."""
    s = ("Freedonia has expressed support for Ruritania's suggestion of an informal meeting, "
         "but has flatly turned down a condition for lifting the tariffs.")
    s2 = " Officials repeated Freedonia's refusal to lift the tariffs."
    text = s + s2
    evs = [_event(s, 0, "REJECT", "Freedonia", None), _event(s2, len(s), "ACCUSE", None, None)]
    records = _records(text, [("Ruritania", "state"), ("Freedonia", "state")])
    found = read_stances(evs, [], DraftActors(records), records).found
    got = {(x.act, x.holders, x.linked) for x in found}
    assert (Act.REJECT, ("Freedonia",), "has flatly turned down a condition for lifting the "
            "tariffs.") in got
    assert (Act.DEMAND, ("Freedonia",), s[:s.index(", but")]) in got
    assert (Act.DEMAND, ("Ruritania",), s[:s.index(", but")]) in got  # "Ruritania's suggestion"
    assert (Act.REJECT, ("Freedonia",), s2) in got


def test_declining_to_say_is_no_stance():
    s = "A spokesman declined to say whether Freedonia backed the plan."
    evs = [_event(s, 0, "REJECT", "Freedonia", None)]
    records = _records(s, [("Freedonia", "state")])
    assert read_stances(evs, [], DraftActors(records), records).found == []


def test_allies_are_the_bodies_addressed_with_it_never_the_sentence_s_addressee():
    """"Freedonia and its allies want Ruritania to disarm": Freedonia's allies are the bodies
    Ruritania's demands address along with Freedonia (the Union), never Ruritania itself."""
    text = ("Ruritania demanded that Freedonia and the Union lift sanctions. "
            "Freedonia and its allies want Ruritania to disarm.")
    cut = text.index(" Freedonia and its")
    evs = [_event(text[:cut], 0, "REQUEST", "Ruritania", "Freedonia"),
           _event(text[:cut], 0, "REQUEST", "Ruritania", "Union"),
           _event(text[cut:], cut, "REQUEST", "Freedonia", "Ruritania")]
    records = _records(text, [("Ruritania", "state"), ("Freedonia", "state"),
                              ("Union", "bloc")])
    found = read_stances(evs, [], DraftActors(records), records).found
    assert [x.holders for x in found if x.text == text[cut:]] == [("Freedonia", "Union")]


def test_a_person_named_only_in_a_headline_speaks_for_no_one():
    head = "Envoy Backs Talks Idea\n"
    body = "Freedonia rejected the plan."
    text = head + body
    records = _records(text, [("Talks Idea", "person"), ("Freedonia", "state")])
    actors = DraftActors(records, {"a": len(head) - 1})
    assert actors.bodies_of("Talks Idea", "a") == [] and actors.bodies_of("Freedonia", "a")


def test_a_speaker_s_condition_is_a_demand_for_it():
    from accord.draft.cues import condition

    assert condition("it will return to the talks if the tariffs are lifted") == (
        "the tariffs are lifted")
    assert condition("there could be further walkouts unless there is a rethink") == (
        "there is a rethink")
    # a warning, not a demand: a negative condition, or an act that is not the speaker's
    assert condition("we will walk out if they do not agree") is None
    assert condition("the process could grind to a halt if talks stall") is None


def _stances(sentences: list[str], events: list[tuple[str, str | None, str | None, str | None]],
             names: list[tuple[str, str]] | None = None):
    """Stances of made-up sentences: events (type, mode, source, target), one per sentence
    (several for a repeated sentence)."""
    text, starts = "", []
    for s in sentences:
        k = text.find(s)
        if k < 0:
            k = len(text)
            text += s
        starts.append(k)
    evs = [EventRecord(t, mode, src, tgt, False, s, at, at + len(s), article="a")
           for s, at, (t, mode, src, tgt) in zip(sentences, starts, events, strict=True)]
    records = _records(text, names or [("Ruritania", "state"), ("Freedonia", "state"),
                                       ("the Union", "bloc")])
    return read_stances(evs, [], DraftActors(records), records).found


def test_cues_are_read_in_a_sentence_of_several_events_by_one_speaker():
    s = "Freedonia said it is open to discussing limits on exercises at the border."
    found = _stances([s, s], [("COOPERATE", None, "Freedonia", None),
                              ("CONSULT", None, None, "Freedonia")])
    assert [(x.act, x.holders) for x in found] == [(Act.OFFER, ("Freedonia",))]
    # two bodies act in the sentence: whose offer it is stays unread
    t = "Ruritania urged Freedonia, which is open to discussing the border, to act."
    found = _stances([t, t], [("REQUEST", None, "Ruritania", "Freedonia"),
                              ("COOPERATE", None, "Freedonia", None)])
    assert Act.OFFER not in {x.act for x in found}


def test_a_briefing_and_a_meeting_with_one_s_own_camp_are_no_offers():
    brief = "Freedonia will send its envoy to the capital to brief the council on the talks."
    assert _stances([brief], [("AGREE", "consult", "Freedonia", None)]) == []
    joint = "Freedonia and the Union rejected those demands."
    meet = "Freedonia will meet the Union on Monday."
    found = _stances([joint, meet], [("REJECT", None, "Freedonia", None),
                                     ("AGREE", "consult", "Freedonia", "the Union")])
    assert Act.OFFER not in {x.act for x in found}
    other = "Freedonia will meet Ruritania on Monday."
    wants = "Ruritania wants a new border treaty."
    found = _stances([wants, joint, other], [("REQUEST", None, "Ruritania", None),
                                             ("REJECT", None, "Freedonia", None),
                                             ("AGREE", "consult", "Freedonia", "Ruritania")])
    assert (Act.OFFER, ("Freedonia",)) in {(x.act, x.holders) for x in found}


def test_a_visit_to_a_body_that_demands_nothing_is_no_offer():
    """Branch p4-flagship3: "X visited Y to reconfirm support" was an offer to talk on every
    issue; Y makes no demand, so there is nothing to negotiate with it."""
    wants = "Ruritania wants a new border treaty."
    visit = "The Union's envoy visited Freedonia to reconfirm its support."
    found = _stances([wants, visit], [("REQUEST", None, "Ruritania", None),
                                      ("CONSULT", "visit", "the Union", "Freedonia")])
    assert Act.OFFER not in {x.act for x in found}
    to_ruritania = "The Union's envoy visited Ruritania to discuss the treaty."
    found = _stances([wants, to_ruritania], [("REQUEST", None, "Ruritania", None),
                                             ("CONSULT", "visit", "the Union", "Ruritania")])
    assert (Act.OFFER, ("the Union",)) in {(x.act, x.holders) for x in found}


def test_a_target_must_be_named_in_the_sentence_or_by_a_pronoun_before():
    first = "Ruritania wants a new border treaty."
    keen = " We are keen to press for progress in the discussions on security."
    found = _stances([first, keen], [("REQUEST", None, "Ruritania", None),
                                     ("REQUEST", None, "Freedonia", "Ruritania")])
    assert [x.target for x in found if x.holders == ("Freedonia",)] == [None]
    backs = " Freedonia will press them in the discussions."
    found = _stances([first, backs], [("REQUEST", None, "Ruritania", None),
                                      ("REQUEST", None, "Freedonia", "Ruritania")])
    assert [x.target for x in found if x.holders == ("Freedonia",)] == ["Ruritania"]


def test_a_transcript_turn_is_read_paragraph_by_paragraph():
    from accord.extract.records import QuoteRecord

    said = "Not this year.\n\nWe are open to discussing a smaller garrison at the border."
    records = [ActorRecord("Ann Smith", "person", affiliation="Freedonia", article="a")]
    q = QuoteRecord(text=said, speaker="Ann Smith", cue="turn", start=10,
                    end=10 + len(said), direct=True, article="a")
    found = read_stances([], [q], DraftActors(records), records).found
    assert [(x.act, x.holders, x.text, x.start) for x in found] == [
        (Act.OFFER, ("Freedonia",), said.split("\n\n")[1], 10 + said.index("We"))]


REJECTIONS = [
    "Freedonia rejected the demand to withdraw its troops from the border.",
    "Freedonia rejected the demand that it withdraw its troops from the border.",
    "Freedonia flatly rejected those demands out of hand.",
    "Freedonia turned down Ruritania's demands for a new treaty.",
    "Freedonia rejected Ruritania's sweeping security demands.",
    "Freedonia dismissed the proposal to hold a referendum on the border.",
    "Freedonia refused calls to lift the tariffs.",
    "Freedonia refused calls for a ceasefire.",
    "Freedonia rejected their demands.",
]


def test_a_rejected_demand_is_not_the_rejecting_body_s_demand():
    """"X rejected the demand to …": the noun names someone else's demand, the object of
    X's rejection; X rejects and demands nothing (it was read as both, and placed at 50 as
    undecided). A possessor ("Ruritania's demands") holds the demand, never the rejection."""
    for s in REJECTIONS:
        got = {(x.act, x.holders) for x in _stances([s], [("REJECT", None, "Freedonia", None)])}
        want = {(Act.REJECT, ("Freedonia",))}
        if "Ruritania's demands for" in s:
            want.add((Act.DEMAND, ("Ruritania",)))  # the possessor's, read from the noun
        assert got == want, s
    # in a quote, the speaker's rejection alone
    from accord.extract.records import QuoteRecord

    said = "We reject the demand to withdraw our troops, and those demands are unacceptable."
    records = [ActorRecord("Ann Smith", "person", affiliation="Freedonia", article="a")]
    q = QuoteRecord(text=said, speaker="Ann Smith", cue="said", start=0, end=len(said),
                    direct=True, article="a")
    found = read_stances([], [q], DraftActors(records), records).found
    assert [(x.act, x.holders) for x in found] == [(Act.REJECT, ("Freedonia",))]


def test_a_noun_of_another_s_act_is_not_the_subject_s_and_its_own_demand_is():
    """A demand named as the object of any verb but one of making it is not the subject's
    ("received the demands"); a possessor's act is the possessor's alone ("welcomed
    Ruritania's refusal": Freedonia does not refuse). The subject's own demand stays:
    "repeated its demand", "repeated the demand that", "will not water down its demands"."""
    def acts(s: str) -> set[tuple[Act, tuple[str, ...]]]:
        # an event type that says no act: only the sentence's words are read
        return {(x.act, x.holders) for x in _stances([s], [("ACCUSE", None, "Freedonia", None)])}

    assert acts("Freedonia received the demands on Monday.") == set()
    assert acts("Freedonia welcomed Ruritania's refusal to lift the tariffs.") == {
        (Act.REJECT, ("Ruritania",))}
    assert acts("Freedonia noted Ruritania's willingness to discuss the tariffs.") == set()
    for own in ["Freedonia repeated its demand for a withdrawal of troops.",
                "Freedonia repeated the demand that Ruritania withdraw its troops.",
                "Freedonia demands that Ruritania withdraw its troops."]:
        assert acts(own) == {(Act.DEMAND, ("Freedonia",))}, own
    assert acts("Freedonia will not water down its demands.") == {
        (Act.DEMAND, ("Freedonia",)), (Act.FIRM, ("Freedonia",))}


def test_an_agreement_to_stay_in_contact_is_an_offer_to_talk_not_a_demand():
    """Branch p4-flagship3: "X and Foreign Minister Y agreed to stay in close contact" was an
    AGREE read as X's demand addressed to Y, which made Y a proposed veto player."""
    wants = "Ruritania wants a new border treaty."
    agreed = "The Union's envoy and Ruritania's minister agreed to stay in close contact."
    found = _stances([wants, agreed], [("REQUEST", None, "Ruritania", None),
                                       ("AGREE", None, "the Union", "Ruritania")])
    assert [(x.act, x.holders, x.target) for x in found if x.holders == ("the Union",)] == [
        (Act.OFFER, ("the Union",), "Ruritania")]
    sign = "The Union agreed to sign the treaty with Ruritania."
    found = _stances([wants, sign], [("REQUEST", None, "Ruritania", None),
                                     ("AGREE", None, "the Union", "Ruritania")])
    assert (Act.DEMAND, ("the Union",)) in {(x.act, x.holders) for x in found}


def test_the_body_a_support_praises_is_not_asked_for_anything():
    """Branch p4-flagship3: "he commended the work of Freedonia's monitors" (SUPPORT) made
    Freedonia an addressee of the demands, hence a proposed veto player."""
    praise = "The Union commended the work of Freedonia on the ground."
    found = _stances([praise], [("SUPPORT", None, "the Union", "Freedonia")])
    assert [(x.act, x.target) for x in found] == [(Act.DEMAND, None)]
    ask = "The Union asked Freedonia to open the border."
    found = _stances([ask], [("REQUEST", None, "the Union", "Freedonia")])
    assert [(x.act, x.target) for x in found] == [(Act.DEMAND, "Freedonia")]
