"""The static models against hand-worked examples (arithmetic written out)."""

from __future__ import annotations

import numpy as np
import pytest

from accord.models.static import compromise, nash, weighted_median

# Three actors, two issues.
C = np.array([0.5, 0.3, 0.2])
X = np.array([[10.0, 80.0], [50.0, 20.0], [90.0, 60.0]])
S = np.array([[1.0, 0.5], [0.5, 1.0], [1.0, 1.0]])
VETO2 = np.array([True, True])


def test_compromise_by_hand() -> None:
    # issue 0: weights c·s = 0.5, 0.15, 0.2 (sum 0.85)
    #   (0.5·10 + 0.15·50 + 0.2·90) / 0.85 = (5 + 7.5 + 18) / 0.85 = 35.882352…
    # issue 1: weights 0.25, 0.3, 0.2 (sum 0.75)
    #   (0.25·80 + 0.3·20 + 0.2·60) / 0.75 = (20 + 6 + 12) / 0.75 = 50.666…
    out = compromise(C, X, S)
    np.testing.assert_allclose(out, [30.5 / 0.85, 38 / 0.75])


def test_weighted_median_by_hand() -> None:
    # issue 0: sorted 10 (0.5), 50 (0.15), 90 (0.2); half of 0.85 is 0.425; 0.5 ≥ 0.425 → 10
    # issue 1: sorted 20 (0.3), 60 (0.2), 80 (0.25); half of 0.75 is 0.375;
    #   cumulative 0.3 < 0.375, 0.5 ≥ 0.375 → 60
    np.testing.assert_allclose(weighted_median(C, X, S), [10.0, 60.0])


def test_weighted_median_even_split_takes_midpoint() -> None:
    # two equal weights at 20 and 60: cumulative weight reaches exactly half at 20 → (20+60)/2
    out = weighted_median(np.array([1.0, 1.0]), np.array([[20.0], [60.0]]), np.ones((2, 1)))
    np.testing.assert_allclose(out, [40.0])


def test_weighted_median_ignores_zero_weight_actors_in_a_tie() -> None:
    x = np.array([[20.0], [30.0], [60.0]])
    s = np.array([[1.0], [0.0], [1.0]])  # the actor at 30 does not care
    np.testing.assert_allclose(weighted_median(np.ones(3), x, s), [40.0])


def test_nash_two_players_same_side_by_hand() -> None:
    # status quo 0; players at 60 (weight 0.25) and 30 (weight 0.25).
    # Gains with quadratic loss: g_i(x) = x (2 x_i - x) for 0 < x < 2 x_i.
    # maximise 0.25 log(x(120 - x)) + 0.25 log(x(60 - x))
    # FOC: 2/x = 1/(120 - x) + 1/(60 - x)  →  2(120-x)(60-x) = x(60-x) + x(120-x)
    #   14400 - 360x + 2x² = 180x - 2x²  →  4x² - 540x + 14400 = 0
    #   x = (540 - sqrt(540² - 4·4·14400)) / 8 = (540 - sqrt(61200)) / 8 = 36.576708…
    c = np.array([0.25, 0.5])
    x = np.array([[60.0], [30.0]])
    s = np.array([[1.0], [0.5]])
    expected = (540 - np.sqrt(540**2 - 16 * 14400)) / 8
    np.testing.assert_allclose(nash(c, x, s, np.array([0.0]), players=VETO2), [expected], atol=1e-9)


def test_nash_single_player_gets_its_ideal_point() -> None:
    # one player at 70 from status quo 20: the maximiser of log((x-20)(120-x)) is 70
    out = nash(np.array([1.0]), np.array([[70.0]]), np.ones((1, 1)), np.array([20.0]),
               players=np.array([True]))
    np.testing.assert_allclose(out, [70.0], atol=1e-9)


def test_nash_veto_players_on_both_sides_keep_the_status_quo() -> None:
    x = np.array([[80.0], [20.0]])
    out = nash(np.ones(2), x, np.ones((2, 1)), np.array([50.0]), players=VETO2)
    np.testing.assert_allclose(out, [50.0])


def test_nash_only_veto_players_bargain() -> None:
    # the non-veto actor at 0 would block (it sits on the other side) but is not a player
    x = np.array([[70.0], [0.0]])
    out = nash(np.ones(2), x, np.ones((2, 1)), np.array([20.0]), players=np.array([True, False]))
    np.testing.assert_allclose(out, [70.0], atol=1e-9)


def test_nash_stops_at_the_scale_end() -> None:
    # status quo 90, equal players at 95 and at the scale's end, 100. Gains (x − 90)(100 − x)
    # and (x − 90)(110 − x); with y = x − 90 the first-order condition is
    # 2/y = 1/(10 − y) + 1/(20 − y)  →  4y² − 90y + 400 = 0  →  y = (90 − √1700)/8 = 6.0961…
    x = np.array([[95.0], [100.0]])
    out = nash(np.ones(2), x, np.ones((2, 1)), np.array([90.0]), players=VETO2)
    np.testing.assert_allclose(out, [90 + (90 - np.sqrt(1700)) / 8], atol=1e-9)


