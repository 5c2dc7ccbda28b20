"""The actors of a draft: bodies, and the people who speak for them, merged over all articles.

A body (state, bloc, organisation, group) is listed when it acts in an event, has a
spokesperson in the evidence or is named at least twice; an actor that is not a body (a
person without affiliation, say) is listed when it holds a drafted position. People are listed
under the body they speak for, with their first role. Capability is left to the analyst: a
wide range with the rationale "to be set by the analyst", so a forecast run on the raw draft
shows how little it knows.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from accord.case import Actor, ActorKind, Person
from accord.draft import TO_BE_SET
from accord.extract.records import ActorRecord, EventRecord
from accord.quantity import Quantity

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


def _acting(events: Iterable[EventRecord], actors: DraftActors) -> list[str]:
    """The bodies that act or are acted on in an event, in order of first appearance."""
    names = (name for e in events for name in (e.source, e.target) if name)
    return list(dict.fromkeys(actors.body(name) for name in names))


def _listed_names(
    events: list[EventRecord],
    actors: DraftActors,
    people: dict[str, list[str]],
    with_positions: set[str],
    speakers: dict[str, set[str]],
) -> list[str]:
    """The names to list, in order: bodies, then acting and speaking actors with a position."""
    acting = _acting(events, actors)
    bodies = [
        n for n, k in actors.kind.items()
        if k != "person" and (n in acting or n in people or actors.mentions[n] >= 2)
    ]
    names = list(dict.fromkeys([*bodies, *(n for n in acting if slug(n) in with_positions)]))
    for name in sorted(speakers):
        if slug(name) in with_positions and name not in names:
            names.append(name)
    return names


def _case_actor(name: str, actors: DraftActors, people: list[str]) -> Actor:
    return Actor(
        id=slug(name),
        name=name,
        kind=actors.case_kind(name),
        capability=Quantity(
            value=1.0, low=0.1, high=10.0,
            rationale=f"{TO_BE_SET}: relative clout is not in the news evidence",
        ),
        people=[Person(name=p, role=next(iter(actors.roles.get(p, [])), None)) for p in people],
    )


def case_actors(
    events: list[EventRecord],
    actors: DraftActors,
    with_positions: set[str],
    speakers: dict[str, set[str]],
) -> list[Actor]:
    """The draft's actors, one per id; ``with_positions`` are the ids that hold a position and
    ``speakers`` the people heard on an issue, by the body they speak for."""
    people = actors.people_by_body()
    out: dict[str, Actor] = {}
    for name in _listed_names(events, actors, people, with_positions, speakers):
        if slug(name) not in out:
            out[slug(name)] = _case_actor(name, actors, people.get(name, []))
    return list(out.values())
