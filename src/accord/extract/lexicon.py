"""Word lists for actors and speech: states, demonyms, metonyms, blocs, parties, titles, cues.

Surface forms map to a canonical actor name.  Matching is case-sensitive on the tokens'
text so that "US" (the state) is not the pronoun "us".  The states written here (with the
metonyms news uses for their governments) are completed by every state of PETRARCH2's
country dictionary, with its demonyms (``data/states.json``, built by
``scripts/build_lexicon.py``).
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

# canonical state name -> surface forms (names, demonyms used as pre-modifiers, metonyms)
STATES: dict[str, tuple[str, ...]] = {
    "Russia": ("Russia", "Russian Federation", "Russian", "Russians", "Moscow", "Kremlin"),
    "United States": (
        "United States", "US", "U.S.", "USA", "America", "American", "Americans",
        "Washington", "White House", "Pentagon",
    ),
    "United Kingdom": (
        "United Kingdom", "UK", "Britain", "Great Britain", "British", "Britons",
        "Downing Street", "Whitehall", "Westminster",
    ),
    "Turkey": ("Turkey", "Turkish", "Ankara"),
    "China": ("China", "Chinese", "Beijing"),
    "Japan": ("Japan", "Japanese", "Tokyo"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kiev"),
    "Germany": ("Germany", "German", "Berlin"),
    "France": ("France", "French", "Paris", "Elysee"),
    "Italy": ("Italy", "Italian", "Rome"),
    "Cyprus": ("Cyprus", "Cypriot", "Nicosia"),
    "Greece": ("Greece", "Greek", "Athens"),
    "Poland": ("Poland", "Polish", "Warsaw"),
    "Georgia": ("Georgia", "Georgian", "Tbilisi"),
    "Belarus": ("Belarus", "Belarusian", "Minsk"),
    "Soviet Union": ("Soviet Union", "USSR", "Soviet"),
    "Taiwan": ("Taiwan", "Taiwanese", "Taipei"),
    "North Korea": ("North Korea", "North Korean", "DPRK", "Pyongyang"),
    "South Korea": ("South Korea", "South Korean", "Seoul"),
    "Iran": ("Iran", "Iranian", "Tehran"),
    "Israel": ("Israel", "Israeli"),
    "Croatia": ("Croatia", "Croatian", "Zagreb"),
    "Australia": ("Australia", "Australian", "Canberra"),
    "Luxembourg": ("Luxembourg",),
    "Netherlands": ("Netherlands", "Dutch", "The Hague"),
    "Latvia": ("Latvia", "Latvian"),
    "Zimbabwe": ("Zimbabwe",),
    "Burma": ("Burma", "Myanmar"),
    "Spain": ("Spain", "Spanish", "Madrid"),
    "Canada": ("Canada", "Canadian", "Ottawa"),
    "India": ("India", "Indian", "New Delhi"),
}



def _with_dictionary(states: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``states`` completed by the country dictionary: a state it names under one of the
    forms written here gets the new forms; another state is added."""
    text = files("accord.extract").joinpath("data", "states.json").read_text(encoding="utf-8")
    known = {form: name for name, forms in states.items() for form in (name, *forms)}
    out = dict(states)
    for name, forms in json.loads(text)["states"].items():
        canonical = next((known[f] for f in (name, *forms) if f in known), name)
        new = tuple(f for f in (name, *forms) if f not in known and f != canonical)
        out[canonical] = out.get(canonical, ()) + new
    return out


STATES = _with_dictionary(STATES)

# blocs and international bodies -> surface forms
BLOCS: dict[str, tuple[str, ...]] = {
    "NATO": ("NATO", "Nato", "North Atlantic Treaty Organization", "North Atlantic Alliance"),
    "European Union": ("European Union", "EU", "Brussels"),
    "OSCE": ("OSCE", "Organization for Security and Co-operation in Europe",
             "Organisation for Security and Co-operation in Europe"),
    "United Nations": ("United Nations", "UN", "U.N.", "UN Security Council"),
    "Warsaw Pact": ("Warsaw Pact",),
    "G7": ("G7", "Group of Seven"),
    "G8": ("G8", "Group of Eight"),
    "G20": ("G20", "Group of 20", "Group of Twenty"),
}

# parties and other named bodies with informal names
BODIES: dict[str, tuple[str, ...]] = {
    "Conservative Party": ("Conservative", "Conservatives", "Tory", "Tories"),
    "Labour Party": ("Labour",),
    "Liberal Democrats": ("Lib Dem", "Lib Dems", "Liberal Democrat", "Liberal Democrats"),
    "Cabinet Office": ("Cabinet Office",),
    # the EU's institutions speak and negotiate as themselves (the Commission proposes, the
    # Council and the Parliament amend and consent), not as "the EU"
    "European Commission": ("European Commission", "EU Commission"),
    "European Council": ("European Council",),
    "Council of the European Union": ("Council of the European Union", "Council of the EU",
                                      "EU Council"),
    "European Parliament": ("European Parliament", "EU Parliament"),
}

ALIASES: dict[str, tuple[str, str]] = {
    form: (name, kind)
    for kind, table in (("state", STATES), ("bloc", BLOCS), ("organisation", BODIES))
    for name, forms in table.items()
    for form in (name, *forms)
}
MAX_ALIAS_TOKENS = max(len(a.split()) for a in ALIASES)
# the first token of each alias: a cheap test before trying multi-token matches
ALIAS_FIRST = frozenset(m.group() for a in ALIASES if (m := re.match(r"[\w.]+", a)))

