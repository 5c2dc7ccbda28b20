"""The event coder: each trigger of a sentence, its type, and the actors it names.

:class:`Coder` reads an article sentence by sentence, keeping the actors mentioned so far
(:class:`~accord.extract.events.discourse.Discourse`); for each trigger it asks
:mod:`~accord.extract.events.acts` whether it is an event of its own and of which type, finds
its source and target tokens (:mod:`~accord.extract.events.arguments`) and names them.
"""

from __future__ import annotations

from dataclasses import astuple

from spacy.tokens import Doc, Span, Token

from accord.extract.events.acts import (
    Site,
    act_type,
    document_demand,
    inner_act,
    negated,
    not_an_event_of_its_own,
)
from accord.extract.events.arguments import (
    passive_subjects,
    speaker,
    subject,
    target_candidates,
)
from accord.extract.events.discourse import Discourse, Mention
from accord.extract.events.naming import (
    ACTOR_LABELS,
    PERSON_PRONOUNS,
    ActorResolver,
    generic_actor,
    noun_phrase,
)
from accord.extract.events.triggers import (
    OBLIGATION_TRIGGER,
    fallback_trigger,
    lemma,
    main_verb,
    obligation,
    predicate,
    trigger,
)
from accord.extract.lexicon import SUBJECT_DEPS
from accord.extract.plover_lexicon import DOCUMENTS, GROUPS, SPOKESPEOPLE, Trigger
from accord.extract.records import EventRecord

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
MAX_NAME_DEPTH = 3  # relative pronouns and group phrases followed before giving up


class Coder:
    """Codes the PLOVER events of one parsed article."""

    def __init__(self, doc: Doc, index: ActorResolver):
        self.doc = doc
        self.index = index
        self.discourse = Discourse(index)
        self.text = doc.text  # built from every token on each access: read it once
        self._coded: set[tuple[object, ...]] = set()  # the events so far, for ``_add``
        self._said: tuple[int, list[Mention]] = (-1, [])  # a sentence's start, its mentions

    def run(self) -> list[EventRecord]:
        """Every event in text order, each once; questions report no event."""
        events: list[EventRecord] = []
        for sent in self.doc.sents:
            if sent.text.rstrip().endswith("?"):
                continue  # a question (often a heading) reports no event
            known = self._sentence(sent, events)
            main = main_verb(sent) if not known else None
            fallback = fallback_trigger(main) if main is not None else None
            if main is not None and fallback is not None:
                self._add(self.event(main, sent, self._before(sent, main), fallback), events)
            self.discourse.sentences.append(self._mentions(sent))
        return events

    def _sentence(self, sent: Span, events: list[EventRecord]) -> bool:
        """Add the events of the hand-written triggers in ``sent``; whether it has any trigger
        (one that codes no event, as in a condition, counts)."""
        known = False
        for tok in sent:
            if trigger(tok) is None and not obligation(tok):
                continue
            known = True
            self._add(self.event(tok, sent, self._before(sent, tok)), events)
        return known

    def _before(self, sent: Span, tok: Token) -> list[Mention]:
        return [m for m in self._mentions(sent) if m.at < tok.i]

    def _mentions(self, sent: Span) -> list[Mention]:
        """The mentions in ``sent``, found once per sentence (those before a token are the
        ones whose phrase head comes before it)."""
        if self._said[0] != sent.start:
            self._said = (sent.start, self.discourse.mentions_in(sent))
        return self._said[1]

    def _add(self, ev: EventRecord | None, events: list[EventRecord]) -> None:
        """Append ``ev`` if it is an event not there yet."""
        if ev is None:
            return
        key = astuple(ev)
        if key not in self._coded:
            self._coded.add(key)
            events.append(ev)

    # ------------------------------------------------------------------ one event
    def event(self, tok: Token, sent: Span, before: list[Mention],
              fallback: Trigger | None = None) -> EventRecord | None:
        """The event triggered at ``tok`` (by the hand-written triggers, else by ``fallback``),
        or None when it is no event of its own."""
        pred = predicate(tok)
        is_obligation = obligation(tok) and tok is pred
        found = OBLIGATION_TRIGGER if is_obligation else (trigger(tok) or fallback)
        if found is None or not_an_event_of_its_own(tok, pred, is_obligation):
            return None
        site = Site(tok, pred, negated(pred), inner_act(tok, found[0]))
        kind, mode = act_type(found, site)
        if is_obligation:
            # "X said Y must ...": a demand of X on Y
            source = self.name(speaker(tok), tok, before)
            candidates = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        else:
            subj, passive = subject(pred)
            if _is_document(subj):
                kind, mode = document_demand(kind, mode)
            source = self._source(subj, pred, before)
            candidates = (passive_subjects(pred) if passive else []) + target_candidates(tok, pred)
        target = self._first_other(candidates, source, pred, before)
        if (is_obligation or found is fallback) and target is None:
            return None  # a demand on no one; a CAMEO-typed verb with no target of its own
        if target is None:
            target = self.discourse.other_side(source, before)
        if found is fallback and source is None:
            return None  # a verb typed by the CAMEO lexicon alone needs both sides named
        if source is None and target is None:
            return None  # an act of no one on no one ("licences were refused") is no evidence
        start, end = line_of(sent, tok)
        return EventRecord(
            plover=kind,
            mode=mode,
            source=source,
            target=target,
            negated=site.negated,
            sentence=self.text[start:end],
            start=start,
            end=end,
        )

    def _source(self, subj: Token | None, pred: Token, before: list[Mention]) -> str | None:
        """The actor the subject names; a document's author is the actor in focus."""
        source = self.name(subj, pred, before)
        if _is_document(subj):
            return source or self.discourse.topic(before)
        return source

    def _first_other(
        self, candidates: list[Token], source: str | None, pred: Token, before: list[Mention]
    ) -> str | None:
        """The first candidate that names an actor other than the source."""
        for cand in candidates:
            named = self.name(cand, pred, before)
            if named and named != source:
                return named
        return None

    # ------------------------------------------------------------------ naming tokens
    def name(
        self, tok: Token | None, pred: Token, before: list[Mention], depth: int = 0
    ) -> str | None:
        """The actor ``tok`` names, as an argument of ``pred``."""
        if tok is None or depth > MAX_NAME_DEPTH:
            return None
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.name(tok.head.head, pred, before, depth + 1)  # "Straw, who will ..."
        if tok.pos_ == "PRON":
            return self._pronoun(tok, pred, before)
        phrase = noun_phrase(tok)
        named = self.index.resolve(phrase) or generic_actor(phrase)
        if named:
            return named
        modifier = _actor_modifier(tok)
        if modifier is not None:
            return self.index.resolve(noun_phrase(modifier))
        member = _group_member(tok)
        if member is not None:
            return self.name(member, pred, before, depth + 1)
        return None

    def _pronoun(self, tok: Token, pred: Token, before: list[Mention]) -> str | None:
        """Inside reported speech, it/they is the speaker ("Moscow's delegates warned that
        they will not ..."); else the last actor of the pronoun's kind."""
        said_by = speaker(pred)
        if said_by is not None and tok.lower_ not in PERSON_PRONOUNS:
            return self.name(said_by, said_by.head, before)
        return self.discourse.antecedent(tok, before)


