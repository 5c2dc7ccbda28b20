"""Scores against gold: counts of gold, predicted and matched items, and what follows.

:class:`Counts` is the one score: precision, recall and F1 are computed there and nowhere else,
and :meth:`Counts.add` sums two scores field by field, so a score with more to tell (speakers
of quotes, roles of actors) extends it with counts and lists of examples and is summed over
articles the same way. :class:`ArticleScore` holds one article's scores of every kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Self


def share(part: float, whole: float) -> float:
    """``part / whole``, 0 when there is nothing to divide by (no gold, no predictions)."""
    return part / whole if whole else 0.0


@dataclass
class Counts:
    """Gold items, predicted items and the matches between them (one to one)."""

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

    def add(self, other: Self) -> None:
        """Add ``other``'s counts to these and append its examples, field by field."""
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class QuoteScore(Counts):
    """Quotes matched by span; of the matched, those attributed to the gold speaker (strict:
    the same name; ``same_person``: also the same person named in another form)."""

    speaker_right: int = 0
    same_person: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str | None, str]] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def speaker_accuracy(self) -> float:
        return share(self.speaker_right, self.matched)

    @property
    def same_person_accuracy(self) -> float:
        return share(self.same_person, self.matched)


@dataclass
class ActorScore(Counts):
    """Gold actors found by name with the right kind (``matched``; the gold lists the actors
    that matter, not all, so only recall is scored), and, of those found, the share whose gold
    roles are all among the roles found and whose affiliation is the gold one."""

    roles: int = 0
    roles_right: int = 0
    affiliations: int = 0
    affiliations_right: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def role_accuracy(self) -> float:
        return share(self.roles_right, self.roles)

    @property
    def affiliation_accuracy(self) -> float:
        return share(self.affiliations_right, self.affiliations)


@dataclass
class ArticleScore:
    """One article's scores; None for a kind of item the article has no gold for."""

    article: str
    direct: QuoteScore | None = None
    reported: QuoteScore | None = None
    events: Counts | None = None  # strict: type, source and target all right
    event_sides: Counts | None = None  # type right, source and target on the right side
    actors: ActorScore | None = None
