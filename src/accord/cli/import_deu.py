"""``accord import FILE --format deu -o DIR``: one case file per DEU proposal in ``DIR``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from accord.cli.app import fail, out, styled


class CapabilityBasis(StrEnum):
    """``--capability``: what an actor's capability is in a DEU case (see
    :mod:`accord.formats.deu_actors`)."""

    votes = "votes"
    equal = "equal"
    gdp = "gdp"


class Powers(StrEnum):
    """``--powers``: the Commission's and Parliament's capabilities in a DEU case (see
    :mod:`accord.formats.deu_actors`)."""

    supranational_ep = "supranational-ep"
    council_centric = "council-centric"
    supranational = "supranational"


def import_deu(file: Path, directory: Path, capability: CapabilityBasis,
               powers: Powers = Powers.council_centric) -> None:
    """Read every proposal of ``file`` (all validated first), then write ``DIR/<prnr>.yaml``."""
    from accord.case import save_case
    from accord.formats.deu import read_deu

    if directory.exists() and not directory.is_dir():
        fail(f"{directory}: --format deu writes one case per proposal; -o must be a directory")
    cases = read_deu(file, capability.value, powers.value)
    for code, case in cases.items():
        save_case(case, directory / f"{code}.yaml")
    issues = sum(len(c.issues) for c in cases.values())
    outcomes = sum(i.outcome is not None for c in cases.values() for i in c.issues)
    out.print(styled("ok", "green", f" {file} (deu, capability {capability.value}, powers "
                     f"{powers.value}) → {directory}/: {len(cases)} cases, {issues} issues, "
                     f"{outcomes} outcomes"),
              highlight=False)
