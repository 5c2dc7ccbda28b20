"""Generic agents and roles in the evidence, resolved to the bodies of a draft.

The event coder names an actor with no proper name by its head noun ("the five unions" →
``unions``, "ministers", "the government"). A draft proposes one actor per body, so such an
agent is attached to the named bodies the articles tie it to, else kept as a collective:

- **government**: a noun or title the CAMEO agents dictionary files under government
  ("the government", "ministers", "the cabinet", "Deputy Prime Minister"), and a body named
  as a government department ("Cabinet Office", "Foreign Ministry"), stand for the state whose
  government the article is about: the state it mentions most (at least twice as often as any
  other), else the one state of the whole evidence. A titled person without an affiliation
  joins that state's delegation. A body the extraction affiliates with a state ("Russian
  Foreign Ministry") stands for that state instead (:class:`accord.draft.actors.DraftActors`).
- **other agents** ("unions", "parties", "rebels"): the bodies of the same article that the
  article *calls* by that noun (:mod:`accord.extract.class_nouns`: "Britain's biggest union
  Unison", "the Fire Brigades Union", "unions including Unison and PCS").
- **otherwise** the agent stays a collective actor, named by its noun, for the analyst to merge
  into the bodies it stands for or to drop.

People whose role is reporting (a correspondent, a reporter) hold no stance: their words are
the article's, not a party's.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from accord.extract.cameo_lexicon import agent_role, singular
from accord.extract.records import ActorRecord

DEPARTMENTS = frozenset({"office", "ministry", "department", "treasury", "cabinet"})
REPORTERS = frozenset({"correspondent", "reporter", "journalist", "editor", "columnist"})


def is_government(name: str) -> bool:
    """A noun, title or body name that stands for a government ("ministers", "Deputy Prime
    Minister", "Cabinet Office")."""
    words = name.lower().split()
    return bool(words) and (agent_role(name) == "government" or words[-1] in DEPARTMENTS)


def is_reporter(roles: Iterable[str]) -> bool:
    return any(r.lower().split()[-1:] and r.lower().split()[-1] in REPORTERS for r in roles)


def _dominant(counts: Counter[str]) -> str | None:
    """The most counted name if it has at least twice the count of any other."""
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def home_states(records: Iterable[ActorRecord]) -> dict[str, str | None]:
    """Article id → the state whose government an unqualified "the government" of the article
    means: the article's dominant state, else the evidence's (see the module docstring)."""
    per_article: dict[str, Counter[str]] = defaultdict(Counter)
    everywhere: Counter[str] = Counter()
    for r in records:
        per_article.setdefault(r.article, Counter())
        if r.kind == "state":
            per_article[r.article][r.name] += len(r.mentions)
            everywhere[r.name] += len(r.mentions)
    overall = _dominant(everywhere)
    return {a: _dominant(c) if c else overall for a, c in per_article.items()}


def tied_bodies(noun: str, bodies: Iterable[str], called: dict[str, set[str]]) -> list[str]:
    """The ``bodies`` that the evidence calls by the agent ``noun`` ("unions" → the bodies
    called ``union``), in the given order."""
    word = singular(noun.lower())
    return [b for b in bodies if word in called.get(b, set())]
