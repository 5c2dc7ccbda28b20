"""Slow runs in the background: the dynamic models and the Monte Carlo sweep.

Each :class:`Job` runs in a worker process of its own (``forkserver``, with accord preloaded,
so starting one costs milliseconds after the first): the models run to completion without
checking anything, and cancelling terminates the process, so a cancel takes effect at once
(within :data:`POLL` seconds) however long an EUM round, an exchange round or a chunk of the
sweep takes on a large case, and nothing of a cancelled job is kept. The worker reports its
progress (0..1: an issue's EUM rounds, then the dynamic forecasts; a chunk of samples) through
shared memory; a thread of the server watches it. At most :data:`MAX_RUNNING` jobs run at once.
"""

from __future__ import annotations

import multiprocessing
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from accord.calibration.apply import calibrate_sweep
from accord.case import Case
from accord.errors import AccordError, OptionError
from accord.forecast import forecast_case
from accord.models.arrays import case_arrays
from accord.models.trajectory import trajectory
from accord.uncertainty.sweep import sweep_case
from accord.web.analysis import Setup
from accord.web.store import NotFound

DYNAMIC = ("eum", "eum-mean", "exchange")
MAX_RUNNING = 2
MAX_SAMPLES = 20_000
SWEEP_CHUNK = 250  # samples between progress reports
KEEP = 50  # finished jobs kept for their results
POLL = 0.05  # seconds between the watcher's looks at a worker
_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
_CTX: Any = multiprocessing.get_context(_METHOD)  # typeshed: BaseContext lacks Process
if _METHOD == "forkserver":
    _CTX.set_forkserver_preload(["accord.web.jobs"])

Step = Callable[[float], None]


def run_dynamic(case: Case, step: Step, setup: Setup) -> dict[str, Any]:
    """The EUM's rounds per issue (chart data), then the dynamic models' forecasts."""
    arrays = case_arrays(case)
    rounds = {}
    k = len(case.issues)
    for j, issue in enumerate(case.issues):
        step(j / (k + 1))
        rounds[issue.id] = trajectory(arrays, "eum", issue.id).to_dict()
    step(k / (k + 1))
    forecast = forecast_case(case, list(DYNAMIC), setup.ensemble)
    return {
        "models": forecast.models,
        "outcomes": {f.id: f.outcomes for f in forecast.issues},
        "rounds": rounds,
    }


def run_sweep(case: Case, step: Step, samples: int, setup: Setup) -> dict[str, Any]:
    """The static models over ``samples`` draws of the case's uncertain inputs (the ensemble,
    where run, from the server's file), their intervals widened by the server's calibration
    (as ``accord report`` widens the brief's)."""
    sweep = sweep_case(case, samples, chunk=SWEEP_CHUNK, progress=lambda n: step(n / samples),
                       ensemble=setup.ensemble)
    return calibrate_sweep(sweep, case, setup.calibration).model_dump(mode="json")


def _work(kind: str, case: Case, samples: int, setup: Setup, progress: Any,
          conn: Connection) -> None:
    """The worker process: run, then send ``(status, result or error)`` back."""

    def step(x: float) -> None:
        progress.value = x

    try:
        result = (run_dynamic(case, step, setup) if kind == "dynamic"
                  else run_sweep(case, step, samples, setup))
        conn.send(("done", result))
    except AccordError as e:
        conn.send(("failed", str(e)))
    except Exception as e:  # a bug: said in one line, never a traceback on the page
        conn.send(("failed", f"internal error: {type(e).__name__}: {e}"))
    finally:
        conn.close()


@dataclass
class Job:
    id: str
    kind: str
    progress: float = 0.0
    status: str = "running"  # running | done | cancelled | failed
    result: dict[str, Any] | None = None
    error: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    def view(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "status": self.status,
                "progress": round(self.progress, 3), "result": self.result, "error": self.error}


def _watch(job: Job, case: Case, samples: int, setup: Setup) -> None:
    """Run ``job`` in a worker process; terminate it when the job is cancelled."""
    progress = _CTX.Value("d", 0.0, lock=False)
    ours, theirs = _CTX.Pipe(duplex=False)
    proc = _CTX.Process(target=_work, args=(job.kind, case, samples, setup, progress, theirs),
                        daemon=True)
    proc.start()
    theirs.close()
    try:
        while not job.cancel.is_set():
            job.progress = progress.value
            if ours.poll(POLL):
                status, payload = ours.recv()
                if status == "done":
                    job.result, job.progress = payload, 1.0
                else:
                    job.error = payload
                job.status = status
                return
            if not proc.is_alive() and not ours.poll():
                job.status, job.error = "failed", f"the run stopped (exit code {proc.exitcode})"
                return
        job.status = "cancelled"
    except EOFError:
        job.status, job.error = "failed", f"the run stopped (exit code {proc.exitcode})"
    finally:
        if proc.is_alive():
            proc.terminate()
        proc.join()
        ours.close()


class Jobs:
    """The jobs of one server, run with its ``setup`` (calibration and ensemble file)."""

    def __init__(self, setup: Setup) -> None:
        self.setup = setup
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, kind: str, case: Case, samples: int = 2000) -> Job:
        if kind not in ("dynamic", "sweep"):
            raise OptionError("kind", [("kind", f"unknown run {kind!r}; use dynamic or sweep")])
        if not 1 <= samples <= MAX_SAMPLES:
            raise OptionError(
                "samples", [("samples", f"must lie in 1..{MAX_SAMPLES}, got {samples}")]
            )
        with self._lock:
            if sum(j.status == "running" for j in self._jobs.values()) >= MAX_RUNNING:
                raise OptionError("kind", [("kind", f"{MAX_RUNNING} runs are already going; "
                                                    "wait for one or cancel it")])
            self._forget_old()
            job = Job(uuid.uuid4().hex, kind)
            self._jobs[job.id] = job
        threading.Thread(target=_watch, args=(job, case, samples, self.setup),
                         daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            if job_id not in self._jobs:
                raise NotFound(f"no run with id {job_id!r}")
            return self._jobs[job_id]

    def cancel(self, job_id: str) -> Job:
        job = self.get(job_id)
        if job.status == "running":
            job.cancel.set()
        return job

    def _forget_old(self) -> None:
        done = [k for k, j in self._jobs.items() if j.status != "running"]
        for k in done[: max(0, len(done) - KEEP)]:
            del self._jobs[k]
