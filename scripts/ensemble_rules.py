"""Score the ensemble's penalty and weight rules out of fold (docs/backtest.md, fourth attempt).

    PYTHONPATH=src python scripts/ensemble_rules.py --shipped [SHARED]   # default ../shared
    PYTHONPATH=src python scripts/ensemble_rules.py CASES_OR_DIRS...

``--shipped`` scores them on the cases the shipped ensemble is fitted on (the DEU III
development half, Arregui & Perarnaud 2021, doi:10.34810/data53, even-numbered proposals,
and the Copenhagen 2009 example, named as scripts/fit_default_ensemble.py names them); the
held-out (odd-numbered) DEU proposals are never read. Every model runs as ``accord backtest``
runs them (the default samples, seed 0); each rule's ensemble is then scored out of fold
exactly as the backtest scores accord's own (5 folds by case, ``accord.backtest.folds``, seed
0; the penalty chosen on inner folds of the training cases only), and the script checks that
the primary rule's out-of-fold forecasts are the backtest's ``ensemble`` rows. Prints two
markdown tables: MAE per fold and overall with the paired case-bootstrap 95% interval against
the compromise and the exchange model; and each rule fitted on every row (what
``accord fit`` would ship).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from accord.backtest import load_cases, run
from accord.backtest.bootstrap import mae_difference
from accord.backtest.defaults import FOLDS, SAMPLES
from accord.backtest.folds import fold_of
from accord.backtest.runner import ENSEMBLE, BacktestResult
from accord.case import Case
from accord.ensemble.crossval import EARLIER, PRIMARY, Rule, fit_chosen, out_of_fold
from accord.ensemble.features import COMPONENTS, FEATURES, combine
from accord.ensemble.train import design_rows

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_default_calibration import ROOT, training_cases

RULES = {
    "R1 + R2 (primary): one-SE penalty, convex model weights": PRIMARY,
    "R1 alone: one-SE penalty, free weights": Rule("one-se", 0),
    "R2 alone: lowest inner MAE, convex model weights": Rule("min", len(COMPONENTS)),
    "earlier: lowest inner MAE, free weights": EARLIER,
}


def _cases(argv: list[str]) -> list[tuple[str, Case]]:
    if argv and argv[0] == "--shipped":
        return training_cases(Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared")
    return load_cases(argv)


def _design(result: BacktestResult) -> tuple[np.ndarray, ...]:
    """The ensemble's rows ``(base, z, y, case id, outer fold)``, in the backtest's order
    (the case ids, not their indices, label the rows: the inner folds are drawn from them)."""
    base, z, y, case = design_rows(result)
    folds = fold_of(result.case_ids, min(FOLDS, len(result.cases)), result.seed)
    return base, z, y, case, np.array([folds[c] for c in case])


def _errors(result: BacktestResult, model: str) -> np.ndarray:
    per = {(r.case, r.issue): r.error for r in result.rows if r.model == model}
    return np.array([per[(r.case, r.issue)] for r in result.rows if r.model == ENSEMBLE])


def _interval(case: np.ndarray, e: np.ndarray, ref: np.ndarray) -> str:
    d = mae_difference(case, e, ref)  # case: indices into the backtest's cases, as accord fit
    return f"{d.value:+.2f} [{d.low:+.2f}, {d.high:+.2f}]"


def _row(name: str, e: np.ndarray, case: np.ndarray, fold: np.ndarray,
         refs: dict[str, np.ndarray], extra: str) -> str:
    per_fold = [f"{np.abs(e[fold == f]).mean():.2f}" for f in range(int(fold.max()) + 1)]
    vs = [_interval(case, e, r) if r is not e else "–" for r in refs.values()]
    return f"| {name} | " + " | ".join(per_fold) + f" | {np.abs(e).mean():.2f} | " + \
        " | ".join(vs) + f" | {extra} |"


def main() -> None:
    result = run(_cases(sys.argv[1:]), samples=SAMPLES, seed=0, method=PRIMARY)
    assert result.ensemble is not None
    base, z, y, case, fold = _design(result)
    index = {c: i for i, c in enumerate(result.case_ids)}
    at = np.array([index[c] for c in case])
    refs = {m: _errors(result, m) for m in ("compromise", "exchange")}
    k = int(fold.max()) + 1
    print(f"{y.size} issues in {np.unique(at).size} cases with an outcome, {k} folds by case, "
          "seed 0\n")
    print("| rule | " + " | ".join(f"fold {f}" for f in range(k)) + " | all | Δ vs "
          "compromise [95%] | Δ vs exchange [95%] | outer folds' penalties |")
    print("|---" * (k + 5) + "|")
    for m, e in refs.items():
        print(_row(m, e, at, fold, refs, ""))
    fits = {}
    for name, rule in RULES.items():
        oof = out_of_fold(base, z, y, case, FOLDS, 0, fold=fold, rule=rule)
        if rule == PRIMARY:  # the backtest's own ensemble rows
            assert np.allclose(oof.forecast, result.ensemble.forecast)
        lams = ", ".join(f"{f.penalty:g}" for f in oof.fits)
        print(_row(name, oof.forecast - y, at, fold, refs, lams))
        fits[name] = fit_chosen(base, z, y, case, rule=rule)
    print("\nFitted on every row (what `accord fit` would write):\n")
    print("| rule | penalty | inner MAE ± SE at it | in-sample MAE | non-zero weights |")
    print("|---|---|---|---|---|")
    for name, f in fits.items():
        weights = ", ".join(f"{n} {b:+.3f}" for n, b in zip(FEATURES, f.beta, strict=True)
                            if abs(b) > 5e-4)
        mae = np.abs(combine(base, z, f.beta) - y).mean()
        print(f"| {name} | {f.penalty:g} | {f.inner_mae[f.penalty]:.2f} ± "
              f"{f.inner_se[f.penalty]:.2f} | {mae:.2f} | {weights or 'none'} |")


if __name__ == "__main__":
    main()