def _is_document(subj: Token | None) -> bool:
    return subj is not None and lemma(subj) in DOCUMENTS


def _owner(child: Token) -> bool:
    """"Moscow's delegates" → Moscow."""
    return child.dep_ == "poss" and child.pos_ != "PRON"


def _actor_adjective(child: Token) -> bool:
    """"Hungarian and Romanian officials" → Hungary."""
    return child.dep_ == "amod" and child.ent_type_ in ACTOR_LABELS


def _actor_modifier(tok: Token) -> Token | None:
    """The owner of the phrase, else an actor adjective in it."""
    for rule in (_owner, _actor_adjective):
        found = next((c for c in tok.children if rule(c)), None)
        if found is not None:
            return found
    return None


def _names_members(tok: Token, prep: Token) -> bool:
    """"a group *of* Yoruba leaders", "thousands *of* students", "a spokesman *for* Unison"."""
    if prep.dep_ != "prep":
        return False
    groups = prep.lower_ == "of" and tok.lower_ in GROUPS
    speaks = prep.lower_ in ("for", "of") and tok.lower_ in SPOKESPEOPLE
    return groups or speaks


def _group_member(tok: Token) -> Token | None:
    """Whom a group or a spokesperson stands for: the object of its "of"/"for" phrase."""
    return next(
        (obj for prep in tok.children if _names_members(tok, prep)
         for obj in prep.children if obj.dep_ == "pobj"),
        None,
    )


def line_of(sent: Span, tok: Token) -> tuple[int, int]:
    """The sentence's character span, cut at line breaks around ``tok``.

    A headline and the first sentence can be parsed as one sentence; the event belongs to
    the line of its trigger.
    """
    text = sent.text
    at = tok.idx - sent.start_char
    left = text.rfind("\n", 0, at) + 1
    right = text.find("\n", at)
    right = len(text) if right < 0 else right
    chunk = text[left:right]
    lead = len(chunk) - len(chunk.lstrip())
    return sent.start_char + left + lead, sent.start_char + left + len(chunk.rstrip())
