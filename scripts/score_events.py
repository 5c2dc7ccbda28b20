"""Print the event coder's scores: PLOVER dev records and the hand-written gold articles.

    PYTHONPATH=src python scripts/score_events.py [SHARED]   # SHARED defaults to ../shared
"""

from __future__ import annotations

import sys
from pathlib import Path

from accord.evaluation.events import evaluate_gold
from accord.evaluation.plover import evaluate, load_gold
from accord.evaluation.scores import Counts
from accord.extract.nlp import load_nlp

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    nlp = load_nlp()
    print("PLOVER gold-standard records, development half (each sentence alone)")
    print(evaluate(nlp, load_gold(shared / "data/plover/gsr-dev.jsonl")).table())
    print()
    print("Hand-written gold events (type + source + target; 'sides': a person = its body)")
    rows = evaluate_gold(nlp, sorted((ROOT / "tests/gold/events").glob("*.json")),
                         shared / "articles")
    total = {"strict": Counts(), "sides": Counts()}
    print(f"{'article':42} {'gold':>4} {'coded':>5} {'strict P/R':>11} {'sides P/R':>10}")
    for r in rows:
        strict, sides = r.events or Counts(), r.event_sides or Counts()
        total["strict"].add(strict)
        total["sides"].add(sides)
        print(f"{r.article[:42]:42} {strict.gold:4d} {strict.predicted:5d} "
              f"{strict.precision:5.2f}/{strict.recall:4.2f} "
              f"{sides.precision:5.2f}/{sides.recall:4.2f}")
    for level, s in total.items():
        print(f"all ({level}): P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"({s.matched} of {s.gold} gold, {s.predicted} coded)")


if __name__ == "__main__":
    main()
