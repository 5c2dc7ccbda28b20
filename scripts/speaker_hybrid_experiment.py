"""Experiment (issue 14): does the hybrid speaker chooser generalise better than the rules and
the plain ranker?

The design and the decision rule were registered in tests/gold/SPLIT.md ("Experiment: a hybrid
speaker chooser") before the first fit or score.  The plain ranker (:mod:`accord.extract.speakers`)
and the hybrid (:mod:`accord.extract.hybrid`: the ranker over the candidates the rules propose
and allow) are scored by leave-one-article-out cross-validation over the readable development
gold (tests/gold, tests/gold-heldout/dev, dev2, dev3, dev4; the held-out parts are never
opened), on the same quotes and folds, and compared with the rules' first-contact speaker
accuracy on dev2, dev3 and dev4 as recorded in SPLIT.md.

    ACCORD_SHARED=/work/shared PYTHONPATH=src python scripts/speaker_hybrid_experiment.py

Prints per part: quotes in reach of each, the ranker's and the hybrid's cross-validated accuracy
(as shipped: a quote with no candidate keeps the rules' speaker), the rules' first-contact
figure; then conditions (a) and (b) of the registered rule, and the hybrid's weights fitted on
all parts.  Condition (c), the whole suite with the hybrid as the default, is checked apart.
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
from accord.extract.hybrid import HYBRID_FEATURES
from accord.extract.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    shared = Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))
    parts, nlp = development_parts(ROOT, shared), load_nlp()
    plain, hybrid = load_quotes(parts, nlp), load_quotes(parts, nlp, hybrid=True)
    cv = {"ranker": cross_validate(plain, keep_rules=True),
          "hybrid": cross_validate(hybrid, keep_rules=True)}
    print(f"{'part':11} {'ranker reach':>16} {'hybrid reach':>16} {'ranker CV':>16} "
          f"{'hybrid CV':>16} {'rules 1st contact':>18}")
    for part in cv["ranker"]:
        fc = FIRST_CONTACT.get(part)
        fc_txt = f"{fc[0] / fc[1]:.3f} ({fc[0]}/{fc[1]})" if fc else "-"
        reach = [share([in_reach(q) for q in qs if q.part == part]) for qs in (plain, hybrid)]
        print(f"{part:11} {reach[0]:>16} {reach[1]:>16} {share(cv['ranker'][part]):>16} "
              f"{share(cv['hybrid'][part]):>16} {fc_txt:>18}")
    unseen = {k: [r for p in FIRST_CONTACT for r in v[p]] for k, v in cv.items()}
    pooled = {k: [r for rs in v.values() for r in rs] for k, v in cv.items()}
    fc_right = sum(r for r, _ in FIRST_CONTACT.values())
    bar = fc_right / sum(n for _, n in FIRST_CONTACT.values()) + MARGIN
    acc = {k: sum(v) / len(v) for k, v in unseen.items()}
    all_acc = {k: sum(v) / len(v) for k, v in pooled.items()}
    print(f"dev2+dev3+dev4: ranker {share(unseen['ranker'])}, hybrid "
          f"{share(unseen['hybrid'])}; all five parts: ranker {share(pooled['ranker'])}, "
          f"hybrid {share(pooled['hybrid'])}")
    print(f"(a) hybrid dev2-4 >= {bar:.3f}: {'PASS' if acc['hybrid'] >= bar else 'FAIL'}")
    b = acc["hybrid"] >= acc["ranker"] and all_acc["hybrid"] >= all_acc["ranker"]
    print(f"(b) hybrid >= ranker on dev2-4 and on all five parts: {'PASS' if b else 'FAIL'}")
    ranker = fit(training_set(hybrid))
    print("hybrid weights fitted on all development quotes (standardised features):")
    for name, w in sorted(zip(HYBRID_FEATURES, ranker.weights, strict=True),
                          key=lambda t: -abs(t[1])):
        print(f"  {name:24} {w:+.2f}")


if __name__ == "__main__":
    main()