HONORIFICS = frozenset({"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Sir", "Lord",
                        "Lady", "Dame", "Miss"})
MALE = frozenset({"Mr", "Mr.", "Sir", "Lord"})
FEMALE = frozenset({"Mrs", "Mrs.", "Ms", "Ms.", "Lady", "Dame", "Miss"})
# abbreviated military ranks before a name (news style, e.g. AP: "Navy Adm. Mike Mullen"),
# and the word a later mention uses ("the admiral said")
RANKS = {"Adm.": "admiral", "Gen.": "general", "Lt.": "lieutenant", "Col.": "colonel",
         "Capt.": "captain", "Cmdr.": "commander", "Sgt.": "sergeant", "Brig.": "brigadier",
         "Maj.": "major"}

# head words of titles and roles (lower case); a pre-modifier run must end in one of them
TITLE_HEADS = frozenset({
    *RANKS.values(),
    "minister", "secretary", "president", "general", "chancellor", "premier", "spokesman",
    "spokeswoman", "spokesperson", "leader", "mp", "correspondent", "officer", "director",
    "lawyer", "undersecretary", "ambassador", "senator", "governor", "mayor", "commissioner",
    "chairman", "chairwoman", "chair", "chief", "envoy", "negotiator", "king", "queen",
    "prince", "pope", "head", "editor", "spokesmen", "representative", "adviser", "advisor",
    "diplomat", "analyst", "commander", "deputy", "state", "executive", "counsel", "judge",
    "president-elect", "foreign secretary", "lawmaker", "legislator",
})
# lower-case words allowed inside a title run before its head
TITLE_MODIFIERS = frozenset({
    "deputy", "vice", "first", "prime", "foreign", "home", "defence", "defense", "press",
    "shadow", "general", "affairs", "labour", "senior", "chief", "official", "former",
    "pensions", "economic", "trade", "finance", "justice", "interior", "security", "national",
    "assistant", "acting", "permanent", "under", "associate", "education", "health",
    "environment", "energy", "culture", "transport", "political", "opposition", "union",
    # ministries and departments ("Secretary of Agriculture", "Minister of Economy")
    "agriculture", "commerce", "economy", "treasury", "labor", "transportation", "industry",
})
SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen",
                           "spokespeople", "representative", "statement"})
# unnamed members who speak for the body named before them ("a Syrian opposition official",
# "one Hamas official")
MEMBERS = frozenset({"official", "officials", "source", "sources", "aide", "aides", "delegate",
                     "delegates"})

# speech and attribution verbs (lemmas)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # the dependency labels of a clause's subject

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "insist", "warn", "argue", "claim", "state", "declare", "stress",
    "note", "announce", "explain", "suggest", "deny", "admit", "accuse", "urge", "describe",
    "call", "assert", "confirm", "reply", "respond", "comment", "remark", "believe", "write",
    "predict", "promise", "pledge", "vow", "threaten", "complain", "maintain", "acknowledge",
    "reject", "welcome", "hail", "concede", "point", "caution", "allege", "report", "ask",
    "answer", "continue", "observe", "emphasise", "emphasize", "contend", "agree", "hit",
    # reporting verbs of news style beyond "say": repeating, recalling, writing online,
    # answering back, and the evaluative verbs that take a quoted phrase ("branded it "…"")
    "reiterate", "repeat", "recall", "recount", "tweet", "post", "lament", "quip", "exclaim",
    "retort", "counter", "testify", "mention", "indicate", "assure", "inform", "affirm",
    "reaffirm", "proclaim", "boast", "plead", "demand", "charge", "express", "voice", "brand",
    "label", "term", "dub", "characterize", "characterise", "praise", "criticize", "criticise",
    "congratulate", "commend", "applaud", "laud", "thank",
    "condemn", "dismiss", "slam", "blast", "decry", "question", "propose", "signal", "hint",
    "quote", "cite", "put",
})
# verbs that only report speech when their object is a quote or a clause, not on their own
WEAK_SPEECH_VERBS = frozenset({"call", "describe", "hit", "welcome", "hail", "reject",
                               "accuse", "continue", "point", "agree", "believe", "ask",
                               "post", "repeat", "demand", "charge", "express", "voice",
                               "brand", "label", "term", "dub", "characterize", "characterise",
                               "praise", "criticize", "criticise", "condemn", "dismiss", "slam",
                               "congratulate", "commend", "applaud", "laud", "thank",
                               "blast", "decry", "question", "propose", "signal", "hint",
                               "quote", "cite", "put", "counter", "plead"})
# verbs that report no words but introduce who speaks in the quotes that follow ("Rugunda
# spoke with VOA about the talks." then a paragraph that is only a quote)
INTRODUCING_VERBS = frozenset({"speak", "talk"})
# a text that states, never a speaker ("the Bill says"; "language saying …")
DOCUMENTS = frozenset({"bill", "act", "law", "treaty", "resolution", "charter", "convention",
                       "constitution", "amendment", "directive", "regulations", "clause",
                       "draft", "text", "language", "wording"})
