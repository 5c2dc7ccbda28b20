"""Bodies named by a state and a common noun, and the people who act for a state.

News names many bodies by a state's name or demonym and a common noun the model does not tag
as an organisation: "the U.S. embassy in Juba", "the Venezuelan government", "Russia's
foreign ministry".  The annotation guidelines (``tests/gold-heldout/GUIDELINES.md``) say
that bodies speak as named in the text ("U.S. embassy in Juba", "U.S. State Department"), so
such a phrase is a body of its own, with the state as its affiliation (the state it belongs
to, for whoever needs to place it with the state, as a draft does).  A noun for the people
who act for a state ("the Iranian delegation", "the American side", "Russian negotiators",
"Iranian officials") is the state itself, as a spokesperson's words are the body's
("Moscow's delegates have warned …" is Russia in the development gold).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from accord.extract.lexicon import MEMBERS

# institutions of a state that speak as named ("the U.S. embassy", "the Venezuelan government")
INSTITUTIONS = frozenset({
    "government", "administration", "embassy", "embassies", "consulate", "ministry",
    "department", "parliament", "legislature", "cabinet", "presidency", "military", "army",
    "navy", "mission", "agency", "office", "council", "court", "regime",
    "junta", "police",
})
# groups of people who act for a state: the state speaks through them ("the Iranian delegation")
AGENTS = MEMBERS | frozenset({"delegation", "delegations", "side", "team", "negotiators"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
_PLACE_PREPS = frozenset({"in", "at", "to"})  # "the U.S. embassy in Juba", "mission to the UN"
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def state_modifier(noun: Token, body_at: Callable[[int], str | None]) -> str | None:
    """The state (or bloc) that a modifier of ``noun`` names ("U.S." in "the U.S. embassy",
    "Venezuelan" in "the Venezuelan government"), when every other modifier is a lower-case
    word ("the Russian foreign ministry", "a senior Iranian official"); None when another
    body or a proper noun also modifies it ("a Syrian opposition official": the opposition
    speaks, not Syria)."""
    found = None
    for c in noun.lefts:
        if c.dep_ not in _MODIFIERS:
            continue
        body = body_at(c.i)
        if body is not None and found in (None, body):
            found = body
        elif c.pos_ not in ("ADJ", "ADV") or c.text[:1].isupper():
            return None  # "opposition", "Defense": the body is another one
    return found


def body_span(noun: Token) -> tuple[int, int]:
    """Token span of a state's body as the text names it: its modifiers (without an article)
    to the noun, with a place after it ("the U.S. embassy in Juba")."""
    mods = [c for c in noun.lefts if c.dep_ in _MODIFIERS]
    start = min((m.left_edge.i for m in mods), default=noun.i)
    end = noun.i + 1
    prep = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS
                 and c.i == end), None)
    place = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if place is not None and place.ent_type_ in _PLACES:
        end = place.right_edge.i + 1
    return start, end
