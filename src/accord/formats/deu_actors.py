"""Who takes part in a DEU proposal, with what clout and whose consent is needed.

The rules (each case's notes spell out how they applied to it):

- **Actors**: the Commission, the European Parliament and every member state with a position
  on at least one issue of the proposal (a state without any weighs nothing in accord's models).
- **Capabilities**, by ``--capability``:

  - ``votes`` (default): under qualified majority, each state's weight in the Council in force
    on the proposal's introduction date (:mod:`accord.formats.eu_council`); under unanimity,
    equal weights (1 per state), since every state's consent counts the same. A state that
    joined while the proposal was negotiated (e.g. Bulgaria for a 2005 proposal) weighs what it
    did in the first weighting that lists it.
  - ``equal``: 1 per state whatever the voting rule.
  - ``gdp``: the GDP figure per actor in the file's second row (added by the copy's author, a
    rough proxy; the Commission and Parliament both carry 4.1, Germany's figure).

  Under ``votes`` and ``equal`` the Commission's and Parliament's capabilities follow
  ``--powers``, the two views of Thomson & Hosli (2006, "Who has power in the EU?", JCMS
  44(2)); they and Thomson (2011, *Resolving Controversy in the European Union*, ch. 8) find
  that models giving the two less power than the Council forecast DEU outcomes better:

  - ``council-centric`` (default): the Commission (it drafts the proposal and may withdraw it
    but casts no vote) and, under codecision (COD), the Parliament each weigh as much as the
    largest member state; under consultation (CNS), where the Parliament gives an opinion
    the Council need not follow, it weighs 0 and is left out of the case (the exact weights
    are accord's reading of "Council-centric", not taken from the paper's tables). Chosen as
    the default on the DEU III development half by cross-validation by proposal: picked on
    the training folds in 5 of 5 folds, compromise MAE 25.3 against 26.8 (docs/backtest.md;
    the difference's 95% interval, −3.8 to +1.0, includes 0).
  - ``supranational-ep`` (the earlier default): the Commission as the largest member state,
    the Parliament as the whole Council (the sum of every member state's weight on the
    introduction date) under COD and as the smallest member state under CNS.
  - ``supranational``: the Commission as the whole Council; the Parliament as the whole
    Council under COD, left out (0) under CNS.
- **Veto players** (``veto: true``): under unanimity every member state present; under COD
  the Parliament. Under qualified majority no single state can block. A case may mark a veto
  player only if it states a position on every issue, so a state or the Parliament lacking
  one on some issue of the proposal is left unmarked, and the notes name it. A proposal with
  issues under both rules (``d05127``) is read as unanimous for its actors, since a state can
  block the unanimous part of the package. The Commission is not marked: its power (under
  CNS the Council can amend its proposal only by unanimity, Art. 250 EC / 293 TFEU; it may
  withdraw the proposal) has no place in the case format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from accord.formats.deu_table import ACTORS, INSTITUTIONS, Proposal
from accord.formats.eu_council import QMV_THRESHOLD, Weighting, first_weight, weighting_on

Capability = Literal["votes", "equal", "gdp"]
CAPABILITIES: tuple[Capability, ...] = ("votes", "equal", "gdp")
Powers = Literal["supranational-ep", "council-centric", "supranational"]
POWERS: tuple[Powers, ...] = ("supranational-ep", "council-centric", "supranational")
DEFAULT_POWERS: Powers = "council-centric"
NAMES = dict(ACTORS.values())


@dataclass(frozen=True)
class ActorRule:
    """The actors of one proposal and the sentences that explain their weights and vetoes."""

    actors: list[dict[str, object]]
    notes: list[str]
    decision: dict[str, object]


def unanimous(p: Proposal) -> bool:
    return any(i.vote == "Unan" for i in p.issues)


def _present(p: Proposal) -> list[str]:
    stated = {a for i in p.issues for a in i.positions}
    return [a for a, _ in ACTORS.values() if a in stated]


def _member_weights(
    p: Proposal, states: list[str], capability: Capability, table: Weighting
) -> tuple[dict[str, float], dict[str, float], list[str]]:
    """(weights of the present states, weights of every member on the intro date, notes)."""
    if capability == "equal" or unanimous(p):
        members = {s: 1.0 for s in table.weights}
        return {s: 1.0 for s in states}, members, []
    members = dict(table.weights)
    weights, notes = {}, []
    for s in states:
        if s in members:
            weights[s] = members[s]
        elif found := first_weight(s, p.intro):
            weights[s] = found[0]
            notes.append(f"{s} joined during the negotiation: weight {found[0]:g} from "
                         f"{found[1].name}.")
    return weights, members, notes


def _supranational(
    powers: Powers, cod: bool, largest: float, smallest: float, council: float
) -> tuple[float, float, str]:
    """(Commission's, Parliament's capability, the sentence of the notes) under ``powers``."""
    ep_cns = smallest if powers == "supranational-ep" else 0.0
    cns = ("the smallest member state's weight: under CNS it is only consulted" if ep_cns else
           "0 under CNS, where it is only consulted: it is left out of the case")
    com, com_why = largest, "the largest member state's weight (it drafts and may withdraw " \
                            "the proposal but has no vote)"
    if powers == "supranational":
        com, com_why = council, ("the whole Council's weight, as agenda setter (the "
                                 "'supranational' view of Thomson & Hosli 2006, --powers "
                                 "supranational)")
    ep, ep_why = ep_cns, cns
    if cod and powers == "council-centric":
        ep, ep_why = largest, ("the largest member state's weight under COD: the "
                               "'Council-centric' view of Thomson & Hosli 2006 (JCMS 44(2)) and "
                               "Thomson 2011 (ch. 8), who find it forecasts DEU better than "
                               "the supranational one (--powers council-centric)")
    elif cod:
        ep, ep_why = council, ("the whole Council's weight, as co-legislator under COD (the "
                               "'supranational' convention of Thomson & Hosli 2006; "
                               "Council-centric weights forecast DEU better in Thomson 2011, "
                               "ch. 8)")
    return com, ep, f"Commission: {com:g}, {com_why}. Parliament: {ep:g}, {ep_why}."


def _capabilities(
    p: Proposal, states: list[str], capability: Capability, gdp: dict[str, float],
    powers: Powers = DEFAULT_POWERS,
) -> tuple[dict[str, float], list[str]]:
    if capability == "gdp":
        return {a: gdp[a] for a in [*INSTITUTIONS, *states]}, [
            "Capabilities: the GDP figure of the file's second row for every actor (a rough "
            "proxy added by the copy's author; the Commission and Parliament carry 4.1, "
            "Germany's figure)."
        ]
    table = weighting_on(p.intro)
    weights, members, notes = _member_weights(p, states, capability, table)
    council = sum(members.values())
    com, ep, said = _supranational(powers, p.proc == "COD", max(members.values()),
                                   min(members.values()), council)
    if capability == "equal":
        basis = "equal weights (1 per member state, --capability equal)"
    elif unanimous(p):
        basis = "equal weights (1 per member state) since the Council decides by unanimity"
    else:
        basis = (f"the Council's qualified-majority weights in force on {p.intro} "
                 f"({table.name}, {table.unit}, total {council:g})")
    notes = [f"Capabilities: member states: {basis}. {said}", *notes]
    return {"COM": com, "EP": ep, **weights}, notes


def _vetoes(p: Proposal, present: list[str]) -> tuple[set[str], list[str]]:
    full = {a for a in present if all(a in i.positions for i in p.issues)}
    wanted: list[str] = []
    notes = []
    if unanimous(p):
        wanted += [a for a in present if a not in INSTITUTIONS]
        rule = "Unanimity: every member state present is a veto player"
        if any(i.vote != "Unan" for i in p.issues):
            rule += (" (the proposal mixes unanimity and QMV issues; read as unanimous, since a "
                     "state can block the unanimous part of the package)")
        notes.append(rule + ".")
    else:
        notes.append("Qualified majority: no single member state can block.")
    if p.proc == "COD":
        wanted.append("EP")
        notes.append("COD: the Parliament's approval is needed, a veto player.")
    unmarked = [a for a in wanted if a not in full]
    if unmarked:
        notes.append("Not marked as veto players because they state no position on some issue "
                     "(a case's veto player needs one on every issue): " + ", ".join(unmarked)
                     + ".")
    notes.append("The Commission is not a veto player in the case; its agenda power (under CNS "
                 "the Council amends its proposal only by unanimity, Art. 250 EC / 293 TFEU) "
                 "is stated in the case's decision block, as the proposer.")
    return {a for a in wanted if a in full}, notes


def _decision(p: Proposal, states: list[str]) -> dict[str, object]:
    """The case's decision block: the Commission proposes, the Council votes (QMV with the
    weights and threshold in force on the introduction date, or unanimity), the Parliament
    must consent under COD and is only consulted under CNS."""
    table = weighting_on(p.intro)
    cod = p.proc == "COD"
    rule: dict[str, object] = {"rule": "unanimity", "weights": "equal", "voters": states}
    how = "by unanimity"
    if not unanimous(p):
        weights, _, _ = _member_weights(p, states, "votes", table)
        share = QMV_THRESHOLD[table.name]
        rule = {"rule": "qmv", "threshold": round(share, 6), "weights": weights,
                "voters": list(weights)}
        how = (f"by qualified majority: {share:.1%} of the weight ({table.name}, {table.unit}) "
               "of the member states that state a position on the issue (DEU codes none for "
               "states that took none; they are read as going along)")
    return {
        "proposer": "COM", **rule, "must_consent": ["EP"] if cod else [],
        "rationale": f"{p.proc}: the Commission proposes; the Council decides {how}; "
                     + ("the Parliament's approval is needed (codecision)." if cod else
                        "the Parliament is only consulted (its opinion binds no one)."),
    }


def proposal_actors(
    p: Proposal, capability: Capability, gdp: dict[str, float],
    powers: Powers = DEFAULT_POWERS,
) -> ActorRule:
    """The actors of ``p`` as case data, with the notes that explain their weights."""
    present = _present(p)
    states = [a for a in present if a not in INSTITUTIONS]
    weights, cap_notes = _capabilities(p, states, capability, gdp, powers)
    veto, veto_notes = _vetoes(p, present)
    actors: list[dict[str, object]] = [
        {"id": a, "name": NAMES[a], "kind": "organisation" if a in INSTITUTIONS else "state",
         "capability": weights[a], "veto": a in veto}
        for a in [*INSTITUTIONS, *states] if weights[a] > 0  # weight 0: left out
    ]
    return ActorRule(actors, cap_notes + veto_notes, _decision(p, states))