@pytest.mark.parametrize("model", [compromise, weighted_median])
def test_sample_axis_matches_one_by_one(model) -> None:
    rng = np.random.default_rng(1)
    cs = rng.uniform(0.1, 1, (7, 5))
    xs = rng.uniform(0, 100, (7, 5, 3))
    ss = rng.uniform(0, 1, (7, 5, 3))
    batched = model(cs, xs, ss)
    assert batched.shape == (7, 3)
    for m in range(7):
        np.testing.assert_allclose(batched[m], model(cs[m], xs[m], ss[m]))


def test_nash_sample_axis_matches_one_by_one() -> None:
    rng = np.random.default_rng(2)
    cs = rng.uniform(0.1, 1, (6, 4))
    xs = rng.uniform(0, 100, (6, 4, 3))
    ss = rng.uniform(0.1, 1, (6, 4, 3))
    sq = rng.uniform(0, 100, (6, 3))
    veto = rng.random((6, 4)) < 0.5
    batched = nash(cs, xs, ss, sq, players=veto)
    for m in range(6):
        np.testing.assert_allclose(batched[m], nash(cs[m], xs[m], ss[m], sq[m], players=veto[m]))


def test_nash_without_veto_players_does_not_keep_the_status_quo() -> None:
    # actors at 20 and 60 (equal weight), status quo 40 between them: without veto players
    # the disagreement point is each one's worst outcome, D = 80 (at 100) and D = 60 (at 0).
    # With a = x - 20 the FOC -a/(6400 - a²) + (40 - a)/(3600 - (a - 40)²) = 0 becomes
    #   a(2000 + 80a - a²) = (40 - a)(6400 - a²)  →  a³ - 60a² - 4200a + 128000 = 0
    roots = np.roots([1.0, -60.0, -4200.0, 128000.0])
    a = next(r.real for r in roots if abs(r.imag) < 1e-9 and 0 < r.real < 40)
    x = np.array([[20.0], [60.0]])
    for players in (None, np.array([False, False])):
        out = nash(np.ones(2), x, np.ones((2, 1)), np.array([40.0]), players=players)
        np.testing.assert_allclose(out, [20.0 + a], atol=1e-9)
    assert 40.0 < 20.0 + a < 50.0  # leans towards the actor whose worst outcome is nearer


def test_nash_without_veto_players_symmetric_split() -> None:
    # equal weights at 0 and 100 have the same worst-outcome distance: the midpoint
    out = nash(np.ones(2), np.array([[0.0], [100.0]]), np.ones((2, 1)), np.array([0.0]))
    np.testing.assert_allclose(out, [50.0], atol=1e-9)


def test_nash_with_costly_disagreement_tends_to_the_weighted_mean() -> None:
    # Achen 2006: as disagreement becomes very costly the Nash solution approaches the
    # capability × salience weighted mean (the compromise model)
    sq = np.array([50.0, 50.0])
    far = nash(C, X, S, sq, cost=1e4)
    np.testing.assert_allclose(far, compromise(C, X, S), atol=1e-3)
    near = nash(C, X, S, sq, cost=10.0)
    gap_far = np.abs(far - compromise(C, X, S))
    assert (np.abs(near - compromise(C, X, S)) > gap_far).all()


def test_nash_mixes_veto_and_open_samples() -> None:
    # sample 0 has veto players on both sides of the status quo (→ status quo 40), sample 1
    # none (→ the open solution worked out above, computed one by one)
    x = np.array([[20.0], [60.0]])
    veto = np.array([[True, True], [False, False]])
    out = nash(np.ones((2, 2)), np.stack([x, x]), np.ones((2, 2, 1)), np.full((2, 1), 40.0),
               players=veto)
    np.testing.assert_allclose(out[0], [40.0])
    np.testing.assert_allclose(out[1], nash(np.ones(2), x, np.ones((2, 1)), np.array([40.0])))


