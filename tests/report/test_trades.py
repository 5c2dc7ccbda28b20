"""The brief's "Likely trades" section (the exchange model's first round)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.case import Case, parse_case
from accord.cli import app
from accord.models.arrays import case_arrays
from accord.report import compose_brief
from accord.report.render import render_markdown
from accord.report.trades import likely_trades

TWO = {
    "title": "Two issues, two parties",
    "actors": [{"id": "A", "name": "Alpha", "capability": 1},
               {"id": "B", "name": "Beta", "capability": 1}],
    "issues": [
        {"id": "p", "title": "Ports", "scale": {0: "closed", 100: "open"}, "status_quo": 50},
        {"id": "q", "title": "Quotas", "scale": {0: "none", 100: "strict"}, "status_quo": 50},
    ],
    "positions": [
        {"actor": "A", "issue": "p", "position": 100, "salience": 0.8},
        {"actor": "A", "issue": "q", "position": 100, "salience": 0.2},
        {"actor": "B", "issue": "p", "position": 0, "salience": 0.2},
        {"actor": "B", "issue": "q", "position": 0, "salience": 0.8},
    ],
}


def test_two_parties_trade_what_each_cares_less_about() -> None:
    """Alpha cares about ports, Beta about quotas: Alpha gives up quotas (100 → 0, 'none'),
    Beta opens the ports (0 → 100, 'open'); each gains 0.8·20 − 0.2·20 = 12 (see
    tests/models/test_exchange.py for the arithmetic)."""
    case = parse_case(TWO)
    t = likely_trades(case, case_arrays(case))
    assert t is not None and len(t.trades) == 1 and t.more == 0
    tr = t.trades[0]
    assert (tr.first.actor.id, tr.first.issue.id) == ("A", "q")
    assert tr.first.labels == ("strict", "none")
    assert (tr.second.actor.id, tr.second.issue.id) == ("B", "p")
    assert tr.second.labels == ("closed", "open")
    assert round(tr.gain, 9) == 12
    text, _ = render_markdown(compose_brief(case), "files")
    assert "## Likely trades" in text
    assert "**Alpha** moves on *Quotas* from 100 to 0 (none), in return for **Beta**" in text


def test_no_section_when_nobody_can_trade() -> None:
    data = {**TWO, "positions": [{**p, "salience": 0.5} for p in TWO["positions"]]}
    case = parse_case(data)
    assert likely_trades(case, case_arrays(case)) is None
    assert "trades" not in [s.id for s in compose_brief(case).sections]


@pytest.mark.parametrize(
    ("models", "shown"),
    [(None, True), ("compromise,median,nash", True), ("nash", False), ("median,eum", False),
     ("nash,exchange", True)],
)
def test_the_trades_are_shown_with_the_exchange_model_and_in_the_default_brief(
    models: str | None, shown: bool
) -> None:
    brief = compose_brief(parse_case(TWO), models)
    assert ("trades" in [s.id for s in brief.sections]) is shown
    assert (brief.input.trades is not None) is shown  # the model runs only when shown


def test_report_with_nash_only_has_no_likely_trades(flagship_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for models, shown in (("nash", False), ("nash,exchange", True)):
        out = tmp_path / f"{models}.md"
        result = runner.invoke(
            app, ["report", str(flagship_path), "-o", str(out), "-m", models, "-n", "0"]
        )
        assert result.exit_code == 0, result.output
        assert ("## Likely trades" in out.read_text(encoding="utf-8")) is shown


def test_flagship_brief_lists_the_first_trades(flagship: Case) -> None:
    t = likely_trades(flagship, case_arrays(flagship))
    assert t is not None and len(t.trades) == 8 and t.more > 0
    gains = [tr.gain for tr in t.trades]
    assert gains == sorted(gains, reverse=True)
    assert {t.trades[0].first.actor.id, t.trades[0].second.actor.id} == {"RUS", "NATO"}
