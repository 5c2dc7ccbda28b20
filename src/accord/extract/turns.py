"""Turns of a transcript: paragraphs opened by a speaker's label in capitals.

Interview and briefing transcripts (``SECRETARY BLINKEN: Neither of those …``) carry no
quotation marks: each paragraph that opens with a label in capitals and a colon is what the
labelled speaker said, up to the next label (a turn runs over its paragraphs: a long answer is
one turn, not its first paragraph only). The label names the speaker by title and surname; the
turn is given to the person of the article whose name ends with that surname (the longest such
name, so "SECRETARY SMITH" is "Jane Q. Smith" when the article names her in full). A label that
names no person of the article ("QUESTION", "MODERATOR", a newspaper) gives no record: the
interviewer's turns carry no stance. Labels in mixed case ("Smith: …") are left to the quote
rules, since prose uses such colons too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from accord.extract.records import ActorRecord, QuoteRecord

LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.'’ -]{1,40}[A-Z.]):[ \t]+(?P<said>\S.*)$", re.M)


def _speaker(label: str, people: list[str]) -> str | None:
    """The person of the article a label names by its last word (the surname)."""
    surname = label.split()[-1].strip(".").casefold()
    named = [p for p in people if p.split()[-1].casefold() == surname and p != label]
    return max(named, key=len) if named else None


def find_turns(text: str, actors: Iterable[ActorRecord]) -> list[QuoteRecord]:
    """One direct quote per labelled turn whose label names a person of the article."""
    people = [a.name for a in actors if a.kind == "person"]
    labels = list(LABEL.finditer(text))
    out = []
    for k, m in enumerate(labels):
        speaker = _speaker(m.group("label"), people)
        if speaker is None:
            continue
        start = m.start("said")
        stop = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        said = text[start:stop].rstrip()
        out.append(QuoteRecord(text=said, speaker=speaker, cue="turn", start=start,
                               end=start + len(said), direct=True))
    return out
