"""Structural edits of a case on the case page: add or remove a position, an actor or an
issue, set an actor's veto, rename an actor (its name, kind and aliases) and edit an issue's
title, description and labelled scale points. Ids never change, so positions and the decision
block keep pointing at what they pointed at.

Each edit takes a validated :class:`~accord.case.Case` and returns the edited case, validated
again as a whole by the case schema (:func:`accord.web.payload.case_from`: finite numbers
only, then :func:`accord.case.parse_case`). A problem is an
:class:`~accord.errors.InputError` naming the *request's* field, not the case's: the new
actor's capability is ``actor.capability``, its stand on the issue ``missiles`` is
``positions.missiles``, so the page shows each problem next to the field that caused it.
What the schema requires of the whole case is checked first and said in the analyst's terms:
a veto player needs a position on every issue, a case at least one actor and one issue, the
decision block's proposer cannot go.

Removing an actor removes its positions and its place in the decision block (voters,
must_consent, weights); removing an issue removes its positions. Nothing is saved here: the
page holds the edited case, not saved, as it holds a what-if edit.
"""

from __future__ import annotations

import re
from typing import Any

from accord.case import Case
from accord.errors import CaseError, OptionError, Problem
from accord.web.payload import case_from


def new_id(text: str, taken: set[str], fallback: str) -> str:
    """An id made from ``text`` (lower case, words joined by ``-``, whole words up to 40
    characters), with ``-2``, ``-3``... appended if ``taken`` has it; ``fallback`` when
    ``text`` has no word."""
    words = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    base = words if len(words) <= 40 else words[:41].rsplit("-", 1)[0][:40]
    base = base or fallback
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def _moved(where: str, moved: dict[str, str]) -> str:
    """``where`` (a case path) as the request's field, if it lies under a key of ``moved``."""
    for old, new in moved.items():
        rest = where[len(old):]
        if where.startswith(old) and (not rest or rest[0] in ".["):
            return new + rest if new else rest.lstrip(".")
    return where


def checked(data: dict[str, Any], what: str, moved: dict[str, str] | None = None) -> Case:
    """``data`` validated as a case; its problems under ``moved``'s case paths renamed as the
    request's fields."""
    try:
        return case_from(data, what)
    except CaseError as e:
        raise CaseError(what, [(_moved(w, moved or {}), m) for w, m in e.problems]) from None


def refuse(what: str, problems: list[Problem]) -> None:
    if problems:
        raise OptionError(what, problems)


def case_data(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude_none=True)


def actor_problem(case: Case, actor: str, field: str = "actor") -> list[Problem]:
    return [] if any(a.id == actor for a in case.actors) else [
        (field, f"unknown actor id {actor!r}")]


def _issue_problem(case: Case, issue: str, field: str = "issue") -> list[Problem]:
    return [] if any(i.id == issue for i in case.issues) else [
        (field, f"unknown issue id {issue!r}")]


def _titles(case: Case, ids: list[str]) -> str:
    return "; ".join(case.issue(i).title for i in ids)


def add_position(case: Case, actor: str, issue: str, position: Any, salience: Any) -> Case:
    """``case`` with ``actor``'s position on ``issue`` (where it has none)."""
    what = "new position"
    problems = actor_problem(case, actor) + _issue_problem(case, issue)
    if not problems and case.position(actor, issue) is not None:
        problems = [("issue", f"{case.actor(actor).name} already has a position on "
                              f"{case.issue(issue).title!r}: edit it in its row")]
    refuse(what, problems)
    data = case_data(case)
    data["positions"].append(
        {"actor": actor, "issue": issue, "position": position, "salience": salience})
    return checked(data, what, {f"positions[{len(case.positions)}]": ""})


def remove_position(case: Case, actor: str, issue: str) -> Case:
    """``case`` without ``actor``'s position on ``issue`` (a veto player keeps its own)."""
    what = "remove position"
    if case.position(actor, issue) is None:
        refuse(what, [("issue", f"{actor!r} has no position on {issue!r}")])
    if case.actor(actor).veto:
        refuse(what, [("actor", f"{case.actor(actor).name} is a veto player, which needs a "
                                 "position on every issue: clear its veto first")])
    data = case_data(case)
    data["positions"] = [p for p in data["positions"]
                         if (p["actor"], p["issue"]) != (actor, issue)]
    return checked(data, what)


