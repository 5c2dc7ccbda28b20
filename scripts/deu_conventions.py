"""Score the pre-registered issue-11 variants on the DEU III development half (docs/backtest.md).

    accord import SHARED/data/deu/deu3-dev.tsv --format deu --powers supranational-ep -o S0
    accord import SHARED/data/deu/deu3-dev.tsv --format deu -o S2     # Council-centric
    PYTHONPATH=src python scripts/deu_conventions.py S0 [S2]

S0 holds the development half imported under the earlier convention (the compromise model
on it is the reference), S2 the same under the Council-centric one (optional: the V5 rows,
every model run on it). Both hold the development half (Arregui & Perarnaud 2021,
doi:10.34810/data53: the even-numbered proposals of shared/data/deu/deu3-dev.tsv); the
held-out proposals are never read. Cross-validation is by proposal (accord's fold rule,
5 folds, seed 0); every choice (a convention, a group's model, a penalty) is made on the
training folds only. Prints one
markdown table: MAE per fold, overall, and ΔMAE against the compromise model (S0) with the
paired case-bootstrap 95% interval.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from accord.backtest import load_cases, run
from accord.backtest.bootstrap import mae_difference
from accord.backtest.folds import FOLDS, fold_of
from accord.case import Case
from accord.ensemble.crossval import PRIMARY, out_of_fold
from accord.ensemble.features import FEATURES
from accord.formats.eu_council import weighting_on
from accord.models.arrays import case_arrays
from accord.models.static import compromise

CONVENTIONS = ("S0", "S1", "S2", "S3", "S4")
MIN_GROUP = 15


@dataclass(frozen=True)
class Issue:
    case: str
    issue: str
    y: float
    conv: dict[str, float]  # S0..S4 forecasts
    must: float  # the must-consent actors' position − S0 (0 where none)
    group: str  # procedure × voting rule
    ep: float  # the Parliament's position where it must consent (COD), else NaN
    com: float  # the Commission's (proposer's) position, NaN where it states none
    sq: float  # the status quo's central value


def _supranational(case: Case) -> tuple[float, float, bool, bool]:
    """(largest member state's weight, the Council's total, COD, unanimity) for the case."""
    d = case.decision
    assert d is not None
    cod = "EP" in d.must_consent
    unan = d.rule == "unanimity"
    table = weighting_on(case.date)
    if unan:
        return 1.0, float(len(table.weights)), cod, unan
    return max(table.weights.values()), table.total, cod, unan


def conventions(case: Case) -> tuple[dict[str, np.ndarray], np.ndarray, str, np.ndarray]:
    """Each convention's compromise forecast per issue, the must-consent offset, the group."""
    a = case_arrays(case)
    raw = np.array([x.capability.central for x in case.actors], dtype=float)
    ids = [x.id for x in case.actors]
    com, ep = ids.index("COM"), ids.index("EP")
    largest, total, cod, unan = _supranational(case)
    states = np.ones(len(ids), bool)
    states[[com, ep]] = False

    def with_caps(c_com: float, c_ep: float) -> np.ndarray:
        c = raw.copy()
        c[com], c[ep] = c_com, c_ep
        return np.asarray(compromise(c, a.X, a.S))

    out = {
        "S0": np.asarray(compromise(raw, a.X, a.S)),
        "S1": with_caps(0.0, 0.0),
        "S2": with_caps(largest, largest if cod else 0.0),
        "S3": with_caps(total, total if cod else 0.0),
        "S4": np.asarray(compromise(np.ones(len(ids)), a.X, a.S)),
    }
    must = np.where(cod & a.has[ep], a.X[ep] - out["S0"], 0.0)
    group = ("COD" if cod else "CNS" if "CNS" in (case.venue or "") else "other") + (
        "/unanimity" if unan else "/QMV")
    extra = np.stack([np.where(cod & a.has[ep], a.X[ep], np.nan),
                      np.where(a.has[com], a.X[com], np.nan), a.sq])
    return out, must, group, extra


def issues(result_cases: list[tuple[str, Case]], keys: list[tuple[str, str]],
           outcome: dict[tuple[str, str], float]) -> list[Issue]:
    got: list[Issue] = []
    by_id = dict(result_cases)
    cache: dict[str, tuple[dict[str, np.ndarray], np.ndarray, str, np.ndarray, list[str]]] = {}
    for cid, iid in keys:
        if cid not in cache:
            c = by_id[cid]
            cache[cid] = (*conventions(c), [i.id for i in c.issues])
        conv, must, group, extra, order = cache[cid]
        j = order.index(iid)
        got.append(Issue(cid, iid, outcome[(cid, iid)], {k: float(v[j]) for k, v in conv.items()},
                         float(must[j]), group, *(float(x) for x in extra[:, j])))
    return got


