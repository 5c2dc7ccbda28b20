"""``accord fit CASES… -o ensemble.json``: fit the learned ensemble on known outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.backtest.defaults import SAMPLES
from accord.cli.app import app, out
from accord.cli.backtest import backtest_cases
from accord.cli.scheduling import SCHEDULER_HELP, WORKERS_HELP

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble


def summary(ens: Ensemble) -> list[str]:
    """What the file says about how well the ensemble does, in lines for a reader."""
    cv = ens.cross_validation
    d, b = cv.ensemble_vs_compromise, cv.best_vs_compromise
    rule = ("the largest within one standard error of the best" if ens.penalty_rule == "one-se"
            else "the best")
    se = ens.inner_se.get(f"{ens.penalty:g}")
    weights = ", ".join(f"{f} {w:+.3f}" for f, w in ens.weights.items() if w)
    lines = [
        f"fitted on {ens.issues} issues in {ens.cases} cases ({ens.label}); penalty "
        f"{ens.penalty:g} ({rule} by {cv.folds}-fold cross-validation by case: inner MAE "
        f"{ens.inner_mae[f'{ens.penalty:g}']:.2f}" + (f" ± {se:.2f})" if se is not None else ")"),
        f"out-of-fold MAE ({cv.folds} folds by case, seed {cv.seed}; penalty chosen on inner "
        "folds): " + ", ".join(f"{m} {v:.1f}" for m, v in sorted(cv.mae.items(),
                                                                  key=lambda kv: kv[1])),
        *(f"  fold {f} (penalty {lam:g}): " + ", ".join(f"{m} {v:.1f}" for m, v in row.items())
          for f, (row, lam) in enumerate(zip(cv.fold_mae, cv.fold_penalty, strict=True))),
        f"ensemble − compromise: {d.value:+.1f} [{d.low:+.1f}, {d.high:+.1f}] (95%, paired "
        "bootstrap over cases)",
        f"best ({cv.best}) − compromise: {b.value:+.1f} [{b.low:+.1f}, {b.high:+.1f}]",
        f"following the per-issue choice (out of fold): MAE {cv.choice_mae:.1f}",
        f"in-sample MAE of the final weights (optimistic): {cv.in_sample_mae:.1f}",
        "weights: " + (weights or "none (the ensemble is the compromise model)"),
    ]
    if ens.convex:
        lines.append(f"the models' weights are non-negative and sum to at most 1 "
                     f"({len(ens.convex)} models)")
    return lines


@app.command()
def fit(
    cases: list[Path] = typer.Argument(..., help="case files with outcomes, or folders of them"),
    output: Path = typer.Option(..., "--output", "-o", help="the ensemble (JSON)"),
    label: str = typer.Option(
        None, "--label", help="what the cases are, in words (default: their number)"),
    samples: int = typer.Option(
        SAMPLES, "--samples", "-n", help="samples per case for the input-uncertainty intervals"),
    seed: int = typer.Option(0, "--seed", help="seed of the sampler and of the folds"),
    scheduler: str = typer.Option(None, "--scheduler", help=SCHEDULER_HELP),
    workers: int = typer.Option(None, "--workers", help=WORKERS_HELP),
) -> None:
    """Fit the learned ensemble (weights on every model's forecast and a few traits of the
    issue) on cases with known outcomes, cross-validated by case; use it with
    --model ensemble --ensemble FILE."""
    from accord.ensemble.train import fit_ensemble  # numpy, scipy and the models load only now

    result = backtest_cases(cases, None, samples, seed, scheduler, workers)
    ens = fit_ensemble(result, label or f"{len(result.cases)} cases")
    ens.save(output)
    for line in summary(ens):
        out.print(line, highlight=False, markup=False)
    out.print(f"ensemble written to {output.resolve()}", highlight=False)
