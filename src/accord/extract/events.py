"""PLOVER events from a parsed article: who did what to whom, in which sentence.

A rule-based coder over spaCy's dependency parse, in the tradition of the CAMEO/PLOVER coders
(TABARI, PETRARCH): a trigger word gives the type (``accord.extract.plover_lexicon``) and the
parse gives the actors.

- **Source**: the subject of the trigger (through ``to``-clauses: "Putin used the conference to
  accuse NATO" → Putin; through passives: "rejected by the West" → the West). A pronoun inside
  reported speech is the speaker ("Moscow's delegates warned that they will not ..."), else the
  last actor of the right kind (person for he/she, body for it/they).
- **Target**: the object, the object of a preposition (hit out *at*, talks *with*), the subject
  of a demanded clause ("demand that *NATO* limit its forces"), the owner of the object ("reject
  *Putin's* insistence"), an actor in the object's own phrases ("aid *to Mozambique*");
  failing all these, the most recent named actor on the other side, subjects first (the
  target PLOVER coders infer from context: "Washington warned that any aggression would be met
  with punitive measures" threatens Russia, named in the sentence before).
- **Negation**: a ``neg`` dependent or *never* on the trigger. A refused cooperative act is a
  REJECT whose mode names what was refused ("will not water down their demands" → REJECT,
  mode ``concede``, ``negated``); other negated triggers keep their type and ``negated=True``
  says the act is denied, not reported.
- **Threats by announcement**: a forceful act (SANCTION, COERCE, ASSAULT, MOBILIZE) that an
  actor says it will, would or is prepared to take is a THREATEN with that act as its mode.
- **Demands in reported speech**: "X said Y must ..." is a REQUEST from X to Y; a document
  that acts ("the draft treaty would ban NATO troops") is its author's REQUEST.
- **One event per act**: an act that is the content of another ("agreed *to meet*", "pledged
  to work towards *lifting* the ban") becomes that event's mode, not an event of its own; an
  act in a condition ("*if* the embargo is lifted") is no event; nor is an act of no one on
  no one.

Actor names come from an :class:`ActorResolver` (the article's actor index); without one,
:class:`PhraseResolver` names actors by their noun phrase, as the PLOVER gold records do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from accord.extract.plover_lexicon import (
    CONCESSION_OBJECTS,
    COOPERATIVE,
    DOCUMENTS,
    FAILING,
    FORCEFUL,
    FUTURE,
    GROUPS,
    LIGHT_VERBS,
    NEGATORS,
    NOUNS,
    OBLIGATION,
    PHRASAL,
    READINESS,
    REPORTING,
    SPOKESPEOPLE,
    VERBS,
    Trigger,
    words,
)
from accord.extract.records import EventRecord


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
CONTENT_DEPS = ("xcomp", "pcomp", "pobj", "prep", "advcl", "acomp")
OBJECT_PREPS = frozenset({"to", "of", "in", "into", "with", "against", "from", "by", "on", "for"})
CONDITIONS = frozenset({"if", "unless", "whether"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
CLIMB = ("xcomp", "advcl", "conj", "pcomp", "acl", "acomp")
PARTICLES = frozenset({"out", "down", "in", "up", "off"})
TARGET_PREPS = ("at", "against", "on", "upon", "with", "to", "from", "toward", "towards", "over")
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


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
        if span.root.lower_ in ACTOR_NOUNS or span.root.pos_ == "PROPN":
            return " ".join(t.text for t in span if t.dep_ != "det")
        return None

    def affiliation(self, name: str) -> str | None:
        return None


@dataclass
class _Mention:
    name: str
    person: bool
    subject: bool
    topic: bool = False  # subject of the sentence's main verb
    named: bool = True  # named by the actor index, not a collective noun ("unions")


class _Discourse:
    """Actors mentioned so far, latest last, for pronouns and implicit targets."""

    def __init__(self, index: ActorResolver):
        self.index = index
        self.sentences: list[list[_Mention]] = []

    @property
    def mentions(self) -> list[_Mention]:
        return [m for sent in self.sentences for m in sent]

    def side(self, name: str) -> str:
        return self.index.affiliation(name) or name

    def mentions_in(self, tokens: Iterable[Token]) -> list[_Mention]:
        found: list[_Mention] = []
        seen: set[int] = set()
        for tok in tokens:
            if tok.i in seen or tok.pos_ not in ("PROPN", "NOUN"):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ in ("PROPN", "NOUN"):
                continue
            span = noun_phrase(tok)
            seen.update(range(span.start, span.end))
            named = self.index.resolve(span)
            name = named or generic_actor(span)
            if name:
                person = any(e.label_ == "PERSON" for e in span.ents) or bool(
                    self.index.affiliation(name)
                )
                subject = tok.dep_ in ("nsubj", "nsubjpass")
                topic = subject and tok.head.dep_ == "ROOT"
                found.append(_Mention(name, person, subject, topic, named is not None))
        return found

    def antecedent(self, pronoun: Token, before: list[_Mention]) -> str | None:
        """The latest actor of the pronoun's kind, subjects first (Hobbs-style recency)."""
        want_person = pronoun.lower_ in PERSON_PRONOUNS
        recent = self.mentions[-20:] + before
        for subjects_only in (True, False):
            for m in reversed(recent):
                if m.person == want_person and (m.subject or not subjects_only):
                    return m.name
        return None

    def topic(self, before: list[_Mention]) -> str | None:
        """The latest actor that was the subject of a main clause (the actor in focus)."""
        for window in [before, *reversed(self.sentences[-3:])]:
            for m in reversed(window):
                if m.topic:
                    return m.name
        return None

    def other_side(self, source: str | None, before: list[_Mention]) -> str | None:
        if source is None:
            return None
        mine = self.side(source)
        # the sentence so far, then the three before it, latest first; subjects first
        windows = [before, *reversed(self.sentences[-3:])]
        for subjects_only in (True, False):
            for window in windows:
                for m in reversed(window):
                    if not m.named or not (m.subject or not subjects_only):
                        continue
                    if self.side(m.name) != mine:
                        return m.name
        return None


