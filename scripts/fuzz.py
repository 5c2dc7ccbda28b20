"""``make fuzz``: many hostile inputs per check of tests/fuzzing.py; counts every outcome.

    python scripts/fuzz.py [TOTAL]     (default 100000 inputs, split over the checks)

Prints, per check, how many inputs were accepted, refused (exit 2 / InputError), crashed (by
exception), hung (over fuzzing.HANG_SECONDS), gave non-finite or out-of-range forecasts, failed
to round-trip or made validate and forecast disagree; the slowest input and the duration.
Exits 1 when any finding was counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fuzzing import CHECKS, GOOD

SHARE = {"case-data": 0.3, "yaml-file": 0.3, "decide": 0.17, "ktab": 0.17, "cli": 0.06}


def fuzz(name: str, n: int) -> tuple[Counter[str], float, float, Any]:
    strategy, check = CHECKS[name]
    counts: Counter[str] = Counter()
    slowest: list[Any] = [0.0, None]

    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        t = time.perf_counter()
        outcome = check(value)
        dt = time.perf_counter() - t
        counts[outcome] += 1
        if dt > slowest[0]:
            slowest[:] = [dt, value]
        if outcome not in GOOD:
            print(f"  {name}: {outcome}: {value!r}"[:6000], flush=True)

    start = time.perf_counter()
    run()
    return counts, time.perf_counter() - start, slowest[0], slowest[1]


def main() -> int:
    ap = argparse.ArgumentParser(description="hostile inputs per check of tests/fuzzing.py")
    ap.add_argument("total", nargs="?", type=int, default=100_000,
                    help="inputs in all, split over the checks (default 100000)")
    total = ap.parse_args().total
    findings = 0
    overall = time.perf_counter()
    for name, share in SHARE.items():
        counts, seconds, slow, _ = fuzz(name, max(1, int(total * share)))
        bad = {k: v for k, v in counts.items() if k not in GOOD}
        findings += sum(bad.values())
        print(f"{name}: {sum(counts.values())} inputs in {seconds:.0f} s: "
              f"{counts['accepted']} accepted, {counts['refused']} refused, "
              f"findings {bad or 'none'}; slowest input {slow:.2f} s", flush=True)
    print(f"total: {findings} findings (crashes, hangs, non-finite or out-of-range forecasts, "
          f"round-trip failures, disagreements) in {time.perf_counter() - overall:.0f} s")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
