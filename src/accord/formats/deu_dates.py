"""Dates in the DEU file, as a spreadsheet left them.

DEU codes its dates (``intro``, ``finact``) as ``dd-mm-yy``. The tab-separated copy went
through a spreadsheet that rewrote some of them. Every distinct value in the development half
(70 proposals) falls under one of these rules:

- ``999``: missing (DEU's code), as is an empty cell.
- ``dd-mm-yy`` (``23-03-00``), as coded: day, month, two-digit year; ``yy`` below 50 is 20yy,
  otherwise 19yy (the data span 1996–2019).
- ``dd-mm-yyyy`` (``26-09-2012``): the same with a four-digit year (DEU III's newer proposals).
- ``yyyy-mm-dd`` (``2014-07-04``): a ``dd-mm-yy`` value (``14-07-04``) that the spreadsheet
  read as ``yy-mm-dd`` and expanded with its 1930–2029 two-digit-year window. The original is
  restored as day = the last two digits of ``yyyy``, month = ``mm``, year = ``dd`` (so
  ``2014-07-04`` is 14 July 2004, ``1931-07-06`` is 31 July 2006). Read as a real ISO date
  these values would be absurd (``2029-09-04`` for a proposal of 2004, final acts dated before
  their proposal); restored, every proposal's introduction falls in or just after the year of
  its code (``d04219`` → 2004) and every final act after its introduction. In the file the
  restored day is always 13–31, a value no month can take, which is why the spreadsheet did
  not parse the string as month-day-year; values whose day is 1–12 survived as text. Two
  checks against the record: the effort-sharing proposal (``d160231``, introduced 20 July
  2016) has ``finact`` ``2019-06-18``, restored to 19 June 2018, the day Regulation (EU)
  2018/842 appeared in the Official Journal (OJ L 156, 19.6.2018, EUR-Lex); the electronic
  communications code (``d160288``) has ``2017-12-18``, restored to 17 December 2018, six days
  after Directive (EU) 2018/1972 was signed (11 December 2018), where the literal reading
  would date the final act a year before its adoption. ``finact`` is thus the publication
  date of the act.
- a whole number of five digits: an Excel serial date (days since 1899-12-30). None occurs in
  the development half; the rule is there for the rest of the file.

Anything else is not a date this module can repair.
"""

from __future__ import annotations

import datetime as dt
import re

MISSING = "999"
EXCEL_EPOCH = dt.date(1899, 12, 30)

_DMY2 = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{2})")
_DMY4 = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_ISO = re.compile(r"(19[3-9]\d|20[0-2]\d)-(\d{2})-(\d{2})")
_SERIAL = re.compile(r"\d{5}")


class DateError(ValueError):
    """A DEU date cell that no rule can read."""


def _century(yy: int) -> int:
    return 2000 + yy if yy < 50 else 1900 + yy


def _date(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(f"{raw!r} decodes to no calendar date (year {year}, month {month}, "
                        f"day {day})") from None


def decode_date(raw: str) -> tuple[dt.date | None, str]:
    """``(date, rule)`` of a DEU date cell; ``(None, 'missing')`` for ``999`` or empty.

    ``rule`` names the rule that read it (``dd-mm-yy``, ``dd-mm-yyyy``, ``spreadsheet
    yyyy-mm-dd``, ``excel serial``). Raises :class:`DateError` for any other value.
    """
    s = raw.strip()
    if s in ("", MISSING):
        return None, "missing"
    if m := _DMY2.fullmatch(s):
        d, mo, yy = (int(g) for g in m.groups())
        return _date(_century(yy), mo, d, raw), "dd-mm-yy"
    if m := _DMY4.fullmatch(s):
        d, mo, y = (int(g) for g in m.groups())
        return _date(y, mo, d, raw), "dd-mm-yyyy"
    if m := _ISO.fullmatch(s):
        y, mo, dd = (int(g) for g in m.groups())
        return _date(_century(dd), mo, y % 100, raw), "spreadsheet yyyy-mm-dd"
    if _SERIAL.fullmatch(s):
        return EXCEL_EPOCH + dt.timedelta(days=int(s)), "excel serial"
    raise DateError(f"{raw!r} is not a date in any form DEU's file uses (dd-mm-yy, "
                    "dd-mm-yyyy, a spreadsheet's yyyy-mm-dd, an Excel serial, 999)")
