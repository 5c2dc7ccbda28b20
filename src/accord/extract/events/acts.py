"""What the clause around a trigger makes of the act: whether it is an event of its own, and
its final type and mode.

- **One event per act**: an act that is the content of another ("agreed *to meet*", "pledged
  to work towards *lifting* the ban") becomes that event's mode, not an event of its own; an
  act in a condition ("*if* the embargo is lifted") is no event.
- **Negation**: a ``neg`` dependent or *never* on the predicate. A refused cooperative act is
  a REJECT whose mode names what was refused ("will not water down their demands" → REJECT,
  mode ``concede``, ``negated``); other negated triggers keep their type.
- **Threats by announcement**: a forceful act (SANCTION, COERCE, ASSAULT, MOBILIZE) that an
  actor says it will, would or is prepared to take is a THREATEN with that act as its mode.
- **Documents**: a document that acts ("the draft treaty would ban NATO troops") is its
  author's REQUEST.

The type rules are :data:`TYPE_RULES`, applied in order to ``(kind, mode)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from accord.extract.events.arguments import has_subject
from accord.extract.events.triggers import carries_event, lemma, obligation, trigger
from accord.extract.plover_lexicon import (
    CONCESSION_OBJECTS,
    COOPERATIVE,
    FAILING,
    FORCEFUL,
    FUTURE,
    NEGATORS,
    READINESS,
    Trigger,
)

CONTENT_DEPS = ("xcomp", "pcomp", "pobj", "prep", "advcl", "acomp")
CONDITIONS = frozenset({"if", "unless", "whether"})
# types whose trigger takes the act it is about as a complement ("agreed to meet")
CONTENT_TYPES = ("AGREE", "THREATEN", "REQUEST", "REJECT")


@dataclass(frozen=True)
class Site:
    """Where an act is reported: its trigger word, the verb carrying it, and its clause."""

    tok: Token  # the trigger
    pred: Token  # the trigger or, for a noun, its light verb
    negated: bool
    inner: Token | None  # the act agreed to, threatened, demanded or rejected


def not_an_event_of_its_own(tok: Token, pred: Token, is_obligation: bool) -> bool:
    """Whether the act at ``tok`` is coded elsewhere, or is no event at all."""
    return (
        (not is_obligation and tok is pred and governing_trigger(pred) is not None)
        or _hypothetical(pred)
        or (lemma(tok) == "warn" and _embedded_trigger(tok))
        # a light verb whose own lemma is a trigger ("sign a treaty") is coded once
        or (tok is not pred and trigger(pred) is not None)
    )


def governing_trigger(pred: Token) -> Token | None:
    """An enclosing trigger that already codes this act ("agreed to meet", "threatened to ban")."""
    head = pred.head
    if _complement_of_head(pred) and head is not pred:
        if pred.dep_ == "xcomp" and lemma(head) in READINESS and head.dep_ == "acomp":
            head = head.head
        if carries_event(head) and not (pred.dep_ == "ccomp" and lemma(head) == "warn"):
            return head
    return _act_around_phrase(pred)


def _complement_of_head(pred: Token) -> bool:
    """A complement or a purpose clause ("... to ...") of its head."""
    purpose = pred.dep_ == "advcl" and any(c.lower_ == "to" for c in pred.children)
    return pred.dep_ in ("xcomp", "ccomp") or purpose


def _act_around_phrase(pred: Token) -> Token | None:
    """A subjectless act inside a prepositional phrase of another act is its content:
    "pledged to work towards lifting the ban"."""
    node, hops = pred, 0
    while hops < 5 and node.dep_ in CONTENT_DEPS and not has_subject(node):
        node, hops = node.head, hops + 1
        if node is not pred and carries_event(node) and hops > 1:
            return node
    return None


def _hypothetical(pred: Token) -> bool:
    """Whether the act is only a condition: "if the embargo is lifted", "unless Baghdad agrees"."""
    return pred.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in pred.children
    )


def _embedded_trigger(pred: Token) -> bool:
    """Whether a clause reported by ``pred`` holds its own trigger ("warned that they will not")."""
    for child in pred.children:
        if child.dep_ != "ccomp":
            continue
        verbs = [child, *(g for g in child.children if g.dep_ in ("xcomp", "conj"))]
        if any(trigger(v) is not None or obligation(v) for v in verbs):
            return True
    return False


def negated(pred: Token) -> bool:
    """A ``neg`` or *never* on the act; a failed attempt; "is not prepared to issue"."""
    if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in pred.children):
        return True
    if pred.dep_ != "xcomp":
        return False
    gov = pred.head
    if lemma(gov) in FAILING:
        return True
    # "is not prepared to issue", "did not want to meet"
    return trigger(gov) is None and any(c.dep_ == "neg" for c in gov.children)


def _future(pred: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in pred.children):
        return True
    return pred.dep_ == "xcomp" and lemma(pred.head) in READINESS


def _conditional(pred: Token) -> bool:
    """Whether the act is made conditional: "will withdraw ... unless the president agrees"."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children)
        for c in pred.children
    )


