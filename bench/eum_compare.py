"""The EUM of this tree against an earlier revision's, in the same run: same bits, and time.

1. **Same bits.** Each side, in its own process (``PYTHONPATH`` at its own sources), runs the
   EUM on a list of cases and saves every array of the result (positions, median, mean, risk
   exponents, proposers, kinds, offers, rounds, convergence): the flagship (with and without
   history, and 200 jittered Monte Carlo draws of it), random cases of 2–1,000 actors × 10
   issues, every option variant, tied positions (integers on 0–100), actors without a
   position. The arrays must be equal to the last bit (NaN where NaN), with the same dtype.
2. **Time.** The EUM on one random case of 1,000 actors × 10 issues (``bench/models.py
   --big``), each side in a fresh process, alternated (old, new, old, new, ...) so that both
   see the same load on a shared machine: CPU seconds (user + system of the run itself),
   wall seconds and peak resident memory, minimum and median over ``--repeats``.

The earlier revision's ``src`` is taken with ``git archive`` (default ``4c3ca28``, main before
the blocked rounds). ``--workers`` is passed to the new side as ``ACCORD_EUM_WORKERS``.

Usage: python bench/eum_compare.py [--rev REV] [--repeats N] [--workers N] [--no-identity]
       [--no-time] [--no-big]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FLAGSHIP = ROOT / "examples" / "geneva-2022" / "case.yaml"
FIELDS = ("positions", "median", "mean", "risk", "proposer", "kind", "offer", "rounds",
          "converged")
BIG = (1000, 10)


def _cases() -> list[tuple[str, dict, dict]]:
    """``(name, arrays, options)``: the identity cases (built the same on both sides)."""
    rng = np.random.default_rng(2026)
    cases: list[tuple[str, dict, dict]] = []

    def rand(n: int, k: int, lead: tuple[int, ...] = (), tied: bool = False) -> dict:
        x = rng.integers(0, 101, (*lead, n, k)) * 1.0 if tied else rng.random((*lead, n, k)) * 100
        return {"c": rng.random((*lead, n)), "X": x, "S": rng.random((*lead, n, k))}

    for n in (2, 3, 10, 50, 200, 400):
        for seed in range(2 if n > 50 else 4):
            cases.append((f"random-{n}-{seed}", rand(n, 10), {}))
        cases.append((f"tied-{n}", rand(n, 10, tied=True), {}))
        holes = rand(n, 6)
        holes["has"] = rng.random((n, 6)) > 0.3
        cases.append((f"holes-{n}", holes, {}))
    cases.append(("batch-30x20", rand(20, 5, lead=(30,)), {}))
    variants = [
        {"q": 0.5, "t": 0.7}, {"q": 0.5, "t": 0.2, "mu": "mean"}, {"risk": "neutral"},
        {"probability": "global"}, {"probability": "net"}, {"acceptance": "priority"},
        {"acceptance": "strongest"}, {"acceptance": "scholz"}, {"scale": 100.0},
        {"probability": "global", "votes": "risk", "acceptance": "scholz"},
        {"votes": "risk"}, {"tol": 0.0, "max_rounds": 30},
    ]
    for i, opts in enumerate(variants):
        sizes = (6, 12) if opts.get("votes") == "risk" else (6, 40, 300)
        for n in sizes:
            cases.append((f"option{i}-{n}", rand(n, 4), opts))
            cases.append((f"option{i}-{n}-tied", rand(n, 4, tied=True), opts))
    return cases


def _worker(src: str, out: str, big: bool) -> None:
    """Run every case with the accord at ``src`` and save the results to ``out`` (npz)."""
    sys.path[:0] = [src]
    from accord.case import load_case
    from accord.models.arrays import case_arrays
    from accord.models.eum import EUMOptions, run_issues

    saved: dict[str, np.ndarray] = {}

    def keep(name: str, res: object) -> None:
        for field in FIELDS:
            saved[f"{name}/{field}"] = np.asarray(getattr(res, field))

    a = case_arrays(load_case(FLAGSHIP))
    keep("flagship", run_issues(a.c, a.X, a.S, a.has))
    keep("flagship-short", run_issues(a.c, a.X, a.S, a.has, record=False))
    rng = np.random.default_rng(7)
    m = 200
    X = np.clip(a.X + rng.normal(0, 10, (m, *a.X.shape)), 0, 100)
    c = a.c * rng.lognormal(0, 0.3, (m, *a.c.shape))
    S = np.clip(a.S + rng.normal(0, 0.1, (m, *a.S.shape)), 0, 1)
    keep("flagship-samples", run_issues(c, X, S, a.has, record=False))
    for name, arrays, opts in _cases():
        keep(name, run_issues(**arrays, options=EUMOptions(**opts)))
    if big:
        rng = np.random.default_rng(1)
        n, k = BIG
        keep("big", run_issues(rng.random(n), rng.random((n, k)) * 100, rng.random((n, k))))
    np.savez(out, **saved)


TIMED = """
import json, resource, sys, time
import numpy as np
sys.path[:0] = [{src!r}]
from accord.models.eum import run_issues
rng = np.random.default_rng(1)
n, k = {n}, {k}
c, X, S = rng.random(n), rng.random((n, k)) * 100, rng.random((n, k))
wall, cpu = time.perf_counter(), time.process_time()
res = run_issues(c, X, S)
print(json.dumps({{"cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                  "rounds": int(res.rounds.sum()),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _env(workers: int | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    if workers is not None:
        env["ACCORD_EUM_WORKERS"] = str(workers)
    return env


def _old_src(rev: str, into: Path) -> str:
    """The ``src`` tree of ``rev``, unpacked under ``into``."""
    blob = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True,
                          capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")
    return str(into / "src")


Side = tuple[str, str, int | None]  # (name, sources, ACCORD_EUM_WORKERS)


def identity(sides: list[Side], tmp: Path, big: bool) -> list[str]:
    """Differences of every side's results from the first side's (empty: all identical to
    the last bit)."""
    results = []
    for name, src, workers in sides:
        out = tmp / f"{name}.npz"
        subprocess.run([sys.executable, __file__, "--worker", src, "--out", str(out)]
                       + (["--big"] if big else []), check=True, env=_env(workers))
        results.append(np.load(out))
    base, problems = results[0], []
    for (name, *_), other in zip(sides[1:], results[1:], strict=True):
        problems += [f"{name} {k}: missing" for k in sorted(set(base.files) ^ set(other.files))]
        for key in sorted(set(base.files) & set(other.files)):
            u, v = base[key], other[key]
            if u.dtype != v.dtype or not np.array_equal(u, v, equal_nan=u.dtype.kind == "f"):
                problems.append(f"{name} {key}: differs")
    print(f"identity: {len(base.files) // len(FIELDS)} results, {len(base.files)} arrays, "
          f"sides {', '.join(n for n, *_ in sides)}: {len(problems)} differ from {sides[0][0]}")
    return problems


def timing(sides: list[Side], repeats: int) -> None:
    """Alternate the sides' runs of the big case; print min / median per side."""
    runs: dict[str, list[dict]] = {name: [] for name, *_ in sides}
    for _ in range(repeats):
        for name, src, workers in sides:
            code = TIMED.format(src=src, n=BIG[0], k=BIG[1])
            done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                  text=True, env=_env(workers))
            runs[name].append(json.loads(done.stdout))
    print(f"EUM {BIG[0]} actors x {BIG[1]} issues, {repeats} alternated runs per side "
          f"(min / median)")
    print(f"{'side':>6}  {'cpu s':>13}  {'wall s':>13}  {'peak MB':>15}  rounds")
    for name, rows in runs.items():
        cells = []
        for key in ("cpu", "wall", "peak_mb"):
            vals = [r[key] for r in rows]
            cells.append(f"{min(vals):6.2f} / {statistics.median(vals):6.2f}")
        print(f"{name:>6}  " + "  ".join(cells) + f"  {rows[0]['rounds']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rev", default="4c3ca28", help="the earlier revision (default 4c3ca28)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--workers", type=int, default=None,
                    help="also the new code on this many threads (ACCORD_EUM_WORKERS)")
    ap.add_argument("--no-identity", action="store_true")
    ap.add_argument("--no-time", action="store_true")
    ap.add_argument("--no-big", action="store_true", help="identity without the big case")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--big", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        _worker(args.worker, args.out, args.big)
        return
    with tempfile.TemporaryDirectory() as tmp:
        sides: list[Side] = [("old", _old_src(args.rev, Path(tmp)), None),
                             ("new", str(ROOT / "src"), 1)]
        if args.workers:
            sides.append((f"new-{args.workers}t", str(ROOT / "src"), args.workers))
        if not args.no_identity:
            problems = identity(sides, Path(tmp), not args.no_big)
            for p in problems[:20]:
                print("  " + p)
            if problems:
                sys.exit(1)
        if not args.no_time:
            timing(sides, args.repeats)

if __name__ == "__main__":
    main()
