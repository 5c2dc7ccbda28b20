"""Stances: who takes which stand on the demands on the table, read from events and quotes.

A stance is one of four acts, each with the bodies that hold it and the sentence it is read
from:

- **demand**: a request, support or substantive agreement (PLOVER REQUEST, SUPPORT, AGREE,
  CONCEDE), or a cue ("called for", "demanded") — the holder wants what the sentence proposes;
- **firm**: a refusal to concede ("will not water down their demands", "would have to go
  ahead") — the holder keeps its demand, or, demanding nothing, the status quo;
- **reject**: a rejection (REJECT other than the denial of a charge; a negated demand or
  agreement) or a cue such as "rejected those demands out of hand", "pushing back on", "a
  non-starter";
- **offer**: an offer to talk (AGREE or CONSULT to meet or discuss; "ready to listen",
  "willing to discuss", "signalled a willingness to explore compromises"); a briefing ("will
  travel to the capital to brief the council") informs, and a meeting with a body of one's own
  camp (one it rejects the demands jointly with) is no offer to the other side;
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

Sentence cues add acts to a sentence whose events all have the same holder (one event, or
several read from one body: "we are open to discussing limits on exercises" coded as
cooperation and consultation by the same speaker) and to quotes (a transcript turn holds many,
read paragraph by paragraph), so that "the EU has urged Washington …" does not inherit the
American side's agreement to meet in the same sentence. In a sentence of several clauses
("supports X, but turned down Y") each act is linked to issues by its own clause
(:attr:`Stance.linked`). A noun with its holder as possessor is a stance too ("Freedonia's
refusal to lift the tariffs", "Ruritania's suggestion of a meeting"), and only the
possessor's: a cue noun naming another's act is not the sentence holder's ("welcomed
Ruritania's refusal"; "rejected the demand to", "turned down Moscow's demands", "received the
demands": the holder rejects or receives, it does not demand). Not stances: the content
of a demand ("A demanding that B … rule out Y" is not B's rejection), declining to comment, and
the agent of a demand named by a participle ("the guarantees demanded by A") is not addressing
anyone in that sentence, and an event's target is an addressee only when the sentence names it
(or, through a third-person pronoun, the sentence before does): "we are keen to support the
discussions" addresses no one. A speaker's condition ("we will return to the talks if the
sanctions are lifted") is a demand for it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from accord.draft.actors import DraftActors
from accord.draft.acts import Act, Stance
from accord.draft.cues import CUES, condition, cue_acts, cue_match
from accord.extract.records import ActorRecord, EventRecord, QuoteRecord

DEMAND_TYPES = frozenset({"REQUEST", "SUPPORT", "AGREE", "CONCEDE"})
TALK_MODES = frozenset({"meet", "consult", "negotiate", "discuss", "visit", "host"})
REVERSING_MODES = frozenset({"retreat"})  # a demand to withdraw what the sentence describes
WHOLE = re.compile(
    r"\b(demands|proposals?|draft treat(y|ies)|drafts|those plans|the plans|the offer|"
    r"regulations|concerns)\b", re.I)
COLLECTIVES = re.compile(r"\b([Tt]he West|Western (powers|governments|capitals)|[Tt]he allies)\b")
COLLECTIVE = "the addressees of the demands"  # a holder resolved once all demands are read
WITH_ALLIES = re.compile(r"\band (its|their) (\w+ )?(allies|partners)\b", re.I)
DEMAND_VERB = re.compile(r"\b(demand\w*|urg(e|es|ed|ing)|ask(s|ed|ing)?|call(s|ed|ing)? on|"
                         r"press(es|ed|ing)?|insist\w*)\b", re.I)
BRIEFING = re.compile(r"\b(brief(s|ed|ing)?|debrief\w*|inform(s|ed|ing)?)\b", re.I)
PRONOUN = re.compile(r"\b(it|its|they|them|their|he|him|his|she|her)\b", re.I)
PRONOUN_REACH = 300  # characters back to the sentence a pronoun's antecedent is named in
PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")  # a run of text without a blank line
CLAUSES = re.compile(r",?\s+\b(?:but|while|whereas|although)\s+|;\s+")
NO_COMMENT = re.compile(r"\b(declin\w*|refus\w*) to (say|comment|confirm|discuss whether|"
                        r"speculate)\b", re.I)
BY_PASSIVE = re.compile(r"\b(demanded|requested|sought|proposed|called for|wanted) by\s+"
                        r"(?P<who>[^,.;:]{2,60})", re.I)
REPORTING = re.compile(r"\b(said|says|say|told|tells|according to|quoted|reported)\b", re.I)
COORDINATION = re.compile(r"^\s*(,|and|, and|as well as)\s*$")
_WHO = r"(?P<who>[^,.;:]{2,60}?)"
NOMINAL: dict[Act, re.Pattern[str]] = {
    Act.REJECT: re.compile(_WHO + r"(’s|'s)\s+(\w+\s+)?(refusal|rejection)\s+(to|of)\b", re.I),
    Act.DEMAND: re.compile(
        _WHO + r"(’s|'s)\s+(\w+\s+)?(suggestion|proposal|demand|call|insistence|condition)s?\s+"
        r"(of|for|to|that|on)\b", re.I),
}
ASPIRATIONS = (
    re.compile(r"\b(ambitions?|aspirations?|bids?|hopes?|desire|drive|plans?)\s+(of|by)\s+"
               + _WHO + r"\s+to\s+(join|become (a )?members?|accede)\b", re.I),
    re.compile(_WHO + r"(’s|'s)\s+(ambitions?|aspirations?|bids?|hopes?|desire|drive|plans?)"
               r"\s+to\s+(join|become (a )?members?|accede)\b", re.I),
)


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
    if event.plover == "REJECT" and NO_COMMENT.search(event.sentence):
        return []  # "declined to say whether …": no comment, no stand
    if event.negated:
        if event.mode == "concede" or event.plover == "CONCEDE":
            return [Act.FIRM]
        return [Act.REJECT] if event.plover in DEMAND_TYPES else []
    if (event.plover in ("AGREE", "CONSULT") and event.mode in TALK_MODES) or (
            event.plover == "AGREE" and not event.mode and cue_match(Act.OFFER, event.sentence)):
        return [Act.OFFER]  # an agreement to talk ("agreed to stay in close contact")
    if event.plover == "REJECT":
        return [Act.REJECT]
    if event.plover in DEMAND_TYPES:
        return [Act.DEMAND]
    return []


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
    readers = cue_readers(events, actors)
    contents = demand_contents(events, mentions)
    for k, e in enumerate(events):
        if k in contents:
            continue
        _event_stances(out, e, actors, mentions.get(e.article, []), cues=k in readers)
    sentences = {(e.article, e.start): e.sentence for e in events}
    for (article, start), sentence in sentences.items():
        out.found += aspirations(sentence, article, start, actors, mentions.get(article, []))
        out.found += nominal_stances(sentence, article, start, actors, mentions.get(article, []))
    covered: dict[tuple[str, str], set[tuple[int, int]]] = defaultdict(set)
    for e in events:
        for b in actors.bodies_of(e.source, e.article) if e.source else []:
            covered[e.article, b].add((e.start, e.end))
    for q in quotes:
        _quote_stances(out, q, actors, covered)
    out.found = [s for s in out.found if not _own_camp(s, out.found)]
    addressees = tuple(sorted(out.addressees()))
    asked = {(h, s.target) for s in out.found if s.act is Act.DEMAND and s.target
             for h in s.holders}
    out.found = [
        replace(s, holders=_resolved(s, addressees, asked, actors)) if COLLECTIVE in s.holders
        else s for s in out.found if s.holders
    ]
    return out


def cue_readers(events: list[EventRecord], actors: DraftActors) -> set[int]:
    """The events whose holders read their sentence's cues: the one event of a sentence, or
    the first event with a source when every event with a source in the sentence speaks for
    the same bodies (several events, one speaker); none when two bodies act in it."""
    by_sentence: dict[tuple[str, int], list[int]] = defaultdict(list)
    for k, e in enumerate(events):
        by_sentence[e.article, e.start].append(k)
    out = set()
    for ks in by_sentence.values():
        sourced = [k for k in ks if events[k].source]
        bodies = {tuple(actors.bodies_of(events[k].source or "", events[k].article))
                  for k in sourced}
        if len(ks) == 1:
            out.add(ks[0])
        elif sourced and len(bodies) == 1:
            out.add(sourced[0])
    return out


def _own_camp(s: Stance, found: list[Stance]) -> bool:
    """An offer to meet a body that demands nothing ("visited X to reconfirm support") or one
    of the holder's camp (it rejects the demands jointly with it) is no offer to the other side."""
    if s.act is not Act.OFFER or s.target is None:
        return False
    return not any(t.act is Act.DEMAND and s.target in t.holders for t in found) or any(
        t.act is Act.REJECT and s.target in t.holders and set(s.holders) & set(t.holders)
        for t in found)


