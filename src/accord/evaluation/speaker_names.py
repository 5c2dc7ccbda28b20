"""Whether a predicted speaker is the gold one named in another form (tests/gold/SPLIT.md,
"a same-person score").

The strict speaker score asks for equal names (case-insensitive).  An article names one person
in several forms ("Wilbur L. Ross, Jr.", "Secretary Ross", "Ross"), and the gold takes the
fullest while the actor index may keep another, so the same-person score also counts a
predicted **person** right when the two names, normalised, end in the same token and one's
tokens are a subsequence of the other's.  Bodies are never matched by a part of their name
("Korea" is not "North Korea"): only their normalised names must be equal.
"""

from __future__ import annotations

import re

_DROPPED = frozenset({"mr", "mrs", "ms", "dr", "jr", "sr", "ii", "iii"})
_POSSESSIVE = re.compile(r"['’]s\b")


def name_tokens(name: str) -> list[str]:
    """Case-folded tokens of a name without a leading "the", a possessive, full stops, commas,
    honorifics and generational suffixes ("Wilbur L. Ross, Jr." → wilbur, l, ross)."""
    text = _POSSESSIVE.sub("", name.casefold().replace("’", "'"))
    words = [w for w in re.sub(r"[.,]", " ", text).split() if w not in _DROPPED]
    return words[1:] if words[:1] == ["the"] else words


def _subsequence(short: list[str], long: list[str]) -> bool:
    rest = iter(long)
    return all(token in rest for token in short)


def same_speaker(gold: str, predicted: str, person: bool) -> bool:
    """True when ``predicted`` names the gold speaker: equal normalised names, or, for a
    predicted person, names that end alike and one of which holds the other's tokens in
    order."""
    g, p = name_tokens(gold), name_tokens(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    if not person or g[-1] != p[-1]:
        return False
    short, long = sorted((g, p), key=len)
    return _subsequence(short, long)
