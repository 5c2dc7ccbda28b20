"""Build accord's event and agent lexicons from PETRARCH2's dictionaries (MIT licence).

    PYTHONPATH=src python scripts/build_lexicon.py [PETRARCH2_DIR]

(``PETRARCH2_DIR`` defaults to ``$ACCORD_SHARED/data/petrarch2``.)

Reads the CAMEO verb-pattern dictionary (``CAMEO.2.0.txt``) and the generic agents
(``Phoenix.agents.txt``) and writes two compact JSON files into
``src/accord/extract/data/`` (shipped with the package, so accord needs no ``shared`` folder
at run time):

- ``cameo_verbs.json``: ``{verb lemma: PLOVER type}``, from every verb listed under a verb
  block with a CAMEO code (or carrying a code of its own), the code mapped to PLOVER's type by
  :data:`CAMEO_TO_PLOVER`; a verb listed under codes of two different PLOVER types keeps the
  type of its first block and ``"ambiguous"`` lists it, so the coder leaves it alone.
- ``agents.json``: ``{agent phrase (lower case, spaces): generic role}``, the CAMEO agent
  codes mapped to a few roles (government, military, police, labour, business, ...) by
  :data:`AGENT_ROLES`; and under ``titles``, ``{title: state}``: the bare titles and bodies
  (an agent phrase, with no person's name) that the country actors dictionary
  (``Phoenix.Countries.actors.txt``) files under one country ("SECRETARY_OF_STATE_" →
  ``[USAGOV]``), the country named as accord's actor index names it (:data:`CAMEO_STATES`).
- ``states.json``: ``{state name: [surface forms]}`` from the country blocks of
  ``Phoenix.Countries.actors.txt`` (a block whose CAMEO code is a bare three-letter country
  code): the name and those of its synonyms that share a word's first four letters with it
  (demonyms and spellings: "Iraqi", "South Sudanese"; not its cities, which name venues more
  often than governments; words such as "United" or "Republic" do not count), in title case;
  a form listed under two states is left out.

Only the data is read; none of PETRARCH2's program is used or copied. The CAMEO → PLOVER table
is written from the CAMEO codebook's root and second-level codes and PLOVER's type definitions
(the PLOVER manual's crosswalk: 01 public statements and 05/06 cooperation split as below).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "accord" / "extract" / "data"

# CAMEO code prefix → PLOVER type; the longest matching prefix wins. Codes with no PLOVER
# counterpart (01 public statements, 0 "---" blocks) are left out.
CAMEO_TO_PLOVER: dict[str, str] = {
    "02": "REQUEST",     # appeal
    "03": "AGREE",       # express intent to cooperate (promise, pledge, offer)
    "04": "CONSULT",     # consult: discuss, meet, visit, mediate, negotiate
    "05": "SUPPORT",     # diplomatic cooperation: praise, endorse, apologise, forgive
    "057": "AGREE",      # sign a formal agreement
    "06": "COOPERATE",   # material cooperation: economic, military, judicial, intelligence
    "07": "AID",         # provide aid
    "08": "CONCEDE",     # yield: ease restrictions, accede to demands, release, allow
    "087": "RETREAT",    # de-escalate militarily: retreat, truce, demobilise
    "09": "ACCUSE",      # investigate (PLOVER: ACCUSE, mode investigate)
    "10": "REQUEST",     # demand
    "11": "ACCUSE",      # disapprove: criticise, accuse, complain, sue
    "12": "REJECT",      # reject
    "13": "THREATEN",    # threaten
    "14": "PROTEST",     # protest: demonstrate, hunger strike, strike, obstruct
    "15": "MOBILIZE",    # exhibit force posture: alert, mobilise, fortify
    "16": "SANCTION",    # reduce relations: break ties, cut aid, expel, embargo
    "17": "COERCE",      # coerce: seize, arrest, deport, repress
    "18": "ASSAULT",     # assault
    "19": "ASSAULT",     # fight (PLOVER 2016: FIGHT)
    "20": "ASSAULT",     # unconventional mass violence
}

# CAMEO agent code (its first three letters) → a generic role of accord's actor index.
AGENT_ROLES: dict[str, str] = {
    "GOV": "government", "LEG": "legislature", "JUD": "judiciary", "MIL": "military",
    "COP": "police", "SPY": "intelligence", "OPP": "opposition", "REB": "rebels",
    "LAB": "labour", "BUS": "business", "MED": "media", "EDU": "education",
    "CVL": "civilians", "REF": "refugees", "NGO": "ngo", "ELI": "elite", "PTY": "party",
    "AGR": "agriculture", "HLH": "health", "ENV": "environment", "CRM": "criminals",
    "UAF": "armed group", "IGO": "intergovernmental",
}
# accord's own additions (not PETRARCH2's): generic agents its file leaves out on purpose
# ("UNION" is commented out there because it caught the European Union) but which name a
# labour body when they stand alone in a sentence.
EXTRA_AGENTS: dict[str, str] = {"union": "labour", "unions": "labour"}

# CAMEO country code → the state's name in accord's actor index (extract/lexicon.py STATES)
CAMEO_STATES: dict[str, str] = {
    "RUS": "Russia", "USA": "United States", "GBR": "United Kingdom", "TUR": "Turkey",
    "CHN": "China", "JPN": "Japan", "UKR": "Ukraine", "DEU": "Germany", "FRA": "France",
    "ITA": "Italy", "CYP": "Cyprus", "GRC": "Greece", "POL": "Poland", "GEO": "Georgia",
    "BLR": "Belarus", "TWN": "Taiwan", "PRK": "North Korea", "KOR": "South Korea",
    "IRN": "Iran", "ISR": "Israel", "HRV": "Croatia", "AUS": "Australia", "LUX": "Luxembourg",
    "NLD": "Netherlands", "LVA": "Latvia", "ZWE": "Zimbabwe", "MMR": "Myanmar",
    "ESP": "Spain", "CAN": "Canada", "IND": "India",
}
_COUNTRY = re.compile(r"^\s+\[([A-Z]{3})")

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([0-9]+)[^\]]*\]")


def plover_of(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code (longest matching prefix), if it has one."""
    best = ""
    for prefix in CAMEO_TO_PLOVER:
        if code.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    return CAMEO_TO_PLOVER[best] if best else None


