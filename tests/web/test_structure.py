"""Structural edits on the case page (``POST /api/edit/...``): each with good input (checked
against numbers worked out here from the case) and bad input (a 422 naming the request's
field, never a 500, never a NaN accepted)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

NEW_ACTOR = {"name": "Türkiye", "kind": "state", "capability": {"value": 0.4, "sd": 0.1},
             "veto": False}
NEW_ISSUE = {"title": "Nuclear weapons outside national territory",
             "scale": {"0": "Stationed abroad as today", "100": "All withdrawn home"},
             "status_quo": {"value": 20, "low": 10, "high": 30}}
VETO_STANDS = {"RUS": {"position": 100, "salience": 0.6}, "USA": {"position": 10, "salience": 0.5},
               "NATO": {"position": 0, "salience": 0.7}}


def _case(client) -> dict:
    return client.get("/api/cases/1").json()["case"]


def _where(r) -> list[str]:
    assert r.status_code == 422, r.text
    return [w for w, _ in r.json()["problems"]]


def _edit(client, what: str, **body):
    return client.post(f"/api/edit/{what}", json={"case": _case(client), **body})


def _central(q) -> float:
    if isinstance(q, int | float):
        return float(q)
    return q["value"] if "value" in q else (q["low"] + q["high"]) / 2


def _compromise(case: dict, issue: str) -> float:
    """The capability × salience weighted mean of the positions on ``issue``, by hand."""
    cap = {a["id"]: _central(a["capability"]) for a in case["actors"]}
    ps = [p for p in case["positions"] if p["issue"] == issue]
    w = [cap[p["actor"]] * _central(p["salience"]) for p in ps]
    return sum(wi * _central(p["position"]) for wi, p in zip(w, ps, strict=True)) / sum(w)


def _outcome(answer: dict, issue: str, model: str = "compromise") -> float:
    return next(i for i in answer["view"]["issues"] if i["id"] == issue)["outcomes"][model]


def test_add_and_remove_a_position(client):
    r = _edit(client, "add-position", actor="GEO", issue="missiles",
              position={"value": 30, "sd": 5}, salience=0.5)
    assert r.status_code == 200
    case = r.json()["case"]
    assert [p for p in case["positions"] if (p["actor"], p["issue"]) == ("GEO", "missiles")] == [
        {"actor": "GEO", "issue": "missiles", "position": {"value": 30.0, "sd": 5.0},
         "salience": 0.5, "evidence": []}]
    assert _outcome(r.json(), "missiles") == pytest.approx(_compromise(case, "missiles"))
    assert {"actor": "GEO", "issue": "missiles"} in r.json()["view"]["unsupported"]
    back = client.post("/api/edit/remove-position",
                       json={"case": case, "actor": "GEO", "issue": "missiles"}).json()
    assert back["case"] == _case(client)


@pytest.mark.parametrize(("body", "field"), [
    ({"actor": "USA", "issue": "missiles", "position": 50, "salience": 0.5}, "issue"),
    ({"actor": "XX", "issue": "missiles", "position": 50, "salience": 0.5}, "actor"),
    ({"actor": "GEO", "issue": "nope", "position": 50, "salience": 0.5}, "issue"),
    ({"actor": "GEO", "issue": "missiles", "position": 50, "salience": 2}, "salience"),
    ({"actor": "GEO", "issue": "missiles", "position": 150, "salience": 0.5}, "position"),
    ({"actor": "GEO", "issue": "missiles", "position": {"value": 50, "sd": -1},
      "salience": 0.5}, "position"),
    ({"actor": "GEO", "issue": "missiles", "position": "high", "salience": 0.5}, "position"),
    ({"actor": "GEO", "issue": "missiles", "position": 50}, "salience"),
    ({"actor": "", "issue": "missiles", "position": 50, "salience": 0.5}, "actor"),
])
def test_bad_new_positions_name_the_field(client, body, field):
    assert field in _where(_edit(client, "add-position", **body))


def test_non_finite_numbers_are_refused(client):
    body = {"case": _case(client), "actor": "GEO", "issue": "missiles", "position": 50,
            "salience": 0.5}
    for bad in ("NaN", "Infinity", "1e999"):
        text = json.dumps(body).replace('"position": 50', f'"position": {bad}')
        r = client.post("/api/edit/add-position", content=text,
                        headers={"content-type": "application/json"})
        assert _where(r) == ["position"] and "finite" in r.text
    text = json.dumps({"case": _case(client), "actor": NEW_ACTOR})
    text = text[:text.rindex('"value": 0.4')] + '"value": NaN' + text[text.rindex(', "sd"'):]
    r = client.post("/api/edit/add-actor", content=text,
                    headers={"content-type": "application/json"})
    assert _where(r) == ["actor.capability.value"]


def test_remove_position_refusals(client):
    assert _where(_edit(client, "remove-position", actor="GEO", issue="missiles")) == ["issue"]
    r = _edit(client, "remove-position", actor="USA", issue="missiles")
    assert _where(r) == ["actor"] and "veto" in r.text


def test_add_an_actor_then_its_position_moves_the_forecast(client):
    before = client.post("/api/forecast", json={"case": _case(client)}).json()
    r = _edit(client, "add-actor", actor=NEW_ACTOR)
    assert r.status_code == 200
    case = r.json()["case"]
    assert case["actors"][-1] == {"id": "türkiye", **NEW_ACTOR, "capability": {
        "value": 0.4, "sd": 0.1}, "people": [], "blocs": [], "aliases": []}
    # no position yet: no static forecast moves
    assert [i["outcomes"] for i in r.json()["view"]["issues"]] == [
        i["outcomes"] for i in before["issues"]]
    r = client.post("/api/edit/add-position", json={
        "case": case, "actor": "türkiye", "issue": "missiles", "position": 20, "salience": 0.9})
    assert _outcome(r.json(), "missiles") == pytest.approx(
        _compromise(r.json()["case"], "missiles"))
    assert _outcome(r.json(), "missiles") != _outcome({"view": before}, "missiles")


def test_add_a_veto_player_with_its_positions(client, flagship):
    stands = {i.id: {"position": 50, "salience": 0.5} for i in flagship.issues}
    r = _edit(client, "add-actor", actor={**NEW_ACTOR, "veto": True, "id": "TUR"},
              positions=stands)
    assert r.status_code == 200
    assert "TUR" in r.json()["view"]["veto_players"]
    case = r.json()["case"]
    assert sum(p["actor"] == "TUR" for p in case["positions"]) == len(flagship.issues)
    for issue in stands:
        assert _outcome(r.json(), issue) == pytest.approx(_compromise(case, issue))


@pytest.mark.parametrize(("actor", "positions", "field"), [
    ({**NEW_ACTOR, "veto": True}, {}, "actor.veto"),
    ({**NEW_ACTOR, "name": "russia"}, {}, "actor.name"),
    ({**NEW_ACTOR, "name": ""}, {}, "actor.name"),
    ({**NEW_ACTOR, "id": "RUS"}, {}, "actor.id"),
    ({**NEW_ACTOR, "kind": "planet"}, {}, "actor.kind"),
    ({**NEW_ACTOR, "capability": -1}, {}, "actor.capability"),
    ({**NEW_ACTOR, "capability": {"value": 1, "low": 2, "high": 3}}, {}, "actor.capability"),
    ({**NEW_ACTOR, "colour": "red"}, {}, "actor.colour"),
    ({k: v for k, v in NEW_ACTOR.items() if k != "capability"}, {}, "actor.capability"),
    (NEW_ACTOR, {"nope": {"position": 1, "salience": 1}}, "positions.nope"),
    (NEW_ACTOR, {"missiles": {"position": 1, "salience": 3}}, "positions.missiles.salience"),
    (NEW_ACTOR, {"missiles": {"position": 1}}, "positions.missiles.salience"),
    (NEW_ACTOR, {"missiles": 5}, "positions.missiles"),
])
def test_bad_new_actors_name_the_field(client, actor, positions, field):
    assert field in _where(_edit(client, "add-actor", actor=actor, positions=positions))


def test_remove_an_actor_with_its_positions(client):
    case = _case(client)
    r = _edit(client, "remove-actor", actor="NATO")
    assert r.status_code == 200
    new = r.json()["case"]
    assert [a["id"] for a in new["actors"]] == [a["id"] for a in case["actors"]
                                                 if a["id"] != "NATO"]
    assert [p for p in new["positions"] if p["actor"] == "NATO"] == []
    assert len(new["positions"]) == len(case["positions"]) - 5
    assert new["decision"]["voters"] == ["RUS", "USA"]  # its vote goes with it
    assert "NATO" not in r.json()["view"]["veto_players"]
    for issue in ("missiles", "force-posture"):
        assert _outcome(r.json(), issue) == pytest.approx(_compromise(new, issue))


def test_remove_actor_refusals(client):
    assert _where(_edit(client, "remove-actor", actor="XX")) == ["actor"]
    r = _edit(client, "remove-actor", actor="RUS")  # the decision block's proposer
    assert _where(r) == ["actor"] and "proposer" in r.text


def test_toggle_a_veto(client):
    r = _edit(client, "veto", actor="NATO", veto=False)
    assert r.status_code == 200
    assert r.json()["view"]["veto_players"] == ["RUS", "USA"]
    r = client.post("/api/edit/veto", json={"case": r.json()["case"], "actor": "NATO",
                                            "veto": True})
    assert r.json()["case"] == _case(client)
    r = _edit(client, "veto", actor="GEO", veto=True)  # no position on missiles, force-posture
    assert _where(r) == ["veto"]
    assert "NATO forces limited" in r.text and "No intermediate- and short-range" in r.text
    assert _where(_edit(client, "veto", actor="GEO", veto="perhaps")) == ["veto"]
    assert _where(_edit(client, "veto", actor="XX", veto=False)) == ["actor"]


def test_add_and_remove_an_issue(client):
    r = _edit(client, "add-issue", issue=NEW_ISSUE, positions=VETO_STANDS)
    assert r.status_code == 200
    case = r.json()["case"]
    new = case["issues"][-1]
    assert new["id"] == "nuclear-weapons-outside-national"  # whole words, 40 characters
    assert new["scale"] == {"0": "Stationed abroad as today", "100": "All withdrawn home"}
    view = next(i for i in r.json()["view"]["issues"] if i["id"] == new["id"])
    assert view["status_quo"] == 20
    assert view["outcomes"]["compromise"] == pytest.approx(_compromise(case, new["id"]))
    back = client.post("/api/edit/remove-issue", json={"case": case, "issue": new["id"]})
    assert back.json()["case"] == _case(client)


@pytest.mark.parametrize(("issue", "positions", "field"), [
    (NEW_ISSUE, {"RUS": VETO_STANDS["RUS"]}, "positions.USA"),
    ({**NEW_ISSUE, "title": "Reversal of the 2008 Bucharest pledge to Ukraine and Georgia"},
     VETO_STANDS, "issue.title"),
    ({**NEW_ISSUE, "scale": {"0": "a"}}, VETO_STANDS, "issue.scale"),
    ({**NEW_ISSUE, "scale": {"0": "a", "100": "b", "130": "c"}}, VETO_STANDS, "issue.scale"),
    ({**NEW_ISSUE, "status_quo": 150}, VETO_STANDS, "issue.status_quo"),
    ({**NEW_ISSUE, "status_quo": {"low": 10}}, VETO_STANDS, "issue.status_quo"),
    ({**NEW_ISSUE, "title": ""}, VETO_STANDS, "issue.title"),
    ({**NEW_ISSUE, "id": "missiles"}, VETO_STANDS, "issue.id"),
    (NEW_ISSUE, {**VETO_STANDS, "XX": {"position": 1, "salience": 1}}, "positions.XX"),
    (NEW_ISSUE, {**VETO_STANDS, "USA": {"position": -5, "salience": 1}}, "positions.USA.position"),
])
def test_bad_new_issues_name_the_field(client, issue, positions, field):
    assert field in _where(_edit(client, "add-issue", issue=issue, positions=positions))


def test_remove_issue_refusals(client, flagship):
    assert _where(_edit(client, "remove-issue", issue="nope")) == ["issue"]
    case = _case(client)
    for issue in flagship.issues[1:]:
        case = client.post("/api/edit/remove-issue",
                           json={"case": case, "issue": issue.id}).json()["case"]
    r = client.post("/api/edit/remove-issue", json={"case": case, "issue": flagship.issues[0].id})
    assert _where(r) == ["issue"] and "at least one issue" in r.text


def test_a_bad_case_names_the_case_field(client):
    case = _case(client)
    case["positions"][2]["salience"] = -1
    r = client.post("/api/edit/add-actor", json={"case": case, "actor": NEW_ACTOR})
    assert _where(r) == ["positions[2].salience"]
    r = client.post("/api/edit/remove-actor", json={"case": case})
    assert _where(r) == ["actor"]


def test_edits_save_export_validate_and_forecast_the_same(client, tmp_path):
    """Export → ``accord validate`` → ``accord forecast`` gives the numbers the page showed."""
    from accord.cli.app import app

    r = _edit(client, "add-actor", actor=NEW_ACTOR,
              positions={"missiles": {"position": 15, "salience": {"low": 0.5, "high": 0.9}}})
    r = client.post("/api/edit/add-issue", json={"case": r.json()["case"], "issue": NEW_ISSUE,
                                                 "positions": VETO_STANDS})
    shown = r.json()
    r = client.post("/api/cases/1/save", json={"case": shown["case"], "note": "Türkiye",
                                               "base": 1})
    assert r.json()["version"] == 2
    path = tmp_path / "export.yaml"
    path.write_text(client.get("/api/cases/1/export.yaml").text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    out = runner.invoke(app, ["forecast", str(path), "--format", "json"])
    assert out.exit_code == 0
    got = {i["id"]: i for i in json.loads(out.stdout)["issues"]}
    for issue in shown["view"]["issues"]:
        assert got[issue["id"]]["outcomes"] == issue["outcomes"]
        assert {m: {lv: list(iv) for lv, iv in d.items()}
                for m, d in got[issue["id"]]["intervals"].items()} == issue["intervals"]


def test_rename_an_actor_keeps_its_id_positions_and_votes(client):
    case = _case(client)
    r = _edit(client, "rename-actor", actor="NATO", name="  North Atlantic Alliance ",
              kind="organisation", aliases=["the alliance", " Brussels HQ "])
    assert r.status_code == 200
    new = r.json()["case"]
    nato = next(a for a in new["actors"] if a["id"] == "NATO")
    assert (nato["name"], nato["kind"], nato["aliases"]) == (
        "North Atlantic Alliance", "organisation", ["the alliance", "Brussels HQ"])
    # nothing else moves: the same positions, decision block and forecast
    assert new["positions"] == case["positions"] and new["decision"] == case["decision"]
    before = client.post("/api/forecast", json={"case": case}).json()
    assert [i["outcomes"] for i in r.json()["view"]["issues"]] == [
        i["outcomes"] for i in before["issues"]]
    assert "NATO" in r.json()["view"]["veto_players"]
    # a name only: the kind and aliases stay; the same name in another case is fine
    r = client.post("/api/edit/rename-actor", json={"case": new, "actor": "NATO",
                                                    "name": "NATO"})
    back = next(a for a in r.json()["case"]["actors"] if a["id"] == "NATO")
    assert (back["name"], back["kind"], back["aliases"]) == (
        "NATO", "organisation", ["the alliance", "Brussels HQ"])


@pytest.mark.parametrize(("body", "field"), [
    ({"actor": "NATO", "name": ""}, "name"),
    ({"actor": "NATO", "name": "   "}, "name"),
    ({"actor": "NATO", "name": "united states"}, "name"),
    ({"actor": "NATO", "name": 5}, "name"),
    ({"actor": "NATO"}, "name"),
    ({"actor": "XX", "name": "X"}, "actor"),
    ({"actor": "", "name": "X"}, "actor"),
    ({"actor": "NATO", "name": "X", "kind": "planet"}, "kind"),
    ({"actor": "NATO", "name": "X", "kind": 3}, "kind"),
    ({"actor": "NATO", "name": "X", "aliases": "the alliance"}, "aliases"),
    ({"actor": "NATO", "name": "X", "aliases": ["a", " "]}, "aliases[1]"),
    ({"actor": "NATO", "name": "X", "aliases": [1.5]}, "aliases[0]"),
])
def test_bad_renames_name_the_field(client, body, field):
    assert field in _where(_edit(client, "rename-actor", **body))


SCALE = {"0": "No guarantee", "40": "A moratorium", "100": "A binding treaty"}


def test_edit_an_issue_keeps_its_id_and_positions(client, flagship):
    issue = flagship.issues[0].id
    case = _case(client)
    r = _edit(client, "edit-issue", issue=issue, title=" No enlargement ", description="",
              scale=SCALE)
    assert r.status_code == 200
    new = r.json()["case"]
    edited = next(i for i in new["issues"] if i["id"] == issue)
    assert edited["title"] == "No enlargement" and "description" not in edited
    assert edited["scale"] == SCALE  # the points as typed, 40 included, in order
    assert new["positions"] == case["positions"]
    assert next(i for i in r.json()["view"]["issues"] if i["id"] == issue)["outcomes"] == \
        next(i for i in client.post("/api/forecast", json={"case": case}).json()["issues"]
             if i["id"] == issue)["outcomes"]
    r = client.post("/api/edit/edit-issue", json={"case": new, "issue": issue,
                                                  "title": "No enlargement",
                                                  "description": "Written guarantees."})
    kept = next(i for i in r.json()["case"]["issues"] if i["id"] == issue)
    assert (kept["description"], kept["scale"]) == ("Written guarantees.", SCALE)


@pytest.mark.parametrize(("body", "field"), [
    ({"title": ""}, "title"),
    ({"title": "NATO forces limited to the territory of pre-1997 members"}, "title"),
    ({"title": ["a"]}, "title"),
    ({}, "title"),
    ({"title": "T", "scale": {"0": "a"}}, "scale"),
    ({"title": "T", "scale": {"0": "a", "100": "b", "130": "c"}}, "scale"),
    ({"title": "T", "scale": {"0": "a", "100": "b", "half": "c"}}, "scale.half"),
    ({"title": "T", "scale": {"0": "a", "100": " "}}, "scale.100"),
    ({"title": "T", "scale": {"0": "a", "100": 7}}, "scale.100"),
    ({"title": "T", "scale": ["a", "b"]}, "scale"),
    ({"title": "T", "description": 3}, "description"),
])
def test_bad_issue_edits_name_the_field(client, flagship, body, field):
    assert field in _where(_edit(client, "edit-issue", issue=flagship.issues[0].id, **body))


@pytest.mark.parametrize("bad", ["NaN", "nan", "inf", "-Infinity", "1e999"])
def test_non_finite_scale_points_are_refused(client, flagship, bad):
    r = _edit(client, "edit-issue", issue=flagship.issues[0].id, title="T",
              scale={"0": "a", bad: "b", "100": "c"})
    assert f"scale.{bad}" in _where(r)
    assert _where(_edit(client, "edit-issue", issue="nope", title="T")) == ["issue"]


def test_renamed_and_retitled_case_exports_as_shown(client, tmp_path, flagship):
    """Save a renamed actor and an edited issue; the exported YAML reads back as that case."""
    from accord.case import load_case

    r = _edit(client, "rename-actor", actor="GEO", name="Sakartvelo", aliases=["Tbilisi"])
    r = client.post("/api/edit/edit-issue", json={
        "case": r.json()["case"], "issue": flagship.issues[0].id, "title": "No enlargement",
        "description": "Written guarantees.", "scale": SCALE})
    shown = r.json()["case"]
    assert client.post("/api/cases/1/save", json={"case": shown, "note": "words",
                                                  "base": 1}).status_code == 200
    path = tmp_path / "export.yaml"
    path.write_text(client.get("/api/cases/1/export.yaml").text, encoding="utf-8")
    assert load_case(path).model_dump(mode="json", exclude_none=True) == shown
