"""``accord serve`` as a user runs it: a process of its own on a library file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(args: list[str], root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.Popen([sys.executable, "-m", "accord", "serve", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _ready(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise AssertionError(f"accord serve stopped: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
        try:
            httpx.get(url + "/api/cases", timeout=1).raise_for_status()
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("accord serve did not start")


def test_a_saved_version_survives_sigkill(tmp_path, root, flagship_path):
    db, port = tmp_path / "library.sqlite", _free_port()
    url = f"http://127.0.0.1:{port}"
    args = [str(flagship_path), "--db", str(db), "--port", str(port)]
    proc = _start(args, root)
    try:
        _ready(url, proc)
        case = httpx.get(url + "/api/cases/1").json()["case"]
        case["issues"][0]["status_quo"] = 7
        r = httpx.post(url + "/api/cases/1/save",
                       json={"case": case, "note": "just before the crash", "base": 1})
        assert r.status_code == 200 and r.json()["version"] == 2
    finally:
        os.kill(proc.pid, signal.SIGKILL)  # no shutdown, no checkpoint
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    proc = _start(args, root)  # the same file again: not imported a second time
    try:
        _ready(url, proc)
        assert len(httpx.get(url + "/api/cases").json()["cases"]) == 1
        got = httpx.get(url + "/api/cases/1").json()
        assert (got["version"], got["note"]) == (2, "just before the crash")
        assert got["case"]["issues"][0]["status_quo"] == 7
        versions = httpx.get(url + "/api/cases/1/versions").json()["versions"]
        assert [v["number"] for v in versions] == [2, 1]
    finally:
        proc.terminate()
        proc.wait(10)


def test_a_bad_calibration_file_is_exit_2(tmp_path, root):
    bad = tmp_path / "cal.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = _start(["--db", str(tmp_path / "x.sqlite"), "--calibration", str(bad),
                   "--port", str(_free_port())], root)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "cal.json" in err.decode() and "Traceback" not in err.decode()
