"""What the case page shows for a case: the static forecast with its calibrated 50/80/95%
intervals, the verdict and what would have to change, and, for a case with a decision block,
the procedural models' forecast under its rule, as one JSON-ready mapping (the what-if
endpoint answers with it on every edit).

The intervals are made as ``accord forecast`` makes them
(:func:`accord.calibration.apply.with_intervals`): a quick sweep of the case's stated ranges,
widened by the calibration's model error, so an edit of an uncertainty moves them. Each
issue's sentences end with the model accord believes there (the choice table of the server's
ensemble file, as ``accord forecast --ensemble FILE`` says it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.assessment import assess
from accord.calibration.apply import with_intervals
from accord.calibration.schema import Calibration
from accord.case import Case
from accord.ensemble.schema import Ensemble
from accord.forecast import forecast_case
from accord.models.registry import MODELS
from accord.report.wording import belief, changes, summary, verdict


@dataclass(frozen=True)
class Setup:
    """What every forecast of one server reads: the calibration (None: input uncertainty
    only) and the ensemble file, read once (None: the one accord ships), as ``accord serve``
    was told."""

    calibration: Calibration | None
    ensemble: Ensemble | None = None


def static_view(case: Case, setup: Setup) -> dict[str, Any]:
    """The static models' forecast per issue with its zone and intervals, and the assessment
    in words."""
    forecast = with_intervals(case, forecast_case(case, None, setup.ensemble),
                              setup.calibration, setup.ensemble)
    assessment = assess(case, forecast)
    return {
        "question": case.question,
        "verdict": verdict(assessment),
        "changes": changes(case, assessment),
        "models": forecast.models,
        "veto_players": forecast.veto_players,
        "intervals_note": forecast.intervals_note,
        "issues": [
            {
                "id": f.id,
                "status_quo": f.status_quo,
                "zone": f.agreement.zone,
                "outcomes": f.outcomes,
                "intervals": f.intervals,
                "inside": f.agreement.inside,
                "summary": summary(assessment.issue(f.id)) + [
                    said for said in (belief(f),) if said],
            }
            for f in forecast.issues
        ],
        "unsupported": unsupported(case),
        "procedural": procedural_view(case, setup),
    }


PROCEDURAL = [name for name, m in MODELS.items() if m.needs_decision]


def procedural_view(case: Case, setup: Setup) -> dict[str, Any] | None:
    """The procedural models' forecast per issue with its intervals, as ``accord forecast
    --model procedural,procedural-costly`` makes it; None for a case without a decision
    block, where they do not apply."""
    if case.decision is None:
        return None
    forecast = with_intervals(case, forecast_case(case, PROCEDURAL, setup.ensemble),
                              setup.calibration, setup.ensemble)
    return {
        "models": forecast.models,
        "intervals_note": forecast.intervals_note,
        "issues": [{"id": f.id, "title": f.title, "outcomes": f.outcomes,
                    "intervals": f.intervals} for f in forecast.issues],
    }


def edited(case: Case, setup: Setup) -> dict[str, Any]:
    """An edited case as the page takes it back: the case and its view."""
    return {"case": case.model_dump(mode="json", exclude_none=True),
            "view": static_view(case, setup)}


def unsupported(case: Case) -> list[dict[str, str]]:
    """Positions without any evidence (the evidence panel flags them)."""
    return [{"actor": p.actor, "issue": p.issue} for p in case.positions if not p.evidence]
