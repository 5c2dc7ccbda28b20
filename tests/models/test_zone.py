"""The zone of agreement on constructed cases."""

from __future__ import annotations

import numpy as np

from accord.models.zone import agreement_zone, inside


def test_zone_is_the_intersection_of_mirror_intervals() -> None:
    # status quo 20; veto players at 60 (prefers (20, 100)) and 40 (prefers (20, 60))
    # → zone (20, 60); the non-veto actor at 0 does not constrain it
    x = np.array([[60.0], [40.0], [0.0]])
    low, high = agreement_zone(x, np.array([20.0]), np.array([True, True, False]))
    np.testing.assert_allclose([low[0], high[0]], [20.0, 60.0])


def test_zone_is_empty_when_veto_players_pull_apart() -> None:
    x = np.array([[80.0], [30.0]])
    low, high = agreement_zone(x, np.array([50.0]), np.array([True, True]))
    assert np.isnan(low[0]) and np.isnan(high[0])


def test_zone_is_empty_when_a_veto_player_sits_at_the_status_quo() -> None:
    x = np.array([[80.0], [50.0]])
    low, _ = agreement_zone(x, np.array([50.0]), np.array([True, True]))
    assert np.isnan(low[0])


def test_zone_without_veto_players_is_the_whole_scale() -> None:
    low, high = agreement_zone(np.array([[80.0], [10.0]]), np.array([50.0]), np.zeros(2, bool))
    np.testing.assert_allclose([low[0], high[0]], [0.0, 100.0])


def test_veto_player_without_a_position_does_not_constrain() -> None:
    x = np.array([[70.0], [50.0]])
    has = np.array([[True], [False]])
    low, high = agreement_zone(x, np.array([50.0]), np.array([True, True]), has)
    np.testing.assert_allclose([low[0], high[0]], [50.0, 90.0])


def test_zone_is_clipped_to_the_scale_and_vectorised() -> None:
    # samples × actors × issues: sample 0 zone (10, 100) clipped from (10, 130);
    # sample 1: the veto player sits at the status quo → empty
    x = np.array([[[70.0]], [[10.0]]])
    sq = np.array([[10.0], [10.0]])
    low, high = agreement_zone(x, sq, np.array([True]))
    np.testing.assert_allclose([low[0, 0], high[0, 0]], [10.0, 100.0])
    assert np.isnan(low[1, 0])


def test_inside() -> None:
    assert inside(np.array(30.0), np.array(20.0), np.array(60.0))
    assert not inside(np.array(70.0), np.array(20.0), np.array(60.0))
    assert not inside(np.array(30.0), np.array(np.nan), np.array(np.nan))
