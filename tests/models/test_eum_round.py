"""A round of the EUM in blocks of actor pairs: the blocks cover every pair once, and neither
the blocks nor the threads change a result, to the last bit."""

from __future__ import annotations

import numpy as np
import pytest

import accord.models.eum_round as eum_round
from accord.errors import OptionError
from accord.models.eum import EUMOptions, EUMResult, run, run_issues
from accord.models.eum_round import ALL, Buffers, blocks, workers

FIELDS = ("positions", "median", "mean", "risk", "proposer", "kind", "offer", "rounds",
          "converged")


def covered(games: int, n: int, whole: bool = False) -> np.ndarray:
    """How often each pair ``[g, i, j]`` falls in a block."""
    count = np.zeros((games, n, n), int)
    for g, rows in blocks(games, n, whole):
        count[g, rows] += 1
    return count


def test_blocks_cover_every_pair_once(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(eum_round, "BLOCK_PAIRS", 100)
    assert blocks(3, 5) == [(ALL, ALL)]  # 75 pairs: one block
    assert blocks(9, 5) == [(slice(0, 4), ALL), (slice(4, 8), ALL), (slice(8, 12), ALL)]
    # 30 actors: 900 pairs a game, so rows of 100 // 30 = 3 challengers, one game at a time
    assert blocks(2, 30)[:2] == [(slice(0, 1), slice(0, 3)), (slice(0, 1), slice(3, 6))]
    assert len(blocks(2, 30)) == 20
    assert blocks(2, 300) == [(slice(g, g + 1), slice(i, i + 1)) for g in (0, 1)
                              for i in range(300)]  # (at least one row)
    assert blocks(9, 30, whole=True) == [(ALL, ALL)]
    for games, n in [(9, 5), (2, 30), (3, 31), (1, 300)]:
        assert (covered(games, n) == 1).all()


def same(a: EUMResult, b: EUMResult) -> None:
    for name in FIELDS:
        u, v = getattr(a, name), getattr(b, name)
        assert u.dtype == v.dtype, name
        np.testing.assert_array_equal(u, v, err_msg=name)  # (NaN equals NaN here)


@pytest.mark.parametrize(
    "opts",
    [
        {},
        {"q": 0.5, "t": 0.3, "mu": "mean"},
        {"risk": "neutral"},
        {"probability": "net"},
        {"probability": "global"},
        {"acceptance": "scholz"},
        {"acceptance": "priority"},
        {"acceptance": "strongest"},
        {"votes": "risk"},
    ],
)
def test_blocks_and_threads_change_no_bit(monkeypatch: pytest.MonkeyPatch, opts: dict):
    """The same games in one block, in blocks of a few rows (the vote mass of each block's
    upper triangle mirrored into the rows below), in blocks of whole games, and on three
    threads: every array of the result identical."""
    rng = np.random.default_rng(5)
    n, k = 23, 4
    c, X, S = rng.random(n), rng.integers(0, 21, (n, k)) * 5.0, rng.random((n, k))
    X[:, 0] = rng.random(n) * 100  # one issue without ties
    has = rng.random((n, k)) > 0.2
    options = EUMOptions(**opts)
    whole = run_issues(c, X, S, has, options)
    assert whole.rounds.max() > 1
    for budget in (50, 2 * n * n, 5 * n):  # rows of two actors; two games; rows of five
        monkeypatch.setattr(eum_round, "BLOCK_PAIRS", budget)
        monkeypatch.delenv("ACCORD_EUM_WORKERS", raising=False)
        same(run_issues(c, X, S, has, options), whole)
        monkeypatch.setenv("ACCORD_EUM_WORKERS", "3")
        same(run_issues(c, X, S, has, options), whole)


def test_a_batch_of_samples_in_blocks_of_games(monkeypatch: pytest.MonkeyPatch):
    rng = np.random.default_rng(8)
    m, n = 6, 9
    c, x, s = rng.random((m, n)), rng.random((m, n)) * 100, rng.random((m, n))
    whole = run(c, x, s)
    monkeypatch.setattr(eum_round, "BLOCK_PAIRS", 2 * n * n)
    same(run(c, x, s), whole)


def test_workers_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("ACCORD_EUM_WORKERS", raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # numpy's threads are not the EUM's
    assert workers() == 1
    monkeypatch.setenv("ACCORD_EUM_WORKERS", "2")
    assert workers() == 2
    for bad in ("0", "two", "-1", ""):
        monkeypatch.setenv("ACCORD_EUM_WORKERS", bad)
        with pytest.raises(OptionError, match="ACCORD_EUM_WORKERS"):
            workers()


def test_buffers_are_kept_and_shrink_with_the_games():
    held = Buffers()
    first = held.get("p", (4, 3, 3))
    first[...] = 1.0
    again = held.get("p", (2, 3, 3))
    assert again.shape == (2, 3, 3) and np.shares_memory(first, again)
    assert not np.shares_memory(held.get("q", (2, 3, 3)), first)
    assert held.get("p", (5, 3, 3)).shape == (5, 3, 3)  # more games: a new buffer
