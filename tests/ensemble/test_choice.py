"""Which model to believe: computed from backtest errors, never hard-coded."""

from __future__ import annotations

import numpy as np

from accord.ensemble.choice import ALL, choice_table, chosen_errors

KNOWN = np.array([True] * 20 + [False] * 20)
SPREAD = np.array([5.0] * 10 + [30.0] * 10 + [5.0] * 10 + [30.0] * 10)
UNANIMITY = np.zeros(40, bool)


def _errors(a_good_on_known: bool) -> dict[str, np.ndarray]:
    a = np.where(a_good_on_known == KNOWN, 5.0, 20.0)
    return {"a": a, "b": np.full(40, 10.0)}


def test_the_choice_follows_the_backtest_errors() -> None:
    table = choice_table(_errors(True), KNOWN, SPREAD, UNANIMITY, min_issues=5)
    assert table.spread_threshold == 17.5  # the median spread
    group = table.group_of(True, 40.0, False)
    assert group == "status quo known, spread high, vote"
    b = table.believe(group, ["a", "b"])
    assert b is not None and (b.model, b.mae, b.issues) == ("a", 5.0, 10)
    assert (b.runner_up, b.runner_up_mae) == ("b", 10.0)
    unknown = table.believe(table.group_of(False, 1.0, False), ["a", "b"])
    assert unknown is not None and unknown.model == "b"
    # a different backtest gives a different choice on the same issue
    flipped = choice_table(_errors(False), KNOWN, SPREAD, UNANIMITY, min_issues=5)
    again = flipped.believe(group, ["a", "b"])
    assert again is not None and again.model == "b"


def test_small_groups_fall_back_to_all_issues_and_only_offered_models_count() -> None:
    table = choice_table(_errors(True), KNOWN, SPREAD, UNANIMITY, min_issues=11)
    b = table.believe(table.group_of(True, 40.0, False), ["a", "b"])
    # each group has 10 issues < 11: over all issues a's MAE is 12.5, b's 10
    assert b is not None and (b.group, b.model, b.mae) == (ALL, "b", 10.0)
    only = table.believe(table.group_of(True, 40.0, False), ["a"])
    assert only is not None and only.model == "a"
    assert table.believe("x", ["c"]) is None


def test_the_choice_is_scored_out_of_fold() -> None:
    errors = _errors(True)
    fold = np.arange(40) % 2
    chosen, picked = chosen_errors(errors, KNOWN, SPREAD, UNANIMITY, fold, min_issues=5)
    assert picked[:20] == ["a"] * 20 and picked[20:] == ["b"] * 20
    assert np.allclose(chosen, np.where(KNOWN, 5.0, 10.0))


def test_a_better_model_that_was_not_run_is_named() -> None:
    table = choice_table(_errors(True), KNOWN, SPREAD, UNANIMITY, min_issues=5)
    group = table.group_of(True, 40.0, False)
    # only b forecast: a (MAE 5 in the group) is better and named; b is still believed
    b = table.believe(group, ["b"])
    assert b is not None and (b.model, b.better_not_run, b.better_not_run_mae) == ("b", "a", 5.0)
    # on unknown-status-quo issues a is worse (20): nothing is named
    worse = table.believe(table.group_of(False, 40.0, False), ["b"])
    assert worse is not None and worse.better_not_run is None
    both = table.believe(group, ["a", "b"])
    assert both is not None and both.better_not_run is None
