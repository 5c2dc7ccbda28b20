"""The exchange model's loop: accord against decide-exchange-model, and how a round grows.

1. Every Decide input (COP21, Copenhagen, the sample), 10 rounds, the model's rounds only (not
   reading the file): accord's ``exchange_model`` and decide's model loop
   (``scripts/decide_oracle.py``) on the same input, interleaved, ``--repeats`` times each;
   CPU seconds, min and median, and how many times less CPU accord uses (medians). Both must
   make the same exchanges (the tests hold accord to decide's fixtures); the count is shown.
2. How one round grows: random cases (capability, positions and saliences uniform), one round,
   more actors at a fixed number of issues and more issues at a fixed number of actors; the
   exponent is the slope of log CPU seconds on log size between the two largest sizes, and
   ``per candidate`` divides by the candidate exchanges ``C(n, 2) · C(k, 2)``.

decide runs in a throw-away virtualenv (``ACCORD_DECIDE_PYTHON`` names an existing one's
python; otherwise one is created under the system temp folder, which needs PyPI); without it
the decide columns are skipped with a message.

Usage: python bench/exchange.py [--repeats N] [--no-scaling]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "scripts")]

from make_decide_fixtures import CASES, ROUNDS, default_shared, make_venv, run_oracle  # noqa: E402

from accord.formats.decide import read_decide  # noqa: E402
from accord.models.arrays import case_arrays  # noqa: E402
from accord.models.exchange import exchange_model  # noqa: E402


def decide_python() -> Path | None:
    """decide's virtualenv python, made on first use; None (with a message) when it cannot be."""
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


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def loops(repeats: int) -> None:
    python = decide_python()
    data = default_shared() / "data" / "decide"
    print("| input | actors × issues | exchanges (accord / decide) | accord CPU s (min / median) "
          "| decide CPU s (min / median) | accord faster by (median CPU) |")
    print("|---|---|---|---:|---:|---:|")
    for name, file in CASES.items():
        a = case_arrays(read_decide(data / file))
        ours, theirs, counts = [], [], [0, 0]
        for _ in range(repeats):
            start = time.process_time()
            counts[0] = len(exchange_model(a.c, a.X, a.S, a.has, ROUNDS))
            ours.append(time.process_time() - start)
            if python is not None:
                out = run_oracle(python, data / file, ROUNDS)
                theirs.append(out["cpu_seconds"])
                counts[1] = sum(len(r["exchanges"]) for r in out["history"])
        mine = f"{min(ours):.4f} / {statistics.median(ours):.4f}"
        if theirs:
            other = f"{min(theirs):.2f} / {statistics.median(theirs):.2f}"
            ratio = f"{statistics.median(theirs) / statistics.median(ours):.0f}×"
        else:
            other, ratio = "–", "–"
        n, k = a.X.shape
        print(f"| {name} | {n} × {k} | {counts[0]} / {counts[1] or '–'} | {mine} | {other} "
              f"| {ratio} |")


def one_round(n: int, k: int, seed: int = 1, repeats: int = 3) -> float:
    rng = np.random.default_rng(seed)
    c, X, S = rng.random(n), rng.random((n, k)) * 100, rng.random((n, k))
    return min(_cpu(lambda: exchange_model(c, X, S, rounds=1)) for _ in range(repeats))


def scaling() -> None:
    print("| vary | actors | issues | candidates | one round CPU s | µs per candidate "
          "| exponent |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for vary, sizes in (("actors", [(10, 10), (20, 10), (40, 10), (80, 10)]),
                        ("issues", [(15, 8), (15, 16), (15, 32), (15, 64)])):
        prev = None
        for n, k in sizes:
            t = one_round(n, k)
            cand = math.comb(n, 2) * math.comb(k, 2)
            size = n if vary == "actors" else k
            slope = ("" if prev is None
                     else f"{math.log(t / prev[1]) / math.log(size / prev[0]):.2f}")
            prev = (size, t)
            print(f"| {vary} | {n} | {k} | {cand:,} | {t:.4f} | {t / cand * 1e6:.2f} | {slope} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-scaling", action="store_true")
    args = ap.parse_args()
    print(f"Exchange model loop, {ROUNDS} rounds, {args.repeats} runs each, interleaved\n")
    loops(args.repeats)
    if not args.no_scaling:
        print("\nOne round on random cases\n")
        scaling()


if __name__ == "__main__":
    main()
