"""The lexicons built from PETRARCH2's dictionaries, and the coder's use of them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from accord.extract.cameo_lexicon import agent_role, cameo_type
from accord.extract.plover_lexicon import PLOVER_TYPES, VERBS


def _build_script(root: Path):
    path = root / "scripts/build_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_lexicon", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_lexicon"] = module
    spec.loader.exec_module(module)
    return module


def test_cameo_codes_map_to_plover_by_longest_prefix(root: Path):
    build = _build_script(root)
    assert build.plover_of("1011") == "REQUEST"  # 10 demand
    assert build.plover_of("057") == "AGREE"  # sign a formal agreement, not 05 SUPPORT
    assert build.plover_of("051") == "SUPPORT"
    assert build.plover_of("0871") == "RETREAT"  # de-escalate, not 08 CONCEDE
    assert build.plover_of("013") is None  # public statements have no PLOVER type
    assert set(build.CAMEO_TO_PLOVER.values()) <= set(PLOVER_TYPES)


def test_shipped_lexicons_are_what_the_script_builds(root: Path, shared: Path):
    build = _build_script(root)
    verbs, ambiguous = build.read_verbs(shared / "data/petrarch2/CAMEO.2.0.txt")
    shipped = json.loads((root / "src/accord/extract/data/cameo_verbs.json").read_text())
    assert shipped == {"verbs": verbs, "ambiguous": ambiguous}
    agents = build.read_agents(shared / "data/petrarch2/Phoenix.agents.txt")
    shipped_agents = json.loads((root / "src/accord/extract/data/agents.json").read_text())
    titles = build.read_titles(shared / "data/petrarch2/Phoenix.Countries.actors.txt", agents)
    assert shipped_agents == {"agents": agents, "titles": titles}
    assert titles["secretary of state"] == "United States" and "foreign minister" not in titles
    states = build.read_states(shared / "data/petrarch2/Phoenix.Countries.actors.txt")
    shipped_states = json.loads((root / "src/accord/extract/data/states.json").read_text())
    assert shipped_states == {"states": states}


def test_the_country_dictionary_gives_states_their_demonyms_not_their_cities(root: Path,
                                                                            shared: Path):
    states = _build_script(root).read_states(
        shared / "data/petrarch2/Phoenix.Countries.actors.txt")
    assert "Iraqi" in states["Iraq"] and "Baghdad" not in states["Iraq"]
    assert "South Sudanese" in states["South Sudan"]
    assert "United States" in states and "Sunshine State" not in states["United States"]
    assert "Russia" in states and "Russian Federation" not in states  # the short name
    assert "Soviet Union" not in states  # no present-day state


def test_the_hand_written_states_are_completed_by_the_dictionary():
    from accord.extract.lexicon import ALIASES

    assert ALIASES["Iraqi"] == ("Iraq", "state")
    assert ALIASES["Venezuelan"] == ("Venezuela", "state")
    assert ALIASES["Myanmar"] == ("Burma", "state")  # the hand-written name stays
    assert ALIASES["Brussels"] == ("European Union", "bloc")  # blocs keep their forms


def test_verbs_the_hand_lexicon_does_not_know():
    assert "rebuke" not in VERBS and cameo_type("rebuke") == "ACCUSE"
    assert cameo_type("demand") == "REQUEST" and cameo_type("praise") == "SUPPORT"
    assert cameo_type("say") is None  # a public statement: no PLOVER type
    assert cameo_type("blacklist") is None  # listed under two types: left out


def test_generic_agents_have_roles():
    assert agent_role("the foreign minister") == "government"
    assert agent_role("Ministers") == "government"  # plural, capitalised
    assert agent_role("unions") == "labour"  # accord's own addition
    assert agent_role("riot police") == "police"
    assert agent_role("workers") == "labour"
    assert agent_role("the weather") is None


def test_the_cameo_fallback_codes_only_sentences_with_no_hand_trigger(nlp):
    pytest.importorskip("spacy")
    from accord.extract.events import PhraseResolver, find_events

    def code(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(e.plover, e.source, e.target)
                for e in find_events(nlp(text), PhraseResolver())]

    assert code("Russia rebuked Ukraine on Monday.") == [("ACCUSE", "Russia", "Ukraine")]
    # both sides must be named: no event of a CAMEO-typed verb with no target
    assert code("Russia rebuked on Monday.") == []
    # a hand trigger in the sentence (here in a condition) leaves the fallback out
    assert code("Washington argues that if the embargo is lifted, China could buy arms.") == []
