"""The decision block on the case page (``POST /api/edit/decision``): state, change and remove
the decision rule; the procedural forecast follows it (checked against a brute-force search of
the proposer's best accepted offer, worked out here), bad input is a 422 naming the field."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

RULE = {"proposer": "RUS", "voters": ["RUS", "USA", "NATO"], "rule": "consensus",
        "weights": "equal"}


def _where(r) -> list[str]:
    assert r.status_code == 422, (r.request.url, r.text)
    return [w for w, _ in r.json()["problems"]]


def _central(q) -> float:
    return float(q) if isinstance(q, int | float) else (
        q["value"] if "value" in q else (q["low"] + q["high"]) / 2)


def _offer(case: dict, issue: dict) -> float:
    """The proposer's best offer that voters with the needed weight and every consenter
    accept over the status quo, within the hull of their ideals: a search over every end
    point (the plain model, quadratic utility, equal or given weights)."""
    d = case["decision"]
    q = _central(issue["status_quo"])
    x = {p["actor"]: _central(p["position"]) for p in case["positions"]
         if p["issue"] == issue["id"]}
    voters = [a for a in d.get("voters") or [a["id"] for a in case["actors"]] if a in x]
    weight = {a: 1.0 if d["weights"] == "equal" else d["weights"][a] for a in voters}
    need = {"qmv": d.get("threshold"), "majority": 0.5}.get(d["rule"], 1.0)
    must = [a for a in d.get("must_consent", []) if a in x]
    deciders = voters + must
    lo, hi = min(x[a] for a in deciders), max(x[a] for a in deciders)

    def accepts(a: str, y: float) -> bool:
        return abs(y - x[a]) <= abs(q - x[a]) + 1e-9

    def passes(y: float) -> bool:
        share = sum(weight[a] for a in voters if accepts(a, y)) / sum(weight.values())
        won = share > need if d["rule"] == "majority" else share >= need - 1e-9
        return won and all(accepts(a, y) for a in must) and lo - 1e-9 <= y <= hi + 1e-9

    ideal = x[d["proposer"]]
    ends = {ideal, q, *x.values(), *(x[a] + s * abs(q - x[a]) for a in x for s in (-1, 1))}
    ok = [min(100.0, max(0.0, y)) for y in ends if passes(min(100.0, max(0.0, y)))]
    return min(ok, key=lambda y: (abs(y - ideal), y)) if ok else q


def _procedural(answer: dict) -> dict[str, float]:
    return {i["id"]: i["outcomes"]["procedural"] for i in answer["view"]["procedural"]["issues"]}


def _check_offers(answer: dict) -> None:
    case = answer["case"]
    for issue in case["issues"]:
        assert _procedural(answer)[issue["id"]] == pytest.approx(_offer(case, issue), abs=1e-6)


def test_the_saved_rule_gives_the_procedural_forecast(client):
    d = client.get("/api/cases/1").json()
    _check_offers(d)
    assert d["view"]["procedural"]["models"] == ["procedural", "procedural-costly"]


@pytest.mark.parametrize("rule", [
    {**RULE, "proposer": "USA"},
    {**RULE, "proposer": "NATO", "must_consent": ["UKR"]},
    {"proposer": "EU", "rule": "majority", "weights": "equal"},
    {"proposer": "RUS", "rule": "qmv", "threshold": 0.6, "voters": ["RUS", "USA", "NATO", "EU"],
     "weights": {"RUS": 3, "USA": 3, "NATO": 2, "EU": 1}, "rationale": "  a what-if  "},
])
def test_a_new_rule_moves_the_procedural_forecast(client, edit, rule):
    before = client.get("/api/cases/1").json()
    r = edit("decision", decision=rule)
    assert r.status_code == 200, r.text
    want = {**rule, "rationale": "a what-if"} if "rationale" in rule else rule
    got = r.json()["case"]["decision"]
    assert {k: got[k] for k in want} == {k: (json.loads(json.dumps(v))) for k, v in want.items()}
    _check_offers(r.json())
    assert _procedural(r.json()) != _procedural(before)
    # the static models' numbers and everything else in the case stay (the sentences may
    # not: which model to believe depends on whether the rule needs every voter)
    static = ("outcomes", "intervals", "zone")
    assert [{k: i[k] for k in static} for i in r.json()["view"]["issues"]] == [
        {k: i[k] for k in static} for i in before["view"]["issues"]]
    assert {k: v for k, v in r.json()["case"].items() if k != "decision"} == {
        k: v for k, v in before["case"].items() if k != "decision"}


def test_remove_the_rule_then_state_one_on_a_case_without(client, edit):
    r = edit("decision", decision=None)
    assert r.status_code == 200, r.text
    bare = r.json()
    assert "decision" not in bare["case"] and bare["view"]["procedural"] is None
    back = client.post("/api/edit/decision", json={"case": bare["case"],
                                                   "decision": {**RULE, "proposer": "USA"}})
    assert back.status_code == 200, back.text
    assert back.json()["case"]["decision"]["proposer"] == "USA"
    _check_offers(back.json())
    # removing a rule the case does not have is no error either
    again = client.post("/api/edit/decision", json={"case": bare["case"], "decision": None})
    assert again.status_code == 200 and again.json()["case"] == bare["case"]


@pytest.mark.parametrize(("rule", "field"), [
    ({**RULE, "proposer": "XX"}, "decision.proposer"),
    ({**RULE, "proposer": ""}, "decision.proposer"),
    ({k: v for k, v in RULE.items() if k != "proposer"}, "decision.proposer"),
    ({**RULE, "must_consent": ["UKR", "XX"]}, "decision.must_consent[1]"),
    ({**RULE, "must_consent": "UKR"}, "decision.must_consent"),
    ({**RULE, "voters": ["RUS", "nobody"]}, "decision.voters[1]"),
    ({**RULE, "voters": []}, "decision.voters"),
    ({**RULE, "rule": "dictatorship"}, "decision.rule"),
    ({**RULE, "rule": "qmv"}, "decision.threshold"),
    ({**RULE, "threshold": 0.5}, "decision.threshold"),
    ({**RULE, "rule": "qmv", "threshold": 1.5}, "decision.threshold"),
    ({**RULE, "rule": "qmv", "threshold": 0}, "decision.threshold"),
    ({**RULE, "rule": "qmv", "threshold": "most"}, "decision.threshold"),
    ({**RULE, "weights": {"RUS": 1, "USA": -1, "NATO": 1}}, "decision.weights.USA"),
    ({**RULE, "weights": {"RUS": 1, "USA": 1, "NATO": 1, "XX": 1}}, "decision.weights.XX"),
    ({**RULE, "weights": {"RUS": 1}}, "decision.weights"),
    ({**RULE, "weights": "votes"}, "decision.weights"),
    ({**RULE, "weights": {"RUS": 10**400, "USA": 1, "NATO": 1}}, "decision.weights.RUS"),
    ({**RULE, "reference_point": 50}, "decision.reference_point"),
])
def test_bad_rules_name_the_field(edit, rule, field):
    assert field in _where(edit("decision", decision=rule))


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "1e999"])
@pytest.mark.parametrize(("key", "field"), [
    ("threshold", "decision.threshold"), ("weights", "decision.weights.USA")])
def test_non_finite_numbers_are_refused(client, bad, key, field):
    case = json.dumps(client.get("/api/cases/1").json()["case"])
    value = bad if key == "threshold" else f'{{"RUS": 1, "USA": {bad}, "NATO": 1}}'
    rule = '{"proposer": "RUS", "rule": "qmv", "threshold": 0.5, "weights": "equal"}'
    rule = rule.replace('"threshold": 0.5', f'"threshold": {value}') if key == "threshold" \
        else rule.replace('"equal"', value)
    text = f'{{"case": {case}, "decision": {rule}}}'
    r = client.post("/api/edit/decision", content=text,
                    headers={"content-type": "application/json"})
    assert field in _where(r)


@pytest.mark.parametrize("body", [{}, {"decision": "consensus"}, {"decision": [RULE]}])
def test_a_missing_or_malformed_block_is_named(edit, body):
    assert "decision" in _where(edit("decision", **body))


def test_a_rule_exports_validates_and_forecasts_as_shown(client, edit, tmp_path):
    """Save a new rule; the exported YAML validates, and ``accord forecast --model
    procedural,procedural-costly`` gives the page's numbers and intervals."""
    from accord.cli.app import app

    rule = {"proposer": "USA", "rule": "qmv", "threshold": 0.7,
            "weights": {"RUS": 2, "USA": 2, "NATO": 2, "EU": 1, "UKR": 1, "GEO": 1, "OSCE": 1},
            "must_consent": ["NATO"], "rationale": "A what-if: the US tables the text."}
    shown = edit("decision", decision=rule).json()
    r = client.post("/api/cases/1/save", json={"case": shown["case"], "note": "qmv", "base": 1})
    assert r.json()["version"] == 2
    assert client.get("/api/cases/1").json()["case"]["decision"] == shown["case"]["decision"]
    path = tmp_path / "export.yaml"
    path.write_text(client.get("/api/cases/1/export.yaml").text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["validate", str(path)]).exit_code == 0
    out = runner.invoke(app, ["forecast", str(path), "--model", "procedural,procedural-costly",
                              "--format", "json"])
    assert out.exit_code == 0, out.output
    got = {i["id"]: i for i in json.loads(out.stdout)["issues"]}
    for issue in shown["view"]["procedural"]["issues"]:
        assert got[issue["id"]]["outcomes"] == issue["outcomes"]
        assert {m: {lv: list(iv) for lv, iv in d.items()}
                for m, d in got[issue["id"]]["intervals"].items()} == issue["intervals"]


def test_a_removed_rule_exports_without_a_block(client, edit, tmp_path):
    from accord.case import load_case

    shown = edit("decision", decision=None).json()
    client.post("/api/cases/1/save", json={"case": shown["case"], "note": "no rule", "base": 1})
    path = tmp_path / "export.yaml"
    path.write_text(client.get("/api/cases/1/export.yaml").text, encoding="utf-8")
    assert load_case(path).decision is None
