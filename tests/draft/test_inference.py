"""Inferences of the draft on made-up sentences: aspirations to join, rejections that point
back to a demand, rejections shared by the bodies that reject jointly, transcript turns."""

from __future__ import annotations

from accord.draft.actors import DraftActors
from accord.draft.acts import Act, Stance
from accord.draft.cues import cue_acts
from accord.draft.issue_specs import parse_issues
from accord.draft.linking import Linker
from accord.draft.positions import assign, membership_issues, place
from accord.draft.stances import aspirations
from accord.extract.records import ActorRecord, Mention
from accord.extract.turns import find_turns

ISSUES = parse_issues({"issues": [
    {"id": "accession", "title": "Ban on the union admitting Freedonia",
     "scale": {0: "Freedonia admitted at once", 50: "Accession postponed for ten years",
               100: "Freedonia barred from the union by treaty"},
     "status_quo": 0, "keywords": ["membership", "join the union"]},
    {"id": "garrison", "title": "Withdrawal of the union's garrison from the border",
     "scale": {0: "Garrison doubled", 25: "Garrison as today", 50: "Garrison halved",
               100: "Garrison withdrawn from the border"},
     "status_quo": 25, "keywords": ["garrison", "border troops"]},
]}, "issues.yaml")
ISSUE = {s.issue.id: s.issue for s in ISSUES}
LINKER = Linker(ISSUES)


def _stance(act: Act, holders: tuple[str, ...], text: str, start: int = 0) -> Stance:
    return Stance(act=act, holders=holders, text=text, article="a", speaker=None, how="test",
                  start=start)


def test_membership_issues_are_those_about_joining():
    keywords = {s.issue.id: s.keywords for s in ISSUES}
    assert membership_issues(ISSUE, keywords) == {"accession"}


def test_an_aspiration_to_join_is_read_with_its_holder():
    sentence = "Ruritania wants a treaty, though the ambitions of Freedonia's leaders to join " \
               "the union are well known."
    k = sentence.find("Freedonia")
    records = [ActorRecord("Freedonia", "state", mentions=[Mention("Freedonia", k, k + 9)],
                           article="a")]
    mentions = [(k, k + 9, "Freedonia")]
    found = aspirations(sentence, "a", 0, DraftActors(records), mentions)
    assert [(s.act, s.holders) for s in found] == [(Act.ASPIRE, ("Freedonia",))]
    # the same words without a named body inside the phrase give nothing
    assert aspirations("The ambitions of many to join the union are known.", "a", 0,
                       DraftActors(records), mentions) == []


def test_an_aspiration_sits_at_the_end_opposite_the_demand_on_membership_issues_only():
    demand = _stance(Act.DEMAND, ("Ruritania",),
                     "Ruritania demands a treaty barring Freedonia from the union and the "
                     "withdrawal of the garrison from the border.")
    hope = _stance(Act.ASPIRE, ("Freedonia",), "Freedonia's bid to join the union.")
    placed = assign([demand, hope], LINKER, ISSUE, {"accession"})
    assert ("Freedonia", "garrison") not in placed.by_position
    value, why, _ = place(placed.by_position["Freedonia", "accession"], ISSUE["accession"],
                          placed.demand_end["accession"], LINKER)
    assert value.central == 0 and "wants to join" in why


def test_rejection_cues():
    for text in ("Neither of these is on the table.", "Troop cuts are off the table.",
                 "The minister showed little sympathy for the proposals.",
                 "Those ideas are non-starters for our government.",
                 "We were firm in pushing back on the plans we heard."):
        assert [a for a, _ in cue_acts(text)] == [Act.REJECT], text


def test_a_rejection_pointing_back_answers_the_demand_before_it():
    q = "Ruritania demands that the garrison be withdrawn from the border. Is that possible?"
    demand = _stance(Act.DEMAND, ("Ruritania",), q, start=0)
    answer = _stance(Act.REJECT, ("Freedonia",), "Neither of those is on the table, but we "
                     "will talk.", start=len(q) + 2)
    placed = assign([demand, answer], LINKER, ISSUE)
    found = placed.by_position["Freedonia", "garrison"]
    assert found and found[0].score is not None  # specific: it answers the garrison demand
    value, _, _ = place(found, ISSUE["garrison"], placed.demand_end["garrison"], LINKER)
    assert value.central == 25  # at the status quo
    # too far back, or not pointing back: not linked
    far = _stance(Act.REJECT, ("Freedonia",), "Neither of those is on the table.", start=5000)
    plain = _stance(Act.REJECT, ("Freedonia",), "We reject everything.", start=len(q) + 2)
    for s in (far, plain):
        assert ("Freedonia", "garrison") not in assign([demand, s], LINKER, ISSUE).by_position


