"""Monte Carlo throughput: samples per second for each model on the flagship case.

Runs every registered model alone, and the default (static) models together, at 1,000 /
10,000 / 100,000 samples, in one process and on a local Dask cluster of two worker processes
(started once; its start-up time is printed apart). A size whose run would take longer than
``--budget`` seconds, extrapolated from the previous size, is skipped. Then the time and peak
resident memory of a fresh process that sweeps the default models over 10,000 and 1,000,000
samples, and the EUM and the exchange model over 10,000 and 100,000 (chunked, and the dynamic
models run in blocks of bounded size, so memory should barely grow).

    python bench/uncertainty.py [--sizes 1000,10000,100000] [--big 1000000] [--budget 60]
                                [--no-dask] [--dynamic 10000,100000]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from rich.console import Console
from rich.table import Table

from accord.case import load_case
from accord.models.registry import DEFAULT_MODELS, MODELS
from accord.uncertainty import DEFAULT_CHUNK
from accord.uncertainty.backends import dask_client
from accord.uncertainty.inputs import SamplingPlan, sampling_plan
from accord.uncertainty.sweep import sweep_stats

CASE = Path(__file__).resolve().parents[1] / "examples/geneva-2022/case.yaml"


def timed(
    plan: SamplingPlan, models: tuple[str, ...], samples: int, scheduler: object = None
) -> float:
    start = time.perf_counter()
    sweep_stats(plan, models, samples, seed=0, chunk=DEFAULT_CHUNK, scheduler=scheduler)
    return time.perf_counter() - start


def fresh_run(samples: int, models: tuple[str, ...] | None = None) -> tuple[float, float, float]:
    """Seconds, CPU seconds and peak RSS (MB) of a fresh process sweeping ``models`` (default:
    the default models)."""
    code = (
        "import resource, time\n"
        "from accord.case import load_case\n"
        "from accord.uncertainty.sweep import sweep_case\n"
        "case = load_case(" + repr(str(CASE)) + ")\n"
        "start, cpu = time.perf_counter(), time.process_time()\n"
        f"sweep_case(case, {samples}, {list(models) if models else None!r})\n"
        "print(time.perf_counter() - start, time.process_time() - cpu,\n"
        "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, cpu, rss = out.stdout.split()[-3:]
    return float(seconds), float(cpu), int(rss) / 1024  # ru_maxrss is in kB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--big", type=int, default=1_000_000, help="samples for the memory run")
    ap.add_argument("--budget", type=float, default=60.0, help="skip longer runs (seconds)")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--dynamic", default="10000,100000",
                    help="sample counts of the fresh-process runs of eum and exchange ('' skips)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    plan = sampling_plan(load_case(CASE))
    runs = [(name,) for name in MODELS] + [tuple(DEFAULT_MODELS)]
    console = Console(width=120)
    console.print(
        f"flagship case, {len(plan.inputs)} uncertain inputs, chunks of {DEFAULT_CHUNK:,}; "
        f"{os.cpu_count()} CPUs ({platform.machine()}), load average "
        f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )

    table = Table(title="samples per second (seconds in brackets)", title_justify="left")
    table.add_column("models")
    table.add_column("backend")
    for n in sizes:
        table.add_column(f"{n:,}", justify="right")
    with ExitStack() as stack:
        backends: list[tuple[str, object]] = [("1 process", None)]
        if not args.no_dask:
            start = time.perf_counter()
            client = stack.enter_context(dask_client("processes", workers=2))
            console.print(f"Dask local cluster (2 worker processes, as --scheduler processes) "
                          f"started in {time.perf_counter() - start:.1f} s")
            backends.append(("Dask, 2 workers", client))
        for models in runs:
            for name, scheduler in backends:
                cells: list[str] = []
                rate = None
                for n in sizes:
                    if rate is not None and n / rate > args.budget:
                        cells.append(f"skipped (~{n / rate:,.0f} s)")
                        continue
                    t = timed(plan, models, n, scheduler)
                    rate = n / t
                    cells.append(f"{rate:,.0f} ({t:.2f} s)")
                table.add_row("+".join(models), name, *cells)
    console.print(table)

    mem = Table(title="a fresh process per run", title_justify="left")
    for name in ("models", "samples", "seconds", "CPU seconds", "peak RSS (MB)"):
        mem.add_column(name, justify="left" if name == "models" else "right")
    runs_mem: list[tuple[tuple[str, ...] | None, int]] = [(None, 10_000), (None, args.big)]
    dynamic = [int(n) for n in args.dynamic.split(",") if n]
    runs_mem += [((name,), n) for name in ("eum", "exchange") for n in dynamic]
    for models_mem, n in runs_mem:
        seconds, cpu, rss = fresh_run(n, models_mem)
        label = "+".join(models_mem or DEFAULT_MODELS)
        mem.add_row(label, f"{n:,}", f"{seconds:.1f}", f"{cpu:.1f}", f"{rss:.0f}")
    console.print(mem)


if __name__ == "__main__":
    main()
