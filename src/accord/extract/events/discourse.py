"""The actors mentioned so far in an article, for pronouns and implicit targets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from accord.extract.events.naming import (
    PERSON_PRONOUNS,
    ActorResolver,
    generic_actor,
    noun_phrase,
)
from accord.extract.lexicon import SUBJECT_DEPS


@dataclass
class Mention:
    name: str
    person: bool
    subject: bool
    topic: bool = False  # subject of the sentence's main verb
    named: bool = True  # named by the actor index, not a collective noun ("unions")
    at: int = -1  # the token that heads the phrase


class Discourse:
    """Actors mentioned so far, latest last, for pronouns and implicit targets."""

    def __init__(self, index: ActorResolver):
        self.index = index
        self.sentences: list[list[Mention]] = []

    def latest(self, n: int) -> list[Mention]:
        """The last ``n`` mentions of the sentences so far, read from the latest sentence back."""
        out: list[Mention] = []
        for sent in reversed(self.sentences):
            if len(out) >= n:
                break
            out[:0] = sent
        return out[-n:]

    def side(self, name: str) -> str:
        return self.index.affiliation(name) or name

    def mentions_in(self, tokens: Iterable[Token]) -> list[Mention]:
        found: list[Mention] = []
        seen: set[int] = set()
        for tok in tokens:
            if tok.i in seen or not _heads_a_phrase(tok):
                continue
            span = noun_phrase(tok)
            seen.update(range(span.start, span.end))
            named = self.index.resolve(span)
            name = named or generic_actor(span)
            if name:
                person = _has_person(span) or bool(
                    self.index.affiliation(name)
                )
                subject = tok.dep_ in SUBJECT_DEPS
                topic = subject and tok.head.dep_ == "ROOT"
                found.append(Mention(name, person, subject, topic, named is not None, tok.i))
        return found

    def antecedent(self, pronoun: Token, before: list[Mention]) -> str | None:
        """The latest actor of the pronoun's kind, subjects first (Hobbs-style recency)."""
        want_person = pronoun.lower_ in PERSON_PRONOUNS
        recent = self.latest(20) + before
        for subjects_only in (True, False):
            for m in reversed(recent):
                if m.person == want_person and (m.subject or not subjects_only):
                    return m.name
        return None

    def topic(self, before: list[Mention]) -> str | None:
        """The latest actor that was the subject of a main clause (the actor in focus)."""
        for window in self._windows(before):
            for m in reversed(window):
                if m.topic:
                    return m.name
        return None

    def other_side(self, source: str | None, before: list[Mention]) -> str | None:
        """The latest named actor not on ``source``'s side, subjects first."""
        if source is None:
            return None
        mine = self.side(source)
        windows = self._windows(before)
        for subjects_only in (True, False):
            for window in windows:
                for m in reversed(window):
                    if m.named and (m.subject or not subjects_only) and self.side(m.name) != mine:
                        return m.name
        return None

    def _windows(self, before: list[Mention]) -> list[list[Mention]]:
        """The sentence so far, then the three before it, latest first."""
        return [before, *reversed(self.sentences[-3:])]


def _has_person(span: Span) -> bool:
    """Whether a PERSON entity lies wholly inside ``span`` (``span.ents`` builds every entity
    of the document on each call: quadratic over an article)."""
    doc = span.doc
    for tok in span:
        if tok.ent_iob_ == "B" and tok.ent_type_ == "PERSON":
            end = tok.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= span.end:
                return True
    return False


def _heads_a_phrase(tok: Token) -> bool:
    """A noun or proper noun that is not a compound part of another noun."""
    if tok.pos_ not in ("PROPN", "NOUN"):
        return False
    return not (tok.dep_ == "compound" and tok.head.pos_ in ("PROPN", "NOUN"))