def _verb_word(line: str) -> str | None:
    """The lemma of a verb line (``DEMAND``, ``+SET_UP {...}``, ``WANT [030]``), lower case."""
    head = line.split("#", 1)[0].split("{", 1)[0].split("[", 1)[0].strip()
    if not head or " " in head:
        return None
    word = head.lstrip("+").rstrip("_").replace("_", " ").lower()
    return word if re.fullmatch(r"[a-z][a-z -]*", word) else None


def read_verbs(path: Path) -> tuple[dict[str, str], list[str]]:
    """Verb lemma → PLOVER type, and the verbs listed under two different types."""
    verbs: dict[str, str] = {}
    ambiguous: set[str] = set()
    block_type: str | None = None
    in_patterns = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.strip()
        if line.startswith("---"):
            m = _BLOCK.match(line)
            block_type = plover_of(m.group(2)) if m and m.group(2)[:1].isdigit() else None
            in_patterns = m is not None
            continue
        if not in_patterns or not line or line.startswith(("#", "-", "&")):
            continue
        word = _verb_word(line)
        own = _CODE.search(line.split("#", 1)[0])
        kind = plover_of(own.group(1)) if own else block_type
        if word is None or kind is None:
            continue
        if word in verbs and verbs[word] != kind:
            ambiguous.add(word)
        verbs.setdefault(word, kind)
    return {w: k for w, k in sorted(verbs.items()) if w not in ambiguous}, sorted(ambiguous)


