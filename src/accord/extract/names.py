"""People's names in one parsed document: the token spans that name a person.

The model's PERSON entities are the start (without titles, honorifics and possessives), and
the small model's misses are recovered from the context a name stands in: a longer entity
ending in a known name ("Staffan de Mistura" tagged ORG, then "De Mistura"), proper nouns
tagged as groups right after a title ("CPP lawmaker Cheam Yiep"), proper nouns that are the
subject of a speech verb ("…," Hulusi Akar said), and a run of proper nouns ending in a word
that names a person on its own elsewhere ("Yair Lapid …", then "Lapid said").
:class:`KnownNames` then maps a surname or first name alone to its full name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract.lexicon import (
    HONORIFICS,
    MAX_ALIAS_TOKENS,
    RANKS,
    SPEECH_VERBS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)

ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
NOT_PEOPLE = frozenset({"PERSON", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT"})
# lower-case words inside a person's name ("Ursula von der Leyen", "Staffan de Mistura")
PARTICLES = frozenset({"von", "der", "van", "den", "de", "del", "della", "la", "le", "du",
                       "da", "dos", "bin", "ibn", "al", "el"})
PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
MAX_NAME_WORDS = 5  # words of a person's name found as a run of proper nouns
MIN_ACRONYM = 3  # letters of a capitalised acronym ("USTR"), not an initial or "U"
# generational suffixes, part of a name as written ("Wilbur L. Ross, Jr.")
SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
AliasAt = Callable[[int, int], "tuple[str, int] | None"]


@dataclass
class KnownNames:
    """The full names of an article, by surname (with the token where each stands) and by
    first name, so that a surname or first name alone finds its full name."""

    surnames: dict[str, list[tuple[int, str]]]
    firsts: dict[str, set[str]]

    @classmethod
    def of(cls, doc: Doc, names: list[tuple[int, int]]) -> KnownNames:
        known = cls({}, {})
        for s, e in names:
            if e - s > 1:
                full = doc[s:e].text
                last = e - 1
                while last > s and (doc[last].text in SUFFIXES or doc[last].text == ","):
                    last -= 1  # "Ross" finds "Wilbur L. Ross, Jr."
                known.surnames.setdefault(doc[last].text, []).append((s, full))
                known.firsts.setdefault(doc[s].text, set()).add(full)
        return known

    def full_name(self, text: str, at: int) -> str:
        """A full name is its own actor; a surname or first name alone at token ``at`` is the
        most recent full name that ends (or starts) with it, or the first one after it."""
        if " " in text or "-" in text:  # "De Mistura", "al-Maliki": the longer name
            tail = " " + text.casefold()
            longer = sorted((i, full) for seen in self.surnames.values() for i, full in seen
                            if full.casefold().endswith(tail))
            before = [full for i, full in longer if i <= at]
            return before[-1] if before else longer[0][1] if longer else text
        seen = self.surnames.get(text)
        if seen:
            before = [full for i, full in seen if i <= at]
            return before[-1] if before else seen[0][1]
        if len(self.firsts.get(text, ())) == 1:
            return next(iter(self.firsts[text]))
        return text


class NameFinder:
    """The token spans of people's names in ``doc``; ``alias_at(i, limit)`` says whether a
    state, bloc or body's name starts at token ``i`` (its name and end token)."""

    def __init__(self, doc: Doc, alias_at: AliasAt) -> None:
        self.doc = doc
        self.tokens = list(doc)
        self.alias_at = alias_at
        # words in capitals the text uses on their own for a body ("… to which USTR kept")
        self.acronyms = {e.text for e in doc.ents if len(e) == 1 and e.label_ in ORG_LABELS
                         and len(e.text) >= MIN_ACRONYM and e.text.isalpha() and e.text.isupper()}

    def names(self) -> list[tuple[int, int]]:
        """(start, end) token spans of people's names, in order."""
        names = [span for ent in self.doc.ents if (span := self._person_name(ent)) is not None]
        names += self.mistagged_full_names(names) + self._titled_names() + self._field_names()
        names += self._possessed_names()
        names += self._speaking_names() + self._surname_runs(names)
        spans = {(s, _with_suffix(self.doc, e)) for s, e in names}
        owners: dict[str, set[str]] = {}  # word -> the names it is a word of
        for s, e in spans:
            for t in self.doc[s:e]:
                owners.setdefault(t.text, set()).add(self.doc[s:e].text)
        joined = sorted({_hyphen_joined(self.doc, s, e, owners) for s, e in spans})
        return _touching_joined(self.doc, joined)

    def mistagged_full_names(self, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Other entities that are a person's name with one more leading capitalised word
        ("Staffan de Mistura", tagged ORG, then "De Mistura", tagged PERSON)."""
        tails = {self.doc[s:e].text.casefold() for s, e in names if e - s > 1}
        return [
            (ent.start, ent.end) for ent in self.doc.ents
            if ent.label_ != "PERSON" and len(ent) > 2 and ent[0].text[:1].isupper()
            and ent[1:].text.casefold() in tails
        ]

    def _surname_runs(self, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """A run of capitalised proper nouns ending in a word that elsewhere names a person on
        its own ("Hulusi Akar arrived …" tagged as a group and a person, then "Akar said"; or
        "Yair Lapid …" tagged as nothing, then "Lapid said"): that person's full name."""
        doc = self.doc
        singles = {doc[s].text for s, e in names if e - s == 1}
        singles |= {t.text for t in self.tokens if t.dep_ == "nsubj" and self._name_word(t)
                    and t.head.lemma_ in SPEECH_VERBS and t.lower_ not in PARTICLES
                    and not self._name_word(doc[t.i - 1])}  # "Lapid said", "Obasanjo said"
        out = []
        for tok in self.tokens:
            if tok.text not in singles or tok.i == 0:
                continue
            j = tok.i
            while j > 0 and tok.i - j < MAX_NAME_WORDS - 1 and self._name_word(doc[j - 1]):
                j -= 1
            while j < tok.i and doc[j].lower_ in PARTICLES:
                j += 1
            if j < tok.i:
                out.append((j, tok.i + 1))
        return out

    def _name_word(self, tok: Token) -> bool:
        """A word of a person's name before the surname: capitalised proper noun, no title,
        honorific, state or place; or a particle ("von der", "de")."""
        if tok.lower_ in PARTICLES:
            return True
        if tok.text.endswith(".") and len(tok.text) > 2:  # "Adm.", "Gen.": a title; "M." is
            return False  # an initial
        return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text not in HONORIFICS
                and tok.lower_ not in TITLE_HEADS and tok.lower_ not in TITLE_MODIFIERS
                and tok.text not in self.acronyms
                and tok.ent_type_ not in PLACES and self.alias_at(tok.i, tok.i + 1) is None)

    def _titled_names(self) -> list[tuple[int, int]]:
        """Two or more proper nouns tagged as groups or bodies but standing right after a
        title ("CPP lawmaker Cheam Yiep", tagged NORP), or after a title and the body it is
        for ("special envoy for North Korea Sung Kim", all tagged GPE), or in apposition to
        either ("the deputy United Nations envoy for Syria, Ramzi Ezzedine Ramzi,"): a
        person's name."""
        doc, out = self.doc, []
        for i in range(1, len(doc)):
            apposed = doc[i - 1].text == "," and self._after_title(i - 1)
            if not _body_tagged_name(doc[i]) or not (apposed or self._after_title(i)):
                continue
            j = i
            while j < len(doc) and _body_tagged_name(doc[j]):
                j += 1
            if apposed and (j == len(doc) or doc[j].text != ","):
                continue  # an apposition is closed by a comma
            if j - i > 1 and all(self.alias_at(k, j) is None for k in range(i, j)):
                out.append((i, j))
        return out

    def _field_names(self) -> list[tuple[int, int]]:
        """Proper nouns after a title and its field ("Commissioner for Trade Cecilia
        Malmström", "Minister for Foreign Affairs …", the style of EU and UK titles) that the
        model left untagged, or tagged together with the field as one body ("Secretary of
        Agriculture Sonny Perdue"): the field's words are title words, the rest a person's
        name."""
        doc, out = self.doc, []
        for tok in self.tokens:
            if tok.lower_ not in {"for", "of"} or tok.i == 0 or (
                    doc[tok.i - 1].lower_ not in TITLE_HEADS):
                continue
            i = tok.i + 1
            while i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ in TITLE_MODIFIERS:
                i += 1
            j = i
            while j < len(doc) and j - i < MAX_NAME_WORDS and self._name_word(doc[j]) and (
                    not doc[j].ent_type_ or _entity_start(doc, j) > tok.i):
                j += 1  # untagged, or tagged with the field ("Agriculture Sonny Perdue", ORG)
            while j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and (
                    not doc[j].whitespace_):
                j += 2  # "Kim Jang-soo"
            if i > tok.i + 1 and j - i > 1 and doc[i].lower_ not in PARTICLES:
                out.append((i, j))
        return out

    def _possessed_names(self) -> list[tuple[int, int]]:
        """Two or more name words after a possessive inside one entity ("the State
        Department's Daniel Fried", tagged ORG as a whole): the person's name, the body
        before it being whom they speak for."""
        out = []
        for ent in self.doc.ents:
            pos = [t.i for t in ent if t.tag_ == "POS"]
            if not pos or pos[-1] == ent.start:
                continue
            s, e = pos[-1] + 1, ent.end
            if e - s > 1 and all(self._name_word(t) for t in self.doc[s:e]):
                out.append((s, e))
        return out

    def _after_title(self, i: int) -> bool:
        """Whether token ``i`` follows a title, or a title and the body it is for."""
        return self.doc[i - 1].lower_ in TITLE_HEADS or self._after_title_for_body(i)

    def _after_title_for_body(self, i: int) -> bool:
        """Whether token ``i`` follows "TITLE for|of|to BODY" ("envoy for North Korea")."""
        doc = self.doc
        for k in range(i - 1, max(0, i - 1 - MAX_ALIAS_TOKENS * 3), -1):
            if doc[k].lower_ in {"for", "of", "to"}:
                hit = self.alias_at(k + 1, i)
                return (hit is not None and hit[1] == i and k > 0
                        and doc[k - 1].lower_ in TITLE_HEADS)
        return False

    def _speaking_names(self) -> list[tuple[int, int]]:
        """Two or more capitalised proper nouns, tagged as no group, body or place, that are
        the subject of a speech verb ("…," Hulusi Akar said, tagged WORK_OF_ART after the
        closing mark): a person's name."""
        doc, out = self.doc, []
        for tok in self.tokens:
            if (tok.dep_ != "nsubj" or tok.head.pos_ != "VERB"
                    or tok.head.lemma_ not in SPEECH_VERBS or not _bare_name(tok)):
                continue
            s = tok.i
            while s > 0 and doc[s - 1].dep_ == "compound" and _bare_name(doc[s - 1]):
                s -= 1
            if tok.i > s and all(self.alias_at(k, tok.i + 1) is None for k in range(s, tok.i + 1)):
                out.append((s, tok.i + 1))
        return out

    def _person_name(self, ent: Span) -> tuple[int, int] | None:
        """The token span of a PERSON entity's name, without titles, honorifics and
        possessives; None for a mis-tagged entity (numbers, a bloc's nickname)."""
        if ent.label_ != "PERSON":
            return None
        doc = self.doc
        s, e = ent.start, ent.end
        while s < e and (_leads_a_name(doc[s]) or doc[s].text in self.acronyms):
            s += 1
        while e > s and (doc[e - 1].tag_ == "POS" or not doc[e - 1].text[:1].isalpha()):
            e -= 1
        while s < e < len(doc) and doc[e - 1].lower_ in PARTICLES and doc[e].pos_ == "PROPN":
            e += 1  # "Ursula von der" tagged without "Leyen"
        if all(t.text in SUFFIXES or t.text + "." in RANKS for t in doc[s:e]):
            return None  # "Jr." tagged on its own, or "Brig" cut from its full stop
        if any(c.isdigit() for c in doc[s:e].text) or doc[s:e].text.endswith("-"):
            return None
        while s < e and (hit := self.alias_at(s, e)) is not None and hit[1] < e:
            s = hit[1]  # "Australian Mamdouh Habib": the demonym is a title, not a name
        if s < e and self.alias_at(s, e) is None:  # not "the Lib Dems"
            return s, e
        return None


