"""The field's lexicons, shipped with accord: CAMEO verbs typed by PLOVER, and generic agents.

Built by ``scripts/build_lexicon.py`` from PETRARCH2's dictionaries (Open Event Data Alliance,
MIT licence; see ``data/README.md``) into ``data/cameo_verbs.json`` and ``data/agents.json``:

- :func:`cameo_type`: the PLOVER type of a verb lemma by its CAMEO code (about a thousand
  verbs), the fallback of the event coder when the hand-written triggers
  (:mod:`accord.extract.plover_lexicon`) know no word in a clause;
- :func:`agent_role`: the generic role of an agent phrase ("the foreign minister" →
  government, "unions" → labour, "riot police" → police), or None;
- :func:`title_state`: the state a title belongs to when the country actors dictionary files
  the bare title under one country ("Secretary of State" → the United States).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

_ARTICLES = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")


@cache
def _load(name: str, key: str) -> dict[str, str]:
    text = files("accord.extract").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, str] = json.loads(text)[key]
    return data


def cameo_type(lemma: str) -> str | None:
    """The PLOVER type of a verb lemma in the CAMEO verb dictionary, if it has one."""
    return _load("cameo_verbs.json", "verbs").get(lemma)


def agent_role(phrase: str) -> str | None:
    """The generic role of an agent phrase, plural or singular, with or without an article."""
    agents = _load("agents.json", "agents")
    text = " ".join(phrase.lower().replace("’", "'").split())
    for article in _ARTICLES:
        text = text.removeprefix(article)
    for form in (text, singular(text)):
        if form in agents:
            return agents[form]
    return None


def title_state(role: str) -> str | None:
    """The state whose government a title belongs to when the field's country dictionary
    files that bare title under one country ("Deputy Secretary of State" ends with
    "secretary of state", filed under the United States); ``None`` for a title many states
    use ("Foreign Minister")."""
    text = " ".join(role.lower().replace("’", "'").split())
    for title, state in _load("agents.json", "titles").items():
        if text == title or text.endswith(" " + title):
            return state
    return None


def singular(text: str) -> str:
    """The phrase with its last word made singular ("ministers" → "minister", "policies" →
    "policy"); enough for the regular plurals the agent dictionary leaves out."""
    if text.endswith("ies"):
        return text[:-3] + "y"
    if text.endswith(("ches", "shes", "sses", "xes")):
        return text[:-2]
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text
