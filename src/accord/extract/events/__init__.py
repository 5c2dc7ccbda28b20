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

The modules, in the order the coder uses them: ``triggers`` (which words signal which type),
``acts`` (whether a trigger is an event of its own; negation, announcements, documents:
the final type and mode), ``arguments`` (the source and target tokens), ``naming`` and
``discourse`` (which actor a token names; the actors mentioned so far), ``coder`` (the whole).
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.events.coder import Coder
from accord.extract.events.naming import ActorResolver, PhraseResolver, generic_actor
from accord.extract.records import EventRecord

__all__ = ["ActorResolver", "EventRecord", "PhraseResolver", "find_events", "generic_actor"]


def find_events(doc: Doc, index: ActorResolver) -> list[EventRecord]:
    """Every PLOVER event in ``doc``, in text order, with actors named by ``index``."""
    return Coder(doc, index).run()
