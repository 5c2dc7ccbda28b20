"""Score the equal-weight combinations of issue 11's fifth attempt (docs/backtest.md).

    accord import SHARED/data/deu/deu3-dev.tsv --format deu -o /tmp/deu
    PYTHONPATH=src python scripts/combinations.py /tmp/deu
    PYTHONPATH=src python scripts/combinations.py --shipped [SHARED]   # default ../shared

The first scores the pre-registered rows on the DEU III development half (Arregui &
Perarnaud 2021, doi:10.34810/data53: the even-numbered proposals; the odd-numbered ones are
never read); ``--shipped`` on the cases the shipped ensemble is fitted on (the same half and
the Copenhagen 2009 example), for the shipping rule. Every model runs as ``accord backtest``
runs them (default samples, seed 0). Rows:

- C1 (primary): the equal-weight mean of compromise and exchange (nothing fitted);
- C2: the equal-weight mean of the models whose MAE on the training folds is at most 10%
  above the best (chosen in each outer fold on the other folds' issues only);
- C3: the median of the eight models' forecasts.

5 folds by case (``accord.backtest.folds.fold_of``, seed 0); MAE per fold and overall; ΔMAE
against compromise and exchange with the paired case-bootstrap 95% interval (2,000
resamples); for C1 also the Bonferroni interval over the 26 variants tried on this half
(level 1 − 0.05/26, 20,000 resamples). Prints markdown tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from accord.backtest import load_cases, run
from accord.backtest.bootstrap import mae_difference
from accord.backtest.defaults import FOLDS, SAMPLES
from accord.backtest.folds import fold_of
from accord.case import Case
from accord.ensemble.average import mean_of, median_of, within_best
from accord.ensemble.features import BASE, COMPONENTS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_default_calibration import ROOT, training_cases

MODELS = (BASE, *COMPONENTS)
PRIMARY = (BASE, "exchange")
TRIED = 26  # variants tried on this half, this round's three included (docs/backtest.md)

Key = tuple[str, str]


def _cases(argv: list[str]) -> list[tuple[str, Case]]:
    if argv and argv[0] == "--shipped":
        return training_cases(Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared")
    return load_cases(argv)


def _interval(case: np.ndarray, e: np.ndarray, ref: np.ndarray, resamples: int = 2000,
              level: float = 0.95) -> str:
    d = mae_difference(case, e, ref, resamples, 0, level)
    return f"{d.value:+.2f} [{d.low:+.2f}, {d.high:+.2f}]"


def _c2(forecast: dict[str, np.ndarray], y: np.ndarray, fold: np.ndarray
        ) -> tuple[np.ndarray, list[list[str]]]:
    """C2's out-of-fold forecasts and each outer fold's members (chosen on the others)."""
    out = np.full(y.size, np.nan)
    chosen = []
    for f in range(int(fold.max()) + 1):
        train, test = fold != f, fold == f
        mae = {}
        for m in MODELS:
            ok = train & ~np.isnan(forecast[m])
            mae[m] = float(np.abs(forecast[m][ok] - y[ok]).mean())
        members = within_best(mae)
        chosen.append(members)
        out[test] = mean_of({m: forecast[m][test] for m in MODELS}, members)
    return out, chosen


def main() -> None:
    result = run(_cases(sys.argv[1:]), MODELS, samples=SAMPLES, seed=0)
    rows = result.rows
    keys: list[Key] = [(r.case, r.issue) for r in rows if r.model == BASE]
    y = np.array([r.outcome for r in rows if r.model == BASE])
    at = {(r.case, r.issue, r.model): r.forecast for r in rows}
    forecast = {m: np.array([at.get((c, i, m), np.nan) for c, i in keys]) for m in MODELS}
    missing = {m: int(np.isnan(v).sum()) for m, v in forecast.items() if np.isnan(v).any()}
    index = {c: i for i, c in enumerate(result.case_ids)}
    case = np.array([index[c] for c, _ in keys])
    folds = fold_of(result.case_ids, min(FOLDS, len(result.cases)), 0)
    fold = np.array([folds[c] for c, _ in keys])
    k = int(fold.max()) + 1
    c2, members = _c2(forecast, y, fold)
    err = {m: forecast[m] - y for m in PRIMARY}
    err["C1 (primary): mean of compromise and exchange"] = mean_of(forecast, PRIMARY) - y
    err["C2: mean of the models within 10% of the best (training folds)"] = c2 - y
    err["C3: median of the eight models"] = median_of(forecast, MODELS) - y
    refs = {m: err[m] for m in PRIMARY}
    print(f"{y.size} issues in {np.unique(case).size} cases with an outcome, {k} folds by "
          f"case, seed 0; member forecasts missing: {missing or 'none'}\n")
    print("| row | " + " | ".join(f"fold {f}" for f in range(k)) +
          " | all | Δ vs compromise [95%] | Δ vs exchange [95%] |")
    print("|---" * (k + 4) + "|")
    for name, e in err.items():
        cells = [f"{np.abs(e[fold == f]).mean():.2f}" for f in range(k)]
        vs = ["–" if r is e else _interval(case, e, r) for r in refs.values()]
        print(f"| {name} | " + " | ".join(cells) + f" | {np.abs(e).mean():.2f} | "
              + " | ".join(vs) + " |")
    c1 = err["C1 (primary): mean of compromise and exchange"]
    level = 1 - 0.05 / TRIED
    wide = {m: _interval(case, c1, e, 20000, level) for m, e in refs.items()}
    print(f"\nC1 − compromise, Bonferroni over {TRIED} variants ({level:.2%}, 20,000 "
          f"resamples): {wide[BASE]}; C1 − exchange, the same: {wide['exchange']}")
    print("C2's members per outer fold: " + "; ".join(", ".join(m) for m in members))
    r = np.corrcoef(refs[BASE], refs["exchange"])[0, 1]
    print(f"correlation of the compromise and exchange errors: {r:.3f}")


if __name__ == "__main__":
    main()