def inner_act(tok: Token, kind: str) -> Token | None:
    """The act agreed to, threatened or demanded ("want the government to withdraw ...")."""
    deps = ("xcomp", "ccomp") if kind == "REQUEST" else ("xcomp",)
    return next((c for c in tok.children if c.dep_ in deps and trigger(c)), None)


def _inner_type(site: Site) -> Trigger:
    assert site.inner is not None
    found = trigger(site.inner)
    assert found is not None
    return found


def _mode_from_content(kind: str, mode: str | None, site: Site) -> Trigger:
    """An act about another act is named by it: "agreed to meet" → AGREE, mode ``meet``;
    "threatened to impose sanctions" → THREATEN, mode ``sanction``."""
    if site.inner is None or kind not in CONTENT_TYPES:
        return kind, mode
    if kind == "AGREE":
        return kind, mode or lemma(site.inner)
    inner_kind = _inner_type(site)[0]
    if inner_kind == kind:
        return kind, mode
    return kind, mode or inner_kind.lower()


def _concession(kind: str, mode: str | None, site: Site) -> Trigger:
    """Agreeing to give something up ("accepted a compromise") is a CONCEDE."""
    objects = {lemma(c) for c in site.tok.children if c.dep_ == "dobj"}
    if kind == "AGREE" and objects & CONCESSION_OBJECTS:
        return "CONCEDE", mode
    return kind, mode


def _vow_of_force(kind: str, mode: str | None, site: Site) -> Trigger:
    """Agreeing or vowing to use force ("sworn to fight") is a THREATEN."""
    if kind == "AGREE" and site.inner is not None:
        inner_kind = _inner_type(site)[0]
        if inner_kind in FORCEFUL:
            return "THREATEN", inner_kind.lower()
    return kind, mode


def _refusal(kind: str, mode: str | None, site: Site) -> Trigger:
    """A refused cooperative act is a REJECT of it ("will not water down" → REJECT concede)."""
    if site.negated and kind in COOPERATIVE:
        return "REJECT", kind.lower()
    return kind, mode


def _announcement(kind: str, mode: str | None, site: Site) -> Trigger:
    """An act announced for the future: forceful (or conditional) → THREATEN, cooperative →
    AGREE ("will support", "would meet")."""
    if site.negated or kind in ("AGREE", "THREATEN") or not _future(site.pred):
        return kind, mode
    if kind in FORCEFUL or (_conditional(site.pred) and kind not in COOPERATIVE):
        return "THREATEN", kind.lower()
    if kind in COOPERATIVE:
        return "AGREE", mode or kind.lower()
    return kind, mode


TypeRule = Callable[[str, str | None, Site], Trigger]
TYPE_RULES: tuple[TypeRule, ...] = (
    _mode_from_content, _concession, _vow_of_force, _refusal, _announcement,
)


def act_type(found: Trigger, site: Site) -> Trigger:
    """The event's (type, mode): the trigger's, rewritten by each of :data:`TYPE_RULES`."""
    kind, mode = found
    for rule in TYPE_RULES:
        kind, mode = rule(kind, mode, site)
    return kind, mode


def document_demand(kind: str, mode: str | None) -> Trigger:
    """A proposal does not act, it asks: "the draft treaty would ban NATO troops" is a demand
    of its author."""
    return (kind, mode) if kind == "REQUEST" else ("REQUEST", mode or kind.lower())
