"""Trigger detection: which words signal a PLOVER event, and of which type.

A verb (``VERBS``), a phrasal verb (``PHRASAL``: "hit out at", "call for") or a noun after a
light verb ("staged *protests*", ``NOUNS``) gives the type and mode; the lexicon is
:mod:`accord.extract.plover_lexicon`.  A demand in reported speech ("X said Y *must* ...")
is an obligation: a REQUEST with no trigger word of its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from accord.extract.cameo_lexicon import cameo_type
from accord.extract.plover_lexicon import (
    LIGHT_VERBS,
    NOUNS,
    OBLIGATION,
    PHRASAL,
    REPORTING,
    VERBS,
    Trigger,
)

PARTICLES = frozenset({"out", "down", "in", "up", "off"})
OBLIGATION_TRIGGER: Trigger = ("REQUEST", None)
_DIGITS = "0123456789"
# Verbs too general to type by themselves: CAMEO types them by their object or particle.
GENERAL_VERBS = frozenset({"take", "go", "come", "get", "put", "set", "keep", "accord", "decide",
                           "establish", "arrive", "aim", "provide", "lead", "run", "move"})


def lemma(tok: Token) -> str:
    """The token's lower-case lemma; "5warned" (a stray digit in the source text) is "warn"."""
    text = tok.lemma_.lower().lstrip(_DIGITS)
    if tok.text[:1].isdigit() and tok.text.lstrip(_DIGITS).lower().endswith("ed"):
        text = tok.text.lstrip(_DIGITS).lower().removesuffix("ed")
        text = text if text in VERBS else text + "e"
    return text


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def trigger(tok: Token) -> Trigger | None:
    """The PLOVER type a verb, a phrasal verb or a light-verb noun signals, if any."""
    if is_verb(tok):
        return _verb_trigger(tok, lemma(tok))
    return _noun_trigger(tok, lemma(tok))


def _verb_trigger(verb: Token, lem: str) -> Trigger | None:
    if _modifies_a_noun(verb) or _infinitive_of_a_noun(verb):
        return None
    phrasal = _phrasal_trigger(verb, lem)
    if phrasal is not None:
        return phrasal
    found = VERBS.get(lem)
    if found is not None and found[0] == "CONSULT" and _passive(verb):
        return None  # "would be met with punitive measures" is no meeting
    return found


def _modifies_a_noun(verb: Token) -> bool:
    """"a signed agreement" reports no signing."""
    return verb.dep_ in ("amod", "compound")


def _infinitive_of_a_noun(verb: Token) -> bool:
    """"the right to protect and defend all allies" reports no defending."""
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return (
        first.dep_ == "acl"
        and first.head.pos_ == "NOUN"
        and any(c.lower_ == "to" for c in first.children)
    )


def _phrasal_trigger(verb: Token, lem: str) -> Trigger | None:
    """A verb with its particle, preposition or object ("hit out", "call for", "sign up")."""
    # "calls for both sides not to deploy": *for* marks the demanded clause
    marks = [
        g for c in verb.children if c.dep_ in ("advcl", "ccomp") for g in c.children
        if g.dep_ == "mark"
    ]
    for child in [*verb.children, *marks]:
        deps = ("prt",) if child.lower_ in PARTICLES else ("prep", "dobj", "mark")
        if child.dep_ in deps and (lem, child.lower_) in PHRASAL:
            return PHRASAL[lem, child.lower_]
    return None


def main_verb(sent: Span) -> Token | None:
    """The verb a sentence reports: its root, or what a reporting root reports ("X said
    (that) Y *verb* ...")."""
    root = sent.root
    if lemma(root) in REPORTING:
        root = next((c for c in root.children if c.dep_ == "ccomp" and is_verb(c)), root)
    return root if is_verb(root) else None


def fallback_trigger(verb: Token) -> Trigger | None:
    """The PLOVER type of a verb by its CAMEO code (:mod:`accord.extract.cameo_lexicon`), for
    a sentence whose words the hand-written triggers do not know. Light and reporting verbs
    ("hold", "give", "say"), whose CAMEO code depends on their object, type nothing."""
    lem = lemma(verb)
    if lem in LIGHT_VERBS or lem in REPORTING or lem in GENERAL_VERBS:
        return None
    if _modifies_a_noun(verb) or _infinitive_of_a_noun(verb):
        return None
    kind = cameo_type(lem)
    return (kind, None) if kind is not None else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _noun_trigger(noun: Token, lem: str) -> Trigger | None:
    """A trigger noun that is the object of a light verb ("staged protests")."""
    light = lemma(noun.head) in LIGHT_VERBS and noun.dep_ in ("dobj", "nsubjpass")
    if noun.pos_ == "NOUN" and lem in NOUNS and light:
        return NOUNS[lem]
    return None


def predicate(tok: Token) -> Token:
    """The verb that carries the event: the trigger itself or the light verb of a noun."""
    return tok if is_verb(tok) else tok.head


def carries_event(pred: Token) -> bool:
    """Whether a verb is a trigger or the light verb of a trigger noun ("staged protests")."""
    return trigger(pred) is not None or any(
        trigger(c) is not None for c in pred.children if c.dep_ == "dobj"
    )


def obligation(tok: Token) -> bool:
    """A clause reported with *must*/*should* ("Russia said Sudan must return ..."): a demand."""
    return (
        is_verb(tok)
        and tok.dep_ == "ccomp"
        and lemma(tok.head) in REPORTING
        and any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children)
    )
