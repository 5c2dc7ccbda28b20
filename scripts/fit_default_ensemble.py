"""Fit the ensemble accord ships (src/accord/ensemble/default.json).

    PYTHONPATH=src python scripts/fit_default_ensemble.py [SHARED]   # default ../shared

Fitted on the development half of DEU III (Arregui & Perarnaud 2021, doi:10.34810/data53:
the even-numbered proposals in SHARED/data/deu/deu3-dev.tsv, read as ``accord import --format
deu`` reads them) and the Copenhagen 2009 example, with every model, the default samples and
seed 0, exactly as scripts/fit_default_calibration.py reads them. The held-out
(odd-numbered) DEU proposals are never read. docs/models.md reports what it gives.

Its method is :data:`SHIPPED`, the equal-weight mean of the compromise and exchange models:
issue 11's fifth attempt (docs/backtest.md) pre-registered it (C1) with the rule that it
ships iff its MAE is below the compromise model's on both the 173 DEU issues and these 180;
it was (24.30 < 25.34 and 24.07 < 25.06). Nothing is fitted; the file records its scores and
the per-issue choice table. Before it: ``accord fit``'s learned weights (``PRIMARY``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from accord.backtest import run
from accord.backtest.defaults import SAMPLES
from accord.cli.fit import summary
from accord.ensemble.average import Mean
from accord.ensemble.schema import DEFAULT_PATH
from accord.ensemble.train import fit_ensemble

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_default_calibration import LABEL, ROOT, training_cases

SHIPPED = Mean(("compromise", "exchange"))  # the fifth attempt's C1


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    result = run(training_cases(shared), samples=SAMPLES, seed=0, method=SHIPPED)
    ens = fit_ensemble(result, LABEL)
    ens.save(DEFAULT_PATH)
    print(f"{DEFAULT_PATH.relative_to(ROOT)}:")
    for line in summary(ens):
        print("  " + line)


if __name__ == "__main__":
    main()
