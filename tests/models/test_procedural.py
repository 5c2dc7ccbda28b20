"""The procedural (agenda-setter) models against hand-worked examples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.case import Case, load_case
from accord.errors import OptionError
from accord.models.arrays import RuleArrays, case_arrays
from accord.models.procedural import procedural
from accord.models.registry import MODELS

# voters A (10), B (40), C (70); the proposer P (90) does not vote; status quo 20.
# Accepting x > 20 over 20: A iff x <= 2·10 - 20 = 0 (never), B iff x <= 60, C iff x <= 120.
X = np.array([[10.0], [40.0], [70.0], [90.0]])
SQ = np.array([20.0])
HAS = np.ones((4, 1), dtype=bool)
VOTERS = np.array([1.0, 1.0, 1.0, 0.0])
NOBODY = np.zeros(4, dtype=bool)


def rule(need: float, strict: bool = False, weight: np.ndarray = VOTERS,
         must: np.ndarray = NOBODY, proposer: int = 3) -> RuleArrays:
    return RuleArrays(proposer, weight, need, strict, must)


def test_majority_the_pivot_reflects_the_status_quo() -> None:
    # more than half of 3 votes needs B and C: the win-set ends at B's 2·40 - 20 = 60; the
    # proposer (90) offers the point of it nearest to 90
    np.testing.assert_allclose(procedural(X, SQ, HAS, rule(0.5, strict=True)), [60.0])


def test_unanimity_a_voter_behind_the_status_quo_blocks() -> None:
    np.testing.assert_allclose(procedural(X, SQ, HAS, rule(1.0)), [20.0])


def test_qmv_weights_and_the_voters_hull() -> None:
    # C alone holds 3 of 5 votes ≥ 0.6: it accepts up to 120, but the voters (10..70) would
    # jointly amend anything beyond 70, so the proposer gets 70
    out = procedural(X, SQ, HAS, rule(0.6, weight=np.array([1.0, 1.0, 3.0, 0.0])))
    np.testing.assert_allclose(out, [70.0])


def test_must_consent_caps_the_win_set() -> None:
    # majority as above (up to 60), but A must consent and accepts nothing right of 20
    must = np.array([True, False, False, False])
    np.testing.assert_allclose(procedural(X, SQ, HAS, rule(0.5, True, must=must)), [20.0])


def test_costly_reference_point_widens_acceptance() -> None:
    # κ = 30: A accepts x <= 10 + sqrt(10² + 30²) = 41.62…, B up to 40 + sqrt(20² + 30²),
    # C up to 70 + sqrt(50² + 30²); unanimity ends at A's 41.62…
    out = procedural(X, SQ, HAS, rule(1.0), kappa=30.0)
    np.testing.assert_allclose(out, [10 + np.sqrt(1000.0)])


def test_a_proposer_near_the_status_quo_gets_its_ideal() -> None:
    x = X.copy()
    x[3, 0] = 30.0
    np.testing.assert_allclose(procedural(x, SQ, HAS, rule(0.5, strict=True)), [30.0])


def test_a_proposer_without_a_position_offers_the_voters_median() -> None:
    # voters' weighted median (equal weights 10, 40, 70) is 40, inside the win-set [20, 60]
    has = HAS.copy()
    has[3, 0] = False
    np.testing.assert_allclose(procedural(X, SQ, has, rule(0.5, strict=True)), [40.0])


def test_sample_axis_matches_one_by_one() -> None:
    rng = np.random.default_rng(4)
    xs = rng.uniform(0, 100, (6, 5, 3))
    sq = rng.uniform(0, 100, (6, 3))
    has = rng.random((6, 5, 3)) < 0.8
    r = rule(0.6, weight=np.array([1.0, 2.0, 3.0, 1.0, 0.0]),
             must=np.array([False, False, False, False, True]), proposer=4)
    batched = procedural(xs, sq, has, r, kappa=5.0)
    assert batched.shape == (6, 3)
    for m in range(6):
        np.testing.assert_allclose(batched[m], procedural(xs[m], sq[m], has[m], r, kappa=5.0))


def test_a_case_without_a_decision_block_is_refused(flagship: Case) -> None:
    bare = flagship.model_copy(update={"decision": None})
    with pytest.raises(OptionError, match="decision block"):
        MODELS["procedural"].run(case_arrays(bare))


def test_runs_on_the_flagship(flagship_path: Path) -> None:
    # Russia proposes, Russia, the US and NATO decide by consensus. Missiles: status quo 20,
    # the US at 60 accepts up to 100, NATO at 50 up to 2·50 - 20 = 80: Russia (100) gets 80.
    # Military activity: status quo 25, NATO at 40 accepts up to 55. Enlargement: the US and
    # NATO sit at the status quo 0 and accept no move.
    arrays = case_arrays(load_case(flagship_path))
    out = dict(zip(arrays.issues, MODELS["procedural"].run(arrays), strict=True))
    assert out["missiles"] == pytest.approx(80.0)
    assert out["military-activity"] == pytest.approx(55.0)
    assert out["nato-enlargement"] == pytest.approx(0.0)
    costly = MODELS["procedural-costly"].run(arrays)
    assert (costly >= MODELS["procedural"].run(arrays) - 1e-9).all()  # Russia gets more
