"""Property tests over hostile inputs (issue 12): the case schema, the YAML reader, the Decide
and KTAB importers and the CLI's error paths. Never an uncaught exception or a hang; every
accepted case forecasts numbers in 0–100 (none only on an issue nobody weighs) and round-trips
through YAML and JSON; ``validate`` and ``forecast`` agree on what is valid.

``make test`` runs :data:`EXAMPLES` inputs per check (about a minute in all);
``make fuzz`` (scripts/fuzz.py) runs many more and counts the outcomes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).parent))
from fuzzing import CHECKS, GOOD

EXAMPLES = {"case-data": 150, "yaml-file": 150, "decide": 150, "ktab": 150, "cli": 40}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CHECKS))
def test_hostile_inputs_are_refused_or_forecast_finitely(name: str) -> None:
    strategy, check = CHECKS[name]
    n = int(os.environ.get("ACCORD_FUZZ_EXAMPLES", EXAMPLES[name]))

    @settings(max_examples=n, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(value: Any) -> None:
        assert check(value) in GOOD, value

    run()


def test_plausible_cases_are_mostly_accepted() -> None:
    """The properties above only bite on accepted cases: a check that refused everything (say,
    because one model refuses every generated case) would pass them all. Plausible cases
    mostly validate, so most must come back accepted."""
    from fuzzing import check_data, plausible_case

    outcomes: list[str] = []

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(plausible_case())
    def run(value: Any) -> None:
        outcomes.append(check_data(value))

    run()
    assert set(outcomes) <= GOOD
    assert outcomes.count("accepted") >= len(outcomes) // 2, outcomes
