"""What the case page shows for a case: the static forecast, the verdict and what would have to
change, as one JSON-ready mapping (the what-if endpoint answers with it on every edit)."""

from __future__ import annotations

from typing import Any

from accord.assessment import assess
from accord.case import Case
from accord.forecast import forecast_case
from accord.report.wording import changes, summary, verdict


def static_view(case: Case) -> dict[str, Any]:
    """The static models' forecast per issue with its zone, and the assessment in words."""
    forecast = forecast_case(case)
    assessment = assess(case, forecast)
    return {
        "question": case.question,
        "verdict": verdict(assessment),
        "changes": changes(case, assessment),
        "models": forecast.models,
        "veto_players": forecast.veto_players,
        "issues": [
            {
                "id": f.id,
                "status_quo": f.status_quo,
                "zone": f.agreement.zone,
                "outcomes": f.outcomes,
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
