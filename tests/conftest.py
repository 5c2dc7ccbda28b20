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
