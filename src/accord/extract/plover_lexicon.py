"""Trigger words for the sixteen PLOVER event types.

PLOVER (Political Language Ontology for Verifiable Event Records; Halterman, Schrodt et al.,
the ontology behind the POLECAT data set) types an event by what a source actor does to a
target actor. The lists below are the usual English verbs and nouns for each type, grouped as
the PLOVER specification describes the types (REQUEST: demand, call for, urge; REJECT: refuse,
deny, veto; THREATEN: threaten, warn of, issue an ultimatum; ACCUSE: accuse, criticise,
denounce, investigate; ...). They are word lists, not sentence rules: the parse decides who
did what to whom (``accord.extract.events``).

Each entry maps a lemma to ``(type, mode)``; the mode is ``None`` where PLOVER's type alone
says enough.
"""

from __future__ import annotations

Trigger = tuple[str, str | None]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# Types whose refusal is itself an event: "will not water down" is a REJECT, not a CONCEDE.
COOPERATIVE = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)
# Types that, announced as a future or conditional act, are a THREATEN.
FORCEFUL = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE"})

# PLOVER's 2016 type names (the gold-standard records) → today's names and modes.
LEGACY_TYPES: dict[str, Trigger] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", None),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


def _each(kind: str, mode: str | None, vocabulary: str) -> dict[str, Trigger]:
    return {w: (kind, mode) for w in vocabulary.split()}


VERBS: dict[str, Trigger] = {
    **_each("REQUEST", None, "demand seek urge request appeal plead petition press ask order want"),
    **_each("REJECT", None, "reject refuse dismiss rebuff spurn decline veto oppose resist"),
    **_each("REJECT", "deny", "deny"),
    **_each("REJECT", "defy", "defy violate flout"),
    **_each("THREATEN", None, "threaten warn"),
    **_each("ACCUSE", None, "accuse blame criticize criticise condemn denounce slam decry "
            "lambast castigate allege charge disapprove deplore complain sue"),
    **_each("ACCUSE", "investigate", "investigate probe"),
    **_each("AGREE", None, "agree promise pledge offer vow swear accept sign commit"),
    **_each("CONSULT", None, "meet negotiate consult discuss mediate confer"),
    **_each("CONSULT", "visit", "visit"),
    **_each("CONSULT", "host", "host"),
    **_each("SUPPORT", None, "support back endorse praise welcome hail commend forgive "
            "applaud recognize recognise defend"),
    **_each("CONCEDE", None, "concede compromise yield relent soften relax lift ease allow "
            "permit"),
    **_each("COOPERATE", None, "cooperate collaborate share"),
    **_each("AID", None, "aid assist help donate"),
    **_each("RETREAT", None, "withdraw retreat surrender evacuate disband demobilize resign "
            "scrap abandon reverse rescind repeal"),
    **_each("PROTEST", None, "protest demonstrate march rally picket riot"),
    **_each("PROTEST", "obstruct", "block blockade barricade"),
    **_each("SANCTION", None, "sanction suspend embargo boycott expel freeze ban prohibit"),
    **_each("MOBILIZE", None, "mobilize mobilise deploy mass"),
    **_each("COERCE", "detain", "arrest detain kidnap abduct seize imprison jail"),
    **_each("COERCE", None, "deport confiscate censor torture"),
    **_each("COERCE", "destroy", "destroy demolish raze"),
    **_each("ASSAULT", None, "attack shell bomb fight clash kill shoot invade raid "
            "assassinate ambush storm wound fire overrun retake"),
}

# Verb + particle or preposition: ``hit out at``, ``call for``, ``water down``, ``back down``.
PHRASAL: dict[tuple[str, str], Trigger] = {
    ("hit", "out"): ("ACCUSE", None),
    ("lash", "out"): ("ACCUSE", None),
    ("call", "for"): ("REQUEST", None),
    ("call", "on"): ("REQUEST", None),
    ("call", "upon"): ("REQUEST", None),
    ("push", "for"): ("REQUEST", None),
    ("insist", "on"): ("REQUEST", None),
    ("water", "down"): ("CONCEDE", None),
    ("engage", "with"): ("CONSULT", None),
    ("back", "down"): ("RETREAT", None),
    ("pull", "out"): ("RETREAT", None),
    ("give", "in"): ("CONCEDE", None),
    ("rule", "out"): ("REJECT", None),
    ("turn", "down"): ("REJECT", None),
    ("blow", "up"): ("COERCE", "destroy"),
    ("cut", "off"): ("SANCTION", None),
    ("open", "fire"): ("ASSAULT", None),
    ("beat", "up"): ("ASSAULT", None),
    ("renege", "on"): ("REJECT", None),
}

# Nouns that carry the event after a light verb: "hold talks", "impose sanctions",
# "stage demonstrations", "reach an agreement", "make concessions", "issue an ultimatum".
NOUNS: dict[str, Trigger] = {
    **_each("CONSULT", None, "talk talks discussion negotiation meeting mediation summit"),
    **_each("AGREE", None, "agreement deal accord pact treaty"),
    **_each("SANCTION", None, "sanction embargo boycott"),
    **_each("PROTEST", None, "demonstration protest strike rally march"),
    **_each("CONCEDE", None, "concession compromise"),
    **_each("THREATEN", None, "ultimatum threat"),
    **_each("REQUEST", None, "demand appeal request"),
    **_each("ASSAULT", None, "attack offensive assault raid bombing airstrike invasion incursion"),
    **_each("AID", None, "aid assistance grant loan asylum"),
    **_each("ACCUSE", "investigate", "investigation probe inquiry hearing"),
    **_each("COERCE", "curfew", "curfew"),
    **_each("SANCTION", None, "suspension"),
}
LIGHT_VERBS = words(
    "hold impose stage launch reach make issue conclude sign begin start open mount "
    "carry provide send give levy slap continue reiterate renew repeat voice")

# Verbs that report speech: the event is in what they report, said by their subject.
REPORTING = words(
    "say tell state announce add claim argue insist declare note stress explain reply "
    "assert maintain believe suggest write report conclude")
# Adjectives and verbs of readiness that turn a forceful act into a threat:
# "prepared to issue sanctions", "ready to strike".
READINESS = words(
    "prepared ready willing poise plan intend prepare")
# Heads of a phrase whose actor is in its "of" part: "a group of Yoruba leaders".
GROUPS = words(
    "group groups tens hundreds thousands millions dozens scores number some many most "
    "members majority delegation team contingent")
# Heads that speak for the actor after "for"/"of": "a spokesman for Mr Prescott".
SPOKESPEOPLE = words("spokesman spokeswoman spokesperson representative representatives")
# Documents that speak for their authors: "the proposed agreements demand that ...".
DOCUMENTS = words(
    "agreement agreements treaty treaties draft drafts proposal proposals article articles "
    "document statement letter plan resolution bill text"
)
# Verbs that negate the act they govern: "failed to reach agreement".
FAILING = frozenset({"fail"})
# Objects that turn acceptance into a concession: "accepted demands from the rebels".
CONCESSION_OBJECTS = frozenset({"demand", "condition", "term", "ultimatum"})
# Auxiliaries that make a statement a demand on its subject: "NATO must limit its forces".
OBLIGATION = frozenset({"must", "should"})
# Auxiliaries of a future or conditional act.
FUTURE = frozenset({"will", "would", "could", "may", "might", "shall", "wo", "'ll", "’ll"})
# Words that negate the verb they attach to.
NEGATORS = frozenset({"not", "n't", "n’t", "never", "no", "cannot"})
