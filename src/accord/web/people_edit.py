"""Edit an actor's people on the case page: the officials it speaks or acts through (a name,
a role, the aliases a text may call them by), which the reading of the news uses to tell who
spoke for whom.

The list given replaces the actor's; its id, name and everything else stay. As the structural
edits (:mod:`accord.web.structure`, whose helpers this reuses), the edited case is validated
again by the case schema, and a problem names the request's field (``people[1].name``).
Nothing is saved here.
"""

from __future__ import annotations

from typing import Any

from accord.case import Case
from accord.errors import Problem
from accord.web.structure import actor_problem, blank_items, case_data, checked, refuse, stripped

WHAT = "people"


def _person(person: dict[str, Any]) -> dict[str, Any]:
    """A person as typed, its words trimmed (a blank role dropped)."""
    out: dict[str, Any] = stripped(person)
    if "role" in out:
        out["role"] = out["role"] or None
    return out


def _blanks(people: list[dict[str, Any]]) -> list[Problem]:
    """Blank names and aliases, each by its place in the request."""
    problems: list[Problem] = []
    for i, person in enumerate(people):
        name = person.get("name")
        if isinstance(name, str) and not name.strip():
            problems.append((f"people[{i}].name", "a person needs a name"))
        problems += blank_items(person.get("aliases"), f"people[{i}].aliases", "an alias")
    return problems


def set_people(case: Case, actor: str, people: list[dict[str, Any]]) -> Case:
    """``case`` with ``people`` (each the case schema's fields: name, role, aliases) as
    ``actor``'s people."""
    refuse(WHAT, actor_problem(case, actor))
    refuse(WHAT, _blanks(people))
    index = next(n for n, a in enumerate(case.actors) if a.id == actor)
    data = case_data(case)
    data["actors"][index]["people"] = [_person(p) for p in people]
    return checked(data, WHAT, {f"actors[{index}]": ""})
