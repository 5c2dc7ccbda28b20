"""Place each actor's stances on an issue's scale, with a range and the reasoning.

Stance → place, using the issue's labelled points (:mod:`accord.draft.stances`):

- a **demand** (or a refusal to give one up) sits at the demand's end: the end whose label the
  sentence echoes, else the end away from the status quo (a demand on the table is a demand for
  change); a demand to withdraw something sits at the end labelled as that withdrawal
  ("regulations withdrawn"), else at the other end from the one the sentence echoes;
- a **rejection** of the demand sits at the status quo;
- an **offer to negotiate** sits at the labelled intermediate point the sentence echoes, else
  at the first labelled point beyond the status quo toward the demand (the smallest step the
  scale names);
- a rejection together with an offer ("rejected those demands out of hand, but signalled a
  willingness to explore compromises") sits halfway between the status quo and that step,
  its range spanning both;
- a demand and a rejection by the same actor on the same issue leave the span between the
  status quo and the demand, and the draft says the analyst must decide;
- an **aspiration** to join (a body wanting the membership a demand would bar) sits at the end
  opposite the demand's, on the agenda's membership issues only (those whose title or keywords
  speak of joining, membership, accession or enlargement);
- an **offer to talk** is a stance on the talks, not a concession on substance: when the agenda
  has issues about the talks themselves (:func:`process_issues`), offers bear on those only;
- a **general offer to talk** (linked to no issue) of a body that also makes offers on named
  issues is not spread over the agenda: its specific offers say where it would negotiate, so a
  general one does not move an issue it rejects off the status quo. A body whose offers are
  all general is still placed halfway on the issues it rejects (the text does not say where
  the compromise lies; the range spans the status quo and the step).

Two inferences link a stance to an issue its words do not name:

- a rejection that opens by pointing back ("Neither of those is on the table", "That is
  unacceptable") answers the demand read just before it in the same article (within
  :data:`ANAPHOR_REACH` characters) and bears on that demand's issues (linked with half the
  threshold, :func:`answer_links`, when the demand alone links to none);
- bodies that reject the demands *jointly* ("X and Y have rejected those demands", or a
  collective that stands for both) are one camp: where one of them has a rejection specific to
  an issue and the other none, the other is placed with it, and the evidence says so (not a
  rejection linked only through the demand it answers: one inference is not built on
  another).

Stances specific to the issue outweigh generic ones (responses to the demands as a whole). The
range says how sure the text is: narrow (±:data:`SURE`) for specific evidence, wider
(±:data:`UNSURE`) when only generic stances place the actor.

Salience grows with how often and how strongly the actor speaks to the issue:
``0.3 + 0.1 × specific + 0.05 × generic stances, + 0.15 for a demand, refusal or rejection
specific to the issue``, capped at 0.95, ±0.15.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from accord.case import Evidence, Issue, Position
from accord.draft.actors import slug
from accord.draft.acts import Act, Stance
from accord.draft.linking import RELATIVE, THRESHOLD, Link, Linker
from accord.draft.stances import WHOLE
from accord.quantity import Quantity

SURE, UNSURE = 10.0, 20.0
ECHO = 0.2  # lexical cosine above which a response echoes a demand's words
GENERIC_ACTS = frozenset({Act.OFFER, Act.FIRM})
ANAPHOR = re.compile(r"^\W*(neither|none) of (those|these|them)\b|"
                     r"^\W*(those|these|this|that|it)\b(?! \w+ (who|which|that)\b)", re.I)
ANAPHOR_REACH = 1500  # characters back to the demand an anaphoric rejection answers
ANSWER_SHARE = 0.5  # of the link threshold, for the demand a rejection points back to
MEMBERSHIP = re.compile(r"\b(join(s|ed|ing)?|membership|accession|accede|admi(t|ts|tted|ssion)|"
                        r"enlarge\w*|expan(d|ds|ded|ding|sion))\b", re.I)
FIRM_ACTS = frozenset({Act.REJECT, Act.FIRM})
PROCESS = re.compile(r"\b(talks|negotiations?|consultations?|meeting|dialogue)\b", re.I)
PROCESS_HEAD = 4  # a process issue names the talks among its title's first words
REVERSAL = re.compile(r"\b(withdraw\w*|scrap\w*|drop\w*|abandon\w*|cancel\w*|revers\w*|"
                      r"repeal\w*|lift\w*)\b", re.I)


@dataclass(frozen=True)
class Found:
    """A stance on one issue: specific (linked, with its score) or generic (score None)."""

    stance: Stance
    score: float | None


@dataclass
class Placed:
    """The stances found for each (body, issue id), the issues demands were made on, and what
    the draft could not decide."""

    by_position: dict[tuple[str, str], list[Found]] = field(
        default_factory=lambda: defaultdict(list))
    demand_end: dict[str, float] = field(default_factory=dict)
    undecided: list[str] = field(default_factory=list)


def proposed_end(linker: Linker, issue: Issue, text: str, reversing: bool = False) -> float:
    """The end whose label the text echoes, else the end farther from the status quo; the
    other end for a demand to withdraw what the text describes."""
    lo, hi = min(issue.scale), max(issue.scale)
    if reversing:  # an end labelled as the withdrawal itself ("regulations withdrawn")
        undone = [e for e in (lo, hi) if REVERSAL.search(issue.scale[e])]
        if len(undone) == 1:
            return undone[0]
    end = linker.content_end(issue.id, text)
    if end is None:
        sq = issue.status_quo.central
        end = hi if abs(hi - sq) >= abs(sq - lo) else lo
    return (lo if end == hi else hi) if reversing else end


def _echoes(
    stances: list[Stance], links: list[list[Link]], linker: Linker
) -> list[list[Link]]:
    """Each rejection's or refusal's links plus the issues of every demand it echoes (a
    rejection that answers "written guarantees that NATO will not expand" in the demand's own
    words bears on the demand's issues even when the linker misses them)."""
    demands = [(s, found) for s, found in zip(stances, links, strict=True)
               if s.act is Act.DEMAND and found]
    out = []
    for s, found in zip(stances, links, strict=True):
        have = {lk.issue for lk in found}
        extra: list[Link] = []
        if s.act in FIRM_ACTS and not found and ANAPHOR.search(s.text):
            extra += _answered(s, [(d, found or answer_links(linker, d.linked))
                                   for d, found in zip(stances, links, strict=True)
                                   if d.act is Act.DEMAND])
        if s.act in FIRM_ACTS:
            for d, d_links in demands:
                sim = linker.similarity(s.linked, d.linked)
                if sim >= ECHO and not set(s.holders) & set(d.holders):
                    extra += [Link(lk.issue, round(sim, 4), sim, None) for lk in d_links
                              if lk.issue not in have and lk.issue not in {e.issue for e in extra}]
        out.append([*found, *extra])
    return out


def answer_links(linker: Linker, text: str) -> list[Link]:
    """The issues a demand bears on when a rejection points back to it: the linker's rule
    with half its threshold (:data:`ANSWER_SHARE`), since a demand put to the side that
    answers it is on the agenda, and the answer confirms it: "President X demanding that Y
    pull its troops out of the region" links to the issue on troops in the region even when
    the sentence shares too few words with it to be linked alone."""
    row = linker.scores([text])[0]
    best = max((lk.score for lk in row), default=0.0)
    return [lk for lk in sorted(row, key=lambda lk: -lk.score)
            if lk.score >= ANSWER_SHARE * THRESHOLD and lk.score >= RELATIVE * best]


def _answered(s: Stance, demands: list[tuple[Stance, list[Link]]]) -> list[Link]:
    """The issues of the demand an anaphoric rejection answers: the nearest one read before
    it in the same article, by another body, within :data:`ANAPHOR_REACH` characters."""
    before = [(d, d_links) for d, d_links in demands
              if d.article == s.article and 0 < s.start - d.start <= ANAPHOR_REACH
              and not set(s.holders) & set(d.holders)]
    if not before:
        return []
    _, d_links = max(before, key=lambda x: x[0].start)
    return [Link(lk.issue, lk.score, lk.lexical, None) for lk in d_links]


def _act(s: Stance, body: str, issue_id: str, demanders: set[tuple[str, str]]) -> Stance:
    """A refusal to concede by a body that demands nothing on the issue keeps the status quo:
    a rejection (a demand on another issue is not one on this: "we will continue to urge X to
    withdraw its forces" does not make "we will not allow anyone to slam closed the open door"
    a refusal to give up a demand on membership)."""
    if s.act is Act.FIRM and (body, issue_id) not in demanders:
        return replace(s, act=Act.REJECT)
    return s


def membership_issues(issues: dict[str, Issue], keywords: dict[str, tuple[str, ...]]) -> set[str]:
    """The issues about joining a body: their title or keywords speak of joining,
    membership, accession or enlargement."""
    return {i for i, issue in issues.items()
            if MEMBERSHIP.search(" ".join([issue.title, *keywords.get(i, ())]))}


def process_issues(issues: dict[str, Issue]) -> set[str]:
    """The issues about the talks themselves: a word for talks among the title's first
    :data:`PROCESS_HEAD` words ("Further negotiations", "Closing the unity talks", "An informal
    meeting of the parties"; not "Sanctions lifted as a condition for the talks")."""
    return {i for i, issue in issues.items()
            if PROCESS.search(" ".join(issue.title.split()[:PROCESS_HEAD]))}


def _offers_on_process(
    stances: list[Stance], links: list[list[Link]], process: set[str]
) -> list[list[Link]]:
    """An offer to talk linked to issues bears on the process issues instead, with its best
    score (its own link to a process issue kept)."""
    if not process:
        return links
    out = []
    for s, found in zip(stances, links, strict=True):
        if s.act is Act.OFFER and found:
            own = {lk.issue: lk for lk in found if lk.issue in process}
            best = max(found, key=lambda lk: lk.score)
            found = [own.get(i, Link(i, best.score, best.lexical, None)) for i in sorted(process)]
        out.append(found)
    return out


def assign(
    stances: list[Stance], linker: Linker, issues: dict[str, Issue],
    membership: set[str] | None = None, process: set[str] | None = None,
) -> Placed:
    """Every stance under the (body, issue) it bears on; generic ones on every agenda issue
    (offers on the ``process`` issues, when there are any), aspirations on the agenda's
    ``membership`` issues; joint rejections shared."""
    placed = Placed()
    process = process or set()
    aspire = [s for s in stances if s.act is Act.ASPIRE]
    stances = [s for s in stances if s.act is not Act.ASPIRE]
    links = _offers_on_process(
        stances, _echoes(stances, linker.link([s.linked for s in stances]), linker), process)
    stances = _counter_demands(stances, links)
    demanders = {(h, lk.issue) for s, found in zip(stances, links, strict=True)
                 if s.act is Act.DEMAND for lk in found for h in s.holders}
    best: dict[str, float] = {}  # the demand that bears on an issue most sets its end
    for s, found in zip(stances, links, strict=True):
        for link in found:
            if s.act is Act.DEMAND and link.score > best.get(link.issue, -1.0):
                best[link.issue] = link.score
                placed.demand_end[link.issue] = proposed_end(
                    linker, issues[link.issue], s.linked, s.reversing)
            for body in s.holders:
                placed.by_position[body, link.issue].append(
                    Found(_act(s, body, link.issue, demanders), link.score))
    _place_generic(stances, links, demanders, placed, process)
    _place_aspirations(aspire, membership or set(), placed)
    _share_joint_rejections(stances, placed)
    return placed


def _counter_demands(stances: list[Stance], links: list[list[Link]]) -> list[Stance]:
    """A demand that the side demanding change on every issue it links to withdraw ("will
    continue to urge Ruritania to withdraw its forces", where Ruritania demands limits on
    forces) asks that side to give ground: it opposes its demands, a rejection."""
    demands: dict[str, set[str]] = defaultdict(set)  # issue → bodies demanding on it
    for s, found in zip(stances, links, strict=True):
        if s.act is Act.DEMAND and not s.reversing:
            for lk in found:
                demands[lk.issue].update(s.holders)
    return [replace(s, act=Act.REJECT, how=f"{s.how}: asks {s.target} to withdraw")
            if s.act is Act.DEMAND and s.reversing and found and s.target and all(
                s.target in demands[lk.issue] for lk in found) else s
            for s, found in zip(stances, links, strict=True)]


def _place_generic(
    stances: list[Stance], links: list[list[Link]], demanders: set[tuple[str, str]],
    placed: Placed, process: set[str],
) -> None:
    """Responses to the demands as a whole, and offers, on every issue a demand was made on
    (offers on the process issues, when there are any)."""
    agenda = list(placed.demand_end)
    specific_offers = {h for s, found in zip(stances, links, strict=True)
                       if s.act is Act.OFFER and found for h in s.holders}
    for s, found in zip(stances, links, strict=True):
        generic = s.act in GENERIC_ACTS or (s.act is Act.REJECT and WHOLE.search(s.text))
        if found or not generic:
            continue
        for issue_id in (sorted(process) if s.act is Act.OFFER and process else agenda):
            for body in s.holders:
                if s.act is Act.OFFER and body in specific_offers:
                    continue  # its offers on named issues say where it would negotiate
                placed.by_position[body, issue_id].append(
                    Found(_act(s, body, issue_id, demanders), None))


def _place_aspirations(aspire: list[Stance], membership: set[str], placed: Placed) -> None:
    """Aspirations to join on the membership issues a demand was made on."""
    for s in aspire:
        for issue_id in (i for i in placed.demand_end if i in membership):
            for body in s.holders:
                placed.by_position[body, issue_id].append(Found(s, None))


def _share_joint_rejections(stances: list[Stance], placed: Placed) -> None:
    """Bodies that reject jointly are one camp: on an issue where one holds a specific
    rejection and another no specific stance, the other is placed with it, saying why."""
    camps = {tuple(sorted(s.holders)): s for s in stances
             if s.act is Act.REJECT and len(s.holders) > 1}
    for holders, joint in camps.items():
        for (body, issue_id), found in list(placed.by_position.items()):
            if body not in holders:
                continue
            own = [f for f in found if f.score is not None and f.score >= THRESHOLD
                   and f.stance.act in FIRM_ACTS]  # an answer's weak link stays its own
            for other in holders:
                theirs = placed.by_position.get((other, issue_id), [])
                if other == body or any(f.score is not None for f in theirs):
                    continue
                for f in own[:1]:
                    why = (f"inferred: {other} and {body} reject the demands jointly "
                           f"({joint.text[:80]!r}…), and {body}'s rejection is specific to "
                           f"the issue")
                    placed.by_position[other, issue_id].append(
                        Found(replace(f.stance, holders=(other,), how=why), f.score))


def _beyond(issue: Issue, toward: float) -> list[float]:
    """The labelled points strictly between the status quo and ``toward``, nearest first."""
    sq = issue.status_quo.central
    lo, hi = sorted((sq, toward))
    points = [p for p in issue.scale if lo < p < hi]
    return sorted(points, key=lambda p: abs(p - sq))


def offer_point(linker: Linker, issue: Issue, end: float, texts: list[str]) -> tuple[float, str]:
    """The labelled point an offer to negotiate sits at, and why."""
    steps = _beyond(issue, end)
    if not steps:
        mid = (issue.status_quo.central + end) / 2
        return mid, "no labelled point lies between the status quo and the demand: halfway"
    for p in steps:
        label = issue.scale[p]
        if any(linker.similarity(t, label) >= 0.2 for t in texts):
            return p, f"the offer echoes the labelled point {p:g} ({label!r})"
    return steps[0], (f"the smallest step the scale names beyond the status quo, {steps[0]:g} "
                      f"({issue.scale[steps[0]]!r})")


def _span(a: float, b: float, width: float) -> tuple[float, float]:
    lo, hi = sorted((a, b))
    return max(0.0, lo - width), min(100.0, hi + width)


def place(
    found: list[Found], issue: Issue, end: float, linker: Linker
) -> tuple[Quantity, str, bool]:
    """The position the stances give, why, and whether the analyst must decide."""
    specific = [f for f in found if f.score is not None]
    used = specific or found
    acts = {f.stance.act for f in used}
    width = SURE if specific else UNSURE
    sq = issue.status_quo.central
    scope = "specific to the issue" if specific else "generic (a response to the demands)"
    toward = 1.0 if end >= sq else -1.0
    if acts == {Act.ASPIRE}:
        far = min(issue.scale) if end >= sq else max(issue.scale)
        why = (f"{scope}: wants to join, the opposite of the demand: the {far:g} end "
               f"({issue.scale.get(far, '')!r})")
        low, high = _span(far, far + toward * width, 0.0)
        return Quantity(value=far, low=low, high=high, rationale=why), why, False
    acts -= {Act.ASPIRE}
    if acts & {Act.DEMAND, Act.FIRM} and Act.REJECT in acts:
        why = (f"{scope} stances both demand {end:g} and reject it: between the status quo "
               f"and the demand, for the analyst to decide")
        return Quantity(value=(sq + end) / 2, low=min(sq, end), high=max(sq, end),
                        rationale=why), why, True
    if acts & {Act.DEMAND, Act.FIRM}:
        why = f"{scope}: demands the {end:g} end ({issue.scale.get(end, '')!r})"
        low, high = _span(end, end - toward * width, 0.0)
        return Quantity(value=end, low=low, high=high, rationale=why), why, False
    texts = [f.stance.text for f in used if f.stance.act is Act.OFFER]
    if Act.OFFER in acts:
        step, how = offer_point(linker, issue, end, texts)
        if Act.REJECT in acts:
            why = (f"{scope}: rejects the demand as put but offers to negotiate; {how}; "
                   f"halfway between the status quo and that point")
            return Quantity(value=(sq + step) / 2, low=min(sq, step), high=max(sq, step),
                            rationale=why), why, False
        why = f"{scope}: offers to negotiate; {how}"
        low, high = _span(step, step, width)
        return Quantity(value=step, low=low, high=high, rationale=why), why, False
    why = f"{scope}: rejects the demand; at the status quo ({sq:g})"
    low, high = _span(sq, sq + toward * width, 0.0)
    return Quantity(value=sq, low=low, high=high, rationale=why), why, False


def salience(found: list[Found]) -> Quantity:
    """How much the actor cares, from how often and how strongly it speaks to the issue."""
    n_specific = sum(f.score is not None for f in found)
    strong = any(f.score is not None and f.stance.act is not Act.OFFER for f in found)
    value = min(0.95, 0.3 + 0.1 * n_specific + 0.05 * (len(found) - n_specific)
                + (0.15 if strong else 0.0))
    return Quantity(
        value=round(value, 2), low=round(max(0.05, value - 0.15), 2),
        high=round(min(1.0, value + 0.15), 2),
        rationale=(f"{n_specific} stance(s) specific to the issue, "
                   f"{len(found) - n_specific} generic; "
                   f"{'a demand, refusal or rejection on it' if strong else 'no firm stand'}"),
    )


def _evidence(f: Found) -> Evidence:
    s = f.stance
    link = f"linked with score {f.score:.2f}" if f.score is not None else "generic"
    return Evidence(
        source=s.article or "evidence", kind="extracted", speaker=s.speaker, quote=s.text,
        rationale=f"{s.act.value} ({s.how}); {link}",
        confidence=round(min(0.95, 0.4 + 0.5 * (f.score or 0.2)), 2),
    )


def draft_position(
    body: str, issue: Issue, found: list[Found], end: float, linker: Linker
) -> tuple[Position, bool]:
    """The body's position on the issue and whether the analyst must decide it."""
    value, why, undecided = place(found, issue, end, linker)
    ranked = sorted(found, key=lambda f: -(f.score if f.score is not None else -1.0))
    return Position(
        actor=slug(body), issue=issue.id, position=value, salience=salience(found),
        evidence=[_evidence(f) for f in ranked],
        rationale=f"drafted from extracted evidence, for analyst review: {why}",
    ), undecided
