"""Benchmarks of accord's models against their original implementations; prints a table.

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

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]

from make_decide_fixtures import default_shared, make_venv, run_oracle  # noqa: E402

from accord.formats.decide import read_decide  # noqa: E402
from accord.models.arrays import case_arrays  # noqa: E402
from accord.models.exchange import exchange_model  # noqa: E402


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
