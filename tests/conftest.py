"""Shared test fixtures.

Real inputs live in ``../shared`` beside the repository (or wherever ``ACCORD_SHARED``
points); tests that need them are skipped, with the reason, when it is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    env = os.environ.get("ACCORD_SHARED")
    for candidate in ([Path(env)] if env else []) + [ROOT.parent / "shared"]:
        if candidate.is_dir():
            return candidate
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` folder of real inputs; skips the test when it is absent."""
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (real articles and data sets) is absent; set ACCORD_SHARED")
    return path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


FLAGSHIP = ROOT / "examples" / "geneva-2022" / "case.yaml"
FLAGSHIP_ISSUES = ROOT / "examples" / "geneva-2022" / "draft-issues.yaml"
FOUNDING_ARTICLE = "articles/us-russia-security-talks-2022-01-10.txt"
GOLD = ROOT / "tests" / "gold"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def flagship_path() -> Path:
    """The flagship case file, ``examples/geneva-2022/case.yaml``."""
    return FLAGSHIP


@pytest.fixture(scope="session")
def flagship(flagship_path: Path):
    """The flagship case, loaded and validated once per session (do not mutate it)."""
    from accord.case import load_case

    return load_case(flagship_path)


@pytest.fixture(scope="session")
def founding_text(shared: Path) -> str:
    """The founding article: the Geneva 2022 talks preview in ``../shared/articles``."""
    return (shared / FOUNDING_ARTICLE).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """accord's spaCy pipeline, loaded once per session; skips when the model is absent."""
    from accord.errors import MissingExtra
    from accord.extract.nlp import load_nlp

    try:
        return load_nlp()
    except MissingExtra as e:
        pytest.skip(str(e))


@pytest.fixture(scope="session")
def deu_dir(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The DEU III development half imported into a temporary folder once per session
    (``accord import SHARED/data/deu/deu3-dev.tsv --format deu -o TMP``): the data never
    enters the repository."""
    from typer.testing import CliRunner

    from accord.cli import app

    out = tmp_path_factory.mktemp("deu")
    result = CliRunner().invoke(
        app, ["import", str(shared / "data/deu/deu3-dev.tsv"), "--format", "deu", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out
