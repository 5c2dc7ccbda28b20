"""The actors of a draft: bodies, and the people who speak for them, merged over all articles.

A body (state, bloc, organisation, group) is listed when it holds a drafted position or when a
demand is addressed to it (its consent is needed); historical entities, venues and people
merely mentioned hold neither and are left out. People are listed under the body they speak
for (its delegation), with their first role. Each actor's notes say why it is listed and, for
a proposed veto player, why; capability is a documented prior (:mod:`accord.draft.capability`).

A person the articles name with a title of a national government but no nationality
("Secretary of State Jane Smith") speaks for the state the context gives, in this order: the
same person's affiliation stated elsewhere (by surname); the state the field's country
dictionary files the bare title under ("Secretary of State" → the United States, PETRARCH2's
country actors; :func:`accord.extract.cameo_lexicon.title_state`), when the article mentions
that state; the state the article is about (:mod:`accord.draft.agents`). The reason is kept
in the actor's notes. A "person" named by a title alone ("The Deputy Secretary affirmed …")
is the person of the same article who holds that title, never a party of its own.

An organisation the extraction affiliates with a state ("U.S. State Department", "the
Venezuelan government", "the U.S. embassy in Juba": :mod:`accord.extract.bodies`) stands for
that state, whatever state the article is mostly about; the state's notes name the
organisations it spoke through. Only a government body with no affiliation ("the Foreign
Ministry") is taken for the article's state (:mod:`accord.draft.agents`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from accord.case import Actor, ActorKind, Person
from accord.draft.agents import home_states, is_government, is_reporter, tied_bodies
from accord.draft.capability import capabilities
from accord.extract.cameo_lexicon import title_state
from accord.extract.lexicon import STATES
from accord.extract.records import ActorRecord

BODY_KINDS: dict[str, ActorKind] = {
    "state": "state", "bloc": "bloc", "organisation": "organisation"
}


POSSESSIVE = re.compile(r"['’]s\b")


def slug(name: str) -> str:
    """The case id of an actor name: lower case, runs of other characters as one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


