"""Which actor a token or span of a parsed document names, once the actors are indexed.

:class:`MentionResolver` holds the resolving half of :class:`~accord.extract.actors.ActorIndex`
(which builds the index and subclasses it): a token already marked as an actor's mention; a
pronoun (the most recent subject of that sex, after Lappin & Leass 1994, "An algorithm for
pronominal anaphora resolution", Computational Linguistics 20(4): recency and subject
emphasis, restricted to people); an apposition; a title with its field, a definite or
possessive title ("the minister", "the United States' top diplomat"); a spokesperson, a
statement's issuer; people acting for a state ("the Iranian delegation"); a compound over a
name; an elided state ("the North"); a body named by its last words ("the agency").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from accord.extract.attribution import STATEMENTS, issuer
from accord.extract.bodies import AGENTS, state_modifier
from accord.extract.lexicon import (
    ALIASES,
    MEMBERS,
    RANKS,
    SPOKESPERSONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)

_PLACE_AFTER = re.compile(r" (?:to|for) ")  # "Ambassador to Cyprus", "Envoy for Sudan"
PRONOUNS_MALE = frozenset({"he", "him", "his", "himself"})
PRONOUNS_FEMALE = frozenset({"she", "her", "hers", "herself"})
# a lead may describe a person ("The United States' top diplomat said …") and name them in
# the next sentence or two ("U.S. Secretary of State John Kerry said …")
NAMED_AFTER_TOKENS = 80
SHE_REACH = 4  # subjects looked back for a woman before taking one of unknown sex for "she"
COMPASS = frozenset({"North", "South", "East", "West"})
# nouns that bring in an unnamed person ("a military officer", "one diplomat", "an official")
_UNNAMED_HEADS = TITLE_HEADS | MEMBERS


@dataclass
class IndexedActor:
    name: str
    kind: str
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    sex: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans


class MentionResolver:
    """Resolving mentions against an index of a document's actors (built by the subclass)."""

    doc: Doc
    tokens: list[Token]
    _actors: dict[str, IndexedActor]
    _tok: list[str | None]  # the actor each token is a mention of
    _texts: list[str]
    _subjects: list[tuple[int, str]]  # (token index, actor name), in order
    _subject_pos: list[int]

    def _kind_at(self, i: int) -> str | None:
        name = self._tok[i]
        return self._actors[name].kind if name else None

    # ------------------------------------------------------------------ resolving
    def resolve(self, span: Span | Token) -> str | None:
        """The canonical actor a token or span names (a person's full name, a state, a body)."""
        if isinstance(span, Token):
            return self._resolve_token(span)
        root = span.root
        hit = self._resolve_token(root)
        if hit:
            return hit
        for tok in span:
            if self._tok[tok.i]:
                return self._tok[tok.i]
        return None

    def _resolve_token(self, tok: Token) -> str | None:
        name = self._tok[tok.i]
        if name:
            return name
        low = tok.lower_
        if low in PRONOUNS_MALE | PRONOUNS_FEMALE:
            return self.pronoun(tok)
        if tok.text in RANKS or tok.text + "." in RANKS:  # "said Brig. Gen. Ann Cole", the
            return self._person_after_rank(tok)  # rank parsed as the subject
        for child in tok.children:  # "The shadow foreign secretary, Michael Ancram, said"
            if child.dep_ == "appos" and self._kind_at(child.i) == "person":
                return self._tok[child.i]
        if low in TITLE_HEADS and (titled := self._titled_at_end(tok) or self._named_after(tok)):
            return titled  # "Commissioner for Trade Cecilia Malmström said"
        if low in SPOKESPERSONS:
            return (self._named_spokesperson(tok) or self._principal(tok)
                    or self._statement_issuer(tok))
        if low == "official" and (who := self._the_official(tok)):
            return who
        if low in TITLE_HEADS and (found := self._definite_title(tok)) is not None:
            return found[0]
        if low in AGENTS and (state := self._state_of(tok)):
            return state  # "the Iranian delegation", "Russian negotiators"
        for child in tok.children:  # "Mr Straw's China trip", compounds over a name
            if child.dep_ in {"compound", "poss"} and self._tok[child.i]:
                return self._tok[child.i]
        return self._elided_state(tok) or self._named_body(tok)

    def _the_official(self, tok: Token) -> str | None:
        """"The official said", with no official or other unnamed person introduced before
        ("a senior official", "a military officer"):
        the last titled person in subject position before it (a definite description takes
        the antecedent it names in general terms, "Trade Representative Robert Zoellick")."""
        lefts = list(tok.lefts)
        if [c.lower_ for c in lefts] != ["the"]:
            return None
        if any(t.lower_ in ("official", "officials") or _introduced_unnamed(t)
               for t in self.doc[:tok.i]):
            return None  # an unnamed official introduced before is the one meant
        k = bisect_left(self._subject_pos, tok.i) - 1
        while k >= 0:
            actor = self._actors.get(self._subjects[k][1])
            if actor is not None and actor.kind == "person" and actor.roles:
                return actor.name
            k -= 1
        return None

    def _person_after_rank(self, rank: Token) -> str | None:
        """The person named right after an abbreviated rank and any further ranks."""
        i = rank.i + 1
        while i < len(self.doc) and (self._texts[i] in RANKS or self._texts[i] == "."):
            i += 1
        name = self._tok[i] if i < len(self.doc) else None
        return name if name and self._actors[name].kind == "person" else None

    def _definite_title(self, tok: Token) -> tuple[str | None] | None:
        """A title with a possessive body ("the United States' top diplomat") or a definite
        one ("the minister", "our correspondent"): (who it is,), else None when ``tok`` is
        neither."""
        if any(c.dep_ == "poss" and self.body_at(c.i) for c in tok.lefts):
            return (self._titled_body(tok),)
        dets = {c.lower_ for c in tok.lefts} & {"the", "our"}
        if not dets:
            return None
        return (self._by_role(tok) or self._titled_body(tok) or (
            self._introduced_after(tok) if "the" in dets else None),)

    def _titled_at_end(self, title: Token) -> str | None:
        """The person named at the end of a title with its field ("Minister for Foreign
        Affairs Sergei Lavrov", parsed with the title as the head) or its place ("U.N.
        representative to Liberia Jacques Klein"): "for", "of" or "to", one or more
        capitalised words of the field or a state's name, then the name."""
        doc = self.doc
        end = title.right_edge.i
        name = self._tok[end]
        if end <= title.i + 2 or not name or self._actors[name].kind != "person":
            return None
        if doc[title.i + 1].lower_ not in {"for", "of", "to"}:
            return None
        k = title.i + 2
        while k < end and self._tok[k] != name and doc[k].text[:1].isupper() and (
                doc[k].lower_ in TITLE_MODIFIERS or doc[k].text in ALIASES
                or self._kind_at(k) == "state"):
            k += 1
        return name if k > title.i + 2 and self._tok[k] == name else None

    def _named_after(self, title: Token) -> str | None:
        """The person named after a comma at the end of a title's phrase ("The head of
        Britain's main opposition Labour Party, Jeremy Corbyn, said", the name parsed as an
        apposition of the body)."""
        end = title.right_edge.i
        while end > title.i and self.doc[end].is_punct:
            end -= 1
        name = self._tok[end]
        if not name or self._actors[name].kind != "person":
            return None
        start = end
        while start > title.i and self._tok[start - 1] == name:
            start -= 1
        return name if start > title.i + 1 and self.doc[start - 1].text == "," else None

    def _named_body(self, tok: Token) -> str | None:
        """"The agency", "the support group": the body named before whose name ends in those
        words ("Korean Central News Agency", "International Syria Support Group")."""
        if tok.pos_ != "NOUN" or not any(c.lower_ == "the" for c in tok.lefts):
            return None
        words = [c.lower_ for c in tok.lefts if c.dep_ == "compound"] + [tok.lower_]
        tail = " " + " ".join(words)
        found = [(min(a.mentions)[0], n) for n, a in self._actors.items()
                 if a.kind != "person" and (" " + n.lower()).endswith(tail)
                 and min(a.mentions)[0] < tok.i]
        return max(found)[1] if found else None

    def _elided_state(self, tok: Token) -> str | None:
        """"The North", "the South": the state named in the text whose name is that word and
        one more ("North Korea"), the head noun left out once the state is known."""
        if tok.text not in COMPASS or not any(c.lower_ == "the" for c in tok.lefts):
            return None
        return next((n for n, a in self._actors.items() if a.kind == "state"
                     and n.startswith(tok.text + " ") and min(a.mentions)[0] < tok.i), None)

    def pronoun(self, tok: Token, exclude: frozenset[str] = frozenset()) -> str | None:
        """The person he/she refers to: the most recent subject of that sex (or of unknown
        sex), else the most recent person mentioned; never one of ``exclude``."""
        sex = "m" if tok.lower_ in PRONOUNS_MALE else "f"
        k = bisect_left(self._subject_pos, tok.i) - 1
        woman = self._recent_woman(k, exclude) if sex == "f" else None
        if woman is not None:
            return woman
        while k >= 0:
            _, name = self._subjects[k]
            actor = self._actors.get(name)
            if name not in exclude and (
                    actor is None or actor.kind != "person" or actor.sex in (None, sex)):
                return name
            k -= 1
        # no subject yet: the most recent person mentioned before
        for i in range(tok.i - 1, -1, -1):
            seen = self._tok[i]
            if (seen and self._actors[seen].kind == "person" and seen not in exclude
                    and self._actors[seen].sex in (None, sex)):
                return seen
        return None

    def _recent_woman(self, k: int, exclude: frozenset[str]) -> str | None:
        """"She": a woman among the last few subjects up to subject ``k``, before a more
        recent person of unknown sex (most people named in news are men, so an unknown sex
        is more likely male)."""
        for name in (n for _, n in reversed(self._subjects[max(0, k - SHE_REACH + 1):k + 1])):
            actor = self._actors.get(name)
            if actor is not None and actor.sex == "f" and name not in exclude:
                return name
        return None

    def subject_between(self, a: int, b: int) -> tuple[int, str] | None:
        """The last person in subject position among tokens ``a:b`` (token, name)."""
        k = bisect_left(self._subject_pos, b) - 1
        while k >= 0 and self._subjects[k][0] >= a:
            if self.kind(self._subjects[k][1]) == "person":
                return self._subjects[k]
            k -= 1
        return None

    def named_next(self, tok: Token) -> str | None:
        """Delayed identification: "a Qatari Foreign Ministry spokesperson said …", and the
        next paragraph opens with the person, first named there as its subject ("Majed
        al-Ansari offered the favorable assessment …"), of that body or of none."""
        if tok.lower_ not in SPOKESPERSONS | MEMBERS or not any(
                c.lower_ in ("a", "an", "one") for c in tok.lefts):
            return None
        brk = next((i for i in range(tok.i, len(self.doc)) if "\n" in self._texts[i]
                    or "\n" in self.tokens[i].whitespace_), None)
        if brk is None:
            return None
        first = next((i for i in range(brk + 1, len(self.doc))
                      if not self._texts[i].isspace()), len(self.doc))
        sent = self.tokens[first].sent if first < len(self.doc) else None
        who = self.subject_between(first, sent.end) if sent is not None else None
        if who is None or min(self._actors[who[1]].mentions)[0] < first:
            return None
        person = self._actors[who[1]]
        roles = {r.lower().split()[-1] for r in person.roles if r}
        if roles and not roles & (SPOKESPERSONS | MEMBERS):  # "Secretary … Blinken" is not
            return None  # the spokesperson
        return who[1] if person.affiliation in (None, self._principal(tok)) else None

    def people_between(self, a: int, b: int) -> frozenset[str]:
        """Every person named among tokens ``a:b``, or referred to there as a clause's
        subject by a title alone ("the President in power is the one …": the President)."""
        named = {name for i in range(a, b) if (name := self._tok[i])
                 and self._actors[name].kind == "person"}
        lo, hi = bisect_left(self._subject_pos, a), bisect_left(self._subject_pos, b)
        titled = {name for _, name in self._subjects[lo:hi] if self.kind(name) == "person"}
        return frozenset(named | titled)

    def person_between(self, a: int, b: int) -> tuple[int, str] | None:
        """The first person named among tokens ``a:b`` (token, name)."""
        return next(((i, name) for i in range(a, b) if (name := self._tok[i])
                     and self._actors[name].kind == "person"), None)

    def _named_spokesperson(self, tok: Token) -> str | None:
        """"The MDC spokesperson" (definite) after "The spokesperson for ... (MDC), Nelson
        Chamisa": the person named earlier with that role; "a spokesman for X" is X."""
        if not any(c.lower_ == "the" or c.dep_ == "poss" for c in tok.lefts):
            return None
        return self._by_role(tok) or self._by_role(tok, after=NAMED_AFTER_TOKENS)

    def _principal(self, tok: Token) -> str | None:
        """Whom a spokesperson or statement speaks for: "a spokesman for X", "X's spokesman"."""
        for child in tok.children:
            if child.dep_ == "poss" or child.dep_ == "compound":
                name = self.resolve(child)
                if name:
                    return name
            if child.dep_ == "prep" and child.lower_ in {"for", "of", "from"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.resolve(pobj)
        return None

    def _statement_issuer(self, tok: Token) -> str | None:
        """"According to the statement": who issued the statement mentioned last before
        ("X issued a statement saying …", "X said in a statement")."""
        if not any(c.lower_ == "the" for c in tok.lefts):
            return None
        for i in range(tok.i - 1, -1, -1):
            if self._texts[i].lower() in STATEMENTS:
                source = issuer(self.tokens[i])
                name = self.resolve(source) if source is not None else None
                if name:
                    return name
        return None

    def _by_role(self, tok: Token, after: int = 0) -> str | None:
        """"the minister": the most recent person whose role ends in that word (or, with
        ``after``, the first one named in that many tokens after it); a title with an "of"
        complement ("the secretary of state") first looks for that whole title, so that
        "Secretary of State John Kerry" is found before "Defense Secretary Ash Carter"."""
        span = range(tok.i + 1, min(len(self.doc), tok.i + 1 + after)) if after else range(
            tok.i - 1, -1, -1)
        whole = _title_phrase(tok)
        endings = (whole, tok.lower_) if whole != tok.lower_ else (tok.lower_,)
        # then the title of a role that names a place after it ("Ambassador to Cyprus": "the
        # ambassador")
        for ending, before_place in (*((e, False) for e in endings), (tok.lower_, True)):
            for i in span:
                name = self._tok[i]
                if name and self._actors[name].kind == "person" and any(
                        _role_words(r, before_place).endswith(ending)
                        for r in self._actors[name].roles):
                    return name
        return None

    def _introduced_after(self, tok: Token) -> str | None:
        """A lead's definite title before anyone is named ("There is "not a lot of give" …,
        the chairman of the Joint Chiefs of Staff said today. …, Navy Adm. Mike Mullen
        reiterated …"): the first person in subject position in the sentences after it, news
        leads naming the one they describe in the next sentence."""
        if any(self._kind_at(i) == "person" for i in range(tok.i)):
            return None
        end = min(len(self.doc), tok.i + 1 + NAMED_AFTER_TOKENS)
        k = bisect_left(self._subject_pos, tok.i + 1)
        if k < len(self._subjects) and self._subjects[k][0] < end:
            name = self._subjects[k][1]
            return name if self.kind(name) == "person" else None
        return None

    def _titled_body(self, tok: Token) -> str | None:
        """"The U.N. secretary-general" when no one was named with that title: the most
        recent person of the body the title names ("United Nations chief Ban Ki-moon"), else
        the body itself."""
        body = next((b for c in tok.lefts if c.dep_ in {"compound", "nmod", "amod", "poss"}
                     and (b := self.body_at(c.i))), None)
        if body is None:
            return None
        after = range(tok.i + 1, min(len(self.doc), tok.i + 1 + NAMED_AFTER_TOKENS))
        for i in (*range(tok.i - 1, -1, -1), *after):
            name = self._tok[i]
            if name and self._actors[name].kind == "person" and (
                    self._actors[name].affiliation == body):
                return name
        return body

    # ------------------------------------------------------------------ queries
    def affiliation(self, name: str) -> str | None:
        """The state or body a person belongs to (None if unknown or not a person)."""
        actor = self._actors.get(name)
        return actor.affiliation if actor else None

    def body_at(self, i: int) -> str | None:
        """The state, bloc or organisation named at token ``i`` (None for a person)."""
        name = self._tok[i]
        return name if name and self._actors[name].kind != "person" else None

    def kind(self, name: str) -> str | None:
        """person, state, bloc or organisation (None if the name is unknown)."""
        actor = self._actors.get(name)
        return actor.kind if actor else None

    def sex(self, name: str) -> str | None:
        """"m" or "f" for a person whose sex the text gives (title, honorific, pronoun)."""
        actor = self._actors.get(name)
        return actor.sex if actor else None


    def _state_of(self, noun: Token) -> str | None:
        """The state or bloc a modifier of ``noun`` names, the noun having no other body
        or name for modifier (:func:`accord.extract.bodies.state_modifier`)."""
        found = state_modifier(noun, self.body_at)
        return found if found and self._actors[found].kind in ("state", "bloc") else None


def _introduced_unnamed(tok: Token) -> bool:
    """An unnamed person brought in by an indefinite title or member noun ("a military
    officer familiar with the proceedings", "one diplomat")."""
    return (tok.lower_ in _UNNAMED_HEADS
            and any(c.lower_ in ("a", "an", "one") for c in tok.lefts))


def _role_words(role: str, before_place: bool) -> str:
    """A role in lower case; with ``before_place`` only its title before "to"/"for" and a
    place ("ambassador to cyprus" → "ambassador"), empty for a role with no place."""
    low = role.lower()
    if not before_place:
        return low
    parts = _PLACE_AFTER.split(low, maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def _title_phrase(tok: Token) -> str:
    """A title with its "of" complement, lower case ("secretary of state"); the title word
    alone when it has none."""
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or of.i != tok.i + 1:
        return tok.lower_
    words = [t.lower_ for t in of.subtree if t.dep_ != "det"]
    return " ".join([tok.lower_, *words])
