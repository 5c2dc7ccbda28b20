"""Precision, recall and F1 from counts of gold, predicted and matched items."""

from __future__ import annotations

from dataclasses import dataclass


def share(part: float, whole: float) -> float:
    """``part / whole``, 0 when there is nothing to divide by (no gold, no predictions)."""
    return part / whole if whole else 0.0


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return share(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return share(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