def test_bodies_rejecting_jointly_share_a_specific_rejection():
    demand = _stance(Act.DEMAND, ("Ruritania",), "Ruritania demands that the garrison be "
                     "withdrawn from the border.")
    joint = _stance(Act.REJECT, ("Freedonia", "the Union"), "Freedonia and the Union have "
                    "rejected those demands.")
    own = _stance(Act.REJECT, ("the Union",), "The Union rejected any withdrawal of the "
                  "garrison from the border.")
    placed = assign([demand, joint, own], LINKER, ISSUE)
    shared = [f for f in placed.by_position["Freedonia", "garrison"] if f.score is not None]
    assert len(shared) == 1 and "jointly" in shared[0].stance.how
    assert shared[0].stance.holders == ("Freedonia",)
    # without the joint rejection nothing is shared
    alone = assign([demand, own], LINKER, ISSUE).by_position
    assert not [f for f in alone.get(("Freedonia", "garrison"), []) if f.score is not None]


def test_transcript_turns_go_to_the_person_the_label_names():
    text = ("Host Jo Bloggs spoke to Foreign Minister Ann Q. Smith.\n\n"
            "QUESTION:  Will you cut the garrison?\n\n"
            "MINISTER SMITH:  Neither of those is on the table.\n\n"
            "Smith: this colon is prose, not a transcript label.\n")
    people = [ActorRecord("Ann Q. Smith", "person"), ActorRecord("Smith", "person"),
              ActorRecord("Ruritania", "state")]
    turns = find_turns(text, people)
    # the turn runs to the next label: a mixed-case colon is prose inside it
    assert [(t.speaker, t.text, t.cue) for t in turns] == [
        ("Ann Q. Smith", "Neither of those is on the table.\n\n"
         "Smith: this colon is prose, not a transcript label.", "turn")]
    assert text[turns[0].start:turns[0].end] == turns[0].text


def test_a_person_named_by_surname_speaks_for_the_body_of_the_full_name():
    records = [ActorRecord("Vladimir Putin", "person", affiliation="Ruritania", article="a"),
               ActorRecord("Putin", "person", article="b"),
               ActorRecord("Ann Smith", "person", affiliation="Ruritania", article="a"),
               ActorRecord("Bob Smith", "person", affiliation="Freedonia", article="a"),
               ActorRecord("Smith", "person", article="b")]
    actors = DraftActors(records)
    assert actors.bodies_of("Putin", "b") == ["Ruritania"]
    assert actors.bodies_of("Smith", "b") == ["Smith"]  # two bodies: left for the analyst


def test_a_rejection_answers_a_demand_the_linker_ties_to_no_issue():
    """The demand shares too few words with any issue to be linked alone (0.21 < 0.25);
    the rejection that points back to it takes its best issue, at half the threshold."""
    q = "President Rex demanding that the allies pull their soldiers back from the border."
    assert LINKER.link([q]) == [[]]
    demand = _stance(Act.DEMAND, ("Ruritania",), q)
    answer = _stance(Act.REJECT, ("Freedonia",), "Neither of those is on the table.",
                     start=len(q) + 2)
    found = assign([demand, answer], LINKER, ISSUE).by_position["Freedonia", "garrison"]
    assert [f.stance.act for f in found] == [Act.REJECT] and found[0].score is not None
    assert ("Freedonia", "accession") not in assign([demand, answer], LINKER, ISSUE).by_position


def test_a_general_offer_is_not_spread_when_the_body_offers_on_named_issues():
    demands = [_stance(Act.DEMAND, ("Ruritania",), "Ruritania demands that the garrison be "
                       "withdrawn from the border."),
               _stance(Act.DEMAND, ("Ruritania",), "Ruritania demands a treaty barring "
                       "Freedonia from the union.")]
    reject = _stance(Act.REJECT, ("Freedonia",), "We rejected the proposals.")
    general = _stance(Act.OFFER, ("Freedonia",), "We are ready to talk.")
    specific = _stance(Act.OFFER, ("Freedonia",), "We are willing to discuss halving "
                       "the garrison at the border.")

    def where(stances: list[Stance], issue: str) -> float:
        placed = assign(stances, LINKER, ISSUE)
        value, _, _ = place(placed.by_position["Freedonia", issue], ISSUE[issue],
                            placed.demand_end[issue], LINKER)
        return value.central

    # general offers only: halfway between the status quo and the first step
    assert where([*demands, reject, general], "accession") == 25
    # with an offer on the garrison, the general one is read as that offer: accession rejected
    assert where([*demands, reject, general, specific], "accession") == 0
    assert where([*demands, reject, general, specific], "garrison") == 50
