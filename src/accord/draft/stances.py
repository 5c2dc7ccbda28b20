"""Stances: who takes which stand on the demands on the table, read from events and quotes.

A stance is one of four acts, each with the bodies that hold it and the sentence it is read
from:

- **demand**: a request, support or substantive agreement (PLOVER REQUEST, SUPPORT, AGREE,
  CONCEDE), or a cue ("called for", "demanded") — the holder wants what the sentence proposes;
- **firm**: a refusal to concede ("will not water down their demands", "would have to go
  ahead") — the holder keeps its demand, or, demanding nothing, the status quo;
- **reject**: a rejection (REJECT other than the denial of a charge; a negated demand or
  agreement) or a cue such as "rejected those demands out of hand";
- **offer**: an offer to talk (AGREE or CONSULT to meet or discuss; "ready to listen",
  "willing to discuss", "signalled a willingness to explore compromises");
- **aspire**: a body's own ambition to join the body whose membership is at stake ("the
  ambitions of Ruritanian elites to join the union", "Ruritania's bid to join"): the opposite
  of a demand to bar it, read from any sentence that names the body inside the phrase.

The holders are the event's source or the quote's speaker, as the body they speak for, with
the bodies coordinated with it ("The U.S. and NATO have rejected"); a collective ("the West",
"the allies") stands for the bodies the demands are addressed to, and so do the allies of an
addressee coordinated with it ("Freedonia and its allies rejected …": the addressees). A stance
is *specific* to the issues its sentence links to; a response that links to no issue but speaks
of the demands as a whole ("those demands", "the proposals", "the draft treaties"), and any
offer to talk, is *generic*: it bears on every issue a demand was made on (the agenda).

Sentence cues add acts only to a sentence that carries a single event or to a quote, so that
"the EU has urged Washington …" does not inherit the American side's agreement to meet in the
same sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import pairwise

from accord.draft.actors import DraftActors
from accord.extract.records import ActorRecord, EventRecord, QuoteRecord


class Act(StrEnum):
    DEMAND = "demand"
    FIRM = "firm"
    REJECT = "reject"
    OFFER = "offer"
    ASPIRE = "aspire"


DEMAND_TYPES = frozenset({"REQUEST", "SUPPORT", "AGREE", "CONCEDE"})
TALK_MODES = frozenset({"meet", "consult", "negotiate", "discuss", "visit"})
REVERSING_MODES = frozenset({"retreat"})  # a demand to withdraw what the sentence describes
CUES: dict[Act, re.Pattern[str]] = {
    Act.DEMAND: re.compile(r"\b(call(ed|s|ing)? for|demand(ed|s|ing)?)\b", re.I),
    Act.FIRM: re.compile(
        r"\b(not water down|no deviations?|cannot be deviations|not back down|non-negotiable|"
        r"will not budge|would not budge|(will|would|must) (have to )?go ahead)\b", re.I),
    Act.REJECT: re.compile(
        r"\b(reject\w*|refus\w*|dismiss\w*|cannot accept|can't accept|unacceptable|"
        r"out of hand|overwhelmingly negative|not on the table|off the table|will oppose|"
        r"(neither|none) of (those|these|them) (is|are) on the table|"
        r"(little|no) sympathy for)\b", re.I),
    Act.OFFER: re.compile(
        r"\b(ready to (listen|discuss|talk|negotiate)|willing\w* to (discuss|talk|negotiate|"
        r"explore|consider)|open to (talks|discuss\w*|negotiat\w*)|agreed to (meet|discuss|talk)|"
        r"prepared to (discuss|negotiate|talk)|explore compromises|room for (further )?"
        r"negotiations?|will (of course )?be consulted)\b", re.I),
}
WHOLE = re.compile(
    r"\b(demands|proposals?|draft treat(y|ies)|drafts|those plans|the plans|the offer|"
    r"regulations|concerns)\b", re.I)
COLLECTIVES = re.compile(r"\b([Tt]he West|Western (powers|governments|capitals)|[Tt]he allies)\b")
COLLECTIVE = "the addressees of the demands"  # a holder resolved once all demands are read
WITH_ALLIES = re.compile(r"\band (its|their) (\w+ )?(allies|partners)\b", re.I)
REPORTING = re.compile(r"\b(said|says|say|told|tells|according to|quoted|reported)\b", re.I)
COORDINATION = re.compile(r"^\s*(,|and|, and|as well as)\s*$")
_WHO = r"(?P<who>[^,.;:]{2,60}?)"
ASPIRATIONS = (
    re.compile(r"\b(ambitions?|aspirations?|bids?|hopes?|desire|drive|plans?)\s+(of|by)\s+"
               + _WHO + r"\s+to\s+(join|become (a )?members?|accede)\b", re.I),
    re.compile(_WHO + r"(’s|'s)\s+(ambitions?|aspirations?|bids?|hopes?|desire|drive|plans?)"
               r"\s+to\s+(join|become (a )?members?|accede)\b", re.I),
)


@dataclass(frozen=True)
class Stance:
    """One act by one or more bodies, read from one sentence or quote."""

    act: Act
    holders: tuple[str, ...]
    text: str
    article: str
    speaker: str | None  # the name in the evidence (a person or a body)
    how: str  # what was read: the event type or the cue
    reversing: bool = False  # a demand to undo what the sentence describes
    target: str | None = None  # the body a demand is addressed to
    start: int = 0  # where the sentence or quote starts in its article


@dataclass
class Stances:
    """Every stance read from the evidence, and the parties and addressees of the demands."""

    found: list[Stance] = field(default_factory=list)
    talks: set[frozenset[str]] = field(default_factory=set)  # bodies meeting each other

    def addressees(self) -> set[str]:
        return {s.target for s in self.found if s.act is Act.DEMAND and s.target}


def _mentions(records: Iterable[ActorRecord]) -> dict[str, list[tuple[int, int, str]]]:
    by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r in records:
        for m in r.mentions:
            by_article[r.article].append((m.start, m.end, r.name))
    return {a: sorted(ms) for a, ms in by_article.items()}


def coordinated(event: EventRecord, mentions: list[tuple[int, int, str]]) -> list[str]:
    """The names coordinated with the event's source inside its sentence ("X and Y have …");
    ``mentions`` are the article's actor mentions (start, end, name), in order."""
    if event.source is None:
        return []
    inside = [m for m in mentions if event.start <= m[0] and m[1] <= event.end]
    names: list[str] = []
    for (_, end, name), (start, _, other) in pairwise(inside):
        between = event.sentence[end - event.start:start - event.start]
        if COORDINATION.match(between) and event.source in (name, other):
            names += [name, other]
    return list(dict.fromkeys(n for n in names if n != event.source))


