"""Every endpoint of the web app, with good and bad input: bad input is a 4xx naming the
field, never a 500."""

from __future__ import annotations

import time

import pytest
import yaml

from accord.case import load_case
from accord.forecast import forecast_case


def _case(client, version=None):
    url = "/api/cases/1" + (f"?version={version}" if version else "")
    r = client.get(url)
    assert r.status_code == 200
    return r.json()


def _where(r) -> list[str]:
    return [w for w, _ in r.json()["problems"]]


def test_pages_and_static_files_are_served(client):
    assert "Case library" in client.get("/").text
    assert "case.js" in client.get("/case/1").text
    for name in ("app.css", "common.js", "case.js", "charts.js", "library.js", "structure.js",
                 "decision.js"):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and "http://" not in r.text.replace(
            "http://www.w3.org/2000/svg", "")  # nothing fetched from the network


def test_list_and_search(client, flagship):
    cases = client.get("/api/cases").json()["cases"]
    assert [c["title"] for c in cases] == [flagship.title]
    assert (cases[0]["actors"], cases[0]["issues"]) == (len(flagship.actors), len(flagship.issues))
    assert client.get("/api/cases?q=nothing-like-this").json()["cases"] == []


def test_open_gives_the_forecast_the_cli_gives(client, flagship):
    d = _case(client)
    f = forecast_case(flagship)
    assert d["version"] == d["latest"] == 1
    for got, want in zip(d["view"]["issues"], f.issues, strict=True):
        assert got["outcomes"] == want.outcomes
        assert (got["zone"] and tuple(got["zone"])) == want.agreement.zone
    assert d["view"]["verdict"].startswith(("A deal", "No deal"))


def test_what_if_moves_the_forecast(client):
    d = _case(client)
    case = d["case"]
    i = next(k for k, p in enumerate(case["positions"])
             if p["actor"] == "USA" and p["issue"] == "missiles")
    before = d["view"]["issues"]
    case["positions"][i]["position"] = 100
    after = client.post("/api/forecast", json={"case": case}).json()["issues"]
    j = next(k for k, x in enumerate(after) if x["id"] == "missiles")
    assert after[j]["outcomes"] != before[j]["outcomes"]
    # an independent check: the compromise is the capability × salience weighted mean
    from accord.case import parse_case
    from accord.models.arrays import case_arrays

    a = case_arrays(parse_case(case))
    w = a.c[:, None] * a.S
    assert after[j]["outcomes"]["compromise"] == pytest.approx(
        float((w[:, j] * a.X[:, j]).sum() / w[:, j].sum()), abs=1e-6)


def test_the_view_has_the_calibrated_intervals_of_accord_forecast(client, flagship):
    from accord.calibration import resolve_calibration
    from accord.calibration.apply import with_intervals

    view = _case(client)["view"]
    cal = resolve_calibration("default")
    want = with_intervals(flagship, forecast_case(flagship), cal)
    assert view["intervals_note"] == cal.note() and "180 issues" in view["intervals_note"]
    for got, w in zip(view["issues"], want.issues, strict=True):
        assert {m: {lv: tuple(iv) for lv, iv in d.items()} for m, d in got["intervals"].items()} \
            == w.intervals
        for d in got["intervals"].values():  # 50% inside 80% inside 95%
            assert d["95"][0] <= d["80"][0] <= d["50"][0] <= d["50"][1] <= d["80"][1] <= d["95"][1]


def _interval(view, issue, model="compromise", level="80"):
    iv = next(i for i in view["issues"] if i["id"] == issue)["intervals"][model][level]
    return iv[1] - iv[0]


def test_editing_an_uncertainty_moves_the_intervals(client):
    case = _case(client)["case"]
    i = next(k for k, p in enumerate(case["positions"])
             if p["actor"] == "USA" and p["issue"] == "force-posture")
    x = case["positions"][i]["position"]
    x = x if isinstance(x, int | float) else x["value"]
    case["positions"][i]["position"] = x  # no uncertainty on the US position
    narrow = client.post("/api/forecast", json={"case": case}).json()
    case["positions"][i]["position"] = {"value": x, "low": 0, "high": 100}
    wide = client.post("/api/forecast", json={"case": case}).json()
    case["positions"][i]["position"] = {"value": x, "sd": 30}
    sd = client.post("/api/forecast", json={"case": case}).json()
    assert _interval(wide, "force-posture") > _interval(narrow, "force-posture")
    assert _interval(sd, "force-posture") > _interval(narrow, "force-posture")
    # the point forecast uses the central value: unchanged
    assert [i["outcomes"] for i in wide["issues"]] == [i["outcomes"] for i in narrow["issues"]]


