"""The memory check of the dynamic models: the formula, the limit and the chunking."""

from __future__ import annotations

import math

import pytest

from accord.errors import TooLarge
from accord.models.memory import (
    BYTES_PER_PAIR,
    DEFAULT_LIMIT,
    limit,
    require,
    sample_bytes,
    samples_per_chunk,
)


def test_the_limit_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACCORD_MEMORY_LIMIT", raising=False)
    assert limit() == DEFAULT_LIMIT
    for text, value in [("3G", 3 * 2**30), ("512M", 512 * 2**20), ("1.5GiB", 3 * 2**29),
                        ("1000", 1000), ("junk", DEFAULT_LIMIT)]:
        monkeypatch.setenv("ACCORD_MEMORY_LIMIT", text)
        assert limit() == value


def test_the_issue_12_cases_are_refused_or_chunked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACCORD_MEMORY_LIMIT", raising=False)
    # exchange, 1,000 actors × 200 issues: every pair of actors on every pair of issues
    need = BYTES_PER_PAIR["exchange"] * math.comb(200, 2) * math.comb(1000, 2)
    assert sample_bytes("exchange", 1000, 200) == need + 8 * 1000 * 1000 * 200
    with pytest.raises(TooLarge, match="exchange on 1000 actors and 200 issues needs about"):
        require("exchange", 1, 1000, 200)
    # an EUM sweep of 1,000 actors runs one issue's 10^6 pairs at a time, in small chunks
    per = BYTES_PER_PAIR["eum"] * 1000 * 1000
    assert samples_per_chunk(("eum", "compromise"), 1000, 3, 5000) == DEFAULT_LIMIT // per
    assert samples_per_chunk(("compromise",), 1000, 3, 5000) == 5000
