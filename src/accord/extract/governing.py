"""The speech verb or proposal noun that governs a quote in the parse.

A phrase quoted inside reported speech is the reporter's ("said the talks were "encouraging
and positive"", "urging countries to engage in "substantive negotiations""); a word quoted
inside a proposal or another speech act named by a noun is the one whose act it is ("China's
suggestion of an "informal" reunion", "Cole's warning that … "on the brink"").  The governor
is found by climbing the heads from the quote's first token; an undertaking ("agreed to
release the four after "…"") is no speech, and words quoted from a document ("language saying
countries have "…"", "the bill says") are no one's.
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.attribution import Attribution, is_document, is_speech_verb
from accord.extract.lexicon import SUBJECT_DEPS
from accord.extract.quoted_tokens import QuotedTokens
from accord.extract.speech_subjects import SpeechSubjects

# a quoted word inside a proposal or another speech act named by a noun is the one whose
# act it is ("China's suggestion of an "informal" …", "Cole's warning that … "on the brink"")
PROPOSALS = frozenset({"proposal", "suggestion", "plan", "idea", "offer", "initiative",
                       "warning", "remarks", "comments", "words", "claim", "call", "appeal",
                       "demand", "pledge", "promise", "threat", "vow", "assurance", "insistence",
                       "description", "accusation", "criticism", "denial", "admission"})
DOCUMENT_DEPS = SUBJECT_DEPS | {"compound"}  # "with language saying …" parses as a compound
MAX_CLIMB = 20  # heads followed from a quoted phrase to the speech verb governing it
# speech verbs that with "to" + verb report an undertaking or a continued action, not words
UNDERTAKINGS = frozenset({"agree", "continue", "promise", "pledge", "vow", "threaten"})
# a belief reported inside someone's speech is not speech of its own: in "Kirby said, adding
# that the U.S. believes the truce has "largely held"", the quoted words are Kirby's
BELIEFS = frozenset({"believe"})
# nor is a speech act still to come: in "the official said the United States will urge …
# to enhance its "transparency"", the quoted word is the official's
MODALS = frozenset({"will", "would", "shall", "should", "could", "may", "might", "must", "'ll"})


def governor(quoted: QuotedTokens, subjects: SpeechSubjects, start: int) -> Token | None:
    """The first speech verb or proposal noun above the quote opening before ``start``; a
    belief verb, or a speech act still to come ("will urge"), only when no speech verb stands
    above it."""
    i = quoted.token_at(start)
    if i >= len(quoted.toks):
        return None
    inside = quoted.inside
    tok = quoted.toks[i]
    belief = None
    for _ in range(MAX_CLIMB):
        if tok.head is tok:
            break
        below, tok = tok, tok.head
        if inside[tok.i]:
            continue
        # "agreed to release the four after "…"": an undertaking, not speech (but "agreed
        # to "accelerate and expand" aid" quotes the words of the agreement)
        action = (below.dep_ == "xcomp" and tok.lemma_ in UNDERTAKINGS
                  and not inside[below.i])
        if is_speech_verb(tok) and (tok.lemma_ in BELIEFS or _to_come(tok)):
            belief = belief or tok
        elif (is_speech_verb(tok) and not action) or (
                tok.lemma_ in PROPOSALS and subjects.proposer(tok)):
            return tok
    return belief


def _to_come(verb: Token) -> bool:
    """Whether a modal auxiliary puts the verb's act in the future ("will urge")."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def governing(subjects: SpeechSubjects, head: Token | None) -> Attribution | None:
    """The attribution the governor ``head`` gives: a speech verb's subject, or a proposal's
    proposer ("China's suggestion of an "informal" reunion", "a Chinese proposal for an
    "informal" version")."""
    if head is None:
        return None
    who = subjects.subject(head) if head.pos_ == "VERB" else subjects.proposer(head)
    return Attribution(who, head.text, head.idx) if who else None


def documents_words(verb: Token | None) -> bool:
    """Words quoted from a document, not spoken: the speech verb governing the quote has
    a document for its subject or describes one ("language saying countries have "…"",
    "the bill says")."""
    if verb is None or verb.pos_ != "VERB":
        return False
    if verb.dep_ == "acl" and is_document(verb.head):
        return True
    return any(c.dep_ in DOCUMENT_DEPS and is_document(c) for c in verb.children)
