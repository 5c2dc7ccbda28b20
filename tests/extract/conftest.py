"""Fixtures of the extract tests: the quote rules run on a text, the founding article parsed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Quoted = Callable[..., list[tuple[str, str | None]]]


@pytest.fixture(scope="session")
def quoted(nlp) -> Quoted:
    """(text, speaker) of each direct quote the rules find in a text; with ``reported=True``
    the reported speech too."""
    from accord.extract.actors import ActorIndex
    from accord.extract.quotes import find_quotes

    def run(text: str, reported: bool = False) -> list[tuple[str, str | None]]:
        doc = nlp(text)
        return [(q.text, q.speaker) for q in find_quotes(doc, ActorIndex.from_doc(doc))
                if reported or q.direct]

    return run


@pytest.fixture(scope="module")
def founding(nlp, founding_text):
    """The founding article parsed, with its actor index."""
    from accord.extract.actors import ActorIndex

    doc = nlp(founding_text)
    return doc, ActorIndex.from_doc(doc)
