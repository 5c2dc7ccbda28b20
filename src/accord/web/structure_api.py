"""The endpoints of the case page's structural edits (:mod:`accord.web.structure`).

Each takes the case as the page holds it (unsaved edits included) and the edit, and answers
with the edited case and its view, as the what-if and attach endpoints do; nothing is saved.
A bad case is a 422 naming the case's fields, a bad edit a 422 naming the request's.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from pydantic import Field

from accord.web import structure
from accord.web.analysis import Setup, edited
from accord.web.decision_edit import set_decision
from accord.web.payload import CaseBody, case_from
from accord.web.people_edit import set_people

ID = Field(min_length=1, max_length=200)


class PositionRef(CaseBody):
    actor: str = ID
    issue: str = ID


class NewPosition(PositionRef):
    position: Any
    salience: Any


class ActorRef(CaseBody):
    actor: str = ID


class Veto(ActorRef):
    veto: bool


class NewActor(CaseBody):
    actor: dict[str, Any]
    positions: dict[str, dict[str, Any]] = Field(default_factory=dict)


class RenamedActor(ActorRef):
    name: str
    kind: str | None = None
    aliases: list[str] | None = None


class IssueRef(CaseBody):
    issue: str = ID


class EditedIssue(IssueRef):
    title: str
    description: str | None = None
    scale: dict[str, str] | None = None


class People(ActorRef):
    people: list[dict[str, Any]]


class DecisionRule(CaseBody):
    decision: dict[str, Any] | None  # None: the case has no decision block


class NewIssue(CaseBody):
    issue: dict[str, Any]
    positions: dict[str, dict[str, Any]] = Field(default_factory=dict)


def structure_api(app: FastAPI, setup: Setup) -> None:
    """``POST /api/edit/...``: add or remove a position, an actor or an issue; set a veto;
    rename an actor; edit an issue's title, description and scale; set an actor's people;
    state, change or remove the decision rule."""

    @app.post("/api/edit/add-position")
    def add_position(body: NewPosition) -> dict[str, Any]:
        return edited(structure.add_position(case_from(body.case), body.actor, body.issue,
                                             body.position, body.salience), setup)

    @app.post("/api/edit/remove-position")
    def remove_position(body: PositionRef) -> dict[str, Any]:
        return edited(structure.remove_position(case_from(body.case), body.actor, body.issue),
                      setup)

    @app.post("/api/edit/add-actor")
    def add_actor(body: NewActor) -> dict[str, Any]:
        return edited(structure.add_actor(case_from(body.case), body.actor, body.positions),
                      setup)

    @app.post("/api/edit/remove-actor")
    def remove_actor(body: ActorRef) -> dict[str, Any]:
        return edited(structure.remove_actor(case_from(body.case), body.actor), setup)

    @app.post("/api/edit/veto")
    def veto(body: Veto) -> dict[str, Any]:
        return edited(structure.set_veto(case_from(body.case), body.actor, body.veto), setup)

    @app.post("/api/edit/add-issue")
    def add_issue(body: NewIssue) -> dict[str, Any]:
        return edited(structure.add_issue(case_from(body.case), body.issue, body.positions),
                      setup)

    @app.post("/api/edit/remove-issue")
    def remove_issue(body: IssueRef) -> dict[str, Any]:
        return edited(structure.remove_issue(case_from(body.case), body.issue), setup)

    @app.post("/api/edit/rename-actor")
    def rename_actor(body: RenamedActor) -> dict[str, Any]:
        return edited(structure.rename_actor(case_from(body.case), body.actor, body.name,
                                             body.kind, body.aliases), setup)

    @app.post("/api/edit/edit-issue")
    def edit_issue(body: EditedIssue) -> dict[str, Any]:
        return edited(structure.edit_issue(case_from(body.case), body.issue, body.title,
                                           body.description, body.scale), setup)

    @app.post("/api/edit/people")
    def people(body: People) -> dict[str, Any]:
        return edited(set_people(case_from(body.case), body.actor, body.people), setup)

    @app.post("/api/edit/decision")
    def decision(body: DecisionRule) -> dict[str, Any]:
        return edited(set_decision(case_from(body.case), body.decision), setup)
