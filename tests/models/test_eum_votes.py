"""The EUM's vote sums in blocks (``VoteSums``): a block is the same slice of the whole to the
last bit, and the vote mass is symmetric to the last bit (the round computes it once per pair).
The sums themselves are checked against the cubic definition in ``test_eum.py``."""

from __future__ import annotations

import numpy as np

from accord.models.eum_votes import VoteSums, _SortedRows, vote_totals


def sums(x: np.ndarray, w: np.ndarray) -> VoteSums:
    return VoteSums(x, w, np.abs(x[..., :, None] - x[..., None, :]))


def test_the_mass_is_symmetric_and_the_net_antisymmetric_to_the_bit():
    rng = np.random.default_rng(4)
    for x in (rng.random((3, 40)) * 100, rng.integers(0, 6, (3, 40)) * 20.0):
        net, mass = vote_totals(x, rng.random((3, 40)))
        np.testing.assert_array_equal(mass, np.swapaxes(mass, -1, -2))
        np.testing.assert_array_equal(net, -np.swapaxes(net, -1, -2))


def test_blocks_are_slices_of_the_whole():
    rng = np.random.default_rng(6)
    x, w = np.sort(rng.random((4, 30)) * 100, axis=-1), rng.random((4, 30))
    whole = sums(x, w)
    net, mass = vote_totals(x, w)
    games, rows, cols = slice(1, 3), slice(7, 12), slice(7, None)
    np.testing.assert_array_equal(whole.net(games, rows), net[games, rows])
    np.testing.assert_array_equal(whole.mass(games, rows, cols), mass[games, rows, cols])
    np.testing.assert_array_equal(whole.mass(slice(3, 4)), mass[3:4])


def test_flat_indices_are_the_counts_of_each_row():
    xs = np.array([[0.0, 1.0, 1.0, 5.0], [2.0, 3.0, 7.0, 9.0]])
    rows = _SortedRows(xs)
    probes = rows.unit(np.array([[1.0, 4.0, 6.0], [2.0, 8.0, 10.0]]))
    counts = rows.count_below(probes)
    assert counts.tolist() == [[1, 3, 4], [0, 3, 4]]  # strictly below
    table = np.arange(10).reshape(2, 5)  # [rows, n + 1]
    assert np.take(table, rows.flat_below(probes)).tolist() == [[1, 3, 4], [5, 8, 9]]
    assert rows.count_below(probes[1:], slice(1, 2)).tolist() == [[0, 3, 4]]