def demand_contents(
    events: list[EventRecord], mentions: dict[str, list[tuple[int, int, str]]]
) -> set[int]:
    """Events that are the content of a demand made in the same one-clause sentence, not an
    act of their own: in "A demanding that B pull back and rule out expanding the alliance",
    B's "rule out" is what A asks of B (the demand's addressee is the event's source). The
    indices of those events."""
    asked: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for e in events:
        if e.plover == "REQUEST" and e.source and e.target and not e.negated:
            asked[e.article, e.start].add((e.source, e.target))
    return {k for k, e in enumerate(events)
            if e.source and e.plover != "REQUEST" and len(clause_spans(e.sentence)) == 1
            and any(t == e.source and src != e.source for src, t in asked[e.article, e.start])
            and _named_after_demand(e, mentions.get(e.article, []))}


def _named_after_demand(e: EventRecord, mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the event's source is named in its sentence only after the demand's verb."""
    m = DEMAND_VERB.search(e.sentence)
    if m is None:
        return False
    at = e.start + m.start()
    spots = [s for s, _, n in mentions if n == e.source and e.start <= s < e.end]
    return bool(spots) and min(spots) > at


def _resolved(
    s: Stance, addressees: tuple[str, ...], asked: set[tuple[str, str]], actors: DraftActors
) -> tuple[str, ...]:
    """The holders with the collective replaced by the addressees of the demands. A named
    holder's allies ("X and its allies") count only for an addressee X (a demander's allies
    are not the side the demands are made on), and are the bodies addressed by the same
    demanders as X: never X's own demanders, the body the sentence itself addresses, or a
    person."""
    named = [h for h in s.holders if h != COLLECTIVE]
    if not named:
        return addressees
    if not set(named) & set(addressees):
        return tuple(named)
    demanders = {h for h, t in asked if t in named}
    allies = [a for a in addressees if a not in named and a != s.target
              and not actors.is_person(a) and a not in demanders
              and any((h, a) in asked for h in demanders)]
    return tuple(dict.fromkeys([*named, *allies]))


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses, cut at "but", "while", "whereas", "although" and
    semicolons."""
    spans, last = [], 0
    for m in CLAUSES.finditer(sentence):
        spans.append((last, m.start()))
        last = m.end()
    return [*spans, (last, len(sentence))]