def _bisection_nash(c, X, S, sq, players=None, cost=0.0, iterations=60):
    """The Nash solver as it was before Newton (issue 15): sixty vectorised halvings of the
    bracket on the same first-order conditions, written out here as the reference."""
    X = np.asarray(X, dtype=float)
    sq = np.broadcast_to(np.asarray(sq, dtype=float), X.shape[:-2] + X.shape[-1:])
    w = np.asarray(c)[..., :, None] * np.asarray(S)

    def bisect(slope, lo, hi):
        for _ in range(iterations):
            mid = (lo + hi) / 2
            pos = slope(mid) > 0
            lo, hi = np.where(pos, mid, lo), np.where(pos, hi, mid)
        return (lo + hi) / 2

    def open_nash():
        room = np.maximum(X, 100.0 - X) ** 2 + cost**2

        def slope(x):
            gap = X - x[..., None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                terms = w * gap / (room - gap**2)
            return np.where(w > 0, terms, 0.0).sum(axis=-2)

        lo = np.zeros(X.shape[:-2] + X.shape[-1:])
        return np.where(w.sum(axis=-2) > 0, bisect(slope, lo, lo + 100.0), np.nan)

    if players is None:
        return open_nash()
    mask = np.asarray(players, dtype=bool)[..., :, None]
    active = mask & (w > 0)
    d = X - sq[..., None, :]
    up = np.where(active, d > 0, True).all(axis=-2)
    down = np.where(active, d < 0, True).all(axis=-2)
    sign = np.where(up, 1.0, np.where(down, -1.0, 0.0))
    feasible = active.any(axis=-2) & (sign != 0)
    reach = np.where(active, 2 * sign[..., None, :] * d, np.inf).min(axis=-2)
    reach = np.minimum(reach, np.where(sign > 0, 100.0 - sq, sq))
    feasible &= reach > 0
    wa = np.where(active, w, 0.0)
    span = np.where(active, 2 * sign[..., None, :] * d, 1.0)

    def slope(t):
        tt = np.maximum(t, 1e-300)[..., None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = wa * (1.0 / tt - 1.0 / (span - tt))
        return np.where(wa > 0, terms, 0.0).sum(axis=-2)

    hi = np.where(feasible, reach, 1.0)
    vetoed = np.where(feasible, sq + sign * bisect(slope, np.zeros_like(hi), hi), sq)
    return np.where(mask.any(axis=-2), vetoed, open_nash())


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("cost", [0.0, 15.0])
def test_newton_nash_matches_bisection_on_random_cases(seed: int, cost: float) -> None:
    """Random cases with veto players, without, and mixed per sample; some zero saliences,
    some actors at the scale's ends and at the status quo: Newton's roots agree with sixty
    bisection steps to 1e-9."""
    rng = np.random.default_rng(seed)
    m, n, k = 400, 2 + seed * 3, 4
    c = rng.random((m, n))
    X = rng.random((m, n, k)) * 100
    X[rng.random((m, n, k)) < 0.1] = 0.0
    X[rng.random((m, n, k)) < 0.1] = 100.0
    S = rng.random((m, n, k))
    S[rng.random((m, n, k)) < 0.15] = 0.0
    sq = rng.random((m, k)) * 100
    X[:, 0, 1] = sq[:, 1]  # one actor at the status quo on one issue
    players = rng.random((m, n)) < 0.4  # some samples have none
    for veto in (None, players, np.ones((m, n), bool)):
        got = nash(c, X, S, sq, players=veto, cost=cost)
        want = _bisection_nash(c, X, S, sq, players=veto, cost=cost)
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)
        assert np.isnan(got).sum() == np.isnan(want).sum()


# The fuzz suite's input (tests/fuzzing.py, case-data): a veto player one subnormal step
# (5e-324) from a status quo of 0. Its bracket (0, 1e-323) made 1/t overflow (divide, the
# slope) and, for gaps between about 1e-308 and 1e-154, 1/t² (multiply, its derivative).
FUZZ_CASE = {
    "title": "t",
    "actors": [{"id": "a0", "name": "A", "capability": 1.0, "veto": True},
               {"id": "a1", "name": "B", "capability": 1.0}],
    "issues": [{"id": "i0", "title": "x", "scale": {0: "a", 100: "b"}, "status_quo": 0.0}],
    "positions": [{"actor": "a0", "issue": "i0", "position": 5e-324, "salience": 1.0},
                  {"actor": "a1", "issue": "i0", "position": 50.0, "salience": 1.0}],
}


@pytest.mark.filterwarnings("error::RuntimeWarning")
def test_nash_of_the_fuzz_case_does_not_overflow() -> None:
    from accord.case import parse_case
    from accord.forecast import forecast_case

    f = forecast_case(parse_case(FUZZ_CASE, "fuzz"), "nash")
    assert f.issues[0].outcomes["nash"] == 0.0  # within (0, 1e-323], printed to 6 decimals


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("gap", [1e-200, 1e-160, 1e-310, 5e-324])
def test_nash_with_a_veto_player_next_to_the_status_quo(gap: float) -> None:
    # two equal veto players at gap and 3·gap above a status quo of 0: the maximiser of
    # log t + log(2g − t) + log t + log(6g − t) is t = (3 − √3)·g (t² − 6gt + 6g² = 0),
    # inside the individually rational interval (0, 2g]; the answer is exact to 1e-12
    X = np.array([[gap], [3 * gap]])
    out = nash(np.ones(2), X, np.ones((2, 1)), np.zeros(1), np.array([True, True]))
    assert 0.0 <= out[0] <= 2 * gap
    assert abs(out[0] - (3 - np.sqrt(3)) * gap) <= 1e-12
    # one veto player alone gets its ideal point
    one = nash(np.ones(1), X[:1], np.ones((1, 1)), np.zeros(1), np.array([True]))
    assert one[0] == pytest.approx(gap, rel=1e-9)
