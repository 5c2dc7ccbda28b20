"""The ensemble's design: offsets from the compromise forecast, worked by hand."""

from __future__ import annotations

import numpy as np

from accord.ensemble.features import (
    COMPONENTS,
    FEATURES,
    capability_at_status_quo,
    combine,
    design,
)
from accord.models.arrays import CaseArrays, RuleArrays


def _arrays(rule: RuleArrays | None) -> CaseArrays:
    # three actors, one issue: capability .5/.3/.2 at 0, 50, 100; status quo 0 (known)
    return CaseArrays(
        actors=["a", "b", "c"], issues=["i"], c=np.array([0.5, 0.3, 0.2]),
        X=np.array([[0.0], [50.0], [100.0]]), S=np.ones((3, 1)), sq=np.array([0.0]),
        veto=np.zeros(3, bool), has=np.ones((3, 1), bool), rule=rule,
        sq_known=np.array([True]))


def test_design_by_hand() -> None:
    rule = RuleArrays(proposer=2, weight=np.array([0.5, 0.3, 0.2]), need=1.0, strict=False,
                      must=np.zeros(3, bool))
    a = _arrays(rule)
    base, z = design(a, {"compromise": np.array([35.0]), "exchange": np.array([45.0])})
    f = dict(zip(FEATURES, z[0], strict=True))
    assert base[0] == 35.0
    assert f["exchange − compromise"] == 10.0
    assert all(f[f"{m} − compromise"] == 0 for m in COMPONENTS if m != "exchange")
    assert f["status quo"] == -35.0  # 0 − 35
    assert f["status quo unknown"] == 0.0
    assert np.isclose(f["capability at the status quo"], -35.0 * 0.5)  # a (0.5) sits at 0
    assert f["unanimity"] == -35.0
    # spread: the weighted SD about 35: .5·35² + .3·15² + .2·65² = 1525
    assert np.isclose(f["spread"], -35.0 * np.sqrt(1525.0) / 100)
    assert f["proposer"] == 65.0  # c at 100
    assert np.isclose(capability_at_status_quo(a)[0], 0.5)
    beta = np.zeros(len(FEATURES))
    beta[FEATURES.index("exchange − compromise")] = 0.5
    beta[FEATURES.index("status quo")] = 2.0
    assert combine(base, z, beta)[0] == 0.0  # 35 + 5 − 70, clipped at 0


def test_without_a_rule_the_procedural_traits_are_zero_and_samples_broadcast() -> None:
    a = _arrays(None)
    _, z = design(a, {"compromise": np.array([35.0])})
    f = dict(zip(FEATURES, z[0], strict=True))
    assert f["unanimity"] == 0.0 and f["proposer"] == 0.0
    sampled = CaseArrays(a.actors, a.issues, np.tile(a.c, (4, 1)), np.tile(a.X, (4, 1, 1)),
                         np.tile(a.S, (4, 1, 1)), np.tile(a.sq, (4, 1)), a.veto, a.has)
    sb, sz = design(sampled, {"compromise": np.full((4, 1), 35.0)})
    assert sb.shape == (4, 1) and sz.shape == (4, 1, len(FEATURES))
    assert np.allclose(sz[2], z)
