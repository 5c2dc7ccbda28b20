"""Which actor a noun phrase names: the resolver protocol, and names for text with no index.

The event coder asks an :class:`ActorResolver` (the article's actor index) who a phrase is;
:class:`PhraseResolver` stands in for single sentences with no index, and
:func:`generic_actor` names collective actors that have no proper name ("the unions"), by a
hand-written list of actor nouns and the generic agents of the CAMEO agents dictionary.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Span, Token

from accord.extract.cameo_lexicon import agent_role
from accord.extract.plover_lexicon import words


class ActorResolver(Protocol):
    """What the event coder needs from an actor index."""

    def resolve(self, span: Span) -> str | None: ...

    def affiliation(self, name: str) -> str | None: ...


ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Common nouns that name political actors when no entity is recognised in the phrase.
ACTOR_NOUNS = words(
    "government officials official leader leaders authorities authority army military police "
    "troops forces rebels rebel guerrillas guerillas militants insurgents president minister "
    "ministry secretary spokesman spokeswoman parliament party opposition students workers "
    "unions union protesters demonstrators newspaper delegation delegates envoy envoys "
    "diplomats side sides regime court prosecutors administration cabinet council bloc "
    "alliance members chancellor premier king emir prince general commander ministers peers "
    "critics")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# a noun phrase's left modifiers and right parts (see noun_phrase)
_LEFT_MODIFIERS = ("det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct")
_RIGHT_PARTS = ("compound", "case", "flat")


class PhraseResolver:
    """Names an actor by its noun phrase: a named entity in it, or an actor noun at its head.

    For text with no actor index (single sentences of the PLOVER gold-standard records).
    """

    def resolve(self, span: Span) -> str | None:
        for ent in span.ents:
            if ent.label_ in ACTOR_LABELS:
                return ent.text
        if span.root.ent_type_ and span.root.ent_type_ not in ACTOR_LABELS:
            return None  # "Tuesday", "the 1990s"
        if is_actor_noun(span.root) or span.root.pos_ == "PROPN":
            return " ".join(t.text for t in span if t.dep_ != "det")
        return None

    def affiliation(self, name: str) -> str | None:
        return None


def generic_actor(span: Span) -> str | None:
    """A collective actor named by a common noun ("the five unions" → ``unions``).

    News names many actors without a proper name: the government, ministers, unions, rebels.
    They are named by their head noun so that every mention of them agrees.
    """
    root = span.root
    if root.pos_ == "NOUN" and is_actor_noun(root):
        return root.lower_
    return None


def is_actor_noun(tok: Token) -> bool:
    """A common noun that names a political actor: the hand-written list, else a generic
    agent of the CAMEO agents dictionary ("lawmakers", "farmers", "riot police")."""
    return tok.lower_ in ACTOR_NOUNS or agent_role(tok.lower_) is not None


def noun_phrase(tok: Token) -> Span:
    """The token with its left modifiers (determiner, adjectives, compounds, owner)."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in _LEFT_MODIFIERS:
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in _RIGHT_PARTS:
            right = max(right, child.right_edge.i)
    return tok.doc[left : right + 1]
