"""``accord fit CASES… -o ensemble.json``: fit the learned ensemble on known outcomes, or
score an equal-weight mean of named models (``--mean``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from accord.backtest.defaults import SAMPLES
from accord.cli.app import app, out
from accord.cli.backtest import backtest_cases
from accord.cli.scheduling import SCHEDULER_HELP, WORKERS_HELP
from accord.errors import OptionError

if TYPE_CHECKING:
    from accord.ensemble.average import Mean
    from accord.ensemble.crossval import Rule
    from accord.ensemble.schema import Ensemble


def _fitted(ens: Ensemble) -> list[str]:
    """How a learned ensemble's penalty was chosen (lines for a reader)."""
    assert ens.penalty is not None
    rule = ("the largest within one standard error of the best" if ens.penalty_rule == "one-se"
            else "the best")
    se = ens.inner_se.get(f"{ens.penalty:g}")
    return [f"fitted on {ens.issues} issues in {ens.cases} cases ({ens.label}); penalty "
            f"{ens.penalty:g} ({rule} by {ens.cross_validation.folds}-fold cross-validation by "
            f"case: inner MAE {ens.inner_mae[f'{ens.penalty:g}']:.2f}"
            + (f" ± {se:.2f})" if se is not None else ")")]


def summary(ens: Ensemble) -> list[str]:
    """What the file says about how well the ensemble does, in lines for a reader."""
    cv = ens.cross_validation
    d, b = cv.ensemble_vs_compromise, cv.best_vs_compromise
    mean = ens.combination == "mean"
    penalties = [f" (penalty {lam:g})" for lam in cv.fold_penalty] or [""] * len(cv.fold_mae)
    weights = ", ".join(f"{f} {w:+.3f}" for f, w in ens.weights.items() if w)
    lines = [
        *([f"the equal-weight mean of {', '.join(ens.members)}, nothing fitted; scored on "
           f"{ens.issues} issues in {ens.cases} cases ({ens.label})"] if mean else _fitted(ens)),
        f"out-of-fold MAE ({cv.folds} folds by case, seed {cv.seed}"
        + ("" if mean else "; penalty chosen on inner folds") + "): "
        + ", ".join(f"{m} {v:.1f}" for m, v in sorted(cv.mae.items(), key=lambda kv: kv[1])),
        *(f"  fold {f}{lam}: " + ", ".join(f"{m} {v:.1f}" for m, v in row.items())
          for f, (row, lam) in enumerate(zip(cv.fold_mae, penalties, strict=True))),
        f"ensemble − compromise: {d.value:+.1f} [{d.low:+.1f}, {d.high:+.1f}] (95%, paired "
        "bootstrap over cases)",
        f"best ({cv.best}) − compromise: {b.value:+.1f} [{b.low:+.1f}, {b.high:+.1f}]",
        f"following the per-issue choice (out of fold): MAE {cv.choice_mae:.1f}",
    ]
    if mean:
        return lines
    lines += [f"in-sample MAE of the final weights (optimistic): {cv.in_sample_mae:.1f}",
              "weights: " + (weights or "none (the ensemble is the compromise model)")]
    if ens.convex:
        lines.append(f"the models' weights are non-negative and sum to at most 1 "
                     f"({len(ens.convex)} models)")
    return lines


def _method(mean: str | None) -> Rule | Mean:
    """The learned ensemble's rule, or the mean of the models ``mean`` names (bad names:
    an :class:`~accord.errors.OptionError`)."""
    from accord.ensemble.average import Mean
    from accord.ensemble.crossval import PRIMARY
    from accord.ensemble.schema import members_problems

    if mean is None:
        return PRIMARY
    members = [m.strip() for m in mean.split(",") if m.strip()]
    problems = members_problems(members)
    if problems:
        raise OptionError("--mean", problems[0][1])
    return Mean(tuple(members))


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
    mean: str = typer.Option(
        None, "--mean", help="comma-separated models: their equal-weight mean instead of "
        "fitted weights (nothing fitted; the shipped ensemble is compromise,exchange)"),
) -> None:
    """Fit the learned ensemble (weights on every model's forecast and a few traits of the
    issue) on cases with known outcomes, cross-validated by case, or score an equal-weight
    mean of named models (--mean); use it with --model ensemble --ensemble FILE."""
    from accord.ensemble.train import fit_ensemble  # numpy, scipy and the models load only now

    result = backtest_cases(cases, None, samples, seed, scheduler, workers, _method(mean))
    ens = fit_ensemble(result, label or f"{len(result.cases)} cases")
    ens.save(output)
    for line in summary(ens):
        out.print(line, highlight=False, markup=False)
    out.print(f"ensemble written to {output.resolve()}", highlight=False)
