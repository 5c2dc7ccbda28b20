"""Stances said by words: the cues of each act ("rejected those demands out of hand", "open to
discussing"), whether a noun cue names the holder's own act or another's, and a speaker's
condition as a demand (see :mod:`accord.draft.stances` for who holds them)."""

from __future__ import annotations

import re

from accord.draft.acts import Act

CUES: dict[Act, re.Pattern[str]] = {
    Act.DEMAND: re.compile(r"\b(call(ed|s|ing)? for|demand(ed|s|ing)?|insist(s|ed|ing)? (on|that)|"
                           r"support(s|ed|ing)? for)\b", re.I),
    Act.FIRM: re.compile(
        r"\b(not water down|no deviations?|cannot be deviations|not back down|non-negotiable|"
        r"will not budge|would not budge|(will|would|must) (have to )?go ahead)\b", re.I),
    Act.REJECT: re.compile(
        r"\b(reject\w*|refus\w*|dismiss\w*|turn(ed|s|ing)? down|cannot accept|can't accept|"
        r"unacceptable|"
        r"out of hand|overwhelmingly negative|not on the table|off the table|will oppose|"
        r"(neither|none) of (those|these|them) (is|are) on the table|"
        r"(little|no) sympathy for|non-starters?|push(ed|es|ing)? back (on|against))\b", re.I),
    Act.OFFER: re.compile(
        r"\b(ready to (listen|discuss|talk|negotiate)|willing\w* to (discuss|talk|negotiate|"
        r"explore|consider)|open to (talks|discuss\w*|negotiat\w*)|agreed to (meet|discuss|talk)|"
        r"prepared to (discuss|negotiate|talk)|explore compromises|room for (further )?"
        r"negotiations?|will (of course )?be consulted|"
        r"agreed to (stay|keep|remain) in (close |regular |constant )?(contact|touch))\b", re.I),
}
_OWN = r"its|their|our|my|his|her"
_DETERMINER = rf"the|a|an|this|these|those|such|any|{_OWN}|[\w-]+(’s|'s)"
_ADJECTIVE = r"[\w-]*(al|ive|ous|ic|an|ese|ish|ed|est|ful|ary)|new|latest|key|main|fresh|further"
NOUN_PHRASE = re.compile(  # the words of a noun phrase before its head ("Moscow's sweeping ")
    rf"\b(?P<det>{_DETERMINER})\s+((?:{_ADJECTIVE})\s+){{0,2}}$", re.I)
REJECTED = re.compile(  # a rejection verb before its object's head ("turned down Moscow's ")
    r"\b(reject\w*|refus\w*|dismiss\w*|turn(ed|s|ing)? down|cannot accept|can't accept|"
    r"(will )?oppos\w*|push(ed|es|ing)? back (on|against))\s+(\w+ly\s+)?"
    rf"((?:{_DETERMINER})\s+)?([\w-]+\s+){{0,2}}$", re.I)
NOUN_CUE = re.compile(r"(demands?|calls? for|support for|refusals?|rejections?|dismissals?|"
                      r"willingness)\b", re.I)  # the cues that may be nouns
MAKING = re.compile(r"\b(made|make|makes|making|issu\w*|put(s|ting)? forward|present\w*|"
                    r"tabl\w*|submit\w*|renew\w*|repeat\w*|reiterat\w*|restat\w*|voic\w*)"
                    r"\s+$", re.I)
CONDITIONS = (
    re.compile(r"\b(we|I|it|they)\s+(will|would)\b[^.;]*?\bif\s+(?P<cond>[^.;]+)", re.I),
    re.compile(r"\bunless\s+(?P<cond>[^.;]+)", re.I),
)
NEGATIVE = re.compile(r"\b(not|n't|no|never|fail\w*)\b", re.I)


def cue_acts(text: str) -> list[tuple[Act, str]]:
    """The acts a sentence's words say, with the cue read."""
    found = []
    for act in CUES:
        m = cue_match(act, text)
        if m:
            found.append((act, m.group(0)))
    return found


def cue_match(act: Act, text: str) -> re.Match[str] | None:
    """The first cue of ``act`` in ``text`` that is an act of the text's holder, not a noun
    naming someone else's (:func:`someone_else_s`)."""
    return next((m for m in CUES[act].finditer(text)
                 if not (NOUN_CUE.match(m.group(0)) and someone_else_s(act, text[:m.start()]))),
                None)


def someone_else_s(act: Act, before: str) -> bool:
    """Whether a noun cue (:data:`NOUN_CUE`) after ``before`` names another's act, not the
    holder's own: one with a possessor named ("welcomed Russia's refusal to": the possessor's,
    read by :func:`nominal_stances`); or, for a demand, one that is the object of a rejection
    ("rejected the demand to", "turned down Moscow's demands", "refused calls for", even with
    an own possessive: "rejected their demands") or of any verb but one of making it ("received
    the demands"; "repeated the demand that" and "will not water down their demands" are the
    holder's own)."""
    if act is Act.DEMAND and REJECTED.search(before):
        return True
    np = NOUN_PHRASE.search(before)
    if np is None:
        return False
    det = np.group("det").casefold()
    if det.endswith(("’s", "'s")):
        return True
    if act is not Act.DEMAND or det in _OWN.split("|"):
        return False
    return MAKING.search(before, 0, np.start()) is None


def condition(text: str) -> str | None:
    """What a speaker makes its own act conditional on ("it will return to the talks if the
    sanctions are ended", "further walkouts unless there is a rethink"): a demand for that
    condition. A negative condition ("if they do not agree") is a warning, not a demand."""
    for pattern in CONDITIONS:
        m = pattern.search(text)
        if m and not NEGATIVE.search(m.group("cond")):
            return m.group("cond").strip()
    return None
