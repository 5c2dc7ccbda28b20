"""Attribution patterns of news style that the parse alone does not give a speaker.

Each function looks at one speech verb or one quote's neighbourhood and returns the token
that names the speaker (or says whether a verb is a bare attribution); resolving the token
to an actor is :class:`~accord.extract.actors.ActorIndex`'s work.  The patterns are those of
reporting clauses in news English (Quirk et al. 1985, *A Comprehensive Grammar of the
English Language*, §14.29–14.33, "reporting clauses"):

* object control of "quote" and "cite": "Xinhua quoted Liu as saying …" (Liu speaks);
* a reporting clause after a quote that ends its sentence ('"We will not give up." Cole
  said on Monday.'), which has no complement of its own, or only "that"/"this";
* a subject the parser lost ("Speaking in Oslo, Ann Cole said …" parsed with the name as
  an apposition): the name right before the verb ("NAME said", "the chairman of the Joint
  Chiefs said": the head of the phrase the "of" complement ends) or right after it ("said
  NAME");
* "as X put it", "in the words of X";
* a quote introduced by a colon after a clause with no speech verb ('Cole was blunt: "…"'):
  the subject of that clause.

An :class:`Attribution` is what the quote rules find for a quote: the speaker, the cue and
where the cue stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from accord.extract.lexicon import DOCUMENTS, SPEECH_VERBS, SUBJECT_DEPS

# verbs whose object is the one quoted ("quoted him as saying", "cited Cole as saying")
QUOTING = frozenset({"quote", "cite"})
# words that may stand between a name and its speech verb ("Cole also said", "Cole has said")
_BETWEEN = frozenset({"ADV", "AUX", "PART"})
# pronouns a bare attribution may take as its object ('"…." Cole said that on Monday')
_ANAPHORS = frozenset({"that", "this", "so", "it"})
AUDIENCES = frozenset({"reporters", "journalists", "lawmakers", "parliament", "delegates"})
_NAME_POS = frozenset({"PROPN", "PRON", "NOUN"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl"})
# nouns for what a body or person issues ("a statement", "a communique")
STATEMENTS = frozenset({"statement", "communique", "communiqué", "declaration", "letter",
                        "message", "announcement"})
MAX_DESCRIPTION = 20  # tokens of a description between a name and its speech verb
BARE_REACH = 4  # tokens of a following sentence before its speech verb ("Ann Cole said")


@dataclass
class Attribution:
    """A quote's speaker, its cue ("said", "according to"; None: the speaker the previous
    paragraph introduces) and the character offset of the cue."""

    speaker: str
    cue: str | None
    at: int


def is_speech_verb(t: Token) -> bool:
    return t.pos_ == "VERB" and t.lemma_ in SPEECH_VERBS


def is_document(subj: Token) -> bool:
    """A law, bill or treaty as the subject ("the Prevention of Terrorism Bill says"): a text
    that states, never a speaker."""
    head = subj
    for c in subj.children:  # "the Bill" or "the Terrorism Bill": the name's last word
        if c.dep_ == "compound" and c.i > head.i:
            head = c
    return head.lower_ in DOCUMENTS


def quoted_object(verb: Token) -> Token | None:
    """The one quoted in "X quoted Y as saying …" / "X cited Y as saying": ``verb``'s direct
    object when ``verb`` is "quote" or "cite" (the passive "Y was quoted as saying" has Y for
    its subject and needs nothing here)."""
    if verb.lemma_ not in QUOTING:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def adjacent_name(verb: Token) -> Token | None:
    """A name standing right before the speech verb, or right after it, when the parser gave
    the verb no subject: "Oslo, Ann Cole said" parsed with the name as an apposition."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in _BETWEEN:
        i -= 1
    if i >= 0 and doc[i].pos_ in _NAME_POS:
        tok = doc[i]  # "the chairman of the Joint Chiefs of Staff said": the phrase's head
        while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in _NAME_POS:
            tok = tok.head.head
        if tok.dep_ not in ("dobj", "pobj"):
            return tok
    j = verb.i + 1
    if j < len(doc) and doc[j].pos_ == "PROPN":
        k = j  # "said Ann Cole": the last word of the name
        while k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN":
            k += 1
        return doc[k]
    return None


def appositive_opener(verb: Token) -> Token | None:
    """The name before a description set off by commas right before a speech verb the parser
    gave no subject ("…, Dobriansky, the State Department's under secretary for democracy
    and global affairs, said …"): the proper noun before the description's opening comma,
    with no verb in the description."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    for i in range(verb.i - 2, max(0, verb.i - 2 - MAX_DESCRIPTION), -1):
        if doc[i].pos_ in ("VERB", "AUX"):
            return None
        if doc[i].text == ",":
            before = doc[i - 1] if i > 0 else None
            return before if before is not None and before.pos_ == "PROPN" else None
    return None


def bare_attribution(verb: Token) -> bool:
    """Whether ``verb`` only attributes what was quoted before it: no clausal complement and
    no object but "that" or "this" ('"…." Cole said that on Monday')."""
    for c in verb.children:
        if c.dep_ in CLAUSAL:
            return False
        if c.dep_ == "dobj" and c.lower_ not in _ANAPHORS and c.pos_ != "PRON" and (
                c.lower_ not in AUDIENCES):
            return False  # ('"…?" Cole asked him', '"…." Cole told reporters')
    return True


def put_it(verb: Token) -> bool:
    """"As X put it": "put" with the object "it" in a clause introduced by "as"."""
    return verb.lemma_ == "put" and any(c.lower_ == "it" and c.dep_ == "dobj"
                                        for c in verb.children) and any(
        c.lower_ == "as" for c in verb.children)


def words_of(tok: Token) -> Token | None:
    """"In the words of X": the token naming X when ``tok`` is "words" in that phrase."""
    if tok.lower_ != "words" or tok.i < 2 or tok.doc[tok.i - 2].lower_ != "in":
        return None
    of = next((c for c in tok.children if c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of else None


def colon_subject(window: list[Token]) -> Token | None:
    """The subject of the clause a colon closes, the quote after the colon being what that
    clause introduces ('Cole was blunt: "…"'); ``window`` runs from the colon back to the
    sentence start, nearest first."""
    if not window or window[0].text != ":":
        return None
    return next((t for t in window if t.dep_ in SUBJECT_DEPS), None)


def impersonal(verb: Token) -> bool:
    """A passive with no agent ("what is being called "phase one"", "the so-called …"):
    a naming, not anyone's words."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children)


def issued(noun: Token) -> bool:
    """A statement that is the object of its issuer's verb ("X issued a statement saying
    …", "the ministry released a statement"): its speech verb's speaker is that subject."""
    return noun.lower_ in STATEMENTS and noun.dep_ == "dobj"


def issuer(statement: Token) -> Token | None:
    """Who a statement is from: the subject of the verb it is the object of ("X issued a
    statement"), or of the speech verb it is the means of ("X said in a statement")."""
    head = statement.head
    if statement.dep_ == "pobj" and head.lower_ == "in":
        head = head.head
    elif statement.dep_ != "dobj":
        return None
    return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