@pytest.mark.parametrize(("quantity", "words"), [
    ({"value": 50, "low": 60, "high": 40}, "'low' (60) is above 'high' (40)"),
    ({"value": 50, "low": 10}, "'low' and 'high' go together"),
    ({"value": 50, "sd": -3}, "'sd' must be >= 0"),
    ({"value": 90, "low": 10, "high": 40}, "outside [low, high]"),
    ({"value": 50, "sd": 5, "low": 10, "high": 60}, "either 'sd' or 'low'/'high'"),
])
def test_bad_uncertainties_name_the_field(client, quantity, words):
    case = _case(client)["case"]
    case["positions"][3]["position"] = quantity
    r = client.post("/api/forecast", json={"case": case})
    assert r.status_code == 422
    assert any(w == "positions[3].position" and words in m for w, m in r.json()["problems"])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda c: c["positions"][0].__setitem__("salience", 1.5), "positions[0].salience"),
        (lambda c: c["positions"][0].__setitem__("position", "far"), "positions[0].position"),
        (lambda c: c["issues"][0].__setitem__("status_quo", 130), "issues[0].status_quo"),
        (lambda c: c["positions"][0].__setitem__("actor", "XXX"), "positions[0].actor"),
        (lambda c: c["actors"][0].__setitem__("capability", -1), "actors[0].capability"),
    ],
)
def test_what_if_bad_values_name_the_field(client, change, field):
    case = _case(client)["case"]
    change(case)
    r = client.post("/api/forecast", json={"case": case})
    assert r.status_code == 422 and field in _where(r)


def test_nan_and_infinity_are_refused(client):
    body = client.get("/api/cases/1").json()
    text = '{"case": ' + __import__("json").dumps(body["case"]).replace(
        '"status_quo": ', '"status_quo": NaN, "x": ', 1) + "}"
    r = client.post("/api/forecast", content=text, headers={"content-type": "application/json"})
    assert r.status_code == 422 and any("status_quo" in w for w in _where(r))


