"""Slow runs in the background: the dynamic models and the Monte Carlo sweep.

A :class:`Job` runs in a thread, reports its progress (0..1) and checks its cancel flag
between steps (an issue for the dynamic models, a chunk of samples for the sweep); a cancelled
job stops at the next step and keeps no result. At most :data:`MAX_RUNNING` jobs run at once.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from accord.case import Case
from accord.errors import AccordError, OptionError
from accord.forecast import forecast_case
from accord.models.arrays import case_arrays
from accord.models.trajectory import trajectory
from accord.uncertainty.sweep import sweep_case
from accord.web.store import NotFound

DYNAMIC = ("eum", "eum-mean", "exchange")
MAX_RUNNING = 2
MAX_SAMPLES = 20_000
SWEEP_CHUNK = 250  # samples between progress reports (and cancel checks)
KEEP = 50  # finished jobs kept for their results


class Cancelled(Exception):
    """Raised inside a job's step when its cancel flag is set."""


@dataclass
class Job:
    id: str
    kind: str
    progress: float = 0.0
    status: str = "running"  # running | done | cancelled | failed
    result: dict[str, Any] | None = None
    error: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    def step(self, progress: float) -> None:
        """Record progress; stop here if the job was cancelled."""
        if self.cancel.is_set():
            raise Cancelled
        self.progress = progress

    def view(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "status": self.status,
                "progress": round(self.progress, 3), "result": self.result, "error": self.error}


def run_dynamic(case: Case, job: Job) -> dict[str, Any]:
    """The EUM's rounds per issue (chart data), then the dynamic models' forecasts."""
    arrays = case_arrays(case)
    rounds = {}
    k = len(case.issues)
    for j, issue in enumerate(case.issues):
        job.step(j / (k + 1))
        rounds[issue.id] = trajectory(arrays, "eum", issue.id).to_dict()
    job.step(k / (k + 1))
    forecast = forecast_case(case, list(DYNAMIC))
    return {
        "models": forecast.models,
        "outcomes": {f.id: f.outcomes for f in forecast.issues},
        "rounds": rounds,
    }


def run_sweep(case: Case, job: Job, samples: int) -> dict[str, Any]:
    """The static models over ``samples`` draws of the case's uncertain inputs."""
    sweep = sweep_case(case, samples, chunk=SWEEP_CHUNK,
                       progress=lambda done: job.step(done / samples))
    return sweep.model_dump(mode="json")


class Jobs:
    """The jobs of one server."""

    def __init__(self) -> None:
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
        work: Callable[[], dict[str, Any]] = (
            (lambda: run_dynamic(case, job)) if kind == "dynamic"
            else (lambda: run_sweep(case, job, samples))
        )
        threading.Thread(target=self._run, args=(job, work), daemon=True).start()
        return job

    @staticmethod
    def _run(job: Job, work: Callable[[], dict[str, Any]]) -> None:
        try:
            job.result = work()
            job.progress, job.status = 1.0, "done"
        except Cancelled:
            job.status = "cancelled"
        except AccordError as e:
            job.status, job.error = "failed", str(e)

    def get(self, job_id: str) -> Job:
        with self._lock:
            if job_id not in self._jobs:
                raise NotFound(f"no run with id {job_id!r}")
            return self._jobs[job_id]

    def cancel(self, job_id: str) -> Job:
        job = self.get(job_id)
        job.cancel.set()
        return job

    def _forget_old(self) -> None:
        done = [k for k, j in self._jobs.items() if j.status != "running"]
        for k in done[: max(0, len(done) - KEEP)]:
            del self._jobs[k]
