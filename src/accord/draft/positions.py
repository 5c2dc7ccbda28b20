"""A drafted position from an actor's evidence items on one issue.

The position lies somewhere in the half of the scale that the directed items point to: a
uniform range, to be narrowed by the analyst; items pointing both ways leave the whole scale.
Undirected items alone make no position. Salience is left to the analyst.
"""

from __future__ import annotations

from accord.case import Issue, Position
from accord.draft import TO_BE_SET
from accord.draft.actors import slug
from accord.draft.items import FOR, Item
from accord.quantity import Quantity


def _toward(item: Item, issue: Issue) -> float | None:
    """The end of the scale an item pushes toward."""
    if item.direction is None or item.end is None:
        return None
    lo, hi = min(issue.scale), max(issue.scale)
    if item.direction == FOR:
        return item.end
    return hi if item.end == lo else lo


def position_range(items: list[Item], issue: Issue) -> tuple[Quantity, str]:
    """The range the items allow on the issue's scale, and why."""
    lo, hi = min(issue.scale), max(issue.scale)
    ends = [e for e in (_toward(i, issue) for i in items) if e is not None]
    if not ends:
        why = "no event in the evidence gives a direction: the whole scale, " + TO_BE_SET
        return Quantity(low=lo, high=hi, rationale=why), why
    if len(set(ends)) == 2:
        why = "evidence points both ways: the whole scale, " + TO_BE_SET
        return Quantity(low=lo, high=hi, rationale=why), why
    end, mid = ends[0], (lo + hi) / 2
    why = (
        f"extracted evidence points toward {end:g} ({issue.scale[end]!r}); the position lies "
        f"in that half of the scale, the point {TO_BE_SET}"
    )
    low, high = (mid, hi) if end == hi else (lo, mid)
    return Quantity(low=low, high=high, rationale=why), why


def draft_position(body: str, issue: Issue, items: list[Item]) -> Position | None:
    """The body's position on the issue, its evidence best first; None when no item is
    directed (undirected evidence alone does not make a position)."""
    if not any(i.direction is not None for i in items):
        return None
    value, why = position_range(items, issue)
    ranked = sorted(items, key=lambda i: -(i.evidence.confidence or 0.0))
    return Position(
        actor=slug(body),
        issue=issue.id,
        position=value,
        salience=Quantity(
            low=0.2, high=1.0,
            rationale=f"{TO_BE_SET}: the actor spoke to the issue in "
            f"{len(items)} extracted item(s)",
        ),
        evidence=[i.evidence for i in ranked],
        rationale=f"drafted from extracted evidence, for analyst review: {why}",
    )
