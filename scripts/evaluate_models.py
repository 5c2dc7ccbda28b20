"""Score accord's models on the DEU III development half, by case-grouped folds.

Usage: PYTHONPATH=src python scripts/evaluate_models.py [--shared /work/shared] [--boot 2000]

Reads ``data/deu/deu3-dev.tsv`` under the shared folder (``$ACCORD_SHARED`` or ``../shared``)
with accord's DEU reader (capability ``votes``, as ``accord import --format deu``) and scores
every issue with a coded outcome by absolute error on the 0–100 scale.

- **Folds**: the 70 proposals (cases), sorted by code, shuffled with
  ``numpy.random.default_rng(11)`` and dealt round-robin into 5 folds, so the issues of one
  proposal (which share actors) never straddle folds.
- **Bootstrap**: the MAE difference of each model minus compromise, resampling cases with
  replacement (``--boot`` replicates, seed 12), 95 % percentile interval.
- **Variants** (EUM options, exchange rounds, the procedural model's κ): within each family
  the variant with the lowest MAE on the other four folds is scored on the held-out fold;
  the ``cv-selected`` row is the resulting out-of-fold MAE, to compare with the default's.

Superseded by ``accord backtest`` once it lands; kept small on purpose.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from accord.formats.deu import read_deu
from accord.models import eum, exchange, procedural, static
from accord.models.arrays import CaseArrays, case_arrays
from accord.models.registry import MODELS

FOLDS, FOLD_SEED, BOOT_SEED = 5, 11, 12
Run = Callable[[CaseArrays], np.ndarray]


def _eum(**options: object) -> Run:
    opts = eum.EUMOptions(**options)  # type: ignore[arg-type]
    return lambda a: eum.run_issues(a.c, a.X, a.S, a.has, opts).forecast


def _nash_status_quo(a: CaseArrays) -> np.ndarray:
    """nash before this change: without veto players, every actor bargains from the status quo."""
    players = a.veto if a.veto.any() else np.ones_like(a.veto)
    return static.nash(a.c, a.X, a.S, a.sq, players=players)


FAMILIES: dict[str, dict[str, Run]] = {
    "eum": {
        "default": MODELS["eum"].run,
        "scholz-code": lambda a: eum.run_issues(a.c, a.X, a.S, a.has, eum.SCHOLZ_CODE).forecast,
        "probability=global": _eum(probability="global"),
        "probability=net": _eum(probability="net"),
        "acceptance=priority": _eum(acceptance="priority"),
        "acceptance=strongest": _eum(acceptance="strongest"),
        "risk=neutral": _eum(risk="neutral"),
        "votes=risk": _eum(votes="risk"),
        "mu=mean": _eum(mu="mean"),
    },
    "exchange": {f"rounds={r}": (lambda a, r=r: exchange.run(a, r)) for r in (1, 3, 10, 20)},
    "procedural": {
        f"kappa={k:g}": (lambda a, k=k: procedural.run(a, k)) for k in (0, 5, 10, 20, 30, 50)
    },
}
BASE = ["compromise", "median", "nash", "eum", "eum-mean", "exchange", "procedural",
        "procedural-costly"]


def _folds(codes: list[str]) -> dict[str, int]:
    order = np.random.default_rng(FOLD_SEED).permutation(sorted(codes))
    return {str(code): i % FOLDS for i, code in enumerate(order)}


def _errors(cases: dict, runs: dict[str, Run]) -> dict[str, dict[str, np.ndarray]]:
    """Absolute errors per model and case, over the issues with an outcome."""
    out: dict[str, dict[str, np.ndarray]] = {name: {} for name in runs}
    for code, case in cases.items():
        arrays = case_arrays(case)
        scored = [j for j, i in enumerate(case.issues) if i.outcome is not None]
        truth = np.array([case.issues[j].outcome.value.central for j in scored])
        for name, run in runs.items():
            out[name][code] = np.abs(np.asarray(run(arrays), float)[scored] - truth)
    return out


def _mae(err: dict[str, np.ndarray], codes: list[str]) -> float:
    return float(np.concatenate([err[c] for c in codes]).mean())


def _bootstrap(err: dict[str, np.ndarray], base: dict[str, np.ndarray], n: int) -> tuple:
    codes = sorted(err)
    rng = np.random.default_rng(BOOT_SEED)
    diffs = []
    for _ in range(n):
        pick = [codes[i] for i in rng.integers(0, len(codes), len(codes))]
        diffs.append(_mae(err, pick) - _mae(base, pick))
    return tuple(np.percentile(diffs, [2.5, 97.5]))


def _cv_select(family: dict[str, dict[str, np.ndarray]], fold: dict[str, int]) -> tuple:
    """Out-of-fold MAE of picking the best variant on the other folds; the picks."""
    errs, picks = [], []
    for f in range(FOLDS):
        train = [c for c, g in fold.items() if g != f]
        test = [c for c, g in fold.items() if g == f]
        best = min(family, key=lambda v: _mae(family[v], train))
        picks.append(best)
        errs += [family[best][c] for c in test]
    return float(np.concatenate(errs).mean()), picks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=os.environ.get("ACCORD_SHARED", "../shared"))
    parser.add_argument("--boot", type=int, default=2000)
    args = parser.parse_args()
    cases = read_deu(Path(args.shared) / "data/deu/deu3-dev.tsv")
    fold = _folds(list(cases))
    runs: dict[str, Run] = {m: MODELS[m].run for m in BASE}
    runs["nash (status quo, before)"] = _nash_status_quo
    runs["status quo"] = lambda a: a.sq
    err = _errors(cases, runs)
    n_issues = sum(len(v) for v in err["compromise"].values())
    print(f"DEU III dev half: {len(cases)} proposals, {n_issues} issues with an outcome; "
          f"folds by case (seed {FOLD_SEED}); bootstrap {args.boot} case resamples\n")
    by_fold = [[c for c, g in fold.items() if g == f] for f in range(FOLDS)]
    print("| model | MAE | " + " | ".join(f"fold {f}" for f in range(FOLDS))
          + " | Δ vs compromise [95% CI] |")
    print("|---" * (FOLDS + 3) + "|")
    for name, e in err.items():
        lo, hi = _bootstrap(e, err["compromise"], args.boot)
        delta = _mae(e, list(cases)) - _mae(err["compromise"], list(cases))
        print(f"| {name} | {_mae(e, list(cases)):.2f} | "
              + " | ".join(f"{_mae(e, c):.2f}" for c in by_fold)
              + f" | {delta:+.2f} [{lo:+.2f}, {hi:+.2f}] |")
    nash_sq = nash_all = 0
    for case in cases.values():
        a = case_arrays(case)
        out = MODELS["nash"].run(a)
        for j, issue in enumerate(case.issues):
            if issue.outcome is not None:
                nash_all += 1
                nash_sq += bool(abs(out[j] - a.sq[j]) < 1e-6)
    print(f"\nnash equals the status quo on {nash_sq} of {nash_all} issues")
    for fam, variants in FAMILIES.items():
        ferr = _errors(cases, variants)
        print(f"\n{fam} variants (in-sample MAE over all folds; cv-selected: out-of-fold)")
        for v, e in ferr.items():
            print(f"  {v:24s} {_mae(e, list(cases)):6.2f}   folds "
                  + " ".join(f"{_mae(e, c):6.2f}" for c in by_fold))
        cv, picks = _cv_select(ferr, fold)
        print(f"  {'cv-selected':24s} {cv:6.2f}   picks per fold: {', '.join(picks)}")


if __name__ == "__main__":
    main()