class DraftActors:
    """Bodies and the people who speak for them, merged over all articles; generic agents
    resolved to them (:mod:`accord.draft.agents`). ``headlines``: where each article's first
    line (its headline) ends."""

    def __init__(self, records: Iterable[ActorRecord], headlines: dict[str, int] | None = None):
        records = list(records)
        self.kind: dict[str, str] = {}
        self.affiliation: dict[str, str] = {}
        self.roles: dict[str, list[str]] = defaultdict(list)
        self.mentions: Counter[str] = Counter()
        self.aliases: dict[str, list[str]] = defaultdict(list)
        self.called: dict[str, set[str]] = defaultdict(set)
        self.in_article: dict[str, list[str]] = defaultdict(list)  # names, in order
        self.home = home_states(records)
        self.via: dict[str, set[str]] = defaultdict(set)  # body → generic agents it stood for
        self.inferred: dict[str, str] = {}  # person → why its affiliation was inferred
        self.organs: dict[str, set[str]] = defaultdict(set)  # state → its bodies that spoke
        for r in records:
            self.kind.setdefault(r.name, r.kind)
            self.in_article[r.article].append(r.name)
            self.called[r.name].update(r.called)
            if r.affiliation:  # stated in some article: outranks one inferred in another
                if self.inferred.pop(r.name, None) is not None:
                    del self.affiliation[r.name]
                self.affiliation.setdefault(r.name, r.affiliation)
            elif r.kind == "person" and any(map(is_government, r.roles)) and self.home[r.article]:
                self._infer(r.name, self.home[r.article] or "",
                            f"a government title, in an article about {self.home[r.article]}")
            for role in r.roles:
                if role not in self.roles[r.name]:
                    self.roles[r.name].append(role)
            self.mentions[r.name] += len(r.mentions)
            if r.kind != "person":
                self.aliases[r.name] += [m for m in _mention_names(r) if m != r.name
                                         and m not in self.aliases[r.name]]
        self._by_title(records)
        self._by_surname()
        self.titled = titled_people(records)
        # a "person" named only in a headline, with no role or body, is a misread title-case
        # phrase ("Envoy Supports Six-party Talks Idea"): it speaks for no one
        self.headline_only = {r.name for r in records if r.kind == "person"
                              and r.name not in self.affiliation and not self.roles[r.name]
                              } & headline_names(records, headlines or {})
        # "Public and Commercial Services Union (PCS)" … "PCS leader": one body
        self.acronym_of = {a: name for name, aliases in self.aliases.items() for a in aliases
                           if a.isupper() and self.kind.get(a) == "organisation"}
        self.state_of = self._organisations_of_states()

    def _infer(self, name: str, body: str, why: str) -> None:
        if name not in self.affiliation:
            self.affiliation[name] = body
            self.inferred[name] = why

    def _by_title(self, records: list[ActorRecord]) -> None:
        """A person with a title the country dictionary files under one state, and no
        affiliation, speaks for that state when the article mentions it."""
        states: dict[str, set[str]] = defaultdict(set)
        for r in records:
            if r.kind == "state":
                states[r.article].add(r.name)
        for r in records:
            if r.kind != "person" or r.affiliation:
                continue
            for role in r.roles:
                state = title_state(role)
                if state in states[r.article]:
                    self._infer(r.name, state, f"the title {role!r}, which the field's country "
                                f"dictionary (PETRARCH2) files under {state}")
                    break

    def _by_surname(self) -> None:
        """A person without a body ("President Putin", "Antony J. Blinken") speaks for the
        body of the one affiliated person of another name that ends with the same surname
        ("Vladimir Putin", "Antony Blinken"), when exactly one does."""
        affiliated: dict[str, set[str]] = defaultdict(set)
        for name, body in self.affiliation.items():
            affiliated[name.split()[-1].casefold()].add(body)
        for name, kind in self.kind.items():
            bodies = affiliated.get(name.split()[-1].casefold(), set())
            if kind == "person" and name not in self.affiliation and len(bodies) == 1:
                self._infer(name, next(iter(bodies)),
                            "the affiliation of the person of the same surname")

    def _organisations_of_states(self) -> dict[str, str]:
        """Organisation → the state it is affiliated with ("U.S. State Department" → United
        States)."""
        return {name: self.affiliation[name] for name, kind in self.kind.items()
                if kind == "organisation" and name in self.affiliation
                and self.is_state(self.affiliation[name])}

    def is_state(self, name: str) -> bool:
        """A state of the evidence, or of the lexicon's states when the evidence names it only
        inside a body's name ("U.S." in "U.S. State Department")."""
        return self.kind.get(name, "state" if name in STATES else None) == "state"

    def body(self, name: str) -> str:
        """The body an actor name stands for: itself (or the body it is an acronym of), a
        person's affiliation, or the person; an organisation of a state (the person's, or the
        name itself) is that state."""
        if self.is_person(name):
            name = self.affiliation.get(name, name)
        name = self.acronym_of.get(name, name)
        return self.state_of.get(name, name)

    def bodies_of(self, name: str, article: str) -> list[str]:
        """The bodies a name in ``article`` stands for: a named actor's body; a government
        organisation's state, else a government agent's or department's state (the article's);
        the bodies the article ties an agent to; else the agent itself, a collective. A
        reporter stands for none."""
        if self.is_person(name) and is_reporter(self.roles.get(name, [])):
            return []
        name = self.titled.get((article, name), name)
        if name in self.headline_only:
            return []
        home = self.home.get(article)
        named = name in self.kind
        if name in self.state_of:
            self.organs[self.state_of[name]].add(name)
            return [self.state_of[name]]
        if home and is_government(name) and not (named and self.kind[name] != "organisation"):
            self.via[home].add(name)
            return [home]
        if named:
            return [self.body(name)]
        tied = tied_bodies(name, dict.fromkeys(self.in_article.get(article, [])), self.called)
        for body in tied:
            self.via[body].add(name)
        return tied or [name]

    def is_collective(self, name: str) -> bool:
        """An agent named only by a common noun, tied to no named body."""
        return name not in self.kind

    def is_person(self, name: str) -> bool:
        return self.kind.get(name) == "person"

    def people_by_body(self) -> dict[str, list[str]]:
        """The people with an affiliation, under the body they speak for."""
        people: dict[str, list[str]] = defaultdict(list)
        for name, kind in self.kind.items():
            if kind == "person" and name in self.affiliation:
                people[self.body(name)].append(name)
        return people

    def case_kind(self, name: str) -> ActorKind:
        kind = self.kind.get(name)
        return BODY_KINDS.get(kind or "", "person" if kind == "person" else "group")