def generic_actor(span: Span) -> str | None:
    """A collective actor named by a common noun ("the five unions" → ``unions``).

    News names many actors without a proper name: the government, ministers, unions, rebels.
    They are named by their head noun so that every mention of them agrees.
    """
    root = span.root
    if root.pos_ == "NOUN" and root.lower_ in ACTOR_NOUNS:
        return root.lower_
    return None


def noun_phrase(tok: Token) -> Span:
    """The token with its left modifiers (determiner, adjectives, compounds, owner)."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct"):
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "case") or (child.dep_ == "flat"):
            right = max(right, child.right_edge.i)
    return tok.doc[left : right + 1]


def _lemma(tok: Token) -> str:
    # "5warned" (a stray digit in the source text) is still "warn"
    text = tok.lemma_.lower().lstrip("0123456789")
    if tok.text[:1].isdigit() and tok.text.lstrip("0123456789").lower().endswith("ed"):
        text = tok.text.lstrip("0123456789").lower().removesuffix("ed")
        text = text if text in VERBS else text + "e"
    return text


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def trigger(tok: Token) -> Trigger | None:
    """The PLOVER type a verb, a phrasal verb or a light-verb noun signals, if any."""
    lemma = _lemma(tok)
    if _is_verb(tok):
        if tok.dep_ in ("amod", "compound"):
            return None  # "a signed agreement" reports no signing
        first = tok
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ == "acl" and first.head.pos_ == "NOUN" and any(
            c.lower_ == "to" for c in first.children
        ):
            return None  # "the right to protect and defend all allies" reports no defending
        marks = [
            g for c in tok.children if c.dep_ in ("advcl", "ccomp") for g in c.children
            if g.dep_ == "mark"
        ]  # "calls for both sides not to deploy": *for* marks the demanded clause
        for child in [*tok.children, *marks]:
            particle = child.lower_ in PARTICLES
            deps = ("prt",) if particle else ("prep", "dobj", "mark")
            if child.dep_ in deps and (lemma, child.lower_) in PHRASAL:
                return PHRASAL[lemma, child.lower_]
        if lemma in VERBS:
            kind, _ = VERBS[lemma]
            if kind == "CONSULT" and any(c.dep_ == "auxpass" for c in tok.children):
                return None  # "would be met with punitive measures" is no meeting
            return VERBS[lemma]
        return None
    light = _lemma(tok.head) in LIGHT_VERBS and tok.dep_ in ("dobj", "nsubjpass")
    if tok.pos_ == "NOUN" and lemma in NOUNS and light:
        return NOUNS[lemma]
    return None


def _predicate(tok: Token) -> Token:
    """The verb that carries the event: the trigger itself or the light verb of a noun."""
    return tok if _is_verb(tok) else tok.head


def _negated(pred: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in NEGATORS for c in pred.children):
        return True
    gov = pred.head
    if pred.dep_ == "xcomp" and _lemma(gov) in FAILING:
        return True
    # "is not prepared to issue", "did not want to meet"
    return (
        pred.dep_ == "xcomp"
        and trigger(gov) is None
        and any(c.dep_ == "neg" for c in gov.children)
    )


def _future(pred: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in pred.children):
        return True
    gov = pred.head
    return pred.dep_ == "xcomp" and _lemma(gov) in READINESS


def carries_event(pred: Token) -> bool:
    """Whether a verb is a trigger or the light verb of a trigger noun ("staged protests")."""
    return trigger(pred) is not None or any(
        trigger(c) is not None for c in pred.children if c.dep_ == "dobj"
    )


def _conditional(pred: Token) -> bool:
    """Whether the act is made conditional: "will withdraw ... unless the president agrees"."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ in ("unless", "if") for m in c.children)
        for c in pred.children
    )


