"""Whole commands, as a user runs them: CPU seconds, wall seconds and peak memory per process.

1. ``accord --help``, ``accord validate`` and ``accord forecast`` of the flagship case (the
   start-up target: under 0.3 s of CPU);
2. ``accord forecast CASE --model exchange`` on each Decide input (imported once, not timed)
   against decide-exchange-model run on the same file for the same 10 rounds, as a whole
   process too: interpreter start, imports, reading the file, the model
   (``scripts/decide_oracle.py``, decide's own reader and model loop; it writes none of the CSV
   or SQLite output its ``decide-cli`` would, so decide's figure is, if anything, low).

Each command runs ``--repeats`` times, accord and decide interleaved; the table gives the
minimum and the median. decide runs in the throw-away virtualenv of ``bench/models.py``
(``ACCORD_DECIDE_PYTHON`` names an existing one); without it its rows are skipped.

Python caches compiled bytecode as an installed package has it: the children write it to a
temporary ``PYTHONPYCACHEPREFIX`` (``PYTHONDONTWRITEBYTECODE`` dropped) and one warm-up run of
each command, not counted, fills it; ``--no-cache`` keeps the environment as it is (with
``PYTHONDONTWRITEBYTECODE=1`` every run compiles accord's sources again, ~0.03 s).

Usage: python bench/startup.py [--repeats N] [--no-cache]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench"), str(ROOT / "scripts")]

from exchange import decide_python  # noqa: E402
from make_decide_fixtures import CASES, ORACLE, ROUNDS, default_shared  # noqa: E402

FLAGSHIP = ROOT / "examples" / "geneva-2022" / "case.yaml"
ACCORD = [sys.executable, "-m", "accord"]


@dataclass
class Usage:
    cpu: float
    wall: float
    peak_mb: float


ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}  # the children's (see main)


def measure(cmd: list[str], cwd: Path | None = None) -> Usage:
    """CPU (user + system), wall seconds and peak resident memory of one child process."""
    import time

    env = ENV
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        said = proc.stderr.read().decode() if proc.stderr else ""
        raise RuntimeError(f"{' '.join(cmd)} failed: {said}")
    return Usage(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def summary(runs: list[Usage]) -> str:
    cpu = [u.cpu for u in runs]
    wall = [u.wall for u in runs]
    return (f"{min(cpu):.3f} / {statistics.median(cpu):.3f} | "
            f"{min(wall):.3f} / {statistics.median(wall):.3f} | "
            f"{max(u.peak_mb for u in runs):.0f}")


def startup(repeats: int) -> None:
    print("| command | CPU s (min / median) | wall s (min / median) | peak MB |")
    print("|---|---:|---:|---:|")
    commands = {
        "accord --help": ["--help"],
        "accord validate flagship": ["validate", str(FLAGSHIP)],
        "accord forecast flagship": ["forecast", str(FLAGSHIP)],
    }
    runs: dict[str, list[Usage]] = {name: [] for name in commands}
    for args in commands.values():  # warm-up: bytecode cached, not counted
        measure(ACCORD + args)
    for _ in range(repeats):
        for name, args in commands.items():
            runs[name].append(measure(ACCORD + args))
    for name, got in runs.items():
        print(f"| `{name}` | {summary(got)} |")


def whole_exchange(repeats: int) -> None:
    python = decide_python()
    data = default_shared() / "data" / "decide"
    print("| input | program | CPU s (min / median) | wall s (min / median) | peak MB "
          "| accord faster by (median CPU) |")
    print("|---|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, file in CASES.items():
            case = Path(tmp) / f"{name}.yaml"
            subprocess.run([*ACCORD, "import", str(data / file), "-o", str(case)], check=True,
                           capture_output=True, env=ENV)
            ours: list[Usage] = []
            theirs: list[Usage] = []
            measure([*ACCORD, "forecast", str(case), "--model", "exchange"])  # warm-up
            for _ in range(repeats):
                ours.append(measure([*ACCORD, "forecast", str(case), "--model", "exchange"]))
                if python is not None:
                    theirs.append(measure([str(python), str(ORACLE), str(data / file),
                                           str(ROUNDS)], cwd=Path(tmp)))
            print(f"| {name} | accord forecast --model exchange | {summary(ours)} | – |")
            if theirs:
                ratio = statistics.median(u.cpu for u in theirs) / statistics.median(
                    u.cpu for u in ours)
                print(f"| {name} | decide-exchange-model | {summary(theirs)} | {ratio:.1f}× |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-cache", action="store_true",
                    help="leave PYTHONDONTWRITEBYTECODE and PYTHONPYCACHEPREFIX as they are")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        if not args.no_cache:
            ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            ENV["PYTHONPYCACHEPREFIX"] = cache
        run(args.repeats, "cached bytecode" if not args.no_cache else "environment as given")


def run(repeats: int, how: str) -> None:
    print(f"Start-up ({repeats} runs each, interleaved; {how})\n")
    startup(repeats)
    print(f"\nWhole command, exchange model, {ROUNDS} rounds ({repeats} runs each, "
          "interleaved)\n")
    whole_exchange(repeats)


if __name__ == "__main__":
    main()
