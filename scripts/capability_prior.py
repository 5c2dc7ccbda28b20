"""Write the CINC shares of accord's draft capability table from the Correlates of War data.

The table is ``src/accord/draft/data/capability.yaml``.

The draft's capability prior is each actor's share of world material capabilities: the Composite
Index of National Capability (CINC) of the Correlates of War Project's National Material
Capabilities data set, v6.0 (Singer, Bremer & Stuckey 1972; Greig & Enterline 2021). The data set
is not shipped with accord; download ``NMC-60-abridged.csv`` from correlatesofwar.org and run

    python scripts/capability_prior.py NMC-60-abridged.csv            # rewrite the table
    python scripts/capability_prior.py NMC-60-abridged.csv --check    # exit 1 if it differs

A state's value is its CINC in ``--year`` (default 2016, the last year of v6.0) to three
significant figures; a bloc's is the sum over the members listed below. Only the numbers on the
``  Name: value`` lines of the table's ``states:`` and ``blocs:`` sections change; comments and
defaults stay as written. A name in the table without a Correlates of War code here is reported
and left alone.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

TABLE = Path(__file__).resolve().parents[1] / "src/accord/draft/data/capability.yaml"

# accord's actor name -> the data set's state abbreviation
STATES = {
    "United States": "USA", "China": "CHN", "India": "IND", "Russia": "RUS", "Japan": "JPN",
    "South Korea": "ROK", "Brazil": "BRA", "Germany": "GMY", "Iran": "IRN", "Indonesia": "INS",
    "Pakistan": "PAK", "Turkey": "TUR", "United Kingdom": "UKG", "France": "FRN",
    "Italy": "ITA", "North Korea": "PRK", "Saudi Arabia": "SAU", "Egypt": "EGY",
    "Ukraine": "UKR", "Colombia": "COL", "Poland": "POL", "Israel": "ISR", "Syria": "SYR",
    "Sudan": "SUD", "Ethiopia": "ETH", "Kenya": "KEN", "Uganda": "UGA", "South Africa": "SAF",
    "Zimbabwe": "ZIM", "South Sudan": "SSD", "Cambodia": "CAM", "Georgia": "GRG",
}

# members as of 2022 (NATO: the 30 allies before Finland and Sweden; EU: the 27 after Brexit)
NATO = ("USA CAN UKG FRN GMY ITA SPN POR NTH BEL LUX DEN NOR ICE GRC TUR POL CZR HUN SLO SLV "
        "EST LAT LIT BUL ROM ALB CRO MNG MAC")
EU = ("AUS BEL BUL CRO CYP CZR DEN EST FIN FRN GMY GRC HUN IRE ITA LAT LIT LUX MLT NTH POL POR "
      "ROM SLO SLV SPN SWD")
BLOCS = {"NATO": NATO.split(), "European Union": EU.split()}
# the African Union: every African state of the data set (codes 400-599, and North Africa)
AFRICA_NORTH = {600, 615, 616, 620, 625, 626, 651}

LINE = re.compile(r"^  (?P<name>[^:#]+): (?P<value>[0-9.eE+-]+)(?P<rest>.*)$")


def shares(path: Path, year: int) -> dict[str, float]:
    """Each actor name's CINC share in ``year`` (blocs summed over their members)."""
    by_abb: dict[str, float] = {}
    african = 0.0
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year"]) != year:
                continue
            cinc = float(row["cinc"])
            by_abb[row["stateabb"]] = cinc
            code = int(row["ccode"])
            if 400 <= code < 600 or code in AFRICA_NORTH:
                african += cinc
    wanted = set(STATES.values()).union(*BLOCS.values())
    missing = wanted - by_abb.keys()
    if missing:
        raise SystemExit(f"{path}: no {year} row for {', '.join(sorted(set(missing)))}")
    out = {name: by_abb[abb] for name, abb in STATES.items()}
    out.update({name: sum(by_abb[a] for a in members) for name, members in BLOCS.items()})
    out["African Union"] = african
    return out


def rewrite(text: str, values: dict[str, float]) -> tuple[str, list[str]]:
    """The table with its states' and blocs' numbers replaced; names it has no value for."""
    lines, unknown, section = [], [], ""
    for line in text.splitlines(keepends=True):
        if line and not line.startswith((" ", "#")):
            section = line.split(":", 1)[0]
        match = LINE.match(line.rstrip("\n"))
        if section in ("states", "blocs") and match:
            name = match["name"]
            if name in values:
                line = f"  {name}: {values[name]:.3g}{match['rest']}\n"
            else:
                unknown.append(name)
        lines.append(line)
    return "".join(lines), unknown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("nmc", type=Path, help="NMC-60-abridged.csv")
    parser.add_argument("--year", type=int, default=2016)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a change")
    args = parser.parse_args()
    old = TABLE.read_text(encoding="utf-8")
    new, unknown = rewrite(old, shares(args.nmc, args.year))
    for name in unknown:
        print(f"not in the data set, left as written: {name}")
    if args.check:
        print("table matches the data set" if new == old else "table differs from the data set")
        return 0 if new == old else 1
    TABLE.write_text(new, encoding="utf-8")
    print(f"wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
