"""Actors in one document: people (with roles and affiliations), states, blocs, organisations.

``ActorIndex.from_doc(doc)`` reads a parsed spaCy ``Doc`` once and then answers, for any
token or span, which actor it names (``resolve``).  It combines the model's named entities
with word lists (:mod:`accord.extract.lexicon`):

* states from names, demonyms and metonyms ("Russian", "Moscow", "the Kremlin" → Russia);
* blocs and bodies ("NATO", "Brussels" → European Union, "the Tories" → Conservative Party);
* people from PERSON entities, their titles from the capitalised pre-modifier run before
  the name ("Russian Deputy Foreign Minister Sergey Ryabkov" → role Deputy Foreign Minister,
  affiliation Russia) or from an apposition ("Dave Prentis, general secretary of Unison");
* later mentions: a surname alone or after Mr/Mrs/Sir ("Mr Straw", "Ryabkov"), he/she/him/
  her (the most recent person in subject position, skipping one whose honorific says the
  other sex), "the minister" (the most recent person whose role ends in that word), and a
  spokesperson (a "spokesman for Unison" speaks for Unison).

This module builds the index; :mod:`accord.extract.resolving` (its base class) resolves
mentions against it, pronouns by the two strongest salience factors of Lappin & Leass (1994):
recency and subject emphasis, restricted to people, which is what attributing speech in news
needs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.extract.binding import bound_sexes
from accord.extract.bodies import INSTITUTIONS, body_span
from accord.extract.class_nouns import class_nouns
from accord.extract.lexicon import (
    ALIAS_FIRST,
    ALIASES,
    FEMALE,
    HONORIFICS,
    MALE,
    MAX_ALIAS_TOKENS,
    RANKS,
    SPEECH_VERBS,
    SPOKESPERSONS,
    SUBJECT_DEPS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from accord.extract.names import ORG_LABELS, KnownNames, NameFinder
from accord.extract.records import ActorRecord, Mention
from accord.extract.resolving import IndexedActor, MentionResolver

_BAD_ORG_WORDS = frozenset({"state", "defense", "defence", "press", "of", "the"})
ORG_REST = 2  # words of a body's name besides a state's that make it the body's own name
GENDERED_TITLES = {
    "f": frozenset({"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen",
                    "princess", "duchess", "baroness", "countess", "empress"}),
    "m": frozenset({"spokesman", "chairman", "congressman", "businessman", "king", "prince",
                    "duke", "baron", "count", "emperor"}),
}
ALIASES_KIND = {name: kind for name, kind in ALIASES.values()}  # canonical name → its kind
SEX = {**dict.fromkeys(MALE, "m"), **dict.fromkeys(FEMALE, "f")}  # by honorific


class ActorIndex(MentionResolver):
    """Who is who in one parsed document: built here, resolved by
    :class:`~accord.extract.resolving.MentionResolver`."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._actors: dict[str, IndexedActor] = {}
        self._tok: list[str | None] = [None] * len(doc)
        self._text = doc.text
        self.tokens: list[Token] = list(doc)  # one Token object per token, reused
        self._texts = [t.text for t in self.tokens]
        self._idx = [t.idx for t in self.tokens]
        self._ends = [i + len(t) for i, t in zip(self._idx, self._texts, strict=True)]
        self._subjects: list[tuple[int, str]] = []  # (token index, actor name), in order
        self._subject_pos: list[int] = []
        self._role_tok: set[int] = set()  # tokens of a title ("Deputy Foreign Minister")
        self._aliases: dict[str, tuple[str, str]] = dict(ALIASES)  # + acronyms defined here

    # ------------------------------------------------------------------ building
    @classmethod
    def from_doc(cls, doc: Doc) -> ActorIndex:
        index = cls(doc)
        index._find_people()
        index._find_aliases()
        index._find_organisations()
        index._find_state_bodies()
        index._find_principals()
        index._find_subjects()
        index._bind_sexes()
        return index

    def _add(self, name: str, kind: str, start: int, end: int) -> IndexedActor:
        actor = self._actors.get(name)
        if actor is None:
            actor = self._actors[name] = IndexedActor(name, kind)
        if (start, end) not in actor.mentions:
            actor.mentions.append((start, end))
        for i in range(start, end):
            self._tok[i] = name
        return actor

    def _find_people(self) -> None:
        """PERSON entities, each full name an actor with its titles; then later mentions."""
        names = NameFinder(self.doc, self._alias_at).names()
        known = KnownNames.of(self.doc, names)
        for s, e in names:
            actor = self._add(known.full_name(self.doc[s:e].text, s), "person", s, e)
            self._titles(actor, s, e)
        self._later_mentions(known)

    def _later_mentions(self, known: KnownNames) -> None:
        """A known surname or first name alone, or any capitalised name after an honorific."""
        for tok in self.tokens:
            if self._tok[tok.i] is not None or not tok.text[:1].isupper():
                continue
            prev = self.doc[tok.i - 1].text if tok.i > 0 else ""
            if tok.text in known.surnames:
                name = known.full_name(tok.text, tok.i)
            elif prev in HONORIFICS and tok.pos_ == "PROPN" and tok.text not in ALIASES:
                name = tok.text
            else:
                continue
            actor = self._add(name, "person", tok.i, tok.i + 1)
            if prev in SEX:
                actor.sex = SEX[prev]

    def _titles(self, actor: IndexedActor, s: int, e: int) -> None:
        """Sex, role and affiliation from the words around the name at tokens ``s:e``."""
        if s > 0:
            actor.sex = actor.sex or SEX.get(self.doc[s - 1].text)
            rank = RANKS.get(self.doc[s - 1].text)  # "Navy Adm. Mike Mullen": the admiral
            if rank and rank not in actor.roles:
                actor.roles.append(rank)
        root = self.doc[s:e].root
        self._title_before(actor, s)
        self._appositive_titles(actor, root, s, e)
        self._from_phrase(actor, e)
        self._coordinated_affiliation(actor, root)

    def _title_before(self, actor: IndexedActor, s: int) -> None:
        """The capitalised pre-modifier run before a name, past any honorific ("Russian Deputy
        Foreign Minister Sergey Ryabkov")."""
        doc = self.doc
        i = s - 1
        while i >= 0 and doc[i].text in HONORIFICS:
            i -= 1
        run_end = i + 1
        if i >= 0 and doc[i].lower_ in TITLE_HEADS:
            while i >= 0 and self._title_word(doc[i], doc[i + 1] if i + 1 < len(doc) else None):
                i -= 1
            self._role_from_run(actor, i + 1, run_end)
        else:
            self._title_of_body_for_field(actor, run_end)
            self._title_to_place(actor, run_end)

    def _title_to_place(self, actor: IndexedActor, end: int) -> None:
        """"U.S. Ambassador to Cyprus Michael Klosson", "Special Envoy for Sudan …": a title,
        "to" or "for", and a state or bloc just before the name: the whole title is the role,
        a state or body before it the affiliation."""
        doc = self.doc
        place = next((k for k in range(end - 1, max(-1, end - 1 - MAX_ALIAS_TOKENS), -1)
                      if (hit := self._alias_at(k, end)) is not None and hit[1] == end), None)
        if place is None or actor.roles:
            return
        k = place - 1
        while k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 1 or doc[k].lower_ not in {"to", "for"} or doc[k - 1].lower_ not in TITLE_HEADS:
            return
        head = k - 1
        while head > 0 and self._title_word(doc[head - 1], doc[head]) and (
                doc[head - 1].lower_ not in {"of", "the", "to", "for"}):
            head -= 1
        self._role_from_run(actor, head, end)

    def _title_of_body_for_field(self, actor: IndexedActor, end: int) -> None:
        """"High Representative of the European Union for Foreign Affairs Josep Borrell" (the
        style of EU titles): the title's field ends just before the name, "for" before it, and
        before that "TITLE of BODY": the title is the role and the body the affiliation."""
        doc = self.doc
        i = end - 1
        while i >= 0 and doc[i].text[:1].isupper() and doc[i].lower_ in TITLE_MODIFIERS:
            i -= 1
        if i == end - 1 or i < 0 or doc[i].lower_ != "for":
            return
        body = next(((k, hit[0]) for k in range(i - 1, max(-1, i - 1 - MAX_ALIAS_TOKENS * 3), -1)
                     if (hit := self._alias_at(k, i)) is not None and hit[1] == i), None)
        if body is None:
            return
        k = body[0] - 1
        while k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in TITLE_HEADS:
            head = k - 1
            while head > 0 and self._title_word(doc[head - 1], doc[head]) and (
                    doc[head - 1].lower_ not in {"of", "the"}):
                head -= 1
            self._role_from_run(actor, head, k)
            if actor.affiliation is None:
                actor.affiliation = body[1]

    def _appositive_titles(self, actor: IndexedActor, root: Token, s: int, e: int) -> None:
        """A title in apposition after the name ("Dave Prentis, general secretary of Unison")
        or before it ("the shadow foreign secretary, Michael Ancram")."""
        for child in root.children:
            if child.dep_ == "appos" and child.i >= e and child.lower_ in TITLE_HEADS:
                self._role_from_phrase(actor, child)
        if root.dep_ == "appos" and root.head.i < s and root.head.lower_ in TITLE_HEADS:
            self._role_from_phrase(actor, root.head)

    def _from_phrase(self, actor: IndexedActor, e: int) -> None:
        """"Brad Adams, from Human Rights Watch": the body after ", from"."""
        doc = self.doc
        if e + 2 < len(doc) and doc[e].text == "," and doc[e + 1].lower_ == "from":
            aff = self._name_at(e + 2) or self._phrase_after(doc[e + 1])
            if aff and actor.affiliation is None:
                actor.affiliation = aff

    def _coordinated_affiliation(self, actor: IndexedActor, root: Token) -> None:
        """"Russian Deputy Foreign Minister Sergey Ryabkov and Deputy Defense Minister
        Alexander Fomin": a titled person coordinated with a titled person of a known side."""
        doc = self.doc
        coordinated = root.dep_ == "conj" or (root.dep_ == "appos" and any(
            doc[k].dep_ == "cc" for k in range(root.head.i + 1, root.i)))
        if coordinated and actor.roles and actor.affiliation is None:
            other = self._tok[root.head.i]
            if other and other in self._actors and self._actors[other].roles:
                actor.affiliation = self._actors[other].affiliation

    def _phrase_after(self, prep: Token) -> str | None:
        """The noun phrase a preposition governs, without its article ("from the X union")."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        a, b = pobj.left_edge.i, pobj.right_edge.i + 1
        while a < b and self.doc[a].dep_ in ("det", "poss"):
            a += 1
        while b > a and self.doc[b - 1].is_punct:
            b -= 1
        return self.doc[a:b].text if a < b else None

    @staticmethod
    def _title_word(tok: Token, right: Token | None) -> bool:
        low = tok.lower_
        if tok.is_punct or tok.pos_ in {"VERB", "AUX", "DET", "CCONJ", "ADP", "PRON"}:
            return low == "of" and right is not None and right.text[:1].isupper()
        if low in TITLE_HEADS or low in TITLE_MODIFIERS:
            return True
        if tok.text in ALIASES or tok.ent_type_ in ORG_LABELS:
            return True
        return tok.text[:1].isupper() and tok.pos_ in {"PROPN", "ADJ", "NOUN"}

    def _role_from_run(self, actor: IndexedActor, a: int, b: int) -> None:
        doc = self.doc
        while a < b and doc[a].lower_ in {"of", "the"}:
            a += 1
        # leading affiliation tokens: a state, bloc, party or organisation name
        aff = None
        j = a
        while j < b:
            hit = self._alias_at(j, b)
            if hit is not None:
                aff, j = hit[0], hit[1]
                continue
            if doc[j].ent_type_ == "ORG" and doc[j].lower_ not in _BAD_ORG_WORDS and (
                doc[j].lower_ not in TITLE_HEADS | TITLE_MODIFIERS
            ):
                k = j + 1
                while k < b and doc[k].ent_type_ == "ORG" and doc[k].ent_iob_ != "B":
                    k += 1
                aff = doc[j:k].text
                j = k
                continue
            break
        if j < b:
            self._role_tok.update(range(j, b))
            role = doc[j:b].text
            if role not in actor.roles:
                actor.roles.append(role)
        if aff and actor.affiliation is None:
            actor.affiliation = aff

    def _role_from_phrase(self, actor: IndexedActor, head: Token) -> None:
        mods = [c for c in head.lefts if c.dep_ in {"compound", "amod", "nmod"}]
        a = min([m.left_edge.i for m in mods], default=head.i)
        self._role_from_run(actor, a, head.i + 1)
        for prep in head.rights:
            if prep.lower_ in {"of", "for", "at"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        aff = self._name_at(pobj.i) or self._org_span_text(pobj.left_edge.i)
                        if aff and actor.affiliation is None:
                            actor.affiliation = aff

    def _alias_at(self, i: int, limit: int) -> tuple[str, int] | None:
        """Longest lexicon alias starting at token ``i`` (ending by ``limit``)."""
        if self._texts[i] not in ALIAS_FIRST:
            return None
        start, ends, text = self._idx[i], self._ends, self._text
        for j in range(min(i + MAX_ALIAS_TOKENS * 3, limit), i, -1):
            hit = ALIASES.get(text[start : ends[j - 1]])
            if hit is not None:
                return hit[0], j
        return None

    def _name_at(self, i: int) -> str | None:
        """The lexicon actor named at token ``i`` (after any "the")."""
        n = len(self.doc)
        while i < n and self.doc[i].lower_ == "the":
            i += 1
        hit = self._alias_at(i, n)
        return hit[0] if hit else None

    def _org_span_text(self, i: int) -> str | None:
        doc = self.doc
        for ent in doc.ents:
            if ent.start <= i < ent.end and ent.label_ == "ORG":
                return _clean_org(ent)
            if ent.start > i + 1:
                break
        return None

    def _find_aliases(self) -> None:
        doc = self.doc
        n = len(doc)
        i = 0
        while i < n:
            if self._tok[i] is not None:
                i += 1
                continue
            hit = self._alias_at(i, n)
            if hit is None:
                i += 1
                continue
            name, j = hit
            if any(self._tok[k] is not None for k in range(i, j)) or self._inside_name(i, j):
                i += 1
                continue
            self._add(name, ALIASES[self._text[self._idx[i] : self._ends[j - 1]]][1], i, j)
            i = j

    def _inside_name(self, i: int, j: int) -> bool:
        """Whether tokens ``i:j`` (a state's name) are part of a body's longer name, tagged as
        one organisation ("International Syria Support Group", "Sudan People's Liberation
        Movement"): the body speaks as named."""
        tok = self.tokens[i]
        if tok.ent_type_ != "ORG":
            return False
        ent = next(e for e in self.doc.ents if e.start <= i < e.end)
        rest = [t for t in ent if not (i <= t.i < j) and t.lower_ != "the" and not t.is_punct]
        return len(rest) >= ORG_REST

    def _find_organisations(self) -> None:
        """ORG entities not already known; "Long Name (ACRO)" also defines ACRO."""
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(
                self._tok[k] or k in self._role_tok for k in range(ent.start, ent.end)
            ):
                continue
            name, end = _clean_org(ent), ent.end
            acro = _acronym_after(doc, ent.end)
            if acro is not None:
                acro_text, end = acro
                known = self._aliases.get(acro_text)
                name = known[0] if known else name
                self._aliases.setdefault(acro_text, (name, "organisation"))
            if name and " " not in name:  # "Amnesty" after "Amnesty International"
                name = next((n for n, a in self._actors.items()
                             if a.kind == "organisation" and n.startswith(name + " ")), name)
            if name and name.lower() not in _BAD_ORG_WORDS and len(name) > 1:
                kind = self._aliases.get(name, (name, "organisation"))[1]
                actor = self._add(name, kind, ent.start, end)
                if kind == "organisation" and actor.affiliation is None:
                    actor.affiliation = self._state_named(ent)  # "Russian Foreign Ministry"
        # later uses of the acronyms defined in the text
        for tok in self.tokens:
            if self._tok[tok.i] is None and tok.text in self._aliases:
                self._add(self._aliases[tok.text][0], self._aliases[tok.text][1], tok.i, tok.i + 1)

    def _find_state_bodies(self) -> None:
        """A state's institution the model did not tag ("the U.S. embassy in Juba", "the
        Venezuelan government"): a body as the text names it, affiliated to the state
        (:mod:`accord.extract.bodies`); the state's own words keep naming the state."""
        for tok in self.tokens:
            if tok.pos_ != "NOUN" or tok.lower_ not in INSTITUTIONS or self._tok[tok.i]:
                continue
            state = self._state_of(tok)
            if state is None:
                continue
            a, e = body_span(tok)
            name = self.doc[a:e].text
            actor = self._actors.get(name) or self._actors.setdefault(
                name, IndexedActor(name, "organisation", affiliation=state))
            actor.mentions.append((a, e))
            for k in range(a, e):
                self._tok[k] = self._tok[k] or name
            self._tok[tok.i] = name

    def _state_named(self, ent: Span) -> str | None:
        """The state or bloc whose name opens a body's name ("U.S. State Department")."""
        i = ent.start + (self.tokens[ent.start].lower_ == "the")
        hit = self._alias_at(i, ent.end) if i < ent.end else None
        return hit[0] if hit and ALIASES_KIND.get(hit[0]) in ("state", "bloc") else None

    def _find_principals(self) -> None:
        """Bodies named only as whom a spokesperson speaks for ("a spokesman for Unison")."""
        for tok in self.tokens:
            if tok.lower_ not in SPOKESPERSONS:
                continue
            for prep in tok.children:
                if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "from"}:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and not self._tok[pobj.i]:
                        a = pobj.left_edge.i
                        while self.doc[a].lower_ == "the" or self.doc[a].pos_ != "PROPN":
                            a += 1
                        if a <= pobj.i:
                            self._add(self.doc[a : pobj.i + 1].text, "organisation", a, pobj.i + 1)

    def _find_subjects(self) -> None:
        """Subjects that can be the antecedent of a later he/she: people and spokespeople."""
        for tok in self.tokens:
            if tok.dep_ not in SUBJECT_DEPS:
                continue
            if tok.lower_ == "who" and tok.head.dep_ == "relcl":  # "Berg, who gave …"
                tok = tok.head.head
            if self._tok[tok.i] is not None:
                name = self._tok[tok.i] if self._kind_at(tok.i) == "person" else None
            else:
                name = self._resolve_token(tok)
                if name and self.kind(name) != "person" and tok.lower_ not in SPOKESPERSONS:
                    name = None
            if name is not None:
                self._subjects.append((tok.i, name))
                self._subject_pos.append(tok.i)

    def _bind_sexes(self) -> None:
        """A person's sex, where no honorific said it: from a gendered title
        ("spokeswoman"), else from the pronouns bound to them (:mod:`accord.extract.binding`)."""
        def person_at(tok: Token) -> str | None:
            return self._tok[tok.i] if self._kind_at(tok.i) == "person" else None

        def speech(tok: Token) -> bool:
            return tok.pos_ == "VERB" and tok.lemma_ in SPEECH_VERBS

        for actor in self._actors.values():  # "spokeswoman Marie Harf"
            words = {w for r in actor.roles for w in r.lower().split()}
            actor.sex = actor.sex or next((x for x, titles in GENDERED_TITLES.items()
                                           if words & titles), None)
        for name, sex in bound_sexes(self.doc, person_at, speech).items():
            actor = self._actors[name]
            actor.sex = actor.sex or sex

    def actors(self) -> list[ActorRecord]:
        """One record per actor, in order of first mention."""
        doc = self.doc
        called = class_nouns(doc, self.body_at)
        out = []
        for a in sorted(self._actors.values(), key=lambda a: min(a.mentions)):
            mentions = [
                Mention(doc[s:e].text, doc[s].idx, doc[e - 1].idx + len(doc[e - 1]))
                for s, e in sorted(a.mentions)
            ]
            out.append(ActorRecord(a.name, a.kind, list(a.roles), a.affiliation, mentions,
                                   called.get(a.name, [])))
        return out


def _clean_org(ent: Span) -> str:
    toks = list(ent)
    while toks and toks[0].lower_ == "the":
        toks.pop(0)
    while toks and (toks[-1].tag_ == "POS" or toks[-1].is_punct):
        toks.pop()
    if not toks:
        return ""
    return ent.doc[toks[0].i : toks[-1].i + 1].text


def _acronym_after(doc: Doc, end: int) -> tuple[str, int] | None:
    """``(ACRO)`` within three tokens after an organisation's name: (acronym, end token)."""
    for k in range(end, min(end + 4, len(doc) - 2)):
        if doc[k].text == "(":
            acro, close = doc[k + 1], doc[k + 2]
            if acro.text.isupper() and close.text == ")":
                return acro.text, k + 3
            return None
        if doc[k].is_punct:
            return None
    return None
