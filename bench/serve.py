"""Latency of the web app on the flagship, against uvicorn on 127.0.0.1 in this process:

- the server round trip of a static-model what-if update (median and p95 over 200 requests
  to ``POST /api/forecast``, the forecast with its calibrated intervals);
- the server round trip of a structural edit (median and p95 over 100 requests to
  ``POST /api/edit/add-position``: Georgia's position on missiles added, the case validated
  and forecast with its intervals), and of a decision rule edit (100 requests to
  ``POST /api/edit/decision``: a qmv rule, its threshold moved each time; the case validated
  and forecast with the static and the procedural models' intervals);
- the time to open the case page over HTTP (the page, its scripts, the case and its history);
- in Chromium (Playwright, when installed): the time to open the case page until its charts
  are drawn, and the redraw from a slider's input event to the chart and table replaced
  (``window.accordRedraws``, measured in the page) over 50 slider moves, median and p95.

    PYTHONPATH=src python bench/serve.py
"""

from __future__ import annotations

import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from accord.case import load_case
from accord.web.app import create_app
from accord.web.store import Library

FLAGSHIP = Path(__file__).resolve().parents[1] / "examples" / "geneva-2022" / "case.yaml"
N = 200
MOVES = 50
CHROMIUM = "/usr/bin/chromium"


def _pct(times: list[float]) -> tuple[float, float]:
    """Median and p95 (the value below which 95% of the sorted times lie)."""
    times = sorted(times)
    return statistics.median(times), times[max(0, int(0.95 * len(times)) - 1)]


def browser(base: str) -> None:
    """Open the case page in Chromium and move a slider ``MOVES`` times, one after another."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("in-browser timings: skipped (Playwright is not installed)")
        return
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--headless"])
        page = b.new_page(viewport={"width": 1200, "height": 900})
        opens = []
        for _ in range(5):
            t = time.perf_counter()
            page.goto(base + "/case/1")
            page.locator("#issue-missiles svg.issue-chart").wait_for()
            opens.append((time.perf_counter() - t) * 1000)
        i = page.evaluate("S.work.positions.findIndex((p) => p.actor === 'USA' && "
                          "p.issue === 'missiles')")
        slider = page.get_by_label(f"positions[{i}].position slider")
        for n in range(MOVES):
            slider.evaluate("(e, x) => { e.value = x; e.dispatchEvent(new Event('input')); }",
                            str(20 + n))
            page.wait_for_function(f"window.accordRedraws.length > {n}")
        median, p95 = _pct(page.evaluate("window.accordRedraws"))
        b.close()
    print(f"open the flagship's case page in Chromium until its charts are drawn (5 loads): "
          f"median {statistics.median(opens):.0f} ms")
    print(f"in-browser redraw, input event to chart updated ({MOVES} slider moves): "
          f"median {median:.1f} ms, p95 {p95:.1f} ms")


def round_trips(http: httpx.Client, what: str, bodies: list[dict]) -> list[float]:
    """Round trips of ``POST /api/edit/WHAT``, one per body."""
    times = []
    for body in bodies:
        t = time.perf_counter()
        http.post(f"/api/edit/{what}", json=body).raise_for_status()
        times.append((time.perf_counter() - t) * 1000)
    return times


def structural(http: httpx.Client, case: dict) -> list[float]:
    """Round trips of adding a position (Georgia on missiles, at a new place each time)."""
    return round_trips(http, "add-position", [
        {"case": case, "actor": "GEO", "issue": "missiles", "position": n, "salience": 0.5}
        for n in range(100)])


def decision(http: httpx.Client, case: dict) -> list[float]:
    """Round trips of a new decision rule (a qmv rule with the threshold moved each time)."""
    return round_trips(http, "decision", [
        {"case": case, "decision": {"proposer": "USA", "rule": "qmv", "threshold": 0.5 + n / 200,
                                    "weights": "equal"}} for n in range(100)])


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="accord-bench-"))
    lib = Library(folder / "bench.sqlite")
    lib.add(load_case(FLAGSHIP), "bench")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(lib, folder), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base) as http:
        t = time.perf_counter()
        http.get("/case/1").raise_for_status()
        for name in ("app.css", "common.js", "charts.js", "structure.js", "decision.js",
                     "case.js"):
            http.get(f"/static/{name}").raise_for_status()
        case = http.get("/api/cases/1").raise_for_status().json()["case"]
        http.get("/api/cases/1/versions").raise_for_status()
        open_ms = (time.perf_counter() - t) * 1000
        i = next(k for k, p in enumerate(case["positions"])
                 if p["actor"] == "USA" and p["issue"] == "missiles")
        times = []
        for n in range(N):
            case["positions"][i]["position"] = 20 + (n % 80)
            t = time.perf_counter()
            http.post("/api/forecast", json={"case": case}).raise_for_status()
            times.append((time.perf_counter() - t) * 1000)
        edits = structural(http, case)
        rules = decision(http, case)
    median, p95 = _pct(times)
    print(f"static what-if update (POST /api/forecast, flagship, {N} requests): "
          f"median {median:.1f} ms, p95 {p95:.1f} ms")
    print(f"structural edit (POST /api/edit/add-position, flagship, {len(edits)} requests): "
          "median {:.1f} ms, p95 {:.1f} ms".format(*_pct(edits)))
    print(f"decision rule edit (POST /api/edit/decision, flagship, {len(rules)} requests): "
          "median {:.1f} ms, p95 {:.1f} ms".format(*_pct(rules)))
    print(f"open the flagship's case page (page + 6 assets + case + history): {open_ms:.1f} ms")
    browser(base)
    server.should_exit = True
    lib.close()


if __name__ == "__main__":
    main()
