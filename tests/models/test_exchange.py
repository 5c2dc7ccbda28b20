"""accord's exchange model against decide-exchange-model, the original implementation.

The fixtures in tests/fixtures/decide were written by ``scripts/make_decide_fixtures.py``,
which runs decide-exchange-model (the version recorded in each fixture) on the real cases in
../shared/data/decide. accord must realise the same exchanges in the same order and reach the
same positions and expected outcomes to within 1e-6.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from accord.formats.decide import read_decide
from accord.models.arrays import case_arrays
from accord.models.exchange import ROUNDS, ExchangeRun, exchange_model
from accord.models.registry import MODELS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "decide"
CASES = {"cop21": "cop21.csv", "copenhagen": "copenhagen.csv", "sample": "sample_data.txt"}
TOL = 1e-6


def _run(shared: Path, name: str) -> tuple[dict, ExchangeRun]:
    fixture = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    a = case_arrays(read_decide(shared / "data" / "decide" / CASES[name]))
    assert a.actors == fixture["actors"] and a.issues == fixture["issues"]
    return fixture, exchange_model(a.c, a.X, a.S, a.has, fixture["rounds"], a.actors, a.issues)


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_exchanges_in_the_same_order(shared: Path, name: str) -> None:
    fixture, run = _run(shared, name)
    assert fixture["decide_exchange_model"] == "2022.1.28"
    names, issues = run.actors, run.issues
    expected = [(r["round"], e) for r in fixture["history"] for e in r["exchanges"]]
    assert len(run) == len(expected) > 300
    for k, (rnd, e) in enumerate(expected):
        got = (int(run.round[k]), names[run.actor_i[k]], issues[run.issue_i[k]],
               names[run.actor_j[k]], issues[run.issue_j[k]])
        want = (rnd, e["i"]["actor"], e["i"]["supply"], e["j"]["actor"], e["j"]["supply"])
        assert got == want, f"exchange {k}"
        numbers = (run.x_i[k], run.y_i[k], run.x_j[k], run.y_j[k], run.gain[k])
        wanted = (e["i"]["x"], e["i"]["y"], e["j"]["x"], e["j"]["y"], e["gain"])
        np.testing.assert_allclose(numbers, wanted, rtol=0, atol=TOL, err_msg=f"exchange {k}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_positions_and_outcomes(shared: Path, name: str) -> None:
    fixture, run = _run(shared, name)
    names, issues = run.actors, run.issues

    def matrix(positions: dict, fill: np.ndarray) -> np.ndarray:
        out = fill.copy()
        for j, issue in enumerate(issues):
            for actor, x in positions[issue].items():
                out[names.index(actor), j] = x
        return out

    np.testing.assert_allclose(run.voting, matrix(fixture["voting"], run.voting), atol=TOL)
    np.testing.assert_allclose(run.positions, matrix(fixture["final"], run.positions), atol=TOL)
    for r, rnd in enumerate(fixture["history"]):
        for key in ("mds_start", "mds_voting"):
            want = [rnd[key][i] for i in issues]
            np.testing.assert_allclose(getattr(run, key)[r], want, atol=TOL, err_msg=key)
    np.testing.assert_allclose(run.forecast, run.mds_voting[-1])


def test_two_actors_two_issues_by_hand() -> None:
    """A cares about p (s = 0.8 on p, 0.2 on q), B about q (0.2, 0.8); both have capability 1.

    Expected outcomes: p = (0.8·100 + 0.2·0)/1 = 80, q = (0.2·100 + 0.8·0)/1 = 20. A stands at
    100 on both (right of both), B at 0 (left of both): they can trade. A's ratio s_p/s_q = 4
    exceeds B's 0.25, so A moves on q and B on p. B moving all the way to A on p (100 points)
    shifts the outcome on p by dp = 100·(1·0.2)/1 = 20; equal gain sets the shift on q to
    dq = dp·(0.2 + 0.8)/(0.8 + 0.2) = 20, which takes A a move of 20·1/(1·0.2) = 100: all the
    way to B on q, exactly within reach. Gains: A 0.8·20 − 0.2·20 = 12, B 0.8·20 − 0.2·20 = 12.
    After the round both issues end where their keen party wants them: p = 100, q = 0. Next
    round's start keeps (1 − 0.2)·0.4 + 0.1 = 0.42 of each move: A on q 100 − 42 = 58, B on p 42.
    """
    c = np.array([1.0, 1.0])
    X = np.array([[100.0, 100.0], [0.0, 0.0]])
    S = np.array([[0.8, 0.2], [0.2, 0.8]])
    run = exchange_model(c, X, S, rounds=1, actors=["A", "B"], issues=["p", "q"])
    assert len(run) == 1
    assert (run.actor_i[0], run.issue_i[0], run.actor_j[0], run.issue_j[0]) == (0, 1, 1, 0)
    assert (run.x_i[0], run.y_i[0], run.x_j[0], run.y_j[0]) == pytest.approx((100, 0, 0, 100))
    assert run.gain[0] == pytest.approx(12)
    assert run.mds_start[0] == pytest.approx([80, 20])
    assert run.forecast == pytest.approx([100, 0])
    assert run.positions == pytest.approx(np.array([[100, 58], [42, 0]]))
    assert run.starts.shape == (1, 2, 2) and run.starts[0] == pytest.approx(X)


def test_no_trade_when_salience_ratios_are_equal() -> None:
    """Both care equally about p and q (ratio 1 = 1): any trade gains nothing, none is made."""
    X = np.array([[100.0, 100.0], [0.0, 0.0]])
    S = np.array([[0.5, 0.5], [0.3, 0.3]])
    run = exchange_model(np.ones(2), X, S, rounds=3)
    assert len(run) == 0
    assert run.forecast == pytest.approx(run.mds_start[0])


def test_sample_axis_runs_each_sample_as_alone(shared: Path) -> None:
    a = case_arrays(read_decide(shared / "data" / "decide" / "copenhagen.csv"))
    rng = np.random.default_rng(7)
    X = np.stack([a.X, np.clip(a.X + rng.normal(0, 10, a.X.shape), 0, 100)])
    both = exchange_model(a.c, X, a.S, a.has, rounds=3)
    for s in range(2):
        alone = exchange_model(a.c, X[s], a.S, a.has, rounds=3)
        rows = both.sample == s
        assert rows.sum() == len(alone)
        np.testing.assert_array_equal(both.actor_i[rows], alone.actor_i)
        np.testing.assert_allclose(both.y_j[rows], alone.y_j, atol=1e-9)
        np.testing.assert_allclose(both.forecast[s], alone.forecast, atol=1e-9)
        np.testing.assert_allclose(both.starts[s], alone.starts, atol=1e-9)


def test_registry_runs_exchange_on_case_arrays(shared: Path) -> None:
    # the registry's forecast is decide's expected outcome after its last (10th) round
    fixture = json.loads((FIXTURES / "sample.json").read_text(encoding="utf-8"))
    assert fixture["rounds"] == ROUNDS
    a = case_arrays(read_decide(shared / "data" / "decide" / CASES["sample"]))
    out = MODELS["exchange"].run(a)
    want = [fixture["history"][-1]["mds_voting"][issue] for issue in a.issues]
    np.testing.assert_allclose(out, want, rtol=0, atol=TOL)


def test_one_issue_or_one_actor_leaves_nothing_to_trade() -> None:
    """Trades need two issues and two actors; the forecast is then the weighted mean:
    (10 + 50 + 90)/3 = 50 with equal capabilities and saliences."""
    one_issue = exchange_model(np.ones(3), np.array([[10.0], [50.0], [90.0]]),
                               np.full((3, 1), 0.5), rounds=2)
    assert len(one_issue) == 0 and one_issue.forecast == pytest.approx([50.0])
    one_actor = exchange_model(np.ones(1), np.array([[10.0, 20.0]]), np.full((1, 2), 0.5))
    assert len(one_actor) == 0 and one_actor.forecast == pytest.approx([10.0, 20.0])
    with pytest.raises(ValueError, match="at least one round"):
        exchange_model(np.ones(1), np.array([[10.0, 20.0]]), np.full((1, 2), 0.5), rounds=0)


def test_registry_runs_samples_in_blocks_as_in_one_call(
    shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The registry splits a Monte Carlo chunk into blocks of samples (bounded memory); each
    sample's forecast is the one the whole batch gives."""
    import dataclasses

    import accord.models.exchange as exchange

    a = case_arrays(read_decide(shared / "data" / "decide" / "sample_data.txt"))
    rng = np.random.default_rng(3)
    X = np.clip(a.X + rng.normal(0, 8, (5, *a.X.shape)), 0, 100)
    sampled = dataclasses.replace(a, X=X, c=np.broadcast_to(a.c, (5, len(a.c))))
    whole = exchange_model(sampled.c, X, a.S, a.has).forecast
    n, k = a.X.shape
    monkeypatch.setattr(exchange, "CANDIDATE_BUDGET", 2 * (n * (n - 1) // 2) * (k * (k - 1) // 2))
    blocks = MODELS["exchange"].run(sampled)
    assert blocks.shape == (5, k)
    np.testing.assert_array_equal(blocks, whole)


@pytest.mark.parametrize(("n", "k", "seed"), [(6, 4, 1), (9, 5, 2), (12, 6, 3)])
def test_one_game_in_plain_python_matches_the_array_code(monkeypatch: pytest.MonkeyPatch,
                                                         n: int, k: int, seed: int) -> None:
    import accord.models.exchange as exchange

    rng = np.random.default_rng(seed)
    c, X, S = rng.random(n) + 0.1, rng.random((n, k)) * 100, rng.random((n, k)) * 0.9 + 0.1
    has = rng.random((n, k)) > 0.1
    runs = []
    for limit in (10**9, 0):  # every single game in plain Python, then none
        monkeypatch.setattr(exchange, "ONE_GAME_CANDIDATES", limit)
        runs.append(exchange_model(c, X, S, has, rounds=4))
    plain, arrays = runs
    assert len(plain) > 20
    for name, col in plain.columns().items():
        np.testing.assert_array_equal(col, arrays.columns()[name], err_msg=name)
    np.testing.assert_array_equal(plain.voting, arrays.voting)
    np.testing.assert_array_equal(plain.mds_voting, arrays.mds_voting)


def test_zero_and_denormal_weights_forecast_finitely_without_warnings() -> None:
    """Capabilities and saliences of 0 or 1e-300 make the equal-gain moves divide by zero or
    overflow; those candidates close or move to the partner, silently, and every forecast is a
    position on the scale (these inputs warned before)."""
    import warnings

    rng = np.random.default_rng(1)
    for _ in range(300):
        n, k = rng.integers(2, 6), rng.integers(2, 5)
        c = rng.choice([0.0, 1e-300, 1.0, 5.0], n)
        X = rng.choice([0.0, 30.0, 50.0, 100.0], (n, k))
        S = rng.choice([0.0, 1e-300, 0.2, 1.0], (n, k))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            run = exchange_model(c, X, S)
        assert np.isfinite(run.positions).all()
        assert ((run.positions >= 0) & (run.positions <= 100)).all()
