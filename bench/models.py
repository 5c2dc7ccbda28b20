"""Benchmarks of accord's models; prints tables.

``bench_eum``: the expected utility model on random cases of 10, 50 and 200 actors × 10 issues
(issues batched in one call) and one Monte Carlo call: seconds per run and rounds to converge.

``--big``: one random case of 1,000 actors × 10 issues (CPU and wall seconds, peak memory;
``--threads N`` plays its blocks on N threads). ``bench/eum_compare.py`` times it against
an earlier revision in the same run.
The exchange model against decide-exchange-model is in ``bench/exchange.py``.

Usage: python bench/models.py [--big [--threads N]]
"""


from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from accord.models.eum import run_issues  # noqa: E402

ACTORS = (10, 50, 200)
ISSUES = 10
SEEDS = (1, 2, 3)
MONTE_CARLO = (50, 20)  # actors, samples


def random_case(
    n: int, k: int, seed: int, samples: int | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Capabilities, positions on 0–100 and saliences of ``n`` actors on ``k`` issues,
    with a leading axis of ``samples`` draws if given."""
    rng = np.random.default_rng(seed)
    lead = () if samples is None else (samples,)
    return rng.random((*lead, n)), rng.random((*lead, n, k)) * 100, rng.random((*lead, n, k))


def bench_eum(actors: tuple[int, ...] = ACTORS, issues: int = ISSUES) -> list[dict]:
    """EUM on ``n`` actors × ``issues`` issues in one call (issues batched), one random case
    per seed in ``SEEDS``, and one Monte Carlo call of ``MONTE_CARLO`` samples: mean wall-clock
    and CPU seconds per call, and the rounds each game (issue × sample) took to converge."""
    rows = []
    runs = [(n, None) for n in actors] + [(MONTE_CARLO[0], MONTE_CARLO[1])]
    for n, samples in runs:
        wall, cpu, rounds, converged = [], [], [], []
        for seed in SEEDS:
            c, X, S = random_case(n, issues, seed=seed, samples=samples)
            start, start_cpu = time.perf_counter(), time.process_time()
            res = run_issues(c, X, S)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            rounds.append(res.rounds.ravel())
            converged.append(res.converged.ravel())
        all_rounds, all_converged = np.concatenate(rounds), np.concatenate(converged)
        rows.append(
            {
                "model": "eum",
                "actors": n,
                "issues": issues,
                "samples": samples or 1,
                "seconds": float(np.mean(wall)),
                "cpu seconds": float(np.mean(cpu)),
                "rounds (mean)": float(all_rounds.mean()),
                "rounds (max)": int(all_rounds.max()),
                "converged": f"{int(all_converged.sum())}/{all_converged.size}",
            }
        )
    return rows


def print_table(rows: list[dict]) -> None:
    if not rows:
        return
    head = list(rows[0])
    cells = [[f"{r[h]:.3f}" if isinstance(r[h], float) else str(r[h]) for h in head] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    for c in cells:
        print("  ".join(v.rjust(w) for v, w in zip(c, widths, strict=True)))




BIG = (1000, 10)
BIG_RUN = """
import json, resource, sys, time
import numpy as np
sys.path[:0] = [{bench!r}]
from models import random_case
from accord.models.eum import run_issues
from accord.models.eum_round import workers
c, X, S = random_case({n}, {k}, seed=1)
start, start_wall = time.process_time(), time.perf_counter()
res = run_issues(c, X, S)
print(json.dumps({{"threads": workers(), "cpu": time.process_time() - start,
                  "wall": time.perf_counter() - start_wall, "rounds": int(res.rounds.max()),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def bench_big(n: int = BIG[0], k: int = BIG[1], threads: int = 1) -> dict:
    """The EUM on one random case of ``n`` actors × ``k`` issues in a fresh process on
    ``threads`` threads (``ACCORD_EUM_WORKERS``): CPU seconds (user + system) and wall
    seconds of the run, and the process's peak resident memory."""
    code = BIG_RUN.format(bench=str(ROOT / "bench"), n=n, k=k)
    env = {"PYTHONPATH": str(ROOT / "src"), "ACCORD_EUM_WORKERS": str(threads)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    return {"actors": n, "issues": k, **json.loads(done.stdout)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", action="store_true", help="also 1,000 actors × 10 issues")
    ap.add_argument("--threads", type=int, default=1,
                    help="threads for the big case (ACCORD_EUM_WORKERS; default 1)")
    args = ap.parse_args()
    print(f"Expected utility model: random cases, {ISSUES} issues, seeds {SEEDS}")
    print()
    print_table(bench_eum())
    if args.big:
        print()
        print_table([bench_big(threads=args.threads)])


if __name__ == "__main__":
    main()
