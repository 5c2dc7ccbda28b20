"""Dates: explicit and relative date expressions resolved against the article date, and
scheduled future events.

The NER's DATE entities are parsed with a small grammar: years ("1997"), decades ("the
1990s"), months ("in December", "April 2005"), days ("23 March"), weekdays ("on Monday",
"Saturday's meeting", "next Monday"), and relative spans ("last week", "four years ago",
"today").  A bare weekday or month is the closest one before the article date, or after it
when its sentence speaks of the future ("will", "expected to", "due", "next"), the
resolution rule of temporal taggers for news (Strötgen & Gertz 2013, "Multilingual and
cross-domain temporal tagging", Language Resources and Evaluation 47(2): in news, the
reference time of a relative expression is the document creation time).  Expressions
that name a duration rather than a date ("three years", "14 days") are not dates and are
skipped.

A sentence that announces something to come ("Broad discussions will then be held with NATO")
is a scheduled event: its date records carry the clause in ``scheduled``; with no date of its
own, "then" points at the last date resolved before it (granularity ``after``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from accord.extract.lexicon import SUBJECT_DEPS
from accord.extract.marks import quote_spans
from accord.extract.records import DateRecord

WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve"])}
DEICTIC = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}  # days from publication
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
FUTURE_VERBS = frozenset({"expect", "schedule", "due", "plan", "set"})
EVENT_VERBS = frozenset({"hold", "meet", "resume", "begin", "start", "speak", "sign", "visit",
                         "ballot", "strike", "convene", "gather", "vote", "take", "open",
                         "discuss", "negotiate", "talk"})
EVENT_NOUNS = frozenset({"talk", "talks", "meeting", "summit", "discussion", "negotiation",
                         "conference", "vote", "ballot", "session", "round", "strike",
                         "walkout", "visit", "consultation"})

_YEAR = re.compile(r"^(?:in |of |the )*(1[89]\d\d|20\d\d)$")
_DECADE = re.compile(r"^(?:the )?(1[89]\d|20\d)0s$")
_MONTH_YEAR = re.compile(r"^(?:in |early |late |mid-)*([a-z]+) (1[89]\d\d|20\d\d)$")
_DAY_MONTH = re.compile(r"^(\d{1,2}) ([a-z]+)(?: (\d{4}))?$|^([a-z]+) (\d{1,2})(?:,? (\d{4}))?$")
_AGO = re.compile(r"^(\w+) (day|week|month|year)s? ago$")
_IN = re.compile(r"^(?:in|within) (\w+) (day|week|month|year)s?$")
_RELATIVE = re.compile(r"^(last|this|next|the previous|the following) (week|month|year|weekend)$")


class _Parsed:
    __slots__ = ("future_hint", "granularity", "value")

    def __init__(self, value: str | None, granularity: str, future_hint: bool = False) -> None:
        self.value = value
        self.granularity = granularity
        self.future_hint = future_hint


def resolve_date(text: str, published: date | None, future: bool) -> _Parsed | None:
    """Parse one date expression; None when it is not a date (a duration, a vague phrase).

    The first form the expression has decides: a calendar date (year, decade, month of a
    year, day of a month), a weekday, a month, today/yesterday/tomorrow, an offset ("four
    years ago", "in four days") or a relative span ("last week").
    """
    t = _normalise(text)
    words = t.split()
    calendar = _calendar_date(t, published, future)
    if calendar is not None:
        return calendar
    if (day_month := _day_and_month(t)) is not None:
        return _day_month(*day_month, published, future)
    if len(words) in (1, 2) and words[-1] in WEEKDAYS:
        return _named_weekday(words, published, future)
    if len(words) in (1, 2) and words[-1] in MONTHS:
        return _named_month(words, published, future)
    if t in DEICTIC:
        return _deictic(t, published)
    if m := _AGO.match(t) or _IN.match(text.strip().lower()):
        return _offset(m, published)
    if m := _RELATIVE.match(t):
        return _relative(m.group(1), m.group(2), published)
    return None


def _normalise(text: str) -> str:
    """Lower case, without a possessive, a leading preposition or a time of day."""
    t = re.sub(r"'s$|’s$", "", text.strip().lower()).strip()
    t = re.sub(r"^(on|in|by|from|since|until|till|before|after|during)\s+", "", t)
    return re.sub(r"\s+(morning|afternoon|evening|night)$", "", t)


def _calendar_date(t: str, published: date | None, future: bool) -> _Parsed | None:
    """A year ("1997"), a decade ("the 1990s") or a month of a year ("April 2005")."""
    if m := _YEAR.match(t):
        return _Parsed(m.group(1), "year")
    if m := _DECADE.match(t):
        return _Parsed(f"{m.group(1)}0s", "decade")
    if (m := _MONTH_YEAR.match(t)) and m.group(1) in MONTHS:
        return _Parsed(f"{m.group(2)}-{MONTHS[m.group(1)]:02d}", "month")
    return None


def _day_and_month(t: str) -> tuple[int, int, str | None] | None:
    """(day, month, year or None) of "23 March [2005]" or "March 23[, 2005]"."""
    m = _DAY_MONTH.match(t)
    if m is None:
        return None
    day, month, year = m.group(1, 2, 3) if m.group(1) else m.group(5, 4, 6)
    return (int(day), MONTHS[month], year) if month in MONTHS else None


def _named_weekday(words: list[str], published: date | None, future: bool) -> _Parsed | None:
    """"Monday", "last/next/this Monday"."""
    mod = words[0] if len(words) == 2 else None
    if mod not in (None, "last", "next", "this"):
        return None
    return _weekday(WEEKDAYS[words[-1]], mod, published, future)


def _named_month(words: list[str], published: date | None, future: bool) -> _Parsed | None:
    """"December", "last/next/this/early/late December"."""
    mod = words[0] if len(words) == 2 else None
    if mod not in (None, "last", "next", "this", "early", "late"):
        return None
    fut = future if mod in (None, "this", "early", "late") else mod == "next"
    return _month(MONTHS[words[-1]], published, fut)


def _deictic(t: str, published: date | None) -> _Parsed:
    """Today, yesterday, tomorrow, tonight."""
    if published is None:
        return _Parsed(None, "day", t == "tomorrow")
    shift = DEICTIC[t]
    return _Parsed((published + timedelta(days=shift)).isoformat(), "day", shift > 0)


def _offset(m: re.Match[str], published: date | None) -> _Parsed | None:
    """"four years ago" (back) or "in four days" (ahead)."""
    n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS.get(m.group(1))
    if n is None:
        return None
    sign = 1 if m.re is _AGO else -1
    parsed = _ago(sign * n, m.group(2), published)
    parsed.future_hint = sign < 0
    return parsed


def _day_month(day: int, month: int, year: str | None, published: date | None,
               future: bool) -> _Parsed | None:
    if year:
        y = int(year)
    elif published is None:
        return _Parsed(None, "day")
    else:
        y = published.year
        candidate = date(y, month, min(day, 28))
        if future and candidate < published - timedelta(days=31):
            y += 1
        elif not future and candidate > published + timedelta(days=31):
            y -= 1
    try:
        return _Parsed(date(y, month, day).isoformat(), "day")
    except ValueError:
        return None


def _weekday(wd: int, mod: str | None, published: date | None, future: bool) -> _Parsed:
    if published is None:
        return _Parsed(None, "day", mod == "next")
    delta = wd - published.weekday()
    if mod == "next":
        day = published + timedelta(days=(delta % 7) or 7)
    elif mod == "last":
        day = published - timedelta(days=(-delta % 7) or 7)
    elif future:
        day = published + timedelta(days=delta % 7)
    else:
        day = published - timedelta(days=-delta % 7)
    return _Parsed(day.isoformat(), "day", day > published)


def _month(month: int, published: date | None, future: bool) -> _Parsed:
    if published is None:
        return _Parsed(None, "month", future)
    y = published.year
    if future and month < published.month:
        y += 1
    elif not future and month > published.month:
        y -= 1
    return _Parsed(f"{y}-{month:02d}", "month", future)


def _ago(n: int, unit: str, published: date | None) -> _Parsed:
    if published is None:
        return _Parsed(None, unit)
    if unit == "day":
        return _Parsed((published - timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return _Parsed(_iso_week(published - timedelta(weeks=n)), "week")
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 - n, 12)
        return _Parsed(f"{y}-{m + 1:02d}", "month")
    return _Parsed(str(published.year - n), "year")


def _relative(mod: str, unit: str, published: date | None) -> _Parsed:
    step = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[mod]
    gran = "week" if unit == "weekend" else unit
    if published is None:
        return _Parsed(None, gran, step > 0)
    if gran == "week":
        value = _iso_week(published + timedelta(weeks=step))
    elif gran == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + step, 12)
        value = f"{y}-{m + 1:02d}"
    else:
        value = str(published.year + step)
    return _Parsed(value, gran, step > 0)


def _iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _verb_of(tok: Token) -> Token:
    """The verb governing a token (itself if it is one)."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            return tok
        tok = tok.head
    return tok


def _is_future_verb(verb: Token) -> bool:
    """``will``/``shall`` on the verb or a verb it depends on, or "expected/due/set to"."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if verb.lemma_ in FUTURE_VERBS:
            return True
        if verb.dep_ not in ("xcomp", "conj", "ccomp") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _scheduled_verb(sent: Span, quoted: list[tuple[int, int]]) -> Token | None:
    """The verb of an event still to come: "talks will take place", "will then be held"."""
    for tok in sent:
        if tok.pos_ not in ("VERB", "AUX") or not _is_future_verb(tok):
            continue
        if any(a <= tok.idx < b for a, b in quoted):
            continue  # intentions inside a quotation are speech, not a schedule
        if tok.lemma_ == "take" and not any(c.lower_ == "place" for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if tok.lemma_ in EVENT_VERBS or any(s.lemma_ in EVENT_NOUNS for s in subjects):
            return tok
    return None


def _lines(doc: Doc) -> Iterator[Span]:
    """The parser's sentences, cut again at line breaks (headlines, paragraphs)."""
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if "\n" in tok.text:
                if tok.i > start:
                    yield doc[start : tok.i]
                start = tok.i + 1
        if start < sent.end:
            yield doc[start : sent.end]


def find_dates(doc: Doc, published: date | None) -> list[DateRecord]:
    """Date records for every resolvable date expression and scheduled event, in text order."""
    out: list[DateRecord] = []
    last: DateRecord | None = None  # the last date resolved so far, for "then"
    lines = list(_lines(doc))
    dates_by_line = _dates_by_line(doc, lines)
    quoted = quote_spans(doc.text)
    for k, line in enumerate(lines):
        verb = None if line.text.rstrip().endswith("?") else _scheduled_verb(line, quoted)
        scheduled = line.text.strip() if verb is not None else None
        found = [
            record for ent in dates_by_line.get(k, [])
            if (record := _date_record(ent, published, scheduled)) is not None
        ]
        if verb is not None and not found:
            found.append(_undated_schedule(line, verb, last, scheduled))
        out.extend(found)
        last = next((r for r in reversed(found) if r.value is not None), last)
    return out


def _dates_by_line(doc: Doc, lines: list[Span]) -> dict[int, list[Span]]:
    """The DATE entities of each line, by the line's number."""
    starts = [line.start for line in lines]
    by_line: dict[int, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == "DATE":
            by_line.setdefault(bisect_right(starts, ent.start) - 1, []).append(ent)
    return by_line


def _date_record(ent: Span, published: date | None, scheduled: str | None) -> DateRecord | None:
    """The record of one DATE entity, or None when it is not a date."""
    doc = ent.doc
    future = "next" in ent.text.lower() or _is_future_verb(_verb_of(ent.root))
    phrase = ent.text
    if ent.start > 0 and doc[ent.start - 1].lower_ in ("in", "within"):
        phrase = f"{doc[ent.start - 1].lower_} {phrase}"  # "in four days": ahead
    parsed = resolve_date(phrase, published, future)
    if parsed is None:
        return None
    return DateRecord(
        text=ent.text, value=parsed.value, granularity=parsed.granularity,
        start=ent.start_char, end=ent.end_char,
        future=parsed.future_hint or (future and _not_before(parsed.value, published)),
        scheduled=scheduled,
    )


def _undated_schedule(
    line: Span, verb: Token, last: DateRecord | None, scheduled: str | None
) -> DateRecord:
    """A scheduled event with no date of its own: "then" points at the last date resolved
    before it (granularity ``after``); otherwise its verb is the cue and the date unknown."""
    then = next((t for t in line if t.lower_ == "then"), None)
    anchor = last if then is not None else None
    cue = then if then is not None else verb
    return DateRecord(
        text=cue.text, value=anchor.value if anchor else None,
        granularity="after" if anchor else "relative",
        start=cue.idx, end=cue.idx + len(cue), future=True, scheduled=scheduled,
    )


def _not_before(value: str | None, published: date | None) -> bool:
    if value is None or published is None:
        return True
    return value[:10] >= published.isoformat()[: len(value[:10])]
