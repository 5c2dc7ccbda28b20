"""Write the speaker ranker's weights (package data) from the development gold.

    ACCORD_SHARED=/work/shared PYTHONPATH=src python scripts/fit_speaker_ranker.py

Fits the conditional logit of :mod:`accord.evaluation.speaker_ranker` on every direct quotation
of the readable development parts (tests/gold, tests/gold-heldout/dev, dev2, dev3, dev4; never
the held-out parts) and writes src/accord/extract/data/speaker_ranker.json, which
:mod:`accord.extract.speakers` loads.  tests/evaluation/test_speaker_ranker.py checks that the
shipped file is what this script writes.  The experiment that decided to ship the ranker is
scripts/speaker_ranker_experiment.py (results in tests/gold/SPLIT.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from accord.evaluation.speaker_ranker import fitted_weights
from accord.io import write_atomic

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src/accord/extract/data/speaker_ranker.json"


def main() -> None:
    shared = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))
    write_atomic(TARGET, fitted_weights(ROOT, shared))
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