def test_wrong_types_in_the_request(client):
    assert "case" in _where(client.post("/api/forecast", json={"case": [1, 2]}))
    r = client.post("/api/cases/1/save", json={"case": {}, "note": "x", "base": "one"})
    assert r.status_code == 422 and "base" in _where(r)
    r = client.post("/api/cases/1/save", json={"case": {}, "note": "", "base": 1})
    assert r.status_code == 422 and "note" in _where(r)
    r = client.post("/api/forecast", content=b"{not json",
                    headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_save_conflict_and_restore(client):
    d = _case(client)
    case = d["case"]
    case["issues"][0]["status_quo"] = 5
    r = client.post("/api/cases/1/save", json={"case": case, "note": "tab A", "base": 1})
    assert r.json()["version"] == 2
    r = client.post("/api/cases/1/save", json={"case": case, "note": "tab B", "base": 1})
    assert r.status_code == 409 and "reload" in r.json()["error"] and r.json()["latest"] == 2
    hist = client.get("/api/cases/1/versions").json()["versions"]
    assert [(v["number"], v["note"]) for v in hist] == [(2, "tab A"), (1, "imported")]
    assert _case(client, 1)["case"]["issues"][0]["status_quo"] != 5
    r = client.post("/api/cases/1/restore", json={"version": 1, "base": 2})
    assert r.json()["version"] == 3
    assert _case(client)["case"] == _case(client, 1)["case"]


def test_a_save_with_a_bad_case_names_the_field_and_saves_nothing(client):
    case = _case(client)["case"]
    case["positions"][2]["salience"] = -1
    r = client.post("/api/cases/1/save", json={"case": case, "note": "bad", "base": 1})
    assert r.status_code == 422 and "positions[2].salience" in _where(r)
    assert len(client.get("/api/cases/1/versions").json()["versions"]) == 1


@pytest.mark.parametrize("url", ["/api/cases/99", "/api/cases/99/versions",
                                 "/api/cases/1?version=42", "/api/cases/99/export.yaml",
                                 "/api/cases/99/forecast.json", "/api/runs/nope"])
def test_unknown_ids_are_404(client, url):
    r = client.get(url)
    assert r.status_code == 404 and r.json()["problems"]


def test_non_numeric_ids_are_422(client):
    r = client.get("/api/cases/abc")
    assert r.status_code == 422 and "case_id" in _where(r)
    assert client.get("/api/cases/1?version=0").status_code == 422


def test_duplicate_and_delete_with_confirmation(client):
    new = client.post("/api/cases/1/duplicate").json()["id"]
    r = client.delete(f"/api/cases/{new}")
    assert r.status_code == 422 and "confirm" in _where(r)
    r = client.delete(f"/api/cases/{new}?confirm=1")
    assert r.status_code == 422 and "confirm" in _where(r)
    assert client.delete(f"/api/cases/{new}?confirm={new}").json() == {"deleted": new}
    assert client.get(f"/api/cases/{new}").status_code == 404


def test_export_round_trips(client, tmp_path, flagship):
    r = client.get("/api/cases/1/export.yaml")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    path = tmp_path / "export.yaml"
    path.write_text(r.text, encoding="utf-8")
    assert forecast_case(load_case(path)).to_json() == forecast_case(flagship).to_json()
    assert yaml.safe_load(r.text)["title"] == flagship.title


def test_import_yaml_and_decide(client, shared, flagship_path):
    r = client.post("/api/cases/import",
                    files={"file": ("case.yaml", flagship_path.read_bytes(), "application/yaml")})
    assert r.status_code == 200 and r.json()["id"] == 2
    data = (shared / "data/decide/sample_data.txt").read_bytes()
    r = client.post("/api/cases/import", files={"file": ("sample_data.txt", data, "text/plain")})
    assert r.status_code == 200
    from accord.formats.decide import read_decide

    want = read_decide(shared / "data/decide/sample_data.txt")
    got = _case_id(client, r.json()["id"])
    assert forecast_case(got).to_json() == forecast_case(want).to_json()


def _case_id(client, cid):
    from accord.case import parse_case

    return parse_case(client.get(f"/api/cases/{cid}").json()["case"])


@pytest.mark.parametrize("name", ["../evil.yaml", "a/b.yaml", "..", "..\\x.txt", ".hidden.yaml"])
def test_upload_names_with_folders_are_refused(client, name, tmp_path):
    r = client.post("/api/cases/import", files={"file": (name, b"title: x", "text/plain")})
    assert r.status_code == 422 and "file" in _where(r)
    assert not (tmp_path / "evil.yaml").exists()


def test_bad_import_files(client):
    r = client.post("/api/cases/import", files={"file": ("x.yaml", b"title: [unclosed", "t/p")})
    assert r.status_code == 422
    r = client.post("/api/cases/import", files={"file": ("x.yaml", b"title: x\nactors: 3\n", "t")})
    assert r.status_code == 422 and "actors" in _where(r)
    r = client.post("/api/cases/import", files={"file": ("x.exe", b"MZ", "t")})
    assert r.status_code == 422 and "file" in _where(r)
    r = client.post("/api/cases/import", files={"file": ("x.txt", b"#A;broken", "t")})
    assert r.status_code == 422
    r = client.post("/api/cases/import", files={"file": ("x.yaml", b"\xff\xfe", "t")})
    assert r.status_code == 422
    r = client.post("/api/cases/import", files={"file": ("x.txt", b"a,b", "t")},
                    data={"format": "word"})
    assert r.status_code == 422 and "format" in _where(r)


def test_oversized_bodies_are_413(client):
    r = client.post("/api/forecast", content=b"x" * 300_000,
                    headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["problems"][0][0] == "body"

    def chunks():  # no content-length: counted as it streams
        for _ in range(30):
            yield b"x" * 10_000

    r = client.post("/api/forecast", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_forecast_json_and_briefs(client, flagship):
    from accord.calibration import resolve_calibration
    from accord.calibration.apply import with_intervals

    r = client.get("/api/cases/1/forecast.json")  # what accord forecast --format json prints
    want = with_intervals(flagship, forecast_case(flagship), resolve_calibration("default"))
    assert r.json() == __import__("json").loads(want.to_json())
    assert "attachment" in r.headers["content-disposition"]
    r = client.get("/api/cases/1/brief.html")
    assert r.status_code == 200 and "<html" in r.text and flagship.title in r.text
    r = client.get("/api/cases/1/brief.md")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    assert client.get("/api/cases/1/brief.pdf").status_code == 404
    assert client.get("/api/cases/1/brief.html?samples=-1").status_code == 422


def _wait(client, run_id):
    for _ in range(600):
        job = client.get(f"/api/runs/{run_id}").json()
        if job["status"] != "running":
            return job
        time.sleep(0.05)
    raise AssertionError("run did not finish")


def test_dynamic_run_gives_the_cli_numbers(client, flagship):
    case = _case(client)["case"]
    job = client.post("/api/runs", json={"case": case, "kind": "dynamic"}).json()
    job = _wait(client, job["id"])
    assert job["status"] == "done" and job["progress"] == 1
    want = forecast_case(flagship, ["eum", "eum-mean", "exchange"])
    assert job["result"]["outcomes"] == {f.id: f.outcomes for f in want.issues}
    assert set(job["result"]["rounds"]) == {i.id for i in flagship.issues}


def test_sweep_runs(client):
    case = _case(client)["case"]
    job = _wait(client, client.post(
        "/api/runs", json={"case": case, "kind": "sweep", "samples": 500}).json()["id"])
    assert job["status"] == "done" and job["result"]["samples"] == 500
    assert "calibrated on 180 issues" in job["result"]["calibration"]
    from accord.calibration import resolve_calibration
    from accord.calibration.apply import calibrate_sweep
    from accord.case import parse_case
    from accord.uncertainty.sweep import sweep_case
    from accord.web.jobs import SWEEP_CHUNK

    c = parse_case(case)  # the same numbers as the brief's calibrated sweep
    want = calibrate_sweep(sweep_case(c, 500, chunk=SWEEP_CHUNK), c, resolve_calibration(None))
    assert job["result"] == want.model_dump(mode="json")


def _big_case(n: int = 60, k: int = 8) -> dict:
    """60 actors on 8 issues, every input uncertain: 20,000 samples take seconds."""
    return {
        "title": "a large made-up case",
        "actors": [{"id": f"A{i}", "name": f"Actor {i}", "veto": i < 2,
                    "capability": {"value": 1 + i % 5, "sd": 0.3}} for i in range(n)],
        "issues": [{"id": f"i{j}", "title": f"Issue {j}", "scale": {0: "none", 100: "all"},
                    "status_quo": 10} for j in range(k)],
        "positions": [{"actor": f"A{i}", "issue": f"i{j}", "salience": 0.5,
                       "position": {"value": (i * 37 + j * 11) % 101, "sd": 8}}
                      for i in range(n) for j in range(k)],
    }


@pytest.mark.parametrize("kind", ["sweep", "dynamic"])
def test_a_cancel_takes_effect_within_half_a_second(client, kind):
    job = client.post("/api/runs", json={"case": _big_case(), "kind": kind,
                                         "samples": 20_000}).json()
    if kind == "sweep":  # under way: some chunks done, most to come
        for _ in range(400):
            if client.get(f"/api/runs/{job['id']}").json()["progress"] > 0.01:
                break
            time.sleep(0.02)
    t = time.perf_counter()
    client.delete(f"/api/runs/{job['id']}")
    while (got := client.get(f"/api/runs/{job['id']}").json())["status"] == "running":
        time.sleep(0.01)
    took = time.perf_counter() - t
    assert got["status"] == "cancelled" and got["result"] is None
    assert took < 0.5, f"the cancel took {took:.2f} s"
    if kind == "sweep":
        assert got["progress"] < 0.5


@pytest.mark.parametrize(("body", "field"), [
    ({"kind": "magic"}, "kind"), ({"kind": "sweep", "samples": 0}, "samples"),
    ({"kind": "sweep", "samples": 10**9}, "samples"),
    ({"kind": "sweep", "samples": "many"}, "samples"),
])
def test_bad_runs(client, body, field):
    body["case"] = _case(client)["case"]
    r = client.post("/api/runs", json=body)
    assert r.status_code == 422 and field in _where(r)


def test_attach_a_quote(client):
    case = _case(client)["case"]
    article = {"title": "A new article", "published": "2022-01-11", "url": "https://example.org/a"}
    r = client.post("/api/attach", json={"case": case, "actor": "USA", "issue": "missiles",
                                         "quote": "We are ready.", "speaker": "Sherman",
                                         "article": article})
    assert r.status_code == 200
    new = r.json()["case"]
    src = next(s for s in new["sources"] if s["title"] == "A new article")
    pos = next(p for p in new["positions"] if p["actor"] == "USA" and p["issue"] == "missiles")
    assert pos["evidence"][-1] == {"source": src["id"], "kind": "direct",
                                   "quote": "We are ready.", "speaker": "Sherman"}
    r = client.post("/api/attach", json={"case": case, "actor": "GEO", "issue": "nope",
                                         "quote": "x"})
    assert r.status_code == 422 and "position" in _where(r)


def test_extract_refuses_bad_names_and_empty_text(client):
    r = client.post("/api/extract", json={"text": "Hello.", "filename": "../x.txt"})
    assert r.status_code in (422, 501)
    r = client.post("/api/extract", json={"text": ""})
    assert r.status_code == 422 and "text" in _where(r)


def test_extract_finds_quotes_of_the_founding_article(client, founding_text, nlp):
    r = client.post("/api/extract", json={"text": founding_text, "filename": "founding.txt",
                                          "published": "2022-01-10"})
    assert r.status_code == 200
    d = r.json()
    assert d["quotes"] and d["text"] == founding_text
    for q in d["quotes"]:  # offsets point into the returned text
        assert q["text"] in d["text"][q["start"]:q["end"]] or d["text"][q["start"]:q["end"]]


@pytest.fixture
def median_ensemble():
    """The shipped ensemble with a choice table in which median is far the best everywhere
    (as ``accord serve --ensemble FILE`` reads such a file and hands it to the app)."""
    from accord.ensemble.schema import default_ensemble

    ens = default_ensemble()
    table = ens.choice.model_copy(deep=True)
    for g in [table.overall, *table.groups]:
        g.mae.update(median=1.0)
    return ens.model_copy(update={"choice": table})


def test_the_configured_ensemble_says_which_model_to_believe(library, tmp_path, client,
                                                             median_ensemble):
    from fastapi.testclient import TestClient

    from accord.web.app import create_app

    shipped = _case(client)
    assert not any("believes median" in s for i in shipped["view"]["issues"]
                   for s in i["summary"])
    app = create_app(library, tmp_path / "data2", ensemble=median_ensemble)
    with TestClient(app) as c:
        view = c.get("/api/cases/1").json()["view"]
        for issue in view["issues"]:  # the case page: the last sentence of every issue
            assert issue["summary"][-1].startswith("accord believes median here")
        what_if = c.post("/api/forecast", json={"case": shipped["case"]}).json()
        assert what_if["issues"] == view["issues"]
        got = c.get("/api/cases/1/forecast.json").json()
        assert {i["belief"]["model"] for i in got["issues"]} == {"median"}
        assert "believes median" in c.get("/api/cases/1/brief.html").text


def test_runs_and_sweeps_read_the_configured_ensemble(monkeypatch, flagship, median_ensemble):
    from accord.web import jobs
    from accord.web.analysis import Setup

    seen: dict[str, object] = {}
    real_sweep, real_forecast = jobs.sweep_case, jobs.forecast_case

    def sweep_case(*args, **kwargs):
        seen["sweep"] = kwargs.get("ensemble")
        return real_sweep(*args, **kwargs)

    def forecast_case(case, models, ensemble=None):
        seen["dynamic"] = ensemble
        return real_forecast(case, models, ensemble)

    monkeypatch.setattr(jobs, "sweep_case", sweep_case)
    monkeypatch.setattr(jobs, "forecast_case", forecast_case)
    setup = Setup(None, median_ensemble)
    jobs.run_sweep(flagship, lambda _: None, 20, setup)
    jobs.run_dynamic(flagship, lambda _: None, setup)
    assert seen == {"sweep": median_ensemble, "dynamic": median_ensemble}