def nested_choice(err: dict[str, np.ndarray], fold: np.ndarray, names: tuple[str, ...],
                  group: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold errors of the model chosen by training MAE (per group if given)."""
    out = np.empty(fold.size)
    for f in np.unique(fold):
        train, test = fold != f, fold == f
        overall = min(names, key=lambda m: float(np.abs(err[m][train]).mean()))
        if group is None:
            out[test] = err[overall][test]
            continue
        for g in np.unique(group[test]):
            tr = train & (group == g)
            pick = (min(names, key=lambda m: float(np.abs(err[m][tr]).mean()))
                    if tr.sum() >= MIN_GROUP else overall)
            sel = test & (group == g)
            out[sel] = err[pick][sel]
            print(f"  fold {f} group {g}: {pick} ({int(tr.sum())} training issues)",
                  file=sys.stderr)
    return out


def main() -> None:
    folder = Path(sys.argv[1])
    cases = load_cases([folder])
    result = run(cases, samples=50, seed=0, method=PRIMARY)  # the LAD ensemble, as scored
    base_rows = [r for r in result.rows if r.model == "ensemble"]
    keys = [(r.case, r.issue) for r in base_rows]
    outcome = {(r.case, r.issue): r.outcome for r in base_rows}
    per = {m: {(r.case, r.issue): r.forecast for r in result.rows if r.model == m}
           for m in ("compromise", "exchange", "ensemble")}
    rows = issues(cases, keys, outcome)
    y = np.array([r.y for r in rows])
    case = np.array([r.case for r in rows], dtype=object)
    folds = fold_of(result.case_ids, FOLDS, 0)
    fold = np.array([folds[c] for c in case])
    err = {k: np.array([r.conv[k] for r in rows]) - y for k in CONVENTIONS}
    assert np.allclose(err["S0"] + y, [per["compromise"][k] for k in keys])
    for m in ("exchange", "ensemble"):
        err[m] = np.array([per[m][k] for k in keys]) - y
    err["N1"] = nested_choice(err, fold, CONVENTIONS)
    group = np.array([r.group for r in rows])
    err["N2"] = nested_choice(err, fold, (*CONVENTIONS, "exchange"), group)

    # the ensembles: the backtest's design (central inputs) plus the new offsets
    design = {c.case: c.design for c in result.cases}
    base = np.array([r.conv["S0"] for r in rows])
    z0 = []
    for r in rows:
        d = design[r.case]
        assert d is not None
        z0.append(d.z[d.issues.index(r.issue)])
    z = np.array(z0)
    new = np.column_stack([[r.conv["S1"] - r.conv["S0"] for r in rows],
                           [r.conv["S4"] - r.conv["S0"] for r in rows],
                           [r.must for r in rows]])
    e1 = out_of_fold(base, np.hstack([z, new]), y, case, fold=fold)
    err["E1"] = e1.forecast - y
    small = np.column_stack([new, z[:, FEATURES.index("proposer")],
                             z[:, FEATURES.index("status quo")]])
    e2 = out_of_fold(base, small, y, case, fold=fold)
    err["E2"] = e2.forecast - y
    base2 = np.array([r.conv["S2"] for r in rows])
    ep, com, sq = (np.array([getattr(r, k) for r in rows]) for k in ("ep", "com", "sq"))
    v6 = np.column_stack([np.array([r.conv["S1"] for r in rows]) - base2,
                          np.array([r.conv["S4"] for r in rows]) - base2,
                          np.nan_to_num(ep - base2), np.nan_to_num(com - base2), sq - base2])
    # check: E2's columns are the same quantities measured from S0
    assert np.allclose(small[:, 2], np.nan_to_num(ep - base))
    assert np.allclose(small[:, 3], np.nan_to_num(com - base))
    assert np.allclose(small[:, 4], sq - base)
    e6 = out_of_fold(base2, v6, y, case, fold=fold)
    err["V6"] = e6.forecast - y
    print("V6 weights", [np.round(f.beta, 3).tolist() for f in e6.fits], file=sys.stderr)
    if len(sys.argv) > 2:  # V5: every model on the cases imported under S2
        other = run(load_cases([Path(sys.argv[2])]), samples=50, seed=0, method=PRIMARY)
        at = {(Path(r.case).name, r.issue, r.model): r.forecast for r in other.rows}
        for m in other.models:
            err[f"V5 {m}"] = np.array([at[(Path(c).name, i, m)] for c, i in keys]) - y
    print("E1 penalties", [f.penalty for f in e1.fits], file=sys.stderr)
    print("E2 penalties", [f.penalty for f in e2.fits], file=sys.stderr)
    print("E2 weights", [np.round(f.beta, 3).tolist() for f in e2.fits], file=sys.stderr)

    index = {c: i for i, c in enumerate(result.case_ids)}
    cid = np.array([index[c] for c in case])
    print("| variant | " + " | ".join(f"fold {f}" for f in range(FOLDS))
          + " | all | ΔMAE vs S0 [95%, case bootstrap] |")
    print("|---|" + "---|" * (FOLDS + 2))
    for name, e in err.items():
        cells = [f"{np.abs(e[fold == f]).mean():.1f}" for f in range(FOLDS)]
        d = mae_difference(cid, e, err["S0"])
        diff = "–" if name == "S0" else f"{d.value:+.2f} [{d.low:+.2f}, {d.high:+.2f}]"
        print(f"| {name} | " + " | ".join(cells) + f" | {np.abs(e).mean():.2f} | {diff} |")
    print(f"\n{len(rows)} issues in {len(set(case))} proposals", file=sys.stderr)


if __name__ == "__main__":
    main()
