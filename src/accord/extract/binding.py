"""A person's sex from the pronouns the text binds to them, for choosing who "he"/"she" is.

A name alone rarely says whether "he" or "she" may refer to it, but the sentence often does:
a possessive or reflexive pronoun in a clause usually refers to that clause's subject ("Karl
Berg met his counterpart", "Berg, who gave his view", the binding domain of Chomsky 1981,
*Lectures on Government and Binding*, Principle A, as used for anaphora by Lappin & Leass
1994), and the subject pronoun of what a speaker says is usually the speaker ("Berg said he
would stay").  :func:`bound_sexes` collects that evidence; the first evidence for a person
is kept, since later sentences may bind the pronoun otherwise.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from accord.extract.lexicon import SUBJECT_DEPS

MALE = frozenset({"his", "himself", "he"})
FEMALE = frozenset({"her", "hers", "herself", "she"})
_RELATIVE = frozenset({"who", "whom", "that"})
MAX_HEADS = 6  # heads climbed from a pronoun to its clause's verb


def bound_sexes(doc: Doc, person_at: Callable[[Token], str | None],
                speech: Callable[[Token], bool]) -> dict[str, str]:
    """Person name → "m" or "f", from the pronouns bound to them.  ``person_at`` names the
    person a token stands for (None if none); ``speech`` says whether a token is a speech
    verb."""
    found: dict[str, str] = {}
    for tok in doc:
        low = tok.lower_
        if low not in MALE and low not in FEMALE:
            continue
        sex = "m" if low in MALE else "f"
        if low in ("he", "she"):
            who = _speaker_of_clause(tok, person_at, speech)
        else:
            who = _clause_subject(tok, person_at)
        if who is not None:
            found.setdefault(who, sex)
    return found


def _clause_subject(pronoun: Token, person_at: Callable[[Token], str | None]) -> str | None:
    """The person who is the subject of the clause a possessive or reflexive stands in,
    when that subject comes before it ("Berg met his …", "Berg, who gave his …") and no
    other person is named between them (then the pronoun may be theirs: no evidence)."""
    tok = pronoun
    for _ in range(MAX_HEADS):
        if tok.head is tok:
            return None
        tok = tok.head
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None:
            continue
        if subj.i > pronoun.i or subj is pronoun:
            return None
        if subj.lower_ in _RELATIVE and tok.dep_ == "relcl":
            subj = tok.head
        who = person_at(subj)
        between = {person_at(t) for t in pronoun.doc[subj.i + 1 : pronoun.i]} - {None, who}
        return None if between else who  # "Rice praised Uribe, particularly his efforts"
    return None


def _speaker_of_clause(pronoun: Token, person_at: Callable[[Token], str | None],
                       speech: Callable[[Token], bool]) -> str | None:
    """"Berg said he would stay": the person whose speech verb's complement the subject
    pronoun stands in."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ != "ccomp" or not speech(verb.head):
        return None
    subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return person_at(subj) if subj is not None and subj.lower_ not in MALE | FEMALE else None
