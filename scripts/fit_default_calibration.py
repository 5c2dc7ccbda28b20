"""Fit the calibration accord ships (src/accord/calibration/default.json).

    PYTHONPATH=src python scripts/fit_default_calibration.py [SHARED]   # default ../shared

Fitted on the development half of DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53:
the even-numbered proposals in SHARED/data/deu/deu3-dev.tsv, read as ``accord import --format
deu`` reads them: capability = Council votes, the Commission and Parliament as the largest
member state, Council-centric, the defaults) and the Copenhagen 2009 example
(examples/copenhagen-2009/case.yaml), with every model, the default samples and seed 0. The
ensemble is calibrated on its out-of-fold forecasts, made by the shipped ensemble's method
(5 folds by case: for learned weights, each case's forecast comes from an ensemble fitted
without it, not from the shipped weights' in-sample errors, which would understate them; the
shipped equal-weight mean fits nothing, so its forecasts are the same in and out of fold).
The
held-out (odd-numbered) DEU proposals are never read. docs/backtest.md reports what it gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from accord.backtest import fit_calibration, load_cases, run
from accord.backtest.defaults import SAMPLES
from accord.calibration.schema import DEFAULT_PATH
from accord.case import Case
from accord.formats.deu import read_deu

ROOT = Path(__file__).resolve().parents[1]
LABEL = ("the DEU III development half (Arregui & Perarnaud 2021, doi:10.34810/data53: 70 EU "
         "legislative proposals, Council votes as capability, Commission and Parliament "
         "Council-centric) and the Copenhagen 2009 example")


def training_cases(shared: Path) -> list[tuple[str, Case]]:
    """The DEU III development half and the Copenhagen example, named as the files record."""
    deu = read_deu(shared / "data/deu/deu3-dev.tsv")
    cases = [(f"deu3-dev/{code}.yaml", case) for code, case in deu.items()]
    return cases + [(str(Path(i).relative_to(ROOT)), c)
                    for i, c in load_cases([ROOT / "examples/copenhagen-2009"])]


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    # every model, the ensemble included: its rows are OUT OF FOLD (each case forecast by an
    # ensemble fitted without it), so its calibration is not fitted on in-sample errors
    result = run(training_cases(shared), samples=SAMPLES, seed=0)
    cal = fit_calibration(result, LABEL)
    cal.save(DEFAULT_PATH)
    print(f"{DEFAULT_PATH.relative_to(ROOT)}: {cal.issues} issues in {cal.cases} cases")
    for name, m in cal.models.items():
        print(f"  {name:10} c {m.c:g}  q " + "  ".join(f"{lv}%: {q}"
                                                      for lv, q in m.quantiles.items()))


if __name__ == "__main__":
    main()