def _with_suffix(doc: Doc, e: int) -> int:
    """The end of a name that ends at token ``e``, taking a generational suffix after it
    ("Wilbur L. Ross, Jr.", the model tagging "Jr." apart)."""
    if e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].text in SUFFIXES:
        return e + 2
    return e + 1 if e < len(doc) and doc[e].text in SUFFIXES else e


def _hyphen_joined(doc: Doc, s: int, e: int, owners: dict[str, set[str]]) -> tuple[int, int]:
    """A name span taking the words hyphen-joined to its ends (a hyphen with no space on
    either side), which the model may leave out of the entity: a lower-case end of a given
    name ("Moon Jae-in" tagged "Moon Jae"), a capitalised start of one ("Jean-Claude Juncker"
    tagged "Claude Juncker"); never a word of another name ("the Roh-Bush summit": Roh
    Moo-hyun's), nor a hyphenated modifier of a noun ("the Bush-Putin summit")."""
    own = doc[s:e].text

    def joined(i: int) -> bool:  # a hyphen at token i, with no space on either side
        return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_

    def other(word: str) -> bool:  # a fuller form of this name is not another name
        return any(not name.endswith(own) for name in owners.get(word, ()))

    while (e - s >= 2 and e + 1 < len(doc) and joined(e) and doc[e + 1].is_lower
           and doc[e + 1].is_alpha and not _modifies_a_noun(doc, e + 2)):
        e += 2
    while (s >= 2 and joined(s - 1) and doc[s - 2].is_alpha and doc[s - 2].text[:1].isupper()
           and not other(doc[s - 2].text) and not _modifies_a_noun(doc, e)):
        s -= 2
    return s, e


