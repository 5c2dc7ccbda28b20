"""An actor's people on the case page (``POST /api/edit/people``): the list given replaces the
actor's, trimmed; nothing else moves; bad input is a 422 naming the field."""

from __future__ import annotations

import json

import pytest

PEOPLE = [{"name": " Wendy Sherman ", "role": "Deputy Secretary of State",
           "aliases": ["Sherman", " Ms Sherman "]},
          {"name": "Ned Price", "role": " "}]


def _where(r) -> list[str]:
    assert r.status_code == 422, r.text
    return [w for w, _ in r.json()["problems"]]


def test_set_an_actors_people(client, edit):
    before = client.get("/api/cases/1").json()
    r = edit("people", actor="USA", people=PEOPLE)
    assert r.status_code == 200, r.text
    after = r.json()["case"]
    usa = next(a for a in after["actors"] if a["id"] == "USA")
    assert usa["people"] == [
        {"name": "Wendy Sherman", "role": "Deputy Secretary of State",
         "aliases": ["Sherman", "Ms Sherman"]},
        {"name": "Ned Price", "aliases": []}]
    # the other actors, the rest of the USA and the forecast stay as they were
    for old, new in zip(before["case"]["actors"], after["actors"], strict=True):
        assert {k: v for k, v in new.items() if k != "people" or new["id"] != "USA"} == {
            k: v for k, v in old.items() if k != "people" or old["id"] != "USA"}
    assert r.json()["view"] == before["view"]


def test_clear_an_actors_people(edit):
    r = edit("people", actor="NATO", people=[])
    nato = next(a for a in r.json()["case"]["actors"] if a["id"] == "NATO")
    assert nato["people"] == []


@pytest.mark.parametrize(("body", "field"), [
    ({"actor": "XX", "people": []}, "actor"),
    ({"actor": "", "people": []}, "actor"),
    ({"people": []}, "actor"),
    ({"actor": "USA"}, "people"),
    ({"actor": "USA", "people": "Wendy Sherman"}, "people"),
    ({"actor": "USA", "people": ["Wendy Sherman"]}, "people[0]"),
    ({"actor": "USA", "people": [{"name": "A"}, {"name": ""}]}, "people[1].name"),
    ({"actor": "USA", "people": [{"name": "  "}]}, "people[0].name"),
    ({"actor": "USA", "people": [{"role": "envoy"}]}, "people[0].name"),
    ({"actor": "USA", "people": [{"name": 3}]}, "people[0].name"),
    ({"actor": "USA", "people": [{"name": "A", "aliases": ["a", " "]}]}, "people[0].aliases[1]"),
    ({"actor": "USA", "people": [{"name": "A", "aliases": "a"}]}, "people[0].aliases"),
    ({"actor": "USA", "people": [{"name": "A", "role": ["x"]}]}, "people[0].role"),
    ({"actor": "USA", "people": [{"name": "A", "phone": "123"}]}, "people[0].phone"),
])
def test_bad_people_name_the_field(edit, body, field):
    assert field in _where(edit("people", **body))


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "1e999"])
def test_non_finite_numbers_are_refused(client, bad):
    case = json.dumps(client.get("/api/cases/1").json()["case"])
    text = f'{{"case": {case}, "actor": "USA", "people": [{{"name": "A", "role": {bad}}}]}}'
    r = client.post("/api/edit/people", content=text,
                    headers={"content-type": "application/json"})
    assert "people[0].role" in _where(r)


def test_people_export_as_shown(client, edit, tmp_path):
    from accord.case import load_case

    shown = edit("people", actor="USA", people=PEOPLE).json()["case"]
    r = client.post("/api/cases/1/save", json={"case": shown, "note": "people", "base": 1})
    assert r.status_code == 200
    path = tmp_path / "export.yaml"
    path.write_text(client.get("/api/cases/1/export.yaml").text, encoding="utf-8")
    assert load_case(path).model_dump(mode="json", exclude_none=True) == shown