def focuses(sentence: str, acts: list[Act]) -> dict[Act, str | None]:
    """The clause each act is read from, in a sentence of several clauses: the one holding
    the act's cue word; an act without a cue (read from the event's type) gets the clauses
    no other act's cue holds. One clause: none (the whole sentence)."""
    spans = clause_spans(sentence)
    if len(spans) < 2:
        return dict.fromkeys(acts)
    where: dict[Act, tuple[int, int]] = {}
    for act in acts:
        m = cue_match(act, sentence) if act in CUES else None
        if m is not None:
            where[act] = next(sp for sp in spans if sp[0] <= m.start() <= sp[1])
    out: dict[Act, str | None] = {}
    for act in acts:
        if act in where:
            out[act] = sentence[slice(*where[act])]
        else:
            rest = [sentence[slice(*sp)] for sp in spans if sp not in where.values()]
            out[act] = ", ".join(rest) if rest else None
    return out


def _event_stances(
    out: Stances, e: EventRecord, actors: DraftActors,
    mentions: list[tuple[int, int, str]], cues: bool,
) -> None:
    holders = _holders(e, actors, coordinated(e, mentions))
    target = _addressee(e, actors, holders) if named_target(e, mentions) else None
    talk = e.plover == "CONSULT" or (e.plover == "AGREE" and e.mode in TALK_MODES)
    if talk and holders and target:
        out.talks.add(frozenset({holders[0], target}))
    acts = [(a, f"event {e.plover}{'/' + e.mode if e.mode else ''}"
             f"{' (negated)' if e.negated else ''}") for a in event_acts(e)
            if not (a is Act.OFFER and BRIEFING.search(e.sentence))]
    if cues:
        acts += [(a, f"cue {cue!r}") for a, cue in cue_acts(e.sentence)
                 if a not in {x for x, _ in acts}]
    collective = not holders and _collective_acts(e)
    if holders and WITH_ALLIES.search(e.sentence):
        holders.append(COLLECTIVE)  # "X and its allies": X and the addressees of the demands
    focus = focuses(e.sentence, [a for a, _ in acts])
    for act, how in acts:
        out.found.append(Stance(
            act=act,
            holders=tuple(holders) if holders else ((COLLECTIVE,) if collective else ()),
            text=e.sentence, article=e.article, speaker=e.source, how=how,
            reversing=e.mode in REVERSING_MODES,
            target=_target(act, e, target),
            start=e.start, focus=focus[act],
        ))


