"""Write the hybrid speaker chooser's weights (package data) from the development gold.

    ACCORD_SHARED=/work/shared PYTHONPATH=src python scripts/fit_speaker_hybrid.py

Fits the conditional logit of :mod:`accord.evaluation.speaker_ranker` over the hybrid's
candidates and features (:mod:`accord.extract.hybrid`) on every direct quotation of the readable
development parts (tests/gold, tests/gold-heldout/dev, dev2, dev3, dev4; never the held-out
parts) and writes src/accord/extract/data/speaker_hybrid.json.
tests/evaluation/test_speaker_ranker.py checks that the shipped file is what this script writes.
The experiment is scripts/speaker_hybrid_experiment.py (registered in tests/gold/SPLIT.md).
"""

from __future__ import annotations

import os
from pathlib import Path

from accord.evaluation.speaker_ranker import fitted_weights
from accord.io import write_atomic

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "src/accord/extract/data/speaker_hybrid.json"


def main() -> None:
    shared = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))
    write_atomic(TARGET, fitted_weights(ROOT, shared, hybrid=True))
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
