"""Monte Carlo sweeps in one process: intervals, probabilities, drivers, determinism."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import norm

from accord.case import Case, parse_case
from accord.models import registry
from accord.uncertainty.backends import chunk_sizes
from accord.uncertainty.grid import GRID, OutcomeGrid
from accord.uncertainty.inputs import sampling_plan
from accord.uncertainty.sweep import sweep_case, sweep_stats

SCALE = {0: "no", 100: "yes"}


def case(actors: list[dict], positions: list[dict], status_quo: float | dict = 50) -> Case:
    issue = {"id": "i", "title": "issue", "scale": SCALE, "status_quo": status_quo}
    for p in positions:
        p.setdefault("issue", "i")
    return parse_case({"title": "t", "actors": actors, "issues": [issue], "positions": positions})


# Weighted mean of normal positions: capability (1, 2, 1) × salience (1, 0.5, 0.5) = (1, 1, 0.5),
# weights w = (0.4, 0.4, 0.2); positions N(40, 4²), N(60, 3²), N(50, 5²) (10 sd inside 0..100,
# so truncation is immaterial). The compromise is normal with mean 0.4·40 + 0.4·60 + 0.2·50 = 50
# and variance 0.16·16 + 0.16·9 + 0.04·25 = 2.56 + 1.44 + 1 = 5; first-order indices
# 2.56/5 = 0.512, 1.44/5 = 0.288, 1/5 = 0.2.
ANALYTIC = case(
    [
        {"id": "A", "name": "A", "capability": 1},
        {"id": "B", "name": "B", "capability": 2},
        {"id": "C", "name": "C", "capability": 1},
    ],
    [
        {"actor": "A", "position": {"value": 40, "sd": 4}, "salience": 1},
        {"actor": "B", "position": {"value": 60, "sd": 3}, "salience": 0.5},
        {"actor": "C", "position": {"value": 50, "sd": 5}, "salience": 0.5},
    ],
)


@pytest.fixture(scope="module")
def analytic():
    return sweep_case(ANALYTIC, 40_000, "compromise", seed=1).issue("i").models["compromise"]


def test_intervals_cover_the_weighted_mean_at_their_nominal_rate(analytic) -> None:
    mu, sigma = 50.0, np.sqrt(5.0)
    assert analytic.median == pytest.approx(mu, abs=0.05 * sigma)
    assert analytic.mean == pytest.approx(mu, abs=0.03 * sigma)
    for level, (lo, hi) in analytic.intervals.items():
        nominal = int(level) / 100
        z = norm.ppf((1 + nominal) / 2)
        assert lo == pytest.approx(mu - z * sigma, abs=0.05 * sigma)
        assert hi == pytest.approx(mu + z * sigma, abs=0.05 * sigma)
        # probability that a fresh outcome lands in the reported interval
        coverage = norm.cdf(hi, mu, sigma) - norm.cdf(lo, mu, sigma)
        assert coverage == pytest.approx(nominal, abs=0.01), level


def test_drivers_of_the_weighted_mean_are_the_analytic_indices(analytic) -> None:
    got = {d.input: d.index for d in analytic.drivers}
    assert list(got) == ["A position on i", "B position on i", "C position on i"]
    expected = [0.512, 0.288, 0.2]
    np.testing.assert_allclose(list(got.values()), expected, atol=0.03)


# Two veto players, status quo 50: A certain at 100, B uniform on [0, 100], equal weights, so
# the compromise is y = (100 + x_B)/2. A gains iff |y − 100| < 50 iff x_B > 0: always. B gains
# iff |y − x_B| < |50 − x_B|: below 50 that is 50 − x_B/2 < 50 − x_B, never; above it
# 50 − x_B/2 < x_B − 50 iff x_B > 200/3, so P = 1/3. A zone exists iff both want to move the
# status quo upwards, x_B > 50: P = 1/2. Nash is then inside the zone (both gain), else it is
# the status quo exactly (nobody gains): P = 1/2 each, and its 25% quantile is 50.
VETO = case(
    [
        {"id": "A", "name": "A", "capability": 1, "veto": True},
        {"id": "B", "name": "B", "capability": 1, "veto": True},
    ],
    [
        {"actor": "A", "position": 100, "salience": 1},
        {"actor": "B", "position": {"low": 0, "high": 100}, "salience": 1},
    ],
)


def test_agreement_and_veto_gain_probabilities_by_hand() -> None:
    s = sweep_case(VETO, 20_000, "compromise,nash", seed=3, chunk=4000).issue("i")
    assert s.agreement_probability == pytest.approx(0.5, abs=0.015)
    comp, nash = s.models["compromise"], s.models["nash"]
    assert comp.veto_gains["A"] == 1.0
    assert comp.veto_gains["B"] == pytest.approx(1 / 3, abs=0.015)
    assert nash.veto_gains["A"] == pytest.approx(0.5, abs=0.015)
    assert nash.veto_gains["B"] == pytest.approx(0.5, abs=0.015)
    # within one grid bin (0.02) of the point mass at 50
    assert nash.intervals["50"][0] == pytest.approx(50.0, abs=1 / GRID)
    assert [d.input for d in s.agreement_drivers] == ["B position on i"]
    assert s.agreement_drivers[0].index > 0.9  # the zone hinges on B alone


def test_grid_quantiles_by_hand() -> None:
    # outcomes 1.00, 1.01 (one bin of 0.02) and 3.00, 3.01 (another): the 25% quantile is rank
    # 1 of 4, half-way through the first bin: 1.00 + 0.5 · 0.01; the median is its top, 1.01
    grid = OutcomeGrid.of(np.array([[1.0], [3.01], [1.01], [3.0], [np.nan]]))
    assert grid.count.tolist() == [2, 2]
    np.testing.assert_allclose(grid.quantiles(0, np.array([0.25, 0.5, 1.0])), [1.005, 1.01, 3.01])


def test_grids_merge_in_any_order() -> None:
    rng = np.random.default_rng(0)
    samples = [rng.normal(50, 5, (300, 2)) for _ in range(3)]
    parts = [OutcomeGrid.of(values) for values in samples]
    a = parts[0].merged(parts[1]).merged(parts[2])
    b = parts[2].merged(parts[0].merged(parts[1]))
    for f in ("cell", "count", "low", "high"):
        np.testing.assert_array_equal(getattr(a, f), getattr(b, f))
    assert a.count.sum() == 1800
    # read to within one bin (1/GRID) of the exact quantiles of all 900 outcomes of output 1
    values = np.concatenate([x[:, 1] for x in samples])
    probs = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(a.quantiles(1, probs), np.quantile(values, probs), atol=1 / GRID)


def test_same_seed_same_result_and_seed_matters() -> None:
    a = sweep_case(VETO, 3000, seed=9, chunk=1000)
    assert a == sweep_case(VETO, 3000, seed=9, chunk=1000)
    assert a != sweep_case(VETO, 3000, seed=10, chunk=1000)


def test_chunking_is_exact_about_sample_counts() -> None:
    assert chunk_sizes(25, 10) == [10, 10, 5]
    assert chunk_sizes(10, 10) == [10]
    with pytest.raises(ValueError):
        chunk_sizes(0, 10)
    stats = sweep_stats(sampling_plan(VETO), ("compromise",), 2500, 0, chunk=1000)
    assert stats.samples == 2500 and stats.grid.count.sum() == 2500


def test_certain_case_has_no_spread_and_no_drivers() -> None:
    certain = case(
        [{"id": "A", "name": "A", "capability": 1}, {"id": "B", "name": "B", "capability": 3}],
        [{"actor": "A", "position": 20, "salience": 1}, {"actor": "B", "position": 60,
                                                          "salience": 1}],
    )
    m = sweep_case(certain, 500, "compromise").issue("i").models["compromise"]
    # (1 · 20 + 3 · 60) / 4 = 50
    assert m.median == 50.0 and m.intervals["95"] == (50.0, 50.0)
    assert m.drivers == []


def test_jitter_widens_the_intervals() -> None:
    plain = sweep_case(ANALYTIC, 4000, "compromise").issue("i").models["compromise"]
    wide = sweep_case(ANALYTIC, 4000, "compromise", jitter=10).issue("i").models["compromise"]
    width = {k: v.intervals["80"][1] - v.intervals["80"][0] for k, v in
             (("plain", plain), ("wide", wide))}
    assert width["wide"] > 1.5 * width["plain"]


def test_flagship_sweep(flagship: Case) -> None:
    s = sweep_case(flagship, 5000, seed=0)
    missiles = s.issue("missiles")
    # every veto player stands above the status quo on missiles, whatever the ranges draw
    assert missiles.agreement_probability == 1.0
    nash = missiles.models["nash"]
    # the same law computed apart from the sweep: 20 000 fresh draws of the plan, the Nash
    # model run on them directly and exact quantiles (no chunks, no grid). Nash on missiles
    # has sd ≈ 5.7, so the sweep's median and 10%/90% quantiles are within ≈ 0.15 of the
    # truth (one standard error); 0.6 is four of them.
    plan = sampling_plan(flagship)
    arrays = plan.sample(np.random.default_rng(2024).random((20_000, len(plan.inputs))))
    y = registry.MODELS["nash"].run(arrays)[:, arrays.issues.index("missiles")]
    assert nash.median == pytest.approx(np.median(y), abs=0.6)
    assert nash.mean == pytest.approx(y.mean(), abs=0.6)
    assert nash.intervals["80"] == pytest.approx(tuple(np.quantile(y, [0.1, 0.9])), abs=0.6)
    assert nash.drivers[0].issue == "missiles" and nash.drivers[0].kind == "position"
    # Russia's core demand: the US and NATO sit at the status quo, so no sample has a deal
    assert s.issue("nato-enlargement").agreement_probability == 0.0
    assert s.issue("nato-enlargement").models["nash"].intervals["95"] == (0.0, 0.0)


def test_uncertain_status_quo_is_sampled() -> None:
    # veto players at 50 and 70, status quo uniform on [0, 100]: both want to move it the same
    # way (a zone exists) iff it lies below 50 or above 70, P = 0.5 + 0.3 = 0.8
    c = case(
        [{"id": "A", "name": "A", "capability": 1, "veto": True},
         {"id": "B", "name": "B", "capability": 1, "veto": True}],
        [{"actor": "A", "position": 50, "salience": 1},
         {"actor": "B", "position": 70, "salience": 1}],
        status_quo={"low": 0, "high": 100},
    )
    s = sweep_case(c, 20_000, "nash", seed=8).issue("i")
    assert s.agreement_probability == pytest.approx(0.8, abs=0.015)
    assert [d.input for d in s.agreement_drivers] == ["status quo of i"]


def test_any_registered_model_plugs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    # a model registered later (eum, exchange) only needs run(CaseArrays) -> [..., k]
    loudest = registry.Model(
        "loudest", "Loudest", "position of the most salient actor",
        lambda a: np.take_along_axis(a.X, a.S.argmax(axis=-2)[..., None, :], axis=-2)[..., 0, :],
    )
    monkeypatch.setitem(registry.MODELS, "loudest", loudest)
    # ANALYTIC: A has the largest salience (1), so the outcome is A's position, N(40, 4²)
    m = sweep_case(ANALYTIC, 20_000, "loudest").issue("i").models["loudest"]
    assert m.median == pytest.approx(40, abs=0.15)
    lo, hi = m.intervals["80"]
    assert (lo, hi) == (pytest.approx(40 - 1.2816 * 4, abs=0.2), pytest.approx(40 + 1.2816 * 4,
                                                                                  abs=0.2))
    assert [d.input for d in m.drivers] == ["A position on i"]


def _numbers(value, path=""):
    """Every number in a JSON value with its path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _numbers(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _numbers(v, f"{path}/{i}")
    else:
        yield path, value


def test_dynamic_sweep_matches_the_implementation_before_issue_15(root, flagship):
    """The bounded-memory EUM (no per-round history, games in blocks), the new exchange loop
    and the Newton Nash give the numbers the earlier implementation gave for the same seed
    (recorded in tests/fixtures/sweep-before-issue15.json from that code)."""
    import json

    want = json.loads((root / "tests/fixtures/sweep-before-issue15.json").read_text())
    got = json.loads(sweep_case(flagship, want["samples"], want["models"], seed=want["seed"],
                                chunk=want["chunk"]).to_json())
    pairs = list(zip(_numbers(got["issues"]), _numbers(want["issues"]), strict=True))
    assert len(pairs) > 100
    for (path, g), (wpath, w) in pairs:
        assert path == wpath
        if isinstance(w, float):
            assert g == pytest.approx(w, rel=1e-9, abs=1e-9), path
        else:
            assert g == w, path
