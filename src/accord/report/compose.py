"""Run what a brief shows, then build it: :func:`compose_brief` is ``accord report``'s engine.

The brief's sections only lay out what they are given (:func:`accord.report.brief.build_brief`);
here the chosen models forecast the case, the forecast is assessed, the uncertain inputs are
sampled when asked for, and the dynamic models' own parts (the exchange model's likely trades,
the EUM's rounds per issue) are run when the brief shows them (:func:`shows`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.assessment import assess
from accord.calibration.apply import calibrate_sweep
from accord.calibration.schema import Calibration
from accord.case import Case
from accord.forecast import forecast_case
from accord.models.arrays import case_arrays
from accord.models.registry import DEFAULT_MODELS, Model, resolve
from accord.models.trajectory import trajectory
from accord.report.brief import build_brief
from accord.report.trades import likely_trades
from accord.report.types import Brief, BriefInput
from accord.uncertainty.sweep import sweep_case

if TYPE_CHECKING:
    from accord.ensemble.schema import Ensemble

EUM = ("eum", "eum-mean")  # the models whose rounds the brief charts per issue
EXCHANGE = ("exchange",)  # the model whose first round the brief lists as likely trades


def shows(chosen: list[Model], dynamic: tuple[str, ...]) -> bool:
    """Whether a brief over the ``chosen`` models shows the parts of the ``dynamic`` ones.

    It does when one of them is chosen, and in the default brief (the static models), which
    they illustrate; a brief limited to other models (``--model nash``) leaves them out.
    """
    names = {m.name for m in chosen}
    return bool(names & set(dynamic)) or names == set(DEFAULT_MODELS)


def compose_brief(
    case: Case, models: str | list[str] | None = None, samples: int = 0, seed: int = 0,
    calibration: Calibration | None = None, ensemble: Ensemble | None = None,
) -> Brief:
    """Forecast and assess ``case`` with ``models`` (default: the static ones) and build its
    brief; with ``samples`` > 0, also sample its uncertain inputs (intervals and drivers),
    the intervals widened by ``calibration`` when given (input uncertainty only without);
    ``ensemble``: the ensemble file, already read (default: the shipped one)."""
    chosen = resolve(models, ensemble)
    names = [m.name for m in chosen]
    forecast = forecast_case(case, names, ensemble)
    arrays = case_arrays(case)
    inp = BriefInput(
        case,
        chosen,
        forecast,
        assess(case, forecast),
        sweep=(calibrate_sweep(
            sweep_case(case, samples, names, seed=seed, ensemble=ensemble), case, calibration)
            if samples else None),
        trades=likely_trades(case, arrays) if shows(chosen, EXCHANGE) else None,
        trajectories=(
            {i.id: trajectory(arrays, "eum", i.id) for i in case.issues}
            if shows(chosen, EUM)
            else {}
        ),
    )
    return build_brief(inp)
