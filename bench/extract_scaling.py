"""Extraction time and memory against the length of one article (issue 12): ordinary news
text of 50,000 to 1,000,000 characters and 1 MB of hostile text.

Each input is one ``.txt`` article given to the real command, ``accord extract FILE -o
OUT.jsonl``, in a subprocess of its own: wall time, CPU time (user + system) and peak memory
(``ru_maxrss``) of that process, read with ``os.wait4``.  Every input runs ``--repeats``
times (at least 2); the table gives the minimum and the median.  The growth exponent is the
least-squares slope of log(CPU time) on log(characters) over the ordinary inputs, as
measured and less the start-up (loading spaCy and its model: the CPU time of a one-sentence
article): 1 is linear, 2 quadratic (the parse alone, spaCy's, is linear).

Inputs, made from the articles in ACCORD_SHARED/articles (``../shared`` by default):

* ``ordinary``: the articles, joined by blank lines, repeated to the length;
* ``one line``: their words without punctuation or line breaks (one sentence-less line);
* ``quotes``: their text with unbalanced quotation marks everywhere (a straight or curly
  opening mark before one word in five, a closing mark after one in twenty, seeded).

Targets: each 1 MB input in under 60 s and 1 GB.  Run: ``python bench/extract_scaling.py
[--repeats N] [--timeout S] [--sizes 50000,100000,...]``; with ``PYTHONPATH`` pointing at
another checkout's ``src`` it measures that code instead (a run over ``--timeout`` seconds is
stopped and shown as such).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SIZES = (50_000, 100_000, 200_000, 1_000_000)
HOSTILE = 1_000_000
MB = 1024 * 1024


def shared_articles() -> Path:
    env = os.environ.get("ACCORD_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return root / "articles"


def _repeat(body: str, n: int) -> str:
    return (body * (n // len(body) + 1))[:n]


def inputs(folder: Path, sizes: list[int], hostile: bool) -> dict[str, str]:
    """The texts to measure, by label (the first, one sentence, measures the start-up)."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted(folder.rglob("*.txt"))]
    body = "\n\n".join(texts) + "\n\n"
    out = {"start-up": "Talks resumed in Geneva.\n"}
    out.update({f"ordinary {n:,}": _repeat(body, n) for n in sizes})
    if not hostile:
        return out
    words = ["".join(c for c in w if c.isalnum()) for w in body.split()]
    out[f"one line {HOSTILE:,}"] = _repeat(" ".join(w for w in words if w) + " ", HOSTILE)
    rng = random.Random(1)
    marked = []
    for w in _repeat(body, HOSTILE).split(" "):
        r = rng.random()
        marked.append(('"' + w) if r < 0.15 else ("“" + w) if r < 0.2 else
                      (w + '"') if r < 0.25 else w)
    out[f"quotes {HOSTILE:,}"] = " ".join(marked)[:HOSTILE]
    return out


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float
    ok: bool


def run_once(path: Path, out: Path, timeout: float) -> Run:
    """One ``accord extract`` in a fresh process: its wall and CPU time, its peak memory."""
    cmd = [sys.executable, "-c", "from accord.cli import main; main()", "extract", str(path),
           "-o", str(out)]
    log = out.with_suffix(".log")
    t = time.perf_counter()
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        while True:  # os.wait4, not proc.wait: the rusage of this child alone
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t > timeout:
                proc.send_signal(signal.SIGKILL)
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait
    ok = proc.returncode == 0
    if not ok and wall < timeout:
        sys.stderr.write(log.read_text(errors="replace")[-2000:])
    # ru_maxrss is in kilobytes on Linux
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, ok)


def _exponent(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2, help="runs per input (at least 2)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run stops")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="ordinary input lengths, comma-separated")
    parser.add_argument("--no-hostile", dest="hostile", action="store_false",
                        help="ordinary inputs only")
    args = parser.parse_args()
    folder = shared_articles()
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set ACCORD_SHARED")
    sizes = [int(s) for s in args.sizes.split(",")]
    repeats = max(2, args.repeats)
    print("| input | characters | wall s (min / median) | CPU s (min / median) "
          "| peak MB (max) | CPU µs per character |")
    print("|---|--:|--:|--:|--:|--:|")
    ordinary: list[tuple[int, float]] = []
    startup = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for label, text in inputs(folder, sizes, args.hostile).items():
            path = Path(tmp) / "article.txt"
            path.write_text(text, encoding="utf-8")
            runs = [run_once(path, Path(tmp) / "out.jsonl", args.timeout) for _ in range(repeats)]
            if not all(r.ok for r in runs):
                print(f"| {label} | {len(text):,} | stopped or failed after "
                      f"{max(r.wall for r in runs):.0f} s | | | |", flush=True)
                continue
            walls, cpus = [r.wall for r in runs], [r.cpu for r in runs]
            if label == "start-up":
                startup = min(cpus)
            elif label.startswith("ordinary"):
                ordinary.append((len(text), min(cpus)))
            print(f"| {label} | {len(text):,} | {min(walls):.1f} / {statistics.median(walls):.1f}"
                  f" | {min(cpus):.1f} / {statistics.median(cpus):.1f}"
                  f" | {max(r.peak_mb for r in runs):.0f}"
                  f" | {1e6 * min(cpus) / len(text):.1f} |", flush=True)
    if len(ordinary) >= 2:
        net = [(n, t - startup) for n, t in ordinary if t > startup]
        print(f"\ngrowth exponent (CPU time, ordinary text): {_exponent(ordinary):.2f}; "
              f"without the start-up ({startup:.1f} s): {_exponent(net):.2f}")


if __name__ == "__main__":
    main()
