"""Argument finding: the tokens that may be an event's source (subject, speaker) and target.

These are parse positions only; :class:`~accord.extract.events.coder.Coder` names the actor
each token stands for.

- **Source**: the subject of the trigger, climbing through ``to``-clauses and conjuncts
  ("Putin used the conference to accuse NATO" → Putin) and taking the agent of a passive
  ("rejected by the West" → the West); the speaker of a reported clause.
- **Target candidates**, in the order they are tried: the trigger's (and its light verb's)
  objects, the objects of its target prepositions (hit out *at*, talks *with*), the subjects
  of its clauses ("demand that *NATO* limit"); the same for the act it agrees to; then for
  each of those the subjects of its own clauses, its owner ("reject *Putin's* insistence") and
  its conjuncts; last the objects of their prepositional phrases ("aid *to Mozambique*").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from accord.extract.events.triggers import lemma, trigger
from accord.extract.lexicon import SUBJECT_DEPS
from accord.extract.plover_lexicon import REPORTING

CLIMB = ("xcomp", "advcl", "conj", "pcomp", "acl", "acomp")
REPORTED = ("ccomp", "conj", "xcomp", "advcl")
OBJECT_PREPS = frozenset({"to", "of", "in", "into", "with", "against", "from", "by", "on", "for"})
TARGET_PREPS = ("at", "against", "on", "upon", "with", "to", "from", "toward", "towards", "over")
_OBJECTS = ("dobj", "dative", "nsubjpass")
_CLAUSES = ("ccomp", "xcomp", "advcl")
_OWN_CLAUSES = ("acl", "relcl", "ccomp")
_PHRASE_HOLDERS = ("dobj", "nsubjpass", "pobj")


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)


def passive_subjects(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "nsubjpass"]


def subject(pred: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of ``pred`` and whether the clause is passive."""
    if _agentless_passive(pred):
        return None, True  # "if the embargo is lifted": lifted by no one named
    head = pred
    for _ in range(4):
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        if agent is not None:
            objs = [g for g in agent.children if g.dep_ == "pobj"]
            return (objs[0] if objs else None), True
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj, False
        if head.dep_ not in CLIMB or head.head is head:
            break
        head = head.head
    return None, False


def _agentless_passive(pred: Token) -> bool:
    deps = {c.dep_ for c in pred.children}
    return "auxpass" in deps and "agent" not in deps


def speaker(pred: Token) -> Token | None:
    """The subject of the verb that reports the clause of ``pred``, if it is reported."""
    head = pred
    while head.dep_ in REPORTED and head.head is not head:
        head = head.head
        if lemma(head) in REPORTING or trigger(head) is not None:
            subj, _ = subject(head)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    return None


def target_candidates(tok: Token, pred: Token) -> list[Token]:
    """Tokens that may name the target of the act ``tok`` (with predicate ``pred``), in order."""
    found = _arguments_of(tok, pred) + _arguments_of_content(tok)
    found += _attached_to(found)
    return found + _prepositional_objects(found)


def _arguments_of(tok: Token, pred: Token) -> list[Token]:
    """Objects, prepositional objects and clause subjects of the trigger and its light verb."""
    found: list[Token] = []
    for anchor in [tok] if tok is pred else [tok, pred]:
        found += [c for c in anchor.children if c.dep_ in _OBJECTS and c is not tok]
        for prep in _target_preps(anchor):
            found += [g for g in prep.children if g.dep_ == "pobj"]
            found += [g for g in prep.children if g.dep_ == "prep" for g in g.children]
        found += _subjects_of(c for c in anchor.children if c.dep_ in _CLAUSES)
    return found


def _target_preps(anchor: Token) -> list[Token]:
    return [c for c in anchor.children if c.dep_ in ("prep", "prt") and c.lower_ in TARGET_PREPS]


def _subjects_of(clauses: Iterable[Token]) -> list[Token]:
    return [g for c in clauses for g in c.children if g.dep_ in SUBJECT_DEPS]


def _arguments_of_content(tok: Token) -> list[Token]:
    """The candidates of the act agreed to, and of its purpose ("agreed to meet to discuss
    Moscow's draft treaties")."""
    found: list[Token] = []
    for inner in tok.children:
        if inner.dep_ == "xcomp":
            found += target_candidates(inner, inner)
            for purpose in inner.children:
                if purpose.dep_ == "advcl":
                    found += target_candidates(purpose, purpose)
    return found


def _attached_to(found: list[Token]) -> list[Token]:
    """For each candidate: the subjects of its own clauses, its owner and its conjuncts."""
    more: list[Token] = []
    for obj in found:
        for child in obj.children:
            if child.dep_ in _OWN_CLAUSES:
                more += [g for g in child.children if g.dep_ == "nsubj"]
            if child.dep_ == "poss":
                more.append(child)
        more += list(obj.conjuncts)
    return more


def _prepositional_objects(found: list[Token]) -> list[Token]:
    """The candidates' own prepositional phrases, two levels deep: "aid to Mozambique", "an
    invasion of South Lebanon", "demands from Shona rebels", "a curfew in the town of Cizre"."""
    more: list[Token] = []
    frontier = [o for o in found if o.dep_ in _PHRASE_HOLDERS]
    for _ in range(2):
        frontier = [
            g for o in frontier for p in o.children
            if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS
            for g in p.children if g.dep_ == "pobj"
        ]
        more += frontier
    return more
