"""Benchmarks of accord's models; prints tables.

``bench_eum``: the expected utility model on random cases of 10, 50 and 200 actors × 10 issues
(issues batched in one call) and one Monte Carlo call: seconds per run and rounds to converge.

``bench_exchange``: the equal-gain exchange model on the COP21 case (15 actors, 13 issues),
accord versus decide-exchange-model on the same input and number of rounds. decide runs in a
throw-away virtualenv (``ACCORD_DECIDE_PYTHON`` names an existing one's python; otherwise one
is created under the system temp folder, which needs PyPI); without it the decide columns are
skipped with a message. Both times cover the model's rounds only, not reading the file.

Usage: python bench/models.py [--rounds N] [--repeats N]
"""


from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]

from make_decide_fixtures import default_shared, make_venv, run_oracle  # noqa: E402

from accord.formats.decide import read_decide  # noqa: E402
from accord.models.arrays import case_arrays  # noqa: E402
from accord.models.eum import run_issues  # noqa: E402
from accord.models.exchange import exchange_model  # noqa: E402

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




@dataclass
class Timing:
    label: str
    work: str
    wall: float
    cpu: float


def _decide_python() -> Path | None:
    given = os.environ.get("ACCORD_DECIDE_PYTHON")
    if given:
        return Path(given)
    venv = Path(tempfile.gettempdir()) / "accord-decide-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating a throw-away virtualenv with decide-exchange-model in {venv} …",
              file=sys.stderr)
        try:
            make_venv(venv)
        except Exception as err:  # no PyPI, no venv module: skip the column, say why
            print(f"decide-exchange-model unavailable ({err}); its column is skipped",
                  file=sys.stderr)
            return None
    return python


def bench_exchange(rounds: int = 10, repeats: int = 3) -> list[Timing]:
    """Time the exchange model on COP21: accord (best of ``repeats``) and decide (one run)."""
    data = default_shared() / "data" / "decide" / "cop21.csv"
    a = case_arrays(read_decide(data))
    best = Timing("accord", "", float("inf"), float("inf"))
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        run = exchange_model(a.c, a.X, a.S, a.has, rounds)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if wall < best.wall:
            best = Timing("accord", f"{len(run)} exchanges", wall, cpu)
    timings = [best]
    python = _decide_python()
    if python is not None:
        out = run_oracle(python, data, rounds)
        n = sum(len(r["exchanges"]) for r in out["history"])
        timings.append(Timing(f"decide-exchange-model {out['decide_exchange_model']}",
                              f"{n} exchanges", out["seconds"], out["cpu_seconds"]))
    return timings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    print(f"Expected utility model: random cases, {ISSUES} issues, seeds {SEEDS}")
    print()
    print_table(bench_eum())
    print()
    print(f"Exchange model (equal gain), COP21: 15 actors, 13 issues, {args.rounds} rounds")
    print()
    print("| implementation | work | wall time (s) | CPU time (s) "
          "| accord faster by (wall / CPU) |")
    print("|---|---|---:|---:|---:|")
    timings = bench_exchange(args.rounds, args.repeats)
    for t in timings:
        first = timings[0]
        ratio = (f"{t.wall / first.wall:.0f}× / {t.cpu / first.cpu:.0f}×" if t is not first
                 else "–")
        print(f"| {t.label} | {t.work} | {t.wall:.2f} | {t.cpu:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
