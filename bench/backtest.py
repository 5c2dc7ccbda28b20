"""How long ``accord backtest`` of the DEU III development half takes, with every model.

Imports SHARED/data/deu/deu3-dev.tsv (Arregui & Perarnaud 2021, doi:10.34810/data53) into a
temporary folder, then runs ``accord backtest FOLDER --format json`` (every model, default
samples, cross-validated calibration) in a fresh process ``--repeats`` times and prints the
minimum and median wall time and CPU time (user + system: what the run costs when the
machine is shared, as wall time then includes waiting for a core), and the same for the
engine alone (cases already loaded) in this process.

    python bench/backtest.py [SHARED] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from accord.backtest import build_report, load_cases, run

ROOT = Path(__file__).resolve().parents[1]


def timed(f: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) seconds of ``f()``, CPU counting this process and its finished children."""
    def cpu() -> float:
        me, kids = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
        return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

    t, c = time.perf_counter(), cpu()
    f()
    return time.perf_counter() - t, cpu() - c


def said(runs: list[tuple[float, float]]) -> str:
    wall, cpu = [r[0] for r in runs], [r[1] for r in runs]
    return (f"wall min {min(wall):.1f} s, median {statistics.median(wall):.1f} s; "
            f"CPU min {min(cpu):.1f} s, median {statistics.median(cpu):.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"))
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cli = [sys.executable, "-m", "accord"]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*cli, "import", f"{args.shared}/data/deu/deu3-dev.tsv", "--format",
                        "deu", "-o", tmp], check=True, env=env, capture_output=True)
        n = len(list(Path(tmp).glob("*.yaml")))
        print(f"DEU III development half: {n} cases; {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f}; {args.repeats} repeats")
        cmd = [*cli, "backtest", tmp, "--format", "json"]
        runs = [timed(lambda: subprocess.run(cmd, check=True, env=env, capture_output=True))
                for _ in range(args.repeats)]
        print(f"accord backtest (fresh process, every model): {said(runs)}")
        cases = load_cases([tmp])
        inner = [timed(lambda: build_report(run(cases))) for _ in range(args.repeats)]
        print(f"engine only (run + report, cases loaded): {said(inner)}")


if __name__ == "__main__":
    main()