def _governing_trigger(pred: Token) -> Token | None:
    """An enclosing trigger that already codes this act ("agreed to meet", "threatened to ban")."""
    head = pred.head
    purpose = pred.dep_ == "advcl" and any(c.lower_ == "to" for c in pred.children)
    if (pred.dep_ in ("xcomp", "ccomp") or purpose) and head is not pred:
        if pred.dep_ == "xcomp" and _lemma(head) in READINESS and head.dep_ == "acomp":
            head = head.head
        if carries_event(head) and not (pred.dep_ == "ccomp" and _lemma(head) == "warn"):
            return head
    # a subjectless act inside a prepositional phrase of another act is its content:
    # "pledged to work towards lifting the ban"
    node, hops = pred, 0
    while hops < 5 and node.dep_ in CONTENT_DEPS and not _has_subject(node):
        node, hops = node.head, hops + 1
        if node is not pred and carries_event(node) and hops > 1:
            return node
    return None


def _hypothetical(pred: Token) -> bool:
    """Whether the act is only a condition: "if the embargo is lifted", "unless Baghdad agrees"."""
    return pred.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONS for c in pred.children
    )


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)


def _embedded_trigger(pred: Token) -> bool:
    """Whether a clause reported by ``pred`` holds its own trigger ("warned that they will not")."""
    for child in pred.children:
        if child.dep_ != "ccomp":
            continue
        verbs = [child, *(g for g in child.children if g.dep_ in ("xcomp", "conj"))]
        if any(trigger(v) is not None or _obligation(v) for v in verbs):
            return True
    return False


def _obligation(tok: Token) -> bool:
    return (
        _is_verb(tok)
        and tok.dep_ == "ccomp"
        and _lemma(tok.head) in REPORTING
        and any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children)
    )


def _subject(pred: Token) -> tuple[Token | None, bool]:
    """The grammatical subject of ``pred`` and whether the clause is passive."""
    head = pred
    if any(c.dep_ == "auxpass" for c in pred.children) and not any(
        c.dep_ == "agent" for c in pred.children
    ):
        return None, True  # "if the embargo is lifted": lifted by no one named
    for _ in range(4):
        for child in head.children:
            if child.dep_ == "agent":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                return (objs[0] if objs else None), True
        for child in head.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
        if head.dep_ in CLIMB and head.head is not head:
            head = head.head
        else:
            break
    return None, False