def _target(act: Act, e: EventRecord, addressee: str | None) -> str | None:
    """The body a demand or an offer is addressed to; the body a support backs or praises
    ("commended the work of X") is its beneficiary, not asked for anything."""
    if act is Act.OFFER or (act is Act.DEMAND and e.plover != "SUPPORT"):
        return addressee
    return None


def named_target(e: EventRecord, mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the event's target is named in its sentence, or, when the sentence has a
    third-person pronoun, within :data:`PRONOUN_REACH` characters before it (the sentence
    the pronoun points back to)."""
    if not e.target:
        return False
    if re.search(rf"\b{re.escape(e.target)}\b", e.sentence, re.I):
        return True
    spots = [s for s, _, n in mentions if n == e.target]
    if any(e.start <= s < e.end for s in spots):
        return True
    return bool(PRONOUN.search(e.sentence)) and any(
        e.start - PRONOUN_REACH <= s < e.start for s in spots)


def _addressee(e: EventRecord, actors: DraftActors, holders: list[str]) -> str | None:
    """The body the event addresses: a named body (or one a generic agent is tied to), never
    a collective or a holder; none for a demand named by a participle."""
    if not e.target or _passive_agent(e):
        return None
    named = [b for b in actors.bodies_of(e.target, e.article) if not actors.is_collective(b)
             and b not in holders]
    return named[0] if named else None


def _passive_agent(e: EventRecord) -> bool:
    """Whether the event's source is the agent of a demand named as a noun's modifier ("the
    guarantees demanded by Moscow"): a demand made elsewhere, addressed to no one here."""
    m = BY_PASSIVE.search(e.sentence)
    return bool(m and e.source and e.source.casefold() in m.group("who").casefold())


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
    covered: dict[tuple[str, str], set[tuple[int, int]]],
) -> None:
    if not q.speaker:
        return
    for body in actors.bodies_of(q.speaker, q.article):
        for start, text in passages(q):
            if any(a <= start < b for a, b in covered.get((q.article, body), ())):
                continue  # an event of the same sentence already speaks for this body
            for act, cue in cue_acts(text):
                out.found.append(Stance(act=act, holders=(body,), text=text, article=q.article,
                                        speaker=q.speaker, how=f"quote, cue {cue!r}",
                                        start=start))
            cond = condition(text)
            if cond:
                out.found.append(Stance(act=Act.DEMAND, holders=(body,), text=text,
                                        article=q.article, speaker=q.speaker, start=start,
                                        how=f"quote, condition {cond!r}", focus=cond))


def passages(q: QuoteRecord) -> list[tuple[int, str]]:
    """The passages a quote's stances are read from, each with where it starts: a transcript
    turn's paragraphs (a turn runs over many, on several subjects), else the whole quote."""
    if q.cue != "turn":
        return [(q.start, q.text)]
    out = []
    for m in PARAGRAPH.finditer(q.text):
        out.append((q.start + m.start(), m.group(0).strip()))
    return out


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


def nominal_stances(
    sentence: str, article: str, start: int, actors: DraftActors,
    mentions: list[tuple[int, int, str]],
) -> list[Stance]:
    """Stances named by a noun with its holder as possessor ("Washington's refusal to lift
    the sanctions", "China's suggestion of an informal meeting"): the body named just before
    the possessive holds a rejection or a demand, read from the noun's clause."""
    found = []
    spans = clause_spans(sentence)
    for act, pattern in NOMINAL.items():
        for m in pattern.finditer(sentence):
            end = start + m.end("who")
            names = [n for s, e, n in mentions if start <= s and end <= e <= end + 2]
            holders = tuple(dict.fromkeys(
                body for n in names[-1:] for body in actors.bodies_of(n, article)
                if not actors.is_collective(body) and not actors.is_person(body)))
            if not holders:
                continue
            clause = next(sp for sp in spans if sp[0] <= m.end() <= sp[1])
            found.append(Stance(act=act, holders=holders, text=sentence, article=article,
                                speaker=names[-1], start=start, how=f"noun {m.group(0)!r}",
                                focus=sentence[slice(*clause)] if len(spans) > 1 else None))
    return found
