"""Edit the case's decision block on the case page: state the decision rule (who proposes,
who votes, by what rule and threshold, with what weights, who must consent besides the vote),
change it, or remove it (the case then has none, and the procedural models do not apply).

As the structural edits (:mod:`accord.web.structure`, whose helpers this reuses), the edited
case is validated again as a whole by the case schema; a problem names the request's field,
which is the case's own (``decision.must_consent[1]``: an unknown actor id), and the block's
own check, that a threshold goes with a qmv rule and only with it, is named at
``decision.threshold``. Nothing is saved here.
"""

from __future__ import annotations

from typing import Any

from accord.case import Case
from accord.errors import CaseError
from accord.web.structure import case_data, checked, stripped

WHAT = "decision rule"


def set_decision(case: Case, decision: dict[str, Any] | None) -> Case:
    """``case`` with ``decision`` (the case schema's fields) as its decision block, or without
    one when ``decision`` is None. A blank rationale is dropped."""
    data = case_data(case)
    if decision is None:
        data.pop("decision", None)
        return checked(data, WHAT)
    block = dict(decision)
    if "rationale" in block:
        block["rationale"] = stripped(block["rationale"]) or None
    data["decision"] = block
    try:
        return checked(data, WHAT)
    except CaseError as e:  # the block-wide check is about the threshold
        raise CaseError(WHAT, [("decision.threshold" if w == "decision" else w, m)
                               for w, m in e.problems]) from None