def read_agents(path: Path) -> dict[str, str]:
    """Agent phrase (lower case) → generic role; ``!PERSON!`` forms expanded."""
    subs: dict[str, list[str]] = {}
    agents: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            subs[name.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        m = re.match(r"^([A-Z0-9_!'\-. ]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if not m or m.group(3) not in AGENT_ROLES:
            continue
        for form in _expand(m.group(1).strip(), subs):
            phrase = form.strip("_").replace("_", " ").lower()
            if phrase:
                agents.setdefault(phrase, AGENT_ROLES[m.group(3)])
    agents.update(EXTRA_AGENTS)
    return dict(sorted(agents.items()))


def read_titles(path: Path, agents: dict[str, str]) -> dict[str, str]:
    """Bare titles (phrases the agents dictionary lists) that the country actors dictionary
    files under exactly one country of :data:`CAMEO_STATES`: ``{title: state}``."""
    countries: dict[str, set[str]] = {}
    group: list[str] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = _COUNTRY.match(line)
        if m:
            for phrase in group:
                countries.setdefault(phrase, set()).add(m.group(1))
            group = []
        elif not line[0].isspace():
            if not line.startswith("+"):
                group = []
            group.append(line.lstrip("+").strip().strip("_").replace("_", " ").lower())
    return {t: CAMEO_STATES[next(iter(c))] for t, c in sorted(countries.items())
            if t in agents and len(c) == 1 and next(iter(c)) in CAMEO_STATES}


def _expand(form: str, subs: dict[str, list[str]]) -> list[str]:
    for name, values in subs.items():
        if name in form:
            return [f for v in values for f in _expand(form.replace(name, v, 1), subs)]
    return [form]


# official names in the country dictionary → the short name news uses
SHORT_NAMES = {
    "United States of America": "United States", "Russian Federation": "Russia",
    "Republic of South Africa": "South Africa", "United Republic of Tanzania": "Tanzania",
    "Brunei Darussalam": "Brunei", "Madagaskar": "Madagascar",
}
# blocks that are no present-day state (historical states, regions, a city)
NOT_STATES = frozenset({"Leipzig", "Kinakuta", "Federation of Saint Kitts and Nevis",
                        "Russian Sfsr", "German Democratic Republic", "Czechoslovakia",
                        "Serbia and Montenegro", "Iraqi Kurdistan", "Transnistria",
                        "Soviet Union"})
_SMALL = frozenset({"of", "the", "and", "de", "da"})
# words of state names that say nothing about which state ("United States" shares "State"
# with "Sunshine State")
_GENERIC = frozenset({"united", "states", "republic", "democratic", "kingdom", "federation",
                      "islands", "saint", "south", "north", "east", "west", "central", "arab",
                      "peoples", "great", "guinea", "emirates", "new"})
_COUNTRY_CODE = re.compile(r"\[[A-Z]{3}(\s[<>]?\d+(-\d+)?)?\]")


def _title(form: str) -> str:
    words = form.strip("_").replace("_", " ").lower().split()
    return " ".join(w if w in _SMALL and k else w.capitalize() for k, w in enumerate(words))


def _country_blocks(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(header, synonyms, codes) of each block of a PETRARCH2 actors file."""
    blocks: list[tuple[str, list[str], list[str]]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[0] not in "+\t ":
            m = re.match(r"^([A-Z_']+?)_*\s*(\[[^\]]*\])?\s*$", line)
            blocks.append((m.group(1) if m else "", [], [m.group(2)] if m and m.group(2) else []))
        elif raw[0] == "+" and blocks:
            blocks[-1][1].append(line[1:].strip())
        elif blocks:
            blocks[-1][2].extend(re.findall(r"\[[^\]]*\]", line))
    return blocks


def read_states(path: Path) -> dict[str, list[str]]:
    """State name → its name, demonyms and spellings (see the module docstring)."""
    states: dict[str, list[str]] = {}
    for header, synonyms, codes in _country_blocks(path):
        if not header or not any(_COUNTRY_CODE.fullmatch(c) for c in codes):
            continue
        title = _title(header)
        name = SHORT_NAMES.get(title, title)
        if name in NOT_STATES:
            continue
        stems = {w[:4].lower() for w in f"{title} {name}".split()
                 if len(w) >= 4 and w.lower() not in _GENERIC}
        forms = [_title(f) for f in synonyms if re.fullmatch(r"[A-Z_]+", f)]
        keep = [f for f in forms if any(w[:4].lower() in stems for w in f.split() if len(w) >= 4)]
        states.setdefault(name, [])
        states[name] += [f for f in dict.fromkeys([title, *keep]) if f not in states[name]]
    seen: dict[str, int] = {}
    for forms in states.values():
        for f in forms:
            seen[f] = seen.get(f, 0) + 1
    return {n: [f for f in fs if seen[f] == 1 and f != n] for n, fs in sorted(states.items())}


def main() -> None:
    shared = os.environ.get("ACCORD_SHARED", str(ROOT.parent / "shared"))
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(shared) / "data" / "petrarch2"
    verbs, ambiguous = read_verbs(src / "CAMEO.2.0.txt")
    agents = read_agents(src / "Phoenix.agents.txt")
    states = read_states(src / "Phoenix.Countries.actors.txt")
    titles = read_titles(src / "Phoenix.Countries.actors.txt", agents)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in (("cameo_verbs.json", {"verbs": verbs, "ambiguous": ambiguous}),
                       ("agents.json", {"agents": agents, "titles": titles}),
                       ("states.json", {"states": states})):
        text = json.dumps(data, indent=0, sort_keys=True, ensure_ascii=False) + "\n"
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"{len(verbs)} verbs ({len(ambiguous)} ambiguous left out), {len(agents)} agents, "
          f"{len(titles)} titles of one country, {len(states)} states -> {OUT}")


if __name__ == "__main__":
    main()
