"""Who speaks through a speech verb: its subject, resolved to an actor.

The subject is found in the parse, climbing conjuncts and clauses ("X denies that … and
insists that …", a statement "saying …" speaks for the one who issued it), with the reporting
patterns of :mod:`accord.extract.attribution` (the one quoted in "X quoted Y as saying", a name
the parser left next to the verb, the agent of a passive) and resolved through
:class:`~accord.extract.actors.ActorIndex` (pronouns, surnames, titles, spokespeople).  A law
or treaty is never a speaker, a pronoun never the one spoken to nor one named in the quote
itself, and an unnamed member or spokesperson of a body the index does not know speaks for
that body as the text names it.  The proposer of a proposal noun ("China's suggestion") is
resolved here too.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.actors import ActorIndex
from accord.extract.attribution import (
    QUOTING,
    adjacent_name,
    appositive_opener,
    is_document,
    is_speech_verb,
    issued,
    quoted_object,
)
from accord.extract.lexicon import DOCUMENTS, MEMBERS, SPOKESPERSONS, SUBJECT_DEPS
from accord.extract.quoted_tokens import QuotedTokens

RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she"})
CLIMB = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "relcl", "ccomp", "prep", "pobj"})


class SpeechSubjects:
    """The speakers of the speech verbs of one parsed document."""

    def __init__(self, quoted: QuotedTokens, index: ActorIndex) -> None:
        self.index = index
        self.inside = quoted.inside
        # the people named in the current quote (in its last paragraph, the one a cue after
        # it attributes): never the one a pronoun cue names
        self.quoted_people: frozenset[str] = frozenset()

    def subject(self, verb: Token) -> str | None:
        """The actor who speaks through ``verb``: its subject, climbing conjuncts and
        clauses; the one quoted ("quoted Liu as saying"); else, when the parser gave the verb
        no subject, a name right next to it or before the description that precedes it."""
        found = self.subject_token(verb)
        if found is not None:
            return self.speaker(*found)
        for near in (adjacent_name(verb), appositive_opener(verb)):
            if (near is not None and not self.inside[near.i] and near.lower_ not in RELATIVE
                    and (name := self.speaker(near, verb)) is not None):
                return name
        return None

    def subject_token(self, verb: Token) -> tuple[Token, Token] | None:
        """(subject, the verb it is the subject of) for the speech verb ``verb``."""
        tok = verb
        if (verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                and is_speech_verb(verb.head.head)):
            tok = verb.head.head  # "X denies that … and insists that …" (parsed inside)
        for _ in range(4):
            quoted = quoted_object(tok) if tok is not verb else None
            if quoted is not None:  # "Xinhua quoted Liu as saying": Liu
                return quoted, tok
            for child in tok.children:
                if self.inside[child.i] and not self.inside[tok.i]:
                    continue  # a subject inside the quote is not who speaks ("all of us")
                if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":
                    subj = child
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    if agent is not None and tok.lemma_ not in QUOTING:  # "described by
                        # Cole as …" is Cole's; "quoted by Reuters as saying" is not Reuters
                        subj = next((c for c in agent.children if c.dep_ == "pobj"), agent)
                    if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                        subj = tok.head
                    return subj, tok
            if (tok.dep_ not in CLIMB and not issued(tok)) or tok.head is tok:
                return None
            tok = tok.head  # (a statement "saying …" speaks for the one who issued it)
        return None

    def speaker(self, subj: Token, verb: Token) -> str | None:
        """Who the subject of a speech verb names: never a law or treaty ("the Bill says"),
        and a pronoun never the one spoken to ("…," he told Smith; "she said to Smith") nor
        one named in the quote itself ('"… trust me, Secretary Gates would not …," he
        said': a speaker names others in the third person, not themself)."""
        if is_document(subj):
            return None
        if subj.lower_ in PRONOUNS:
            return self.index.pronoun(subj, exclude=self.addressees(verb) | self.quoted_people)
        name = self.index.named_next(subj) or self.index.resolve(subj)
        if name and name.split()[-1].lower() in DOCUMENTS:
            return None  # "the Prevention of Terrorism Bill says"
        return name or unnamed_principal(subj)

    def addressees(self, verb: Token) -> frozenset[str]:
        """The actors a speech verb is addressed to: its object ("told Smith") or "to X"."""
        found = []
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                found.append(c)
            elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
                found += [p for p in c.children if p.dep_ == "pobj"]
        return frozenset(n for c in found if (n := self.index.resolve(c)))

    def proposer(self, noun: Token) -> str | None:
        """The actor whose proposal ``noun`` is: its possessor or a modifier naming an actor."""
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
                who = self.index.resolve(c)
                if who:
                    return who
        return None


def unnamed_principal(subj: Token) -> str | None:
    """"A spokesman for the Syrian opposition", "a Syrian opposition official", "a Qatari
    Foreign Ministry spokesperson": a body the actor index does not know, as the text names
    it, without its article and leading lower-case words ("senior")."""
    if subj.lower_ in SPOKESPERSONS | MEMBERS:
        mods = [c for c in subj.lefts if c.dep_ in ("amod", "compound", "nmod")]
        words = [t for m in mods for t in m.subtree]
        while words and not words[0].text[:1].isupper():
            words.pop(0)
        if words:
            return " ".join(t.text for t in words)
    if subj.lower_ not in SPOKESPERSONS:
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                words = [t for t in pobj.subtree if t.i <= pobj.i and t.dep_ != "det"]
                return " ".join(t.text for t in words) or None
    return None
