"""The same sweep on Dask gives bit-identical results for the same seed."""

from __future__ import annotations

import numpy as np
import pytest

from accord.errors import OptionError
from accord.uncertainty.inputs import sampling_plan
from accord.uncertainty.sweep import sweep_case, sweep_stats

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")

MODELS = ("compromise", "median", "nash")


def assert_identical(a, b) -> None:
    for name in ("samples", "undefined", "zone", "gains"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    for name in ("cell", "count", "low", "high"):
        np.testing.assert_array_equal(getattr(a.grid, name), getattr(b.grid, name), err_msg=name)
    for name in ("count", "total", "n", "s1", "s2"):
        np.testing.assert_array_equal(getattr(a.sens, name), getattr(b.sens, name), err_msg=name)


def test_two_thread_workers_match_one_process_bit_for_bit(flagship) -> None:
    plan = sampling_plan(flagship, jitter=5)
    local = sweep_stats(plan, MODELS, 7000, seed=13, chunk=1000)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        seen = []
        remote = sweep_stats(plan, MODELS, 7000, seed=13, chunk=1000, scheduler=client,
                             progress=seen.append)
    assert_identical(local, remote)
    assert seen == [1000] * 7  # progress reported per chunk, in order


def test_local_process_cluster_matches_one_process(flagship) -> None:
    # --scheduler processes: two worker processes, each importing accord afresh
    kwargs = dict(samples=4000, models=list(MODELS), seed=5, jitter=2.0, chunk=1000)
    local = sweep_case(flagship, **kwargs)
    remote = sweep_case(flagship, scheduler="processes", workers=2, **kwargs)
    assert local == remote


def test_unknown_scheduler_is_refused(flagship) -> None:
    with pytest.raises(OptionError, match="unknown scheduler") as e:
        sweep_case(flagship, 100, scheduler="threads")
    assert e.value.file == "--scheduler"
