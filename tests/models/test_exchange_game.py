"""The plain-Python single game's helpers, on hand-worked numbers (the game as a whole is held
to the array code and to decide's fixtures in test_exchange.py)."""

from __future__ import annotations

import numpy as np
import pytest

from accord.models.exchange_game import _crossing, _follow, _groups


def test_crossing_cuts_a_move_that_carries_the_outcome_past_the_partner() -> None:
    # weight 2 of 10 on the issue, Σ w·x = 500: the outcome is at 50. Moving a from 50 by +10
    # shifts it by 2·10/10 = 2, to 52, past b's position 51: a may move only 5 (51·10 − 500)/2
    assert _crossing(50.0, 51.0, 2.0, 10.0, 50.0, 500.0, None, 10.0) == pytest.approx(5.0)
    # b at 53 is not reached, and b at the outcome (within EDGE) counts as not crossed
    assert _crossing(50.0, 53.0, 2.0, 10.0, 50.0, 500.0, None, 10.0) is None
    assert _crossing(50.0, 50.0 + 1e-12, 2.0, 10.0, 50.0, 500.0, None, 10.0) is None


def test_crossing_counts_an_update_already_recorded_for_the_partner() -> None:
    # a already moved from 50 to 54 for b (recorded in base: 500 + 2·4 = 508); now at 54 it is
    # tested for a move of +2: the outcome is (508 − 2·4 + 2·4)/10 = 50.8, after 51.2; b at 51
    # is crossed, and a may move |51·10 − 508| / 2 = 1 from where the update left it
    assert _crossing(54.0, 51.0, 2.0, 10.0, 50.0, 508.0, 54.0, 2.0) == pytest.approx(1.0)


def test_follow_gives_the_partner_the_equal_gain_move() -> None:
    # a moves 5 up on r (weights 2 of 10: the outcome moves 1); saliences s_ar 0.2, s_br 0.6,
    # s_at 0.5, s_bt 0.3: the outcome on t moves 1·(0.2 + 0.6)/(0.5 + 0.3) = 1, so b (weight
    # 4 of 8 on t, above a's position there) moves down 1·8/4 = 2; both gain 1·0.3 − 1·0.6
    ma, mb, gain = _follow(5.0, 40.0, 60.0, 2.0, 10.0, 0.2, 0.6, 0.5, 0.3, 8.0, 4.0, 70.0, 30.0)
    assert (ma, mb) == pytest.approx((5.0, -2.0))
    assert gain == pytest.approx(0.3)


def test_groups_lists_the_values_of_each_cell_in_order() -> None:
    keys = np.array([2, 0, 2, 1, 0])
    assert _groups(keys, 4, np.array([10, 11, 12, 13, 14])) == [[11, 14], [13], [10, 12], []]
