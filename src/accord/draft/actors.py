"""The actors of a draft: bodies, and the people who speak for them, merged over all articles.

A body (state, bloc, organisation, group) is listed when it holds a drafted position or when a
demand is addressed to it (its consent is needed); historical entities, venues and people
merely mentioned hold neither and are left out. People are listed under the body they speak
for (its delegation), with their first role. Each actor's notes say why it is listed and, for
a proposed veto player, why; capability is a documented prior (:mod:`accord.draft.capability`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from accord.case import Actor, ActorKind, Person
from accord.draft.capability import capabilities
from accord.extract.records import ActorRecord

BODY_KINDS: dict[str, ActorKind] = {
    "state": "state", "bloc": "bloc", "organisation": "organisation"
}


def slug(name: str) -> str:
    """The case id of an actor name: lower case, runs of other characters as one hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


class DraftActors:
    """Bodies and the people who speak for them, merged over all articles."""

    def __init__(self, records: Iterable[ActorRecord]):
        self.kind: dict[str, str] = {}
        self.affiliation: dict[str, str] = {}
        self.roles: dict[str, list[str]] = defaultdict(list)
        self.mentions: Counter[str] = Counter()
        for r in records:
            self.kind.setdefault(r.name, r.kind)
            if r.affiliation:
                self.affiliation.setdefault(r.name, r.affiliation)
            for role in r.roles:
                if role not in self.roles[r.name]:
                    self.roles[r.name].append(role)
            self.mentions[r.name] += len(r.mentions)

    def body(self, name: str) -> str:
        """The body an actor name stands for: itself, a person's affiliation, or the person."""
        return self.affiliation.get(name, name) if self.is_person(name) else name

    def is_person(self, name: str) -> bool:
        return self.kind.get(name) == "person"

    def people_by_body(self) -> dict[str, list[str]]:
        """The people with an affiliation, under the body they speak for."""
        people: dict[str, list[str]] = defaultdict(list)
        for name, kind in self.kind.items():
            if kind == "person" and name in self.affiliation:
                people[self.affiliation[name]].append(name)
        return people

    def case_kind(self, name: str) -> ActorKind:
        kind = self.kind.get(name)
        return BODY_KINDS.get(kind or "", "person" if kind == "person" else "group")


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
            why.append("speaks through " + ", ".join(people[body]))
        out[slug(body)] = Actor(
            id=slug(body), name=body, kind=actors.case_kind(body), capability=caps[body],
            veto=body in veto,
            people=[Person(name=p, role=next(iter(actors.roles.get(p, [])), None))
                    for p in people.get(body, [])],
            notes="Proposed by `accord draft`: " + "; ".join(why) + ".",
        )
    return list(out.values())
