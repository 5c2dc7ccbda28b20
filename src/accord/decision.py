"""How a case's negotiation decides: who proposes, who votes, by what rule, who must consent.

An optional ``decision`` block of a case, used by the procedural models
(:mod:`accord.models.procedural`)::

    decision:
      proposer: COM               # the actor who tables the text (the agenda setter)
      voters: [AT, BE, DE, ...]   # who votes; default: every actor
      rule: qmv                   # qmv | unanimity | majority | consensus
      threshold: 0.71             # qmv only: share of the voters' weight needed
      weights: capability         # capability | equal | {actor id: weight}
      must_consent: [EP]          # actors whose approval is needed besides the vote
      rationale: ...              # why, with sources

``unanimity`` and ``consensus`` both need every voter that takes a position on the issue (a
voter without one is read as not objecting, which is what consensus means; under unanimity
it is the case author's reading that it abstains and lets the text pass). ``majority``
needs more than half the weight of those voters, ``qmv`` at least ``threshold`` of it.
Actor ids are cross-checked against the case by :func:`accord.case.check`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Rule = Literal["qmv", "unanimity", "majority", "consensus"]


class Decision(BaseModel):
    """The decision rule of a negotiation."""

    model_config = ConfigDict(extra="forbid")

    proposer: str = Field(min_length=1, description="actor id of the agenda setter")
    rule: Rule
    voters: list[str] | None = Field(None, description="actor ids; default: every actor")
    threshold: float | None = Field(
        None, gt=0, le=1, description="qmv: share of the voters' weight needed"
    )
    weights: Literal["capability", "equal"] | dict[str, float] = "capability"
    must_consent: list[str] = Field(default_factory=list)
    rationale: str | None = None

    @field_validator("threshold", mode="before")
    @classmethod
    def _threshold_is_a_number(cls, value: object) -> object:
        _number(value)
        return value

    @field_validator("weights", mode="before")
    @classmethod
    def _weights_are_numbers(cls, value: object) -> object:
        if isinstance(value, dict):
            for weight in value.values():
                _number(weight)
        return value

    @model_validator(mode="after")
    def _threshold_fits_rule(self) -> Decision:
        if self.rule == "qmv" and self.threshold is None:
            raise ValueError("a qmv rule needs a threshold (the share of weight needed)")
        if self.rule != "qmv" and self.threshold is not None:
            raise ValueError(f"a threshold applies only to qmv, not to {self.rule}")
        return self

    def needed(self) -> tuple[float, bool]:
        """(share of the voters' weight needed, whether it must be exceeded strictly)."""
        if self.rule == "qmv":
            assert self.threshold is not None
            return self.threshold, False
        if self.rule == "majority":
            return 0.5, True
        return 1.0, False

    def actor_ids(self) -> list[tuple[str, str]]:
        """Every actor id the block names, with the field that names it."""
        named = [("proposer", self.proposer)]
        named += [(f"voters[{i}]", a) for i, a in enumerate(self.voters or [])]
        named += [(f"must_consent[{i}]", a) for i, a in enumerate(self.must_consent)]
        if isinstance(self.weights, dict):
            named += [(f"weights.{a}", a) for a in self.weights]
        return named


def _number(value: object) -> None:
    """Refuse what pydantic would read as a number but a case author did not write as one:
    ``true`` (1.0) or a quoted "0.5"."""
    if isinstance(value, bool | str):
        raise ValueError(f"expected a number, got {value!r}")