def event_acts(event: EventRecord) -> list[Act]:
    """The acts an event's type, mode and negation say."""
    if event.mode == "deny":
        return []  # denying a charge says nothing about the demands
    if event.negated:
        if event.mode == "concede" or event.plover == "CONCEDE":
            return [Act.FIRM]
        return [Act.REJECT] if event.plover in DEMAND_TYPES else []
    if event.plover in ("AGREE", "CONSULT") and event.mode in TALK_MODES:
        return [Act.OFFER]
    if event.plover == "REJECT":
        return [Act.REJECT]
    if event.plover in DEMAND_TYPES:
        return [Act.DEMAND]
    return []


def cue_acts(text: str) -> list[tuple[Act, str]]:
    """The acts a sentence's words say, with the cue read."""
    found = []
    for act, pattern in CUES.items():
        m = pattern.search(text)
        if m:
            found.append((act, m.group(0)))
    return found


def _holders(event: EventRecord, actors: DraftActors, extra: list[str]) -> list[str]:
    names = [event.source, *extra] if event.source else extra
    return list(dict.fromkeys(b for n in names if n for b in actors.bodies_of(n, event.article)))


def read_stances(
    events: list[EventRecord],
    quotes: list[QuoteRecord],
    actors: DraftActors,
    records: list[ActorRecord],
) -> Stances:
    """Every stance in the evidence, collectives resolved to the demands' addressees."""
    out = Stances()
    mentions = _mentions(records)
    per_sentence: dict[tuple[str, int], int] = defaultdict(int)
    for e in events:
        per_sentence[e.article, e.start] += 1
    for e in events:
        _event_stances(out, e, actors, mentions.get(e.article, []),
                       alone=per_sentence[e.article, e.start] == 1)
    sentences = {(e.article, e.start): e.sentence for e in events}
    for (article, start), sentence in sentences.items():
        out.found += aspirations(sentence, article, start, actors, mentions.get(article, []))
    covered = {(e.article, b): (e.start, e.end)
               for e in events if e.source for b in actors.bodies_of(e.source, e.article)}
    for q in quotes:
        _quote_stances(out, q, actors, covered)
    addressees = tuple(sorted(out.addressees()))
    out.found = [
        replace(s, holders=_resolved(s.holders, addressees)) if COLLECTIVE in s.holders else s
        for s in out.found if s.holders
    ]
    return out