def _taken_name(names: list[str], name: Any, field: str, kind: str) -> list[Problem]:
    if isinstance(name, str) and name.strip().lower() in {n.strip().lower() for n in names}:
        return [(field, f"{name.strip()!r} is already {kind} of the case")]
    return []


def _given_id(item: dict[str, Any], ids: set[str], field: str) -> list[Problem]:
    given = item.get("id")
    return [(field, f"duplicate id {given!r}")] if given in ids else []


def _with_new(case: Case, kind: str, item: dict[str, Any], named: str,
              stands: dict[str, dict[str, Any]], problems: list[Problem]) -> Case:
    """``case`` with ``item`` added to its ``kind`` (``actor`` or ``issue``) under an id of its
    own (given, or made from its field ``named``) with the positions ``stands`` gives it,
    keyed by the other side's ids; ``problems``: what the caller found wrong."""
    items = case.actors if kind == "actor" else case.issues
    ids = {x.id for x in items}
    problems = _taken_name([getattr(x, named) for x in items], item.get(named),
                           f"{kind}.{named}", f"an {kind}") + _given_id(
        item, ids, f"{kind}.id") + problems
    refuse(f"new {kind}", problems)
    data = case_data(case)
    new = str(item.get("id") or new_id(str(item.get(named) or ""), ids, kind))
    data[f"{kind}s"].append({**item, "id": new})
    moved = {f"{kind}s[{len(items)}]": kind}
    for key, stand in stands.items():
        moved[f"positions[{len(data['positions'])}]"] = f"positions.{key}"
        ends = {"actor": new, "issue": key} if kind == "actor" else {"actor": key, "issue": new}
        data["positions"].append({**stand, **ends})
    return checked(data, f"new {kind}", moved)


def add_actor(case: Case, actor: dict[str, Any], stands: dict[str, dict[str, Any]]) -> Case:
    """``case`` with a new actor (``actor``: the case schema's fields; its id, unless given,
    made from its name) and its positions, ``stands`` by issue id. A veto player needs one on
    every issue."""
    problems = [p for key in stands for p in _issue_problem(case, key, f"positions.{key}")]
    missing = [i.id for i in case.issues if i.id not in stands]
    if actor.get("veto") is True and missing:
        problems.append(("actor.veto", "a veto player needs a position on every issue: give "
                                       f"one on {_titles(case, missing)}"))
    return _with_new(case, "actor", actor, "name", stands, problems)


def _without_actor(decision: dict[str, Any], actor: str) -> dict[str, Any]:
    """The decision block without ``actor`` among its voters, consenters and weights."""
    out = dict(decision)
    for key in ("voters", "must_consent"):
        if key in out:
            out[key] = [a for a in out[key] if a != actor]
    if isinstance(out.get("weights"), dict):
        out["weights"] = {a: w for a, w in out["weights"].items() if a != actor}
    return out


def remove_actor(case: Case, actor: str) -> Case:
    """``case`` without ``actor``, its positions and its place in the decision block."""
    what = "remove actor"
    refuse(what, actor_problem(case, actor))
    if len(case.actors) == 1:
        refuse(what, [("actor", "a case needs at least one actor")])
    if case.decision is not None and case.decision.proposer == actor:
        refuse(what, [("actor", f"{case.actor(actor).name} is the proposer in the case's "
                                 "decision block: name another proposer first")])
    data = case_data(case)
    data["actors"] = [a for a in data["actors"] if a["id"] != actor]
    data["positions"] = [p for p in data["positions"] if p["actor"] != actor]
    if "decision" in data:
        data["decision"] = _without_actor(data["decision"], actor)
    return checked(data, what)


