"""The EU Council's qualified-majority weights, by the date they applied.

Each :class:`Weighting` lists the member states of its period and their weight in a
qualified-majority vote. Sources (checked against each other):

- ``amsterdam-eu15`` (until 30 April 2004, 87 votes): the European Convention's glossary,
  "Qualified majority" (european-convention.europa.eu, glossary), and the CVCE table
  "Evolution of qualified majority voting in the Council" (cvce.eu, 2016).
- ``accession-eu25`` (1 May – 31 October 2004, 124 votes): the EU-15 weights plus the new
  members' transitional weights of the 2003 Act of Accession, as listed in the CVCE table.
- ``nice-eu25`` (1 November 2004 – 31 December 2006, 321 votes) and ``nice-eu27`` (from
  1 January 2007, 345 votes, Romania 14 and Bulgaria 10): the CVCE table; euabc.com "Voting in
  the Council". The Treaty of Nice entered into force on 1 February 2003, but its reweighting
  applied only from 1 November 2004.
- ``nice-eu28`` (1 July 2013 – 31 October 2014, 352 votes, Croatia 7): Article 20 of the Act
  concerning the conditions of accession of Croatia, OJ L 112, 24.4.2012.
- ``lisbon-2016`` (from 1 November 2014): the Lisbon double majority (55 % of the states
  representing 65 % of the population) has no weights; a state's weight here is its share of
  the Union's population, in per cent, as fixed for 2016 by Council Decision (EU, Euratom)
  2015/2393 (figures as reported by Agence Europe, 9 December 2015). One year's figures stand
  for the whole period; they change by a few hundredths of a point a year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

EU15: dict[str, float] = {
    "DE": 10, "FR": 10, "IT": 10, "UK": 10, "ES": 8, "BE": 5, "EL": 5, "NL": 5, "PT": 5,
    "AT": 4, "SE": 4, "DK": 3, "IE": 3, "FI": 3, "LU": 2,
}  # fmt: skip
ACCESSION_2004: dict[str, float] = {
    "PL": 8, "CZ": 5, "HU": 5, "EE": 3, "LV": 3, "LT": 3, "SK": 3, "SI": 3, "CY": 2, "MT": 2,
}  # fmt: skip
NICE_EU25: dict[str, float] = {
    "DE": 29, "FR": 29, "IT": 29, "UK": 29, "ES": 27, "PL": 27, "NL": 13, "BE": 12, "CZ": 12,
    "EL": 12, "HU": 12, "PT": 12, "AT": 10, "SE": 10, "DK": 7, "IE": 7, "LT": 7, "SK": 7,
    "FI": 7, "CY": 4, "EE": 4, "LV": 4, "LU": 4, "SI": 4, "MT": 3,
}  # fmt: skip
POPULATION_2016: dict[str, float] = {
    "DE": 15.93, "FR": 13.04, "UK": 12.73, "IT": 12.07, "ES": 9.12, "PL": 7.47, "RO": 3.90,
    "NL": 3.37, "BE": 2.21, "EL": 2.13, "CZ": 2.05, "PT": 2.04, "HU": 1.94, "SE": 1.92,
    "AT": 1.69, "BG": 1.42, "DK": 1.11, "FI": 1.08, "SK": 1.06, "IE": 0.91, "HR": 0.83,
    "LT": 0.57, "SI": 0.41, "LV": 0.39, "EE": 0.26, "CY": 0.17, "LU": 0.11, "MT": 0.08,
}  # fmt: skip


@dataclass(frozen=True)
class Weighting:
    """The Council's qualified-majority weights from ``start`` on."""

    name: str
    start: dt.date
    weights: dict[str, float]
    unit: str

    @property
    def total(self) -> float:
        return sum(self.weights.values())


WEIGHTINGS = (
    Weighting("amsterdam-eu15", dt.date(1995, 1, 1), dict(EU15), "votes"),
    Weighting("accession-eu25", dt.date(2004, 5, 1), EU15 | ACCESSION_2004, "votes"),
    Weighting("nice-eu25", dt.date(2004, 11, 1), dict(NICE_EU25), "votes"),
    Weighting("nice-eu27", dt.date(2007, 1, 1), NICE_EU25 | {"RO": 14, "BG": 10}, "votes"),
    Weighting("nice-eu28", dt.date(2013, 7, 1), NICE_EU25 | {"RO": 14, "BG": 10, "HR": 7},
              "votes"),
    Weighting("lisbon-2016", dt.date(2014, 11, 1), dict(POPULATION_2016),
              "per cent of the Union's population (2016)"),
)


# share of the weight a qualified majority needs, by weighting: 62/87 (Amsterdam), 88/124
# (2003 Act of Accession, transitional), 232/321, 255/345 and 260/352 (Nice, as extended by
# the Acts of Accession of 2005 and 2012); under Lisbon 65 % of the population (the second
# criterion, 55 % of the member states, has no weight and is not represented here)
QMV_THRESHOLD: dict[str, float] = {
    "amsterdam-eu15": 62 / 87, "accession-eu25": 88 / 124, "nice-eu25": 232 / 321,
    "nice-eu27": 255 / 345, "nice-eu28": 260 / 352, "lisbon-2016": 0.65,
}  # fmt: skip


def weighting_on(day: dt.date) -> Weighting:
    """The weighting that applied on ``day`` (the first one for earlier days)."""
    applicable = [w for w in WEIGHTINGS if w.start <= day]
    return applicable[-1] if applicable else WEIGHTINGS[0]


def first_weight(state: str, after: dt.date) -> tuple[float, Weighting] | None:
    """The weight of ``state`` in the first weighting after ``after`` that lists it: for a state
    that joined while a proposal was negotiated."""
    for w in WEIGHTINGS:
        if w.start > after and state in w.weights:
            return w.weights[state], w
    return None