def titled_people(records: list[ActorRecord]) -> dict[tuple[str, str], str]:
    """(article, name) → person, for a "person" named by a title alone ("Deputy Secretary")
    that exactly one other person of the same article holds as a role (a name with a
    possessive, "Smith’s Meeting", is a misread headline phrase, not a person)."""
    out = {}
    for r in records:
        if r.kind != "person":
            continue
        holders = {p.name for p in records if p.article == r.article and p.kind == "person"
                   and p.name != r.name and not POSSESSIVE.search(p.name)
                   and r.name.casefold() in {x.casefold() for x in p.roles}}
        if len(holders) == 1:
            out[r.article, r.name] = holders.pop()
    return out


def headline_names(records: list[ActorRecord], heads: dict[str, int]) -> set[str]:
    """The names mentioned only in headlines: every mention ends before its article's
    headline does (``heads``: where each article's first line ends)."""
    inside = {r.name for r in records if r.article in heads and r.mentions
              and all(m.end <= heads[r.article] for m in r.mentions)}
    outside = {r.name for r in records if r.article not in heads
               or any(m.end > heads[r.article] for m in r.mentions)}
    return inside - outside


def _mention_names(r: ActorRecord) -> list[str]:
    """A body's names as the article writes them ("PCS", "Britain"), without "the" or 's."""
    out = []
    for m in r.mentions:
        acronym = re.search(r"\(([A-Z]{2,})\)$", m.text)
        text = re.sub(r"^(the|The)\s+|\s*(\(.*\)|'s|')$", "", m.text).strip()
        for name in (text, acronym.group(1) if acronym else ""):
            if name and name not in out:
                out.append(name)
    return out


def case_actors(
    actors: DraftActors, bodies: list[str], veto: dict[str, str], spoke: dict[str, int]
) -> list[Actor]:
    """The draft's actors: the ``bodies`` that hold a position or whose consent a demand
    needs, each with its people, a capability prior, the veto flag (proposed, with its reason
    in ``veto``) and notes saying why it is listed (``spoke``: its drafted positions)."""
    people = actors.people_by_body()
    caps = capabilities({b: actors.case_kind(b) for b in bodies})
    out: dict[str, Actor] = {}
    for body in bodies:
        if slug(body) in out:
            continue
        why = [f"holds {spoke[body]} drafted position(s)" if spoke.get(body) else
               "holds no drafted position"]
        if body in veto:
            why.append(f"veto proposed: {veto[body]}")
        if people.get(body):
            why.append("speaks through " + ", ".join(
                p + (f" (affiliation inferred from {actors.inferred[p]})"
                     if p in actors.inferred else "") for p in people[body]))
        if actors.organs.get(body):
            why.append("speaks through " + ", ".join(repr(o) for o in sorted(actors.organs[body]))
                       + " (an organisation the articles give as this state's)")
        if actors.via.get(body) and not actors.is_collective(body):
            why.append("stands for the articles' " + ", ".join(
                repr(v) for v in sorted(actors.via[body])))
        if actors.is_collective(body):
            why.append("a collective the articles name only by a common noun, tied to no "
                       "named body: merge it into the bodies it stands for, or drop it")
        out[slug(body)] = Actor(
            id=slug(body), name=body, kind=actors.case_kind(body), capability=caps[body],
            veto=body in veto, aliases=actors.aliases.get(body, []),
            people=[Person(name=p, role=next(iter(actors.roles.get(p, [])), None))
                    for p in people.get(body, [])],
            notes="Proposed by `accord draft`: " + "; ".join(why) + ".",
        )
    return list(out.values())