def set_veto(case: Case, actor: str, veto: bool) -> Case:
    """``case`` with ``actor``'s veto set (a veto player needs a position on every issue)."""
    what = "veto"
    refuse(what, actor_problem(case, actor))
    missing = [i.id for i in case.issues if case.position(actor, i.id) is None]
    if veto and missing:
        refuse(what, [("veto", f"a veto player needs a position on every issue: give "
                                f"{case.actor(actor).name} one on {_titles(case, missing)} "
                                "first")])
    data = case_data(case)
    for a in data["actors"]:
        if a["id"] == actor:
            a["veto"] = veto
    return checked(data, what)


def add_issue(case: Case, issue: dict[str, Any], stands: dict[str, dict[str, Any]]) -> Case:
    """``case`` with a new issue (``issue``: the case schema's fields; its id, unless given,
    made from its title) and the actors' positions on it, ``stands`` by actor id; every veto
    player needs one."""
    problems = [p for key in stands for p in actor_problem(case, key, f"positions.{key}")]
    problems += [(f"positions.{a.id}", f"{a.name} is a veto player: give its position on the "
                                       "new issue")
                 for a in case.actors if a.veto and a.id not in stands]
    return _with_new(case, "issue", issue, "title", stands, problems)


def remove_issue(case: Case, issue: str) -> Case:
    """``case`` without ``issue`` and the positions on it."""
    what = "remove issue"
    refuse(what, _issue_problem(case, issue))
    if len(case.issues) == 1:
        refuse(what, [("issue", "a case needs at least one issue")])
    data = case_data(case)
    data["issues"] = [i for i in data["issues"] if i["id"] != issue]
    data["positions"] = [p for p in data["positions"] if p["issue"] != issue]
    return checked(data, what)


def stripped(value: Any) -> Any:
    """A typed string with its surrounding spaces dropped, also each one in a list or a
    mapping (aliases, scale labels, a person); anything else as given: the case schema names
    it."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [stripped(x) for x in value]
    if isinstance(value, dict):
        return {k: stripped(v) for k, v in value.items()}
    return value


def blank_items(values: Any, field: str, what: str) -> list[Problem]:
    """The blank strings among ``values`` (a list or a dict), each by its place in ``field``."""
    keys = (enumerate(values) if isinstance(values, list)
            else values.items() if isinstance(values, dict) else [])
    return [(f"{field}.{k}" if isinstance(values, dict) else f"{field}[{k}]",
             f"{what} cannot be blank") for k, v in keys if isinstance(v, str) and not v.strip()]


def rename_actor(case: Case, actor: str, name: Any, kind: Any = None,
                 aliases: Any = None) -> Case:
    """``case`` with ``actor``'s display name, and its kind and aliases where given, changed;
    its id stays. A name another actor has is refused."""
    what = "rename actor"
    refuse(what, actor_problem(case, actor))
    index = next(n for n, a in enumerate(case.actors) if a.id == actor)
    others = [a.name for a in case.actors if a.id != actor]
    refuse(what, _taken_name(others, name, "name", "the name of another actor")
            + blank_items(aliases, "aliases", "an alias"))
    data = case_data(case)
    data["actors"][index]["name"] = stripped(name)
    if kind is not None:
        data["actors"][index]["kind"] = kind
    if aliases is not None:
        data["actors"][index]["aliases"] = stripped(aliases)
    return checked(data, what, {f"actors[{index}]": ""})


def edit_issue(case: Case, issue: str, title: Any, description: Any = None,
               scale: Any = None) -> Case:
    """``case`` with ``issue``'s title, and its description and labelled scale points where
    given, changed (a blank description removes it; ``scale`` replaces all the points); its id
    stays. A title another issue has is refused."""
    what = "edit issue"
    refuse(what, _issue_problem(case, issue))
    index = next(n for n, i in enumerate(case.issues) if i.id == issue)
    others = [i.title for i in case.issues if i.id != issue]
    refuse(what, _taken_name(others, title, "title", "the title of another issue")
            + blank_items(scale, "scale", "a label"))
    data = case_data(case)
    data["issues"][index]["title"] = stripped(title)
    if description is not None:
        data["issues"][index]["description"] = stripped(description) or None
    if scale is not None:
        data["issues"][index]["scale"] = stripped(scale)
    return checked(data, what, {f"issues[{index}]": ""})
