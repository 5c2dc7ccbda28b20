"""Experiment (issue 14): does a learned speaker ranker generalise better than the rules?

The design and the decision rule were registered in tests/gold/SPLIT.md ("Experiment: a
learned speaker ranker") before the first run.  The ranker (:mod:`accord.extract.speakers`,
fitted by :mod:`accord.evaluation.speaker_ranker`) is scored by leave-one-article-out
cross-validation over the readable development gold (tests/gold, tests/gold-heldout/dev, dev2,
dev3, dev4; the held-out parts are never opened) and compared with the rules' first-contact
speaker accuracy on dev2, dev3 and dev4 as recorded in SPLIT.md.

    ACCORD_SHARED=/work/shared PYTHONPATH=src python scripts/speaker_ranker_experiment.py

Prints per part: quotes, share whose gold speaker is a candidate, the ranker's accuracy as
registered (no candidate = wrong) and as shipped (no candidate = the rules' speaker), the
rules' first-contact figure; then the decision and the weights fitted on all parts.
"""

from __future__ import annotations

import os
from pathlib import Path

from accord.evaluation.speaker_ranker import (
    FIRST_CONTACT,
    MARGIN,
    cross_validate,
    development_parts,
    fit,
    in_reach,
    load_quotes,
    share,
    training_set,
)
from accord.extract.nlp import load_nlp
from accord.extract.speakers import FEATURES

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    shared = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))
    quotes = load_quotes(development_parts(ROOT, shared), load_nlp())
    registered = cross_validate(quotes, keep_rules=False)
    shipped = cross_validate(quotes, keep_rules=True)
    print(f"{'part':11} {'in reach':>16} {'ranker CV':>16} {'as shipped':>16} "
          f"{'rules 1st contact':>18}")
    for part, right in registered.items():
        reach = [in_reach(q) for q in quotes if q.part == part]
        fc = FIRST_CONTACT.get(part)
        fc_txt = f"{fc[0] / fc[1]:.3f} ({fc[0]}/{fc[1]})" if fc else "-"
        print(f"{part:11} {share(reach):>16} {share(right):>16} "
              f"{share(shipped[part]):>16} {fc_txt:>18}")
    unseen = [r for p in FIRST_CONTACT for r in registered[p]]
    fc_right = sum(r for r, _ in FIRST_CONTACT.values())
    fc_n = sum(n for _, n in FIRST_CONTACT.values())
    acc, bar = sum(unseen) / len(unseen), fc_right / fc_n + MARGIN
    print(f"dev2+dev3+dev4 pooled: ranker {share(unseen)}, rules first contact "
          f"{fc_right / fc_n:.3f} ({fc_right}/{fc_n}), bar {bar:.3f}: "
          f"{'PASS' if acc >= bar else 'FAIL'}")
    ranker = fit(training_set(quotes))
    print("weights fitted on all development quotes (standardised features):")
    for name, w in sorted(zip(FEATURES, ranker.weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:24} {w:+.2f}")


if __name__ == "__main__":
    main()