def _modifies_a_noun(doc: Doc, i: int) -> bool:
    """Whether a noun stands at token ``i``, right after a hyphenated word it would make a
    modifier of."""
    return i < len(doc) and doc[i].pos_ in ("NOUN", "PROPN")


def _touching_joined(doc: Doc, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted name spans with those that touch (one ends where the next starts, nothing
    between) made one: "Joarez Alves" tagged PERSON and "Pereira Jr." found as the subject of
    "said" are "Joarez Alves Pereira Jr."; never a title taken for a name before one
    ("Deputy Foreign Minister" before "Abbas Aragchi")."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s and not any(
                t.lower_ in TITLE_HEADS or t.lower_ in TITLE_MODIFIERS
                for t in doc[out[-1][0]:s]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _entity_start(doc: Doc, i: int) -> int:
    """The first token of the entity token ``i`` is in."""
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _body_tagged_name(tok: Token) -> bool:
    """A capitalised proper noun the model tagged as a group, body or place."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in ORG_LABELS


def _bare_name(tok: Token) -> bool:
    """A capitalised proper noun the model tagged as nothing that names a person's side."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.text not in HONORIFICS
            and tok.ent_type_ not in ORG_LABELS | NOT_PEOPLE)


def _leads_a_name(tok: Token) -> bool:
    """An honorific, a title or "the" at the start of a PERSON entity."""
    return tok.text in HONORIFICS or tok.lower_ in TITLE_HEADS or tok.lower_ == "the"