def _speaker(pred: Token) -> Token | None:
    """The subject of the verb that reports the clause of ``pred``, if it is reported."""
    head = pred
    while head.dep_ in ("ccomp", "conj", "xcomp", "advcl") and head.head is not head:
        head = head.head
        if _lemma(head) in REPORTING or trigger(head) is not None:
            subj, _ = _subject(head)
            if subj is not None and subj.pos_ != "PRON":
                return subj
    return None


def _line_of(sent: Span, tok: Token) -> tuple[int, int]:
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


class _Coder:
    def __init__(self, doc: Doc, index: ActorResolver):
        self.doc = doc
        self.index = index
        self.discourse = _Discourse(index)

    def name(
        self, tok: Token | None, pred: Token, before: list[_Mention], depth: int = 0
    ) -> str | None:
        if tok is None or depth > 3:
            return None
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.name(tok.head.head, pred, before, depth + 1)  # "Straw, who will ..."
        if tok.pos_ == "PRON":
            speaker = _speaker(pred)
            if speaker is not None and tok.lower_ not in PERSON_PRONOUNS:
                return self.name(speaker, speaker.head, before)
            return self.discourse.antecedent(tok, before)
        named = self.index.resolve(noun_phrase(tok)) or generic_actor(noun_phrase(tok))
        if named:
            return named
        for child in tok.children:  # "Moscow's delegates" → Moscow
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return self.index.resolve(noun_phrase(child))
        for child in tok.children:  # "Hungarian and Romanian officials"
            if child.dep_ == "amod" and child.ent_type_ in ACTOR_LABELS:
                return self.index.resolve(noun_phrase(child))
        for child in tok.children:  # "a group of Yoruba leaders", "thousands of students"
            groups = child.lower_ == "of" and tok.lower_ in GROUPS
            speaks = child.lower_ in ("for", "of") and tok.lower_ in SPOKESPEOPLE
            if child.dep_ == "prep" and (groups or speaks):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return self.name(obj, pred, before, depth + 1)
        return None

    def target_candidates(self, tok: Token, pred: Token) -> list[Token]:
        found: list[Token] = []
        anchors = [tok] if tok is pred else [tok, pred]
        for anchor in anchors:
            for child in anchor.children:
                if child.dep_ in ("dobj", "dative", "nsubjpass") and child is not tok:
                    found.append(child)
            for child in anchor.children:
                if child.dep_ in ("prep", "prt") and child.lower_ in TARGET_PREPS:
                    found += [g for g in child.children if g.dep_ == "pobj"]
                    found += [g for g in child.children if g.dep_ == "prep" for g in g.children]
            for child in anchor.children:
                if child.dep_ in ("ccomp", "xcomp", "advcl"):
                    found += [g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")]
        for inner in tok.children:  # "agreed to meet to discuss Moscow's draft treaties"
            if inner.dep_ == "xcomp":
                found += self.target_candidates(inner, inner)
                for purpose in inner.children:
                    if purpose.dep_ == "advcl":
                        found += self.target_candidates(purpose, purpose)
        for obj in list(found):
            for child in obj.children:
                if child.dep_ in ("acl", "relcl", "ccomp"):
                    found += [g for g in child.children if g.dep_ == "nsubj"]
                if child.dep_ == "poss":
                    found.append(child)
            found += [c for c in obj.conjuncts]
        # the object's own prepositional phrases: "aid to Mozambique", "an invasion of South
        # Lebanon", "demands from Shona rebels", "a curfew in the town of Cizre"
        frontier = [o for o in found if o.dep_ in ("dobj", "nsubjpass", "pobj")]
        for _ in range(2):
            nested = [
                g for o in frontier for p in o.children
                if p.dep_ == "prep" and p.lower_ in OBJECT_PREPS
                for g in p.children if g.dep_ == "pobj"
            ]
            found += nested
            frontier = nested
        return found

    def event(self, tok: Token, sent: Span, before: list[_Mention]) -> EventRecord | None:
        pred = _predicate(tok)
        obligation = _obligation(tok) and tok is pred
        found = trigger(tok)
        if obligation:
            found = ("REQUEST", None)
        if found is None:
            return None
        kind, mode = found
        if not obligation and tok is pred and _governing_trigger(pred) is not None:
            return None
        if _hypothetical(pred):
            return None
        if _lemma(tok) == "warn" and _embedded_trigger(tok):
            return None
        # a light verb whose own lemma is a trigger ("sign a treaty") is coded once
        if tok is not pred and trigger(pred) is not None:
            return None
        negated = _negated(pred)
        # the act agreed to, threatened or demanded ("want the government to withdraw ...")
        deps = ("xcomp", "ccomp") if kind == "REQUEST" else ("xcomp",)
        inner = [c for c in tok.children if c.dep_ in deps and trigger(c)]
        if inner and kind in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            inner_kind = trigger(inner[0])
            assert inner_kind is not None
            if kind == "AGREE":
                mode = mode or _lemma(inner[0])
            elif inner_kind[0] != kind:
                mode = mode or inner_kind[0].lower()
        objects = {_lemma(c) for c in tok.children if c.dep_ == "dobj"}
        if kind == "AGREE" and objects & CONCESSION_OBJECTS:
            kind = "CONCEDE"
        if kind == "AGREE" and inner and trigger(inner[0]) is not None:
            inner_kind = trigger(inner[0])
            if inner_kind is not None and inner_kind[0] in FORCEFUL:
                kind, mode = "THREATEN", inner_kind[0].lower()  # "sworn to fight"
        if negated and kind in COOPERATIVE:
            kind, mode = "REJECT", kind.lower()
        elif not negated and kind not in ("AGREE", "THREATEN") and _future(pred):
            if kind in FORCEFUL or (_conditional(pred) and kind not in COOPERATIVE):
                kind, mode = "THREATEN", kind.lower()
            elif kind in COOPERATIVE:
                kind, mode = "AGREE", mode or kind.lower()  # "will support", "would meet"

        if obligation:
            subj_tok = _speaker(tok)
            source = self.name(subj_tok, tok, before)
            target_toks = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            subj_tok, passive = _subject(pred)
            source = self.name(subj_tok, pred, before)
            if subj_tok is not None and _lemma(subj_tok) in DOCUMENTS:
                # a proposal does not act, it asks: "the draft treaty would ban NATO troops"
                # is a demand of its author
                if kind != "REQUEST":
                    kind, mode = "REQUEST", mode or kind.lower()
                source = source or self.discourse.topic(before)
            target_toks = self.target_candidates(tok, pred)
            if passive:
                target_toks = [c for c in pred.children if c.dep_ == "nsubjpass"] + target_toks
        target = None
        for cand in target_toks:
            named = self.name(cand, pred, before)
            if named and named != source:
                target = named
                break
        if obligation and target is None:
            return None
        if target is None:
            target = self.discourse.other_side(source, before)
        if source is None and target is None:
            return None  # an act of no one on no one ("licences were refused") is no evidence
        start, end = _line_of(sent, tok)
        return EventRecord(
            plover=kind,
            mode=mode,
            source=source,
            target=target,
            negated=negated,
            sentence=self.doc.text[start:end],
            start=start,
            end=end,
        )

    def run(self) -> list[EventRecord]:
        events: list[EventRecord] = []
        for sent in self.doc.sents:
            if sent.text.rstrip().endswith("?"):
                continue  # a question (often a heading) reports no event
            for tok in sent:
                if trigger(tok) is None and not _obligation(tok):
                    continue
                before = self.discourse.mentions_in(t for t in sent if t.i < tok.i)
                ev = self.event(tok, sent, before)
                if ev is not None and ev not in events:
                    events.append(ev)
            self.discourse.sentences.append(self.discourse.mentions_in(sent))
        return events


def find_events(doc: Doc, index: ActorResolver) -> list[EventRecord]:
    """Every PLOVER event in ``doc``, in text order, with actors named by ``index``."""
    return _Coder(doc, index).run()
