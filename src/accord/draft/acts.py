"""What a body is read to do about the demands on the table, and the record of one reading.

The acts (:class:`Act`) are described in :mod:`accord.draft.stances`, which reads them from
events and quotes; :mod:`accord.draft.cues` reads them from a sentence's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Act(StrEnum):
    DEMAND = "demand"
    FIRM = "firm"
    REJECT = "reject"
    OFFER = "offer"
    ASPIRE = "aspire"


@dataclass(frozen=True)
class Stance:
    """One act by one or more bodies, read from one sentence or quote."""

    act: Act
    holders: tuple[str, ...]
    text: str
    article: str
    speaker: str | None  # the name in the evidence (a person or a body)
    how: str  # what was read: the event type or the cue
    reversing: bool = False  # a demand to undo what the sentence describes
    target: str | None = None  # the body a demand is addressed to
    start: int = 0  # where the sentence or quote starts in its article
    focus: str | None = None  # the clause the act is read from, when the sentence has several

    @property
    def linked(self) -> str:
        """The text that says which issues the stance bears on: its clause, else its text."""
        return self.focus or self.text
