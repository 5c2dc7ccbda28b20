"""Parsing a long article in pieces: bounded memory, never over the parser's length limit.

spaCy refuses a text over ``nlp.max_length`` characters (error E088) and its parser's memory
grows with the length of each text it is given (about 3 kB a character with the small English
model: a 200,000-character article took 0.8 GB).  :func:`pieces` cuts a text longer than
:data:`PIECE` characters into consecutive pieces of at most that length: at line breaks
(whole paragraphs, grouped), a paragraph longer than that after sentence ends, a sentence
longer than that at a space, and a run with no space at the hard length.  :func:`parse` parses
the pieces (a few at a time, :data:`BATCH_CHARS` characters in all) and joins the parsed
pieces of each article back into one ``Doc`` (``Doc.from_docs``), whose text is exactly the
article's, so that every record's offsets stay offsets into the article.  An article of at
most :data:`PIECE` characters is parsed whole, as before: its records do not change.

A sentence never runs across a cut (each piece starts a sentence); at a paragraph break that
changes nothing, since a line break starts a sentence anyway (``accord_paragraphs``).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

PIECE = 20_000  # characters: the longest text given to the parser at once
BATCH_CHARS = 100_000  # characters parsed in one batch (with at most ``batch`` texts)
# where a text may be cut, coarsest first: after a line break, after a sentence end, after
# a space (the cut falls after the match)
_CUTS = (
    re.compile(r"\n"),
    re.compile(r"[.!?…][\"'”’)\]]*\s"),
    re.compile(r"\s"),
)


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``size`` characters, that
    together are the whole text; one piece when the text is that short, none when empty."""
    out: list[tuple[int, int]] = []
    _cut(text, 0, len(text), size, 0, out)
    return out


def _cut(text: str, a: int, b: int, size: int, level: int,
         out: list[tuple[int, int]]) -> None:
    """Append the pieces of ``text[a:b]``, cut at the places of ``_CUTS[level]`` (greedily:
    each piece as long as it can be); a part with no such place within ``size`` characters
    is cut at the next level, and after the last level at the hard length."""
    if b - a <= size:
        if b > a:
            out.append((a, b))
        return
    if level == len(_CUTS):
        out.extend((s, min(s + size, b)) for s in range(a, b, size))
        return
    cuts = [m.end() for m in _CUTS[level].finditer(text, a, b)]
    if not cuts or cuts[-1] != b:
        cuts.append(b)
    start = fit = a  # the current piece starts at ``start``; ``fit`` is its farthest cut
    for c in cuts:
        if c - start > size:
            if fit > start:
                out.append((start, fit))
                start = fit
            if c - start > size:  # no cut of this level within reach: cut finer
                _cut(text, start, c, size, level + 1, out)
                start = c
        fit = c
    if start < b:
        out.append((start, b))


def parse(nlp: Language, texts: Iterable[str], batch: int) -> Iterator[Doc]:
    """One parsed ``Doc`` per text, in order; a text longer than :data:`PIECE` characters
    (or ``nlp.max_length``, if lower) is parsed in pieces and joined back (the ``Doc``'s text
    is the text itself)."""
    counts: deque[int] = deque()  # pieces of each text, in order
    size = min(PIECE, nlp.max_length)

    def stream() -> Iterator[str]:
        for text in texts:
            spans = pieces(text, size) or [(0, 0)]  # an empty text is one empty Doc
            counts.append(len(spans))
            yield from (text[a:b] for a, b in spans)

    docs = _pipe(nlp, stream(), batch)
    for doc in docs:
        k = counts.popleft()
        if k == 1:
            yield doc
        else:
            parts = [doc, *(next(docs) for _ in range(k - 1))]
            yield Doc.from_docs(parts, ensure_whitespace=False)


def _pipe(nlp: Language, texts: Iterator[str], batch: int) -> Iterator[Doc]:
    """``nlp.pipe`` over batches of at most ``batch`` texts and :data:`BATCH_CHARS`
    characters (the parser's memory grows with the characters of a batch)."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and (len(group) == batch or size + len(text) > BATCH_CHARS):
            yield from nlp.pipe(group, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from nlp.pipe(group, batch_size=len(group))