def _resolved(holders: tuple[str, ...], addressees: tuple[str, ...]) -> tuple[str, ...]:
    """The holders with the collective replaced by the addressees of the demands; a named
    holder's allies ("X and its allies") count only for an addressee X (a demander's allies
    are not the side the demands are made on)."""
    named = [h for h in holders if h != COLLECTIVE]
    if named and not set(named) & set(addressees):
        return tuple(named)
    return tuple(dict.fromkeys([*named, *addressees]))


def _event_stances(
    out: Stances, e: EventRecord, actors: DraftActors,
    mentions: list[tuple[int, int, str]], alone: bool,
) -> None:
    holders = _holders(e, actors, coordinated(e, mentions))
    # an addressee is a named body (or one a generic agent is tied to), never a collective
    named = [b for b in actors.bodies_of(e.target, e.article) if not actors.is_collective(b)
             and b not in holders] if e.target else []
    target = named[0] if named else None
    talk = e.plover == "CONSULT" or (e.plover == "AGREE" and e.mode in TALK_MODES)
    if talk and holders and target:
        out.talks.add(frozenset({holders[0], target}))
    acts = [(a, f"event {e.plover}{'/' + e.mode if e.mode else ''}"
             f"{' (negated)' if e.negated else ''}") for a in event_acts(e)]
    if alone:
        acts += [(a, f"cue {cue!r}") for a, cue in cue_acts(e.sentence)
                 if a not in {x for x, _ in acts}]
    collective = not holders and _collective_acts(e)
    if holders and WITH_ALLIES.search(e.sentence):
        holders.append(COLLECTIVE)  # "X and its allies": X and the addressees of the demands
    for act, how in acts:
        out.found.append(Stance(
            act=act,
            holders=tuple(holders) if holders else ((COLLECTIVE,) if collective else ()),
            text=e.sentence, article=e.article, speaker=e.source, how=how,
            reversing=e.mode in REVERSING_MODES, target=target if act is Act.DEMAND else None,
            start=e.start,
        ))


def _collective_acts(e: EventRecord) -> bool:
    """Whether a collective ("the West", "Western governments") is who acts in the event's
    sentence: it is not the event's target, and no report ("sources in the party said")
    comes before it, so that a party's demand *on* Western governments is never read as the
    West's own stand."""
    m = COLLECTIVES.search(e.sentence)
    if m is None:
        return False
    if e.target and e.target.casefold() in m.group(0).casefold():
        return False
    return REPORTING.search(e.sentence, 0, m.start()) is None


def _quote_stances(
    out: Stances, q: QuoteRecord, actors: DraftActors,
    covered: dict[tuple[str, str], tuple[int, int]],
) -> None:
    if not q.speaker:
        return
    for body in actors.bodies_of(q.speaker, q.article):
        span = covered.get((q.article, body))
        if span and span[0] <= q.start < span[1]:
            continue  # the event of the same sentence already speaks for this body
        for act, cue in cue_acts(q.text):
            out.found.append(Stance(act=act, holders=(body,), text=q.text, article=q.article,
                                    speaker=q.speaker, how=f"quote, cue {cue!r}", start=q.start))


def aspirations(
    sentence: str, article: str, start: int, actors: DraftActors,
    mentions: list[tuple[int, int, str]],
) -> list[Stance]:
    """The bodies a sentence shows wanting to join ("the ambitions of Ruritanian elites to
    join the union"): each named inside the phrase, as an ASPIRE stance."""
    found = []
    for pattern in ASPIRATIONS:
        for m in pattern.finditer(sentence):
            a, b = start + m.start("who"), start + m.end("who")
            names = [n for s, e, n in mentions if a <= s and e <= b]
            holders = tuple(dict.fromkeys(
                body for n in names for body in actors.bodies_of(n, article)
                if not actors.is_collective(body)))
            if holders:
                found.append(Stance(act=Act.ASPIRE, holders=holders, text=sentence,
                                    article=article, speaker=None, start=start,
                                    how=f"aspiration {m.group(0)!r}"))
    return found
