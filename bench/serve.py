"""Latency of the web app on the flagship: a static-model what-if update (median and p95 over
200 requests to ``POST /api/forecast``) and the time to open the case page (the page, its
scripts and ``GET /api/cases/1``), against uvicorn on 127.0.0.1 in this process.

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
        for name in ("app.css", "common.js", "charts.js", "case.js"):
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
    server.should_exit = True
    times.sort()
    p95 = times[int(0.95 * N) - 1]
    print(f"static what-if update (POST /api/forecast, flagship, {N} requests): "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")
    print(f"open the flagship's case page (page + 4 assets + case + history): {open_ms:.1f} ms")
    lib.close()


if __name__ == "__main__":
    main()
