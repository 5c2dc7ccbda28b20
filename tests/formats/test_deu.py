"""The DEU reader: dates, capabilities, vetoes, outcomes, and ``accord import --format deu``.

Reads ``../shared/data/deu/deu3-dev.tsv`` (the even-numbered half of DEU III) through the
``shared`` fixture; the data never enters the repository.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.case import Case, load_case
from accord.cli import app
from accord.errors import ImportFileError
from accord.forecast import forecast_case
from accord.formats.deu import OUTCOME_FALLBACK, read_deu
from accord.formats.deu_dates import DateError, decode_date
from accord.formats.eu_council import WEIGHTINGS, weighting_on

DEV = "data/deu/deu3-dev.tsv"
runner = CliRunner()


@pytest.fixture(scope="module")
def dev(shared: Path) -> Path:
    return shared / DEV


@pytest.fixture(scope="module")
def cases(dev: Path) -> dict[str, Case]:
    return read_deu(dev)


@pytest.fixture(scope="module")
def written(dev: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deu")
    result = runner.invoke(app, ["import", str(dev), "-o", str(out)])  # format from .tsv
    assert result.exit_code == 0, result.output
    assert "70 cases, 176 issues, 173 outcomes" in " ".join(result.output.split())
    return out


# --- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "date", "rule"),
    [
        ("23-03-00", dt.date(2000, 3, 23), "dd-mm-yy"),  # d00060 intro
        ("07-02-96", dt.date(1996, 2, 7), "dd-mm-yy"),  # d95341 intro
        ("26-09-2012", dt.date(2012, 9, 26), "dd-mm-yyyy"),  # d120266 intro
        ("2014-07-04", dt.date(2004, 7, 14), "spreadsheet yyyy-mm-dd"),  # a04163 intro
        ("1931-07-06", dt.date(2006, 7, 31), "spreadsheet yyyy-mm-dd"),  # a04163 finact
        ("1930-05-05", dt.date(2005, 5, 30), "spreadsheet yyyy-mm-dd"),  # n05099 intro
        ("2022-05-01", dt.date(2001, 5, 22), "spreadsheet yyyy-mm-dd"),  # d98323 finact
        ("2019-06-18", dt.date(2018, 6, 19), "spreadsheet yyyy-mm-dd"),  # d160231: OJ 19.6.2018
        ("999", None, "missing"),
        ("", None, "missing"),
        ("36608", dt.date(2000, 3, 23), "excel serial"),  # not in the file; the rule's check
    ],
)
def test_decode_date(raw: str, date: dt.date | None, rule: str) -> None:
    assert decode_date(raw) == (date, rule)


@pytest.mark.parametrize("raw", ["31-02-05", "2031-13-04", "soon", "12/07/05", "1899-01-01"])
def test_undecodable_dates_are_refused(raw: str) -> None:
    with pytest.raises(DateError, match=re.escape(repr(raw))):
        decode_date(raw)


def test_every_date_in_the_file_decodes_plausibly(dev: Path) -> None:
    """Every distinct intro/finact value decodes; introductions fall in or just after the year
    of the proposal's code and final acts after introductions; the restored day of every
    spreadsheet-rewritten value is 13–31 (no month), as the module documents."""
    rows = list(csv.DictReader(dev.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    proposals = {r["prnr"]: (r["intro"], r["finact"]) for r in rows if r["prnr"]}
    assert len(proposals) == 70
    rules: dict[str, int] = {}
    for code, (intro_raw, finact_raw) in proposals.items():
        intro, rule = decode_date(intro_raw)
        assert intro is not None
        rules[rule] = rules.get(rule, 0) + 1
        year = 2000 + int(code[1:3]) if int(code[1:3]) < 50 else 1900 + int(code[1:3])
        assert intro.year in (year, year + 1), code
        finact, _ = decode_date(finact_raw)
        assert finact is None or finact > intro, code
        for raw in (intro_raw, finact_raw):
            if re.fullmatch(r"\d{4}-\d\d-\d\d", raw):
                assert 13 <= int(raw[:4]) % 100 <= 31, raw
    assert rules == {"dd-mm-yy": 38, "spreadsheet yyyy-mm-dd": 24, "dd-mm-yyyy": 8}  # intro
    missing = sorted(c for c, (_, f) in proposals.items() if f == "999")
    assert missing == ["d00060", "d00067", "d04209", "d05127", "n98087"]


# --- the cases -------------------------------------------------------------------------------

def test_counts(cases: dict[str, Case]) -> None:
    assert len(cases) == 70
    assert sum(len(c.issues) for c in cases.values()) == 176
    outcomes = [i for c in cases.values() for i in c.issues if i.outcome is not None]
    assert len(outcomes) == 173
    assert {s.id for c in cases.values() for s in c.sources} == {"deu3"}


def test_buses_hand_checked(cases: dict[str, Case]) -> None:
    """d00060 (buses and coaches, COD, QMV, introduced 23 March 2000, no final-act date)."""
    case = cases["d00060"]
    assert case.date == dt.date(2000, 3, 23)
    weights = {a.id: a.capability.central for a in case.actors}
    # Amsterdam weights (87 votes); Commission and EP as the largest state (Council-centric)
    assert weights == {
        "COM": 10, "EP": 10, "AT": 4, "BE": 5, "DK": 3, "FI": 3, "FR": 10, "DE": 10, "EL": 5,
        "IE": 3, "IT": 10, "LU": 2, "NL": 5, "PT": 5, "ES": 8, "SE": 4, "UK": 10,
    }
    assert [a.id for a in case.actors if a.veto] == ["EP"]  # COD; no state vetoes under QMV
    i1, i2 = case.issues
    assert i1.status_quo.low == 0 and i1.status_quo.high == 100  # no rp
    assert i2.status_quo.central == 0
    assert i1.outcome is not None and i1.outcome.value.central == 50
    assert i2.outcome is not None and i2.outcome.value.central == 0
    assert i1.outcome.date == OUTCOME_FALLBACK and i1.outcome.source == "deu3"
    uk = case.position("UK", "d00060i2")
    assert uk is not None and (uk.position.central, uk.salience.central) == (70, 0.7)
    assert case.position("IE", "d00060i1") is None  # empty cell: no position
    notes = case.notes or ""
    assert "finact '999' is missing" in notes and "amsterdam-eu15" in notes


def test_code_hand_checked(cases: dict[str, Case]) -> None:
    """d160288 (electronic communications code, 2016): Lisbon population shares."""
    case = cases["d160288"]
    assert case.date == dt.date(2016, 9, 14)
    weights = {a.id: a.capability.central for a in case.actors}
    assert weights["DE"] == 15.93 and weights["MT"] == 0.08 and weights["HR"] == 0.83
    assert weights["COM"] == 15.93
    assert weights["EP"] == 15.93  # Council-centric: the largest state, as the Commission
    assert [a.id for a in case.actors if a.veto] == ["EP"]
    outcomes = [i.outcome for i in case.issues]
    assert [o.value.central for o in outcomes if o] == [0, 60, 60]
    assert {o.date for o in outcomes if o} == {dt.date(2018, 12, 17)}


def test_unanimity_makes_states_veto_players(cases: dict[str, Case]) -> None:
    autoinsure = cases["d97264"]  # COD, unanimity, every actor states a position
    assert all(a.veto for a in autoinsure.actors if a.id != "COM")
    assert {a.capability.central for a in autoinsure.actors if a.kind == "state"} == {1}
    assert autoinsure.actor("EP").capability.central == 1  # as the largest (equal) state
    # d04287: most states lack a position on some issue, so the case cannot mark them
    mixed = cases["d04287"]
    assert sorted(a.id for a in mixed.actors if a.veto) == ["AT", "DE", "EP", "FR"]
    assert "Not marked as veto players" in (mixed.notes or "")


def test_weights_follow_the_introduction_date(cases: dict[str, Case]) -> None:
    erdf = cases["a04163"]  # 14 July 2004: the transitional EU-25 weights (124 votes)
    assert erdf.actor("PL").capability.central == 8
    assert erdf.actor("EP").capability.central == 10  # the largest state (Council-centric)
    payment = cases["d05245"]  # 1 Dec 2005 (Nice EU-25); Bulgaria and Romania joined in 2007
    assert payment.actor("DE").capability.central == 29
    assert (payment.actor("BG").capability.central, payment.actor("RO").capability.central) == (
        10, 14)
    assert "BG joined during the negotiation" in (payment.notes or "")
    assert [w.total for w in WEIGHTINGS[:5]] == [87, 124, 321, 345, 352]
    assert weighting_on(dt.date(2014, 10, 31)).name == "nice-eu28"
    assert weighting_on(dt.date(2014, 11, 1)).name == "lisbon-2016"


def test_capability_options(dev: Path) -> None:
    equal = read_deu(dev, "equal")["d00060"]
    assert {a.capability.central for a in equal.actors if a.kind == "state"} == {1}
    assert equal.actor("EP").capability.central == 1
    gdp = read_deu(dev, "gdp")["d00060"]
    assert (gdp.actor("DE").capability.central, gdp.actor("LU").capability.central) == (4.1, 0.08)
    assert gdp.actor("COM").capability.central == gdp.actor("EP").capability.central == 4.1


def test_positions_without_salience_are_uncertain(cases: dict[str, Case], dev: Path) -> None:
    p = cases["d07249"].position("DE", "d07249i1")  # DEU gives a position, no salience
    assert p is not None and (p.salience.low, p.salience.high) == (0, 1)
    unsure = [p for c in cases.values() for p in c.positions if p.salience.uncertain]
    assert len(unsure) == 35  # 37 in the file; 2 are the EP's under CNS, left out by default
    every = read_deu(dev, powers="supranational-ep")  # keeps the EP under CNS
    assert sum(p.salience.uncertain for c in every.values() for p in c.positions) == 37


# --- written files, validation, forecasts ----------------------------------------------------

def test_every_written_case_validates_and_forecasts(written: Path) -> None:
    files = sorted(written.glob("*.yaml"))
    assert len(files) == 70
    for f in files:
        case = load_case(f)
        forecast = forecast_case(case)
        assert len(forecast.issues) == len(case.issues)
        # a nobody-cares issue would give NaN; every DEU issue has stated saliences
        assert all(i.outcomes["compromise"] is not None for i in forecast.issues), f.name


@pytest.mark.parametrize("code", ["d00060", "d97264", "n05124", "d160288"])
def test_cli_validates_and_forecasts_written_cases(written: Path, code: str) -> None:
    path = str(written / f"{code}.yaml")
    assert runner.invoke(app, ["validate", path]).exit_code == 0
    result = runner.invoke(app, ["forecast", path, "--model", "compromise,nash,eum,exchange",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f'"case": "DEU {code}' in result.output


def test_cli_output_must_be_a_folder(dev: Path, tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["import", str(dev), "--format", "deu", "-o", str(file)])
    assert result.exit_code == 2
    assert "must be a directory" in " ".join(result.output.split())


# --- bad files -------------------------------------------------------------------------------

def _broken(dev: Path, tmp_path: Path, edits: dict[tuple[int, str], str]) -> Path:
    """A copy of the first lines of the dev file with cells replaced: {(line, column): value}."""
    lines = dev.read_text(encoding="utf-8").splitlines()[:8]
    header = lines[0].split("\t")
    for (line, column), value in edits.items():
        cells = lines[line - 1].split("\t")
        cells[header.index(column)] = value
        lines[line - 1] = "\t".join(cells)
    path = tmp_path / "broken.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_bad_file_names_every_line(dev: Path, tmp_path: Path) -> None:
    path = _broken(dev, tmp_path, {(3, "pde"): "150", (5, "intro"): "soon",
                                   (6, "counvte"): "majority", (7, "sfr"): "high"})
    with pytest.raises(ImportFileError) as err:
        read_deu(path)
    found = dict(err.value.problems)
    assert "the position of Germany must lie in 0..100, got 150" in found["line 3"]
    assert "'soon' is not a date" in found["line 5"]
    assert "'majority' is neither QMV nor unanimity" in found["line 6"]
    assert "the salience of France must be a number" in found["line 7"]


def test_a_file_that_is_not_deu(tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        read_deu(path)
    assert err.value.problems[0][0] == "line 1" and "not a DEU file" in err.value.problems[0][1]
    result = runner.invoke(app, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "not a DEU file" in result.output


def test_gdp_needs_the_gdp_row(dev: Path, tmp_path: Path) -> None:
    lines = dev.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "nogdp.tsv"
    path.write_text("\n".join([lines[0], *lines[2:6]]) + "\n", encoding="utf-8")
    assert len(read_deu(path)) == 2  # votes need no GDP row
    with pytest.raises(ImportFileError, match="needs the GDP row"):
        read_deu(path, "gdp")


def test_a_garbled_final_act_date_falls_back(dev: Path, tmp_path: Path) -> None:
    path = _broken(dev, tmp_path, {(7, "finact"): "soon", (8, "finact"): "soon"})
    takeovers = read_deu(path)["d95341"]
    assert {i.outcome.date for i in takeovers.issues if i.outcome} == {OUTCOME_FALLBACK}
    assert "finact 'soon' garbled beyond repair" in (takeovers.notes or "")
    path = _broken(dev, tmp_path, {(7, "finact"): "soon"})  # its issues must agree
    with pytest.raises(ImportFileError) as err:
        read_deu(path)
    assert err.value.problems == [("line 8", "finact '04-07-01' differs from 'soon' at line 7, "
                                   "an issue of the same proposal d95341")]


def test_decision_blocks_follow_procedure_and_vote(cases: dict[str, Case], dev: Path) -> None:
    buses = cases["d00060"].decision  # COD, QMV, Amsterdam: 62 of 87 votes
    assert buses is not None and buses.proposer == "COM" and buses.rule == "qmv"
    assert buses.threshold == pytest.approx(62 / 87, abs=1e-6)
    assert buses.must_consent == ["EP"]
    assert isinstance(buses.weights, dict) and buses.weights["UK"] == 10
    assert buses.voters is not None and "EP" not in buses.voters and "COM" not in buses.voters
    autoinsure = cases["d97264"].decision  # COD, unanimity
    assert autoinsure is not None and autoinsure.rule == "unanimity"
    assert autoinsure.weights == "equal" and autoinsure.must_consent == ["EP"]
    assert cases["d160288"].decision.threshold == 0.65  # type: ignore[union-attr]  # Lisbon
    cns = [c.decision for c in cases.values() if c.venue and "CNS" in c.venue]
    assert cns and all(d is not None and d.must_consent == [] for d in cns)
    # the Council's weights, whatever --capability says
    gdp = read_deu(dev, "gdp")["d00060"].decision
    assert gdp is not None and isinstance(gdp.weights, dict) and gdp.weights["UK"] == 10


def test_powers_options(dev: Path) -> None:
    """The Commission's and Parliament's capabilities under each ``--powers`` convention."""
    cod = "a04163"  # COD, QMV, accession-eu25 weights: largest state 10, Council 124
    cns = next(code for code, c in read_deu(dev).items() if c.venue and "CNS" in c.venue
               and c.decision is not None and c.decision.rule == "qmv")
    centric = read_deu(dev, powers="council-centric")
    assert (centric[cod].actor("COM").capability.central,
            centric[cod].actor("EP").capability.central) == (10, 10)
    assert "Council-centric" in (centric[cod].notes or "")
    # under CNS the Parliament weighs 0 there: it is left out, with its positions
    assert "EP" not in {a.id for a in centric[cns].actors}
    assert all(p.actor != "EP" for p in centric[cns].positions)
    supra = read_deu(dev, powers="supranational")
    assert (supra[cod].actor("COM").capability.central,
            supra[cod].actor("EP").capability.central) == (124, 124)
    today = read_deu(dev, powers="supranational-ep")
    assert (today[cod].actor("COM").capability.central,
            today[cod].actor("EP").capability.central) == (10, 124)
    assert today[cns].actor("EP").capability.central == min(
        weighting_on(today[cns].date).weights.values())  # the smallest member state
    # the member states weigh the same under every convention
    for c in (centric, supra):
        assert {a.id: a.capability.central for a in c[cod].actors if a.kind == "state"} == {
            a.id: a.capability.central for a in today[cod].actors if a.kind == "state"}
