"""The speaker of a quote with no cue of its own: the closest attribution before it.

A quote with no cue belongs to the speaker of the closest attribution before it in the same
or the previous paragraph (a quote continued after a break, a statement introduced in the
sentence before); a quote standing alone in its paragraph, or in a sentence with no speech
verb, with no attribution before it is the person the previous paragraph introduces (its last
person in subject position, or the person a label line ending in a colon names); a verb that
introduces a speaker without reporting words ("X spoke with VOA about the talks") counts as an
attribution there.  This is the
closest-speaker fallback for quotes without a cue of Elson & McKeown 2010 ("Automatic
attribution of quoted speech in literary narrative", AAAI).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from accord.extract.actors import ActorIndex
from accord.extract.attribution import Attribution, is_speech_verb
from accord.extract.cues import Cues
from accord.extract.lexicon import INTRODUCING_VERBS, SPEECH_VERBS, WEAK_SPEECH_VERBS
from accord.extract.quoted_tokens import QuotedTokens
from accord.extract.speech_subjects import SpeechSubjects


class ClosestSpeaker:
    """The closest attribution before each quote of one parsed document."""

    def __init__(self, quoted: QuotedTokens, index: ActorIndex, subjects: SpeechSubjects,
                 cues: Cues) -> None:
        self.quoted, self.index, self.subjects, self.cues = quoted, index, subjects, cues
        self.text = quoted.text
        self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        self._cue_list: list[int] | None = None
        self._speaker_of: dict[int, str | None] = {}  # a cue's subject, once found

    def fallback(self, start: int, previous: Attribution | None) -> Attribution | None:
        """The closest attribution before ``start`` in this or the previous paragraph."""
        q = self.quoted
        limit = previous_paragraph(self.text, self._line_start(start), self._line_start)
        best = previous if previous is not None and previous.at >= limit else None
        cues = self._cues()  # only the cues between, not every token (a paragraph may be long)
        first = bisect_left(cues, q.token_at(limit))
        for k in range(bisect_left(cues, q.token_at(start)) - 1, first - 1, -1):
            i = cues[k]
            if best is not None and q.tok_idx[i] < best.at:
                break
            t = q.toks[i]
            if i not in self._speaker_of:
                self._speaker_of[i] = self.subjects.subject(t)
            who = self._speaker_of[i]
            if who:
                return Attribution(who, t.text, t.idx)
        if best is None and (self._paragraph_quote(start) or not self._cued(start)):
            return self._introduced(start, limit)  # a quote standing alone: as introduced
        return best

    def _paragraph_quote(self, start: int) -> bool:
        """Whether the quote opening before ``start`` opens its paragraph."""
        return not self.text[self._line_start(start) : start - 1].strip()

    def _cued(self, start: int) -> bool:
        """Whether a speech verb stands in the quote's sentence outside the marks (one whose
        speaker could not be told: '"…," he said to Berg' with Berg the only one named)."""
        spans = self.quoted.spans
        k = bisect_left(spans, (start, -1))
        end = spans[k][1] if k < len(spans) else start
        window = self.cues.pre_window(start) + self.cues.post_window(end)
        return any(self.quoted.toks[i].lemma_ in SPEECH_VERBS for i in window)  # even mis-tagged

    def _introduced(self, start: int, limit: int) -> Attribution | None:
        """The person the previous paragraph introduces: its last person in subject
        position ("Hill repeated his call …" then a paragraph that is only a quote)."""
        q = self.quoted
        a, b = q.token_at(limit), q.token_at(start)
        who = self.index.subject_between(a, b)
        if who is None and self.text[:start - 1].rstrip().endswith(":"):
            who = self.index.person_between(a, b)  # a label: "Charles Michel, President …:"
        return Attribution(who[1], None, q.tok_idx[who[0]]) if who else None

    def _cues(self) -> list[int]:
        """The tokens that can attribute a quote with no cue of its own: strong speech verbs
        outside quotes, and verbs that introduce a speaker ("X spoke with VOA …"; found
        once)."""
        if self._cue_list is None:
            self._cue_list = [
                t.i for t in self.quoted.toks if not self.quoted.inside[t.i] and (
                    (is_speech_verb(t) and t.lemma_ not in WEAK_SPEECH_VERBS)
                    or (t.pos_ == "VERB" and t.lemma_ in INTRODUCING_VERBS))]
        return self._cue_list

    def _line_start(self, pos: int) -> int:
        """The start of the line (paragraph) holding ``pos``, by bisection over the breaks."""
        k = bisect_left(self._breaks, pos) - 1
        return self._breaks[k] + 1 if k >= 0 else 0


def previous_paragraph(text: str, start: int, line_start: Callable[[int], int]) -> int:
    """Offset of the paragraph before the one starting at ``start`` (blank lines skipped);
    ``line_start`` gives the start of the line holding an offset."""
    p = start - 1
    while p > 0 and text[p - 1] == "\n":
        p -= 1
    return line_start(p) if p > 0 else 0
