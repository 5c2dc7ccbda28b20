"""What the case page shows for a case: the static forecast with its calibrated 50/80/95%
intervals, the verdict and what would have to change, as one JSON-ready mapping (the what-if
endpoint answers with it on every edit).

The intervals are made as ``accord forecast`` makes them
(:func:`accord.calibration.apply.with_intervals`): a quick sweep of the case's stated ranges,
widened by the calibration's model error, so an edit of an uncertainty moves them.
"""

from __future__ import annotations

from typing import Any

from accord.assessment import assess
from accord.calibration.apply import with_intervals
from accord.calibration.schema import Calibration
from accord.case import Case
from accord.forecast import forecast_case
from accord.report.wording import changes, summary, verdict


def static_view(case: Case, calibration: Calibration | None) -> dict[str, Any]:
    """The static models' forecast per issue with its zone and intervals (``calibration``
    None: input uncertainty only), and the assessment in words."""
    forecast = with_intervals(case, forecast_case(case), calibration)
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
                "summary": summary(assessment.issue(f.id)),
            }
            for f in forecast.issues
        ],
        "unsupported": unsupported(case),
    }


def unsupported(case: Case) -> list[dict[str, str]]:
    """Positions without any evidence (the evidence panel flags them)."""
    return [{"actor": p.actor, "issue": p.issue} for p in case.positions if not p.evidence]
