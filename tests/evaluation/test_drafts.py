"""Draft metrics: a case against itself scores perfectly; the drafts of the flagship and of the
pension case reach the figures reported in the branch (thresholds actually reached)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.case import load_case
from accord.cli.app import app
from accord.draft.build import draft_case
from accord.draft.issue_specs import load_issues
from accord.draft.linking import Linker
from accord.evaluation.drafts import Share, score_draft, side
from accord.extract.evidence import EvidenceSet, read_evidence


def test_a_case_against_itself_scores_perfectly(flagship):
    s = score_draft(flagship, flagship)
    n = len(flagship.positions)
    assert s.found == Share(n, n) and s.same_side == Share(n, n)
    assert s.mean_distance == 0.0 and s.veto_agreement == 1.0
    assert s.verdicts_agree == Share(5, 5)
    # hand-worked: no zone on the first three issues, a zone on missiles and military activity
    assert [h for h, _ in s.verdicts.values()] == [False, False, False, True, True]


def test_side_of_the_status_quo():
    assert (side(0, 20), side(24, 20), side(26, 20), side(14, 20)) == (-1, 0, 1, -1)


def _draft(root: Path, tmp: Path, articles: list[Path], issues: Path):
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra (spaCy)")
    ev = tmp / "ev.jsonl"
    result = CliRunner().invoke(app, ["extract", *map(str, articles), "-o", str(ev)])
    assert result.exit_code == 0, result.output
    specs = load_issues(root / issues)
    return draft_case(read_evidence(ev), specs, Linker(specs)).case


FOUNDING = "articles/us-russia-security-talks-2022-01-10.txt"
GENEVA = Path("examples/geneva-2022")


def _flagship_checks(s, draft) -> None:
    """The figures the flagship draft reaches, from the founding article alone or with the
    stored extra sources (examples/geneva-2022/sources/)."""
    assert s.verdicts_agree.hits >= 4
    assert s.verdicts["nato-enlargement"] == (False, False)  # no deal on enlargement
    # Russia, the US and NATO on every issue, Ukraine on the two membership issues
    assert s.found == Share(17, 26)
    # 15/26 = 0.58: the US follows NATO's specific rejections on enlargement and the pledge
    # (they reject jointly), Ukraine wants to join; before this branch 11/26
    assert s.same_side.hits >= 15
    assert s.veto_agreement == 1.0
    assert s.mean_distance is not None and s.mean_distance < 5
    assert {a.id for a in draft.actors if a.veto} == {"russia", "nato", "united-states"}


def test_flagship_draft_metrics(root: Path, shared: Path, tmp_path: Path, flagship):
    draft = _draft(root, tmp_path, [shared / FOUNDING], GENEVA / "draft-issues.yaml")
    _flagship_checks(score_draft(flagship, draft, {"preview-2022-01-10"}), draft)
    us = {p.issue: p for p in draft.positions if p.actor == "united-states"}
    assert us["nato-enlargement"].position.central == 0
    assert "jointly" in (us["nato-enlargement"].evidence[0].rationale or "")


# examples/geneva-2022/sources/: Blinken on CNN (stored first), the six pages the first round of
# the selection rule in its README admits (7-10 January 2022), and the one page of its second
# round (EEAS, 13 January); EARLY are those dated before the talks
EARLY = ["state-blinken-cnn-2022-01-09.txt", "state-blinken-press-availability-2022-01-07.txt",
         "state-sherman-ryabkov-meeting-2022-01-09.txt"]
ROUND1 = [*EARLY, "state-press-briefing-2022-01-10.txt", "state-sherman-briefing-2022-01-10.txt",
          "state-ssd-session-2022-01-10.txt", "voa-le-talks-begin-2022-01-10.txt"]
ROUND2 = ["eeas-borrell-brest-2022-01-13.txt"]
# the third round (branch p4-flagship3), aimed at the EU, Ukraine and Georgia after the misses
# were known, 10 December 2021 - 12 January 2022
ROUND3 = ["eeas-borrell-kuleba-call-2021-12-23.txt", "eeas-borrell-kuleba-press-2022-01-05.txt",
          "eeas-borrell-visit-ukraine-2022-01-06.txt",
          "state-sherman-zalkaliani-call-2022-01-05.txt"]
READ = {"preview-2022-01-10", "blinken-cnn-2022-01-09"}  # the hand case's ids of what is read


@pytest.fixture(scope="module")
def geneva_evidence(root: Path, shared: Path, tmp_path_factory) -> EvidenceSet:
    """One extraction of the founding article and every stored source (each article is read
    alone, so a draft from some of them is a draft from their records)."""
    sources = sorted((root / GENEVA / "sources").glob("*.txt"))
    assert sorted(p.name for p in sources) == sorted(ROUND1 + ROUND2 + ROUND3)
    pytest.importorskip("spacy", reason="extraction needs the 'nlp' extra (spaCy)")
    out = tmp_path_factory.mktemp("geneva") / "ev.jsonl"
    result = CliRunner().invoke(app, ["extract", str(shared / FOUNDING), *map(str, sources),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    return read_evidence(out)


def _geneva_draft(root: Path, ev: EvidenceSet, sources: list[str]):
    keep = {Path(FOUNDING).name, *sources}
    only = EvidenceSet()
    for r in (*ev.actors, *ev.quotes, *ev.events):
        if r.article in keep:
            only.add(r)
    specs = load_issues(root / GENEVA / "draft-issues.yaml")
    return draft_case(only, specs, Linker(specs)).case


def test_flagship_draft_with_the_first_round_sources(root: Path, geneva_evidence, flagship):
    """Drafts from the sources dated before the talks (1-9 January) and from all of the first
    round's. The stored texts speak for the United States only, so the EU's, Georgia's and
    Ukraine's missing positions (all 9 hand positions not found) cannot come from them.

    Branch p3-draftgen2 (rules from the gaps these texts showed, each tested on made-up
    sentences): with the first round, 16/26 on the right side (15 before) and 5/5 verdicts (4
    before): the offers on exercises (a sentence of two events by one speaker) and on missile
    systems (the second paragraph of a transcript turn) are read, so the United States'
    general offers are no longer spread over force posture, which it rejects (25, the hand
    case's status quo; 37.5 before). With the early sources alone the draft is one position
    worse than the founding article's (14/26, 3/5; 15/26, 4/5 before this branch): Blinken's
    "Neither of those is on the table" now answers the demand before it ("pull some troops back
    out of Eastern Europe", linked at half the threshold to military activity, whose title
    names Eastern Europe), and without the offer on exercises (first stored in the 10 January
    briefing) the United States sits at the status quo there (hand: 45), which closes the
    zone on military activity."""
    ev = geneva_evidence
    early = _geneva_draft(root, ev, EARLY)
    s = score_draft(flagship, early, READ)
    assert s.found == Share(17, 26) and s.same_side.hits >= 14 and s.verdicts_agree.hits >= 3
    assert s.verdicts["military-activity"] == (True, False)
    us = {p.issue: p for p in early.positions if p.actor == "united-states"}
    assert us["military-activity"].position.central == 25
    assert any("Neither of those" in (e.quote or "") for e in us["military-activity"].evidence)
    draft = _geneva_draft(root, ev, ROUND1)
    s = score_draft(flagship, draft, READ)
    _flagship_checks(s, draft)
    assert s.same_side.hits >= 16 and s.verdicts_agree == Share(5, 5)
    assert s.mean_distance is not None and s.mean_distance < 3
    # the hand positions whose evidence cites the founding article or Blinken on CNN
    assert s.found_supported == Share(16, 17) and s.same_side_supported.hits >= 15
    # Blinken's answer is a turn that runs to the next label (here, the end of the text)
    turns = [(q.speaker, q.text[:32]) for q in ev.quotes if q.cue == "turn"]
    assert ("Antony J. Blinken", "Neither of those is on the table") in turns
    exercises = "we are open to discussing ways we can set reciprocal limits"
    assert [e.plover for e in ev.events if exercises in e.sentence] == ["COOPERATE", "CONSULT"]
    us = {p.issue: p for p in draft.positions if p.actor == "united-states"}
    assert [e for e in us["military-activity"].evidence if exercises in (e.quote or "")]
    assert us["military-activity"].position.central == 37.5  # rejects, offers limits: hand 45
    assert us["missiles"].position.central == 50  # "open to discussing ... missile systems"
    assert us["force-posture"].position.central == 25  # hand: 25, the status quo
    # "The Deputy Secretary" is Wendy R. Sherman (who holds that title in the statement), not
    # an addressee of its own; "representatives from NATO" (CNN's question) is still read as
    # a group of its own (in no hand position, no figure moves)
    assert {a.id for a in draft.actors} == {
        "russia", "nato", "united-states", "ukraine", "representatives"}
    blinken = next(a for a in draft.actors if a.id == "united-states").notes or ""
    assert "Antony Blinken (affiliation inferred from the title 'Secretary of State'" in blinken


def test_flagship_draft_with_the_second_round(root: Path, geneva_evidence, flagship):
    """The second round's page (Borrell in Brest) no longer moves the draft. Before branch
    p3-draftgen2 one sentence made it worse: "We are keen to support and contribute to the
    discussions and negotiations on security on the continent." is coded as SUPPORT by the
    European Union with Ukraine as its target (Ukraine is not in the sentence), so Ukraine
    became an addressee of the demands and a veto player placed at the status quo on every
    issue (14/26, 3/5). A target must now be named in the sentence (or, through a pronoun, in
    the one before): the same figures as with the first round."""
    ev = geneva_evidence
    eu = [e for e in ev.events if e.sentence.startswith("We are keen to support")]
    assert [(e.plover, e.source, e.target) for e in eu] == [
        ("SUPPORT", "European Union", "Ukraine")]
    draft = _geneva_draft(root, ev, ROUND1 + ROUND2)
    s = score_draft(flagship, draft, READ)
    _flagship_checks(s, draft)
    assert s.same_side.hits >= 16 and s.verdicts_agree == Share(5, 5)
    assert s.found_supported == Share(16, 17) and s.same_side_supported.hits >= 15
    assert s.mean_distance is not None and round(s.mean_distance, 1) == 2.8
    ukraine = {p.issue: p.position.central for p in draft.positions if p.actor == "ukraine"}
    assert ukraine == {"nato-enlargement": 0, "bucharest-pledge": 0}


def test_flagship_draft_with_every_stored_source(root: Path, geneva_evidence, flagship):
    """The third round's four pages (EEAS on Borrell's call with and visit to Kuleba, the State
    Department's readout of Sherman's call with Zalkaliani), branch p4-flagship3. Read with
    main's rules they made the draft worse: 18/26 found, 12/26 on the right side, 3/5
    verdicts, veto Jaccard 0.75 (Ukraine), mean distance 19.3, through six misreadings, each
    now a general rule tested on made-up sentences in tests/draft/:

    - Borrell's title "High Representative of the European Union for Foreign Affairs" gave no
      body, so he spoke for Ukraine, the state the articles are about; and an affiliation
      stated in one article did not outrank one inferred in another;
    - "High Representative Josep Borrell visited Ukraine to reconfirm EU's support" was an
      offer to talk on every issue; Ukraine demands nothing, so it is no offer;
    - "... Borrell and Foreign Minister Kuleba agreed to stay in close contact." was an EU
      demand addressed to Ukraine (a proposed veto player, at the status quo on missiles and
      military activity, closing their zones): an agreement to talk is an offer;
    - "he commended the work of International Organisations, ..." (SUPPORT) made them an
      addressee and a veto player: the body a support praises is not asked for anything;
    - "The Deputy Secretary noted the United States will continue to urge Russia to withdraw
      its forces to pre-war positions ..." (Georgia, 2008; linked to force posture by
      "forces") was a US demand there, and made every US refusal to concede, on every issue,
      a demand kept (the United States at 100 on enlargement and force posture). A refusal
      keeps a demand only on the issues demanded; a demand that the demanding side withdraw
      opposes its demand: a rejection at the status quo.

    Now 17/26 found, 17/26 on the right side, 5/5 verdicts, veto 1.00, mean distance 2.1. One
    of the 17 is right for the wrong reason: NATO on force posture (25, the hand case's) comes
    from the US "rejection" just above, shared by the joint rejection of the founding article,
    and that sentence is about Russia's forces in Georgia, not NATO's posture. The EU's own
    statements here ("The EU remains committed to the right of every country to make its
    sovereign choices", "any discussions on European and Ukrainian security must include the
    European Union and Ukraine", coordination with the U.S. and NATO) carry no event or cue
    the draft reads as a stance on an issue, so the EU still holds no position."""
    draft = _geneva_draft(root, geneva_evidence, ROUND1 + ROUND2 + ROUND3)
    s = score_draft(flagship, draft, READ)
    _flagship_checks(s, draft)
    assert s.same_side.hits >= 17 and s.verdicts_agree == Share(5, 5)
    assert s.mean_distance is not None and round(s.mean_distance, 1) == 2.1
    assert "european-union" not in {a.id for a in draft.actors}  # no position: no actor
    ukraine = next(a for a in draft.actors if a.id == "ukraine").notes or ""
    assert "Borrell" not in ukraine  # he spoke for Ukraine before this branch
    us = {p.issue: p for p in draft.positions if p.actor == "united-states"}
    assert us["force-posture"].position.central == 25
    assert any("asks Russia to withdraw" in (e.rationale or "")
               for e in us["force-posture"].evidence)
    assert us["nato-enlargement"].position.central == 0


def test_pension_draft_metrics(root: Path, shared: Path, tmp_path: Path):
    """Generic agents resolved to the named bodies ("five public sector unions" → Unison, PCS,
    T&G; "the government", the Cabinet Office, the Deputy Prime Minister → United Kingdom):
    6 of the 8 hand positions found (0 before), 4 on the right side. Branch p3-draftgen: a veto
    player silent on an issue no one demands a change on (the salary basis) is placed at its
    status quo, so the government and Unison are proposed as veto players (with PCS and the
    T&G), and an offer to consult bears on the talks issue, not on the pension age: 8/8 found,
    7 on the right side, 3/3 verdicts (1/3 before), veto Jaccard 0.5 (0 before)."""
    bbc = shared / "articles/bbc"
    draft = _draft(root, tmp_path, [bbc / "talks-aim-to-avert-pension-strike.txt",
                                    bbc / "strike-threat-over-pension-plans.txt"],
                   Path("examples/pension-2005/draft-issues.yaml"))
    hand = load_case(root / "tests/data/pension-talks-2005.yaml")
    s = score_draft(hand, draft, {"talks-aim", "strike-threat"})
    assert s.verdicts_agree.hits == 3
    assert s.found == Share(8, 8) and s.same_side.hits >= 7
    assert s.veto_agreement >= 0.5
    assert s.mean_distance is not None and s.mean_distance < 20
    ids = {a.id for a in draft.actors}
    assert {"unison", "united-kingdom"} <= ids  # tied to the named bodies, no "unions" actor
    assert "unions" not in ids and "bbc" not in ids  # a correspondent holds no stance
    pcs = next(a for a in draft.actors if "PCS" in a.aliases)
    assert "unions" in (pcs.notes or "")


def test_cli_evaluate_draft(flagship_path: Path):
    result = CliRunner().invoke(app, ["evaluate-draft", str(flagship_path), str(flagship_path)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "zone verdicts agree: 5/5 = 1.00" in said and "veto agreement (Jaccard): 1.00" in said


ZIMBABWE = Path("examples/zimbabwe-unity-talks")
ZIMBABWE_ARTICLES = ["voa-2008-zimbabwe-power-sharing-intensive-care",
                     "voa-2010-zimbabwe-mdc-demands-conclusion"]


def test_zimbabwe_hand_case_validates_and_quotes_are_verbatim(root: Path):
    """The held-out hand case (built by reading two held-out VOA articles) validates, and
    every quoted piece of evidence stands word for word in its article file."""
    from accord.case import check

    case = load_case(root / ZIMBABWE / "case.yaml")
    assert not check(case)
    assert {s.id for s in case.sources} == set(ZIMBABWE_ARTICLES)
    quotes = [ev for p in case.positions for ev in p.evidence if ev.quote]
    assert len(quotes) == 6
    for ev in quotes:
        text = (root / "tests/articles/heldout" / f"{ev.source}.txt").read_text(encoding="utf-8")
        assert " ".join(ev.quote.split()) in " ".join(text.split()), ev.quote


SIX_PARTY = Path("examples/six-party-talks")
SIX_PARTY_ARTICLES = ["wikinews-2005-north-korea-rejoin-six-nation-talks",
                      "voa-2006-hill-informal-six-party-talks",
                      "voa-2007-north-korea-envoy-warns-talks-zero"]


def test_six_party_hand_case_quotes_are_verbatim(root: Path):
    """The development hand case (three dev/dev2/dev3 articles, built before any draft was
    run on them) validates, and its quotes stand word for word in the articles."""
    from accord.case import check

    case = load_case(root / SIX_PARTY / "case.yaml")
    assert not check(case) and len(case.positions) == 10
    for ev in (ev for p in case.positions for ev in p.evidence if ev.quote):
        text = (root / "tests/articles/heldout" / f"{ev.source}.txt").read_text(encoding="utf-8")
        assert " ".join(ev.quote.split()) in " ".join(text.split()), ev.quote


def test_six_party_draft_metrics(root: Path, tmp_path: Path):
    """A development case (rules were then written against its errors): before branch
    p3-draftgen 6/10 found, 6/10 on the right side, 4/4 verdicts, veto Jaccard 0.5, mean
    distance 19.2; after 8/10, 8/10, 4/4, 0.5 (China is proposed as a party, North Korea is
    not: it is silent on two issues others make demands on), 3.1."""
    heldout = root / "tests/articles/heldout"
    draft = _draft(root, tmp_path, [heldout / f"{a}.txt" for a in SIX_PARTY_ARTICLES],
                   SIX_PARTY / "draft-issues.yaml")
    hand = load_case(root / SIX_PARTY / "case.yaml")
    s = score_draft(hand, draft, set(SIX_PARTY_ARTICLES))
    assert s.found.hits >= 8 and s.same_side.hits >= 8 and s.verdicts_agree.hits == 4
    assert s.mean_distance is not None and s.mean_distance < 5
    ids = {a.id for a in draft.actors}
    assert "talks-idea" not in ids and "dprk" not in ids  # a headline misread; DPRK merged
    # branch p3-bodies: "The Chinese government has offered to host the talks" is China's
    # (the extraction affiliates the body with China), no actor of its own; no figure moves
    assert "chinese-government" not in ids
    china = next(p for p in draft.positions if p.actor == "china" and p.issue == "informal-meeting")
    assert "Chinese government" in {e.speaker for e in china.evidence}
    us = {p.issue: p.position.central for p in draft.positions if p.actor == "united-states"}
    assert us["bank-sanctions"] == 0 and us["informal-meeting"] == 100
