"""How close a drafted case comes to a hand-built case of the same negotiation.

Actors are matched by id, name or alias (case-insensitive; a state's government by the
state's canonical name: "UK government" is "United Kingdom"); positions by (actor, issue). For
the hand-built positions:

- **found**: the share the draft also holds;
- **same side**: the share the draft places on the same side of the status quo (below, at or
  above it; "at" is within :data:`AT` points);
- **mean distance**: the mean absolute gap between the two positions' central values, over the
  positions found;
- **veto agreement**: the Jaccard index of the two sets of veto players (matched actors);
- **verdicts**: per issue, whether the veto players' zone of agreement exists in each case
  (:func:`accord.forecast.forecast_case`), and whether the two verdicts agree.

Each figure is also given over the hand-built positions whose evidence cites a source the draft
read (``supported``): the ones the text could support at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.case import Actor, Case
from accord.extract.lexicon import ALIASES
from accord.forecast import forecast_case

AT = 5.0


@dataclass(frozen=True)
class Share:
    hits: int
    total: int

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.hits}/{self.total} = {self.rate:.2f}"


@dataclass(frozen=True)
class DraftScore:
    found: Share
    same_side: Share
    found_supported: Share
    same_side_supported: Share
    mean_distance: float | None
    veto_agreement: float
    verdicts: dict[str, tuple[bool, bool]]  # issue → (hand possible, draft possible)

    @property
    def verdicts_agree(self) -> Share:
        return Share(sum(h == d for h, d in self.verdicts.values()), len(self.verdicts))


def _keys(actor: Actor) -> set[str]:
    """An actor's id, name and aliases, and for a state's government the state's canonical
    name ("UK government", "the British government" → "united kingdom")."""
    keys = {k.lower() for k in (actor.id, actor.name, *actor.aliases)}
    for k in (actor.name, *actor.aliases):
        bare = re.sub(r"^the\s+|\s+government$", "", k.strip(), flags=re.I)
        hit = ALIASES.get(bare)
        if hit is not None and hit[1] == "state":
            keys.add(hit[0].lower())
    return keys


def actor_map(hand: Case, draft: Case) -> dict[str, str]:
    """Hand actor id → draft actor id, for the actors both cases hold."""
    out = {}
    for h in hand.actors:
        keys = _keys(h)
        match = next((d.id for d in draft.actors if _keys(d) & keys), None)
        if match is not None:
            out[h.id] = match
    return out


def side(value: float, status_quo: float) -> int:
    """-1 below the status quo, 0 at it (within :data:`AT`), 1 above."""
    return 0 if abs(value - status_quo) <= AT else (1 if value > status_quo else -1)


def _verdicts(hand: Case, draft: Case) -> dict[str, tuple[bool, bool]]:
    h, d = forecast_case(hand, "compromise"), forecast_case(draft, "compromise")
    return {i.id: (i.agreement.possible, d.issue(i.id).agreement.possible)
            for i in h.issues if any(x.id == i.id for x in d.issues)}


def score_draft(hand: Case, draft: Case, read: set[str] | None = None) -> DraftScore:
    """The draft's figures against the hand-built case; ``read`` are the hand case's source
    ids of the articles the draft was made from (default: the draft's own source ids)."""
    amap = actor_map(hand, draft)
    drafted = {(p.actor, p.issue): p.position.central for p in draft.positions}
    sq = {i.id: i.status_quo.central for i in hand.issues}
    read = read if read is not None else {s.id for s in draft.sources}
    hits, sides, dists, sup_hits, sup_sides, n_sup = 0, 0, [], 0, 0, 0
    for p in hand.positions:
        got = drafted.get((amap.get(p.actor, ""), p.issue))
        supported = any(ev.source in read for ev in p.evidence)
        n_sup += supported
        if got is None:
            continue
        same = side(got, sq[p.issue]) == side(p.position.central, sq[p.issue])
        hits, sides = hits + 1, sides + same
        sup_hits, sup_sides = sup_hits + supported, sup_sides + (same and supported)
        dists.append(abs(got - p.position.central))
    hand_veto = {amap.get(a.id, "hand:" + a.id) for a in hand.actors if a.veto}
    draft_veto = {a.id for a in draft.actors if a.veto}
    union = hand_veto | draft_veto
    n = len(hand.positions)
    return DraftScore(
        found=Share(hits, n), same_side=Share(sides, n),
        found_supported=Share(sup_hits, n_sup), same_side_supported=Share(sup_sides, n_sup),
        mean_distance=sum(dists) / len(dists) if dists else None,
        veto_agreement=len(hand_veto & draft_veto) / len(union) if union else 1.0,
        verdicts=_verdicts(hand, draft),
    )
