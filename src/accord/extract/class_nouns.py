"""The common nouns an article uses for a named body: what kind of actor the text says it is.

News often speaks of bodies by a common noun ("the unions", "ministers") after naming them
once; the draft can only attach such a generic agent to a named body when the article ties the
two. A body is *called* a noun (singular, lower case) when the article says so:

- by its own name's last word ("Fire Brigades Union" → ``union``);
- by an apposition or a noun right before the name ("Britain's biggest union Unison", "the
  union Amicus", "Unison, the biggest union,");
- by a list under the noun ("unions including Unison and PCS", "parties such as ...");
- by "other <nouns>" in the sentence whose subject it is, or in the next one ("PCS will
  co-ordinate any action with six other public sector unions"; "Unison will ballot its
  members. Other unions have pledged to follow.").

Only nouns of :func:`accord.extract.events.naming.is_actor_noun` count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from spacy.tokens import Doc, Token

from accord.extract.cameo_lexicon import singular
from accord.extract.events.naming import is_actor_noun
from accord.extract.lexicon import SUBJECT_DEPS

LIST_PREPS = frozenset({"including", "like", "as"})  # "unions including X", "such as X"
BODY_KINDS = frozenset({"organisation", "bloc", "state"})

NameAt = Callable[[int], "str | None"]  # the body named at a token index, if any


def class_nouns(doc: Doc, name_at: NameAt) -> dict[str, list[str]]:
    """Body name → the actor nouns (singular) the article calls it, in order found."""
    called: dict[str, list[str]] = defaultdict(list)

    def add(name: str | None, noun: Token) -> None:
        word = singular(noun.lower_)
        if name and word not in called[name]:
            called[name].append(word)

    for tok in doc:
        name = name_at(tok.i)
        if name is None:
            if tok.lower_ == "other" and tok.dep_ == "amod" and _generic(tok.head):
                add(_subject_before(doc, tok, name_at), tok.head)
            continue
        if _ends_name(doc, tok.i, name, name_at) and tok.i > 0 and is_actor_noun(tok) \
                and name_at(tok.i - 1) == name:
            add(name, tok)  # the last word of its own name
        for noun in _nouns_for(tok, name_at):
            add(name, noun)
    return dict(called)


def _ends_name(doc: Doc, i: int, name: str, name_at: NameAt) -> bool:
    """Token ``i`` is the last word of ``name`` (a possessive 's may follow inside it)."""
    j = i + 1
    if j < len(doc) and doc[j].tag_ == "POS":
        j += 1
    return j >= len(doc) or name_at(j) != name


def _nouns_for(tok: Token, name_at: NameAt) -> list[Token]:
    """Actor nouns standing in apposition to, right before, or over a list holding ``tok``."""
    found = []
    for other in (tok.head, *tok.children):
        if name_at(other.i) is None and _generic(other) and (
            "appos" in (tok.dep_, other.dep_) or
            (other.i == tok.i - 1 and other.dep_ in ("compound", "nmod", "nsubj")) or
            (tok.dep_ == "compound" and other is tok.head and other.i == tok.i - 1)
        ):
            found.append(other)
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and name_at(before.i) is None and _generic(before):
        found.append(before)  # "the union Amicus": the noun right before the name
    head = tok
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LIST_PREPS:
        noun = head.head.head
        noun = noun.head if noun.lower_ == "such" else noun
        if _generic(noun):
            found.append(noun)
    return found


def _generic(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and is_actor_noun(tok)


def _subject_before(doc: Doc, other: Token, name_at: NameAt) -> str | None:
    """The named body subject of the sentence of "other <nouns>", else of the one before."""
    sent = other.sent
    for span in (sent, doc[sent.start - 1].sent if sent.start > 0 else None):
        if span is None:
            continue
        for tok in span:
            if tok.dep_ in SUBJECT_DEPS and tok.i < other.i:
                name = name_at(tok.i) or next(
                    (n for c in tok.subtree if (n := name_at(c.i))), None)
                if name:
                    return name
    return None
