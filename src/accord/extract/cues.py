"""Attribution cues next to a quote: a speech verb in its sentence, after it or before it.

After a quote ending in a comma the nearest cue is a speech verb ("…," he said); before the
quote, one in the same sentence ("X said: …", "X has hit out at the claims as … and said that
…"); a named source ("according to X", "in the words of X") is a cue wherever it stands.  A
weak speech verb ("called", "agreed") only counts when no other does.  A quote ending its
sentence takes a bare attribution of the next sentence ('"…." Cole said on Monday.'), and a
quote after a colon the subject of the clause the colon closes ('Cole was blunt: "…"').  This
is the cue-based attribution of Pouliquen, Steinberger & Best 2007 ("Automatic detection of
quotations in multilingual news", RANLP).
"""

from __future__ import annotations

from spacy.tokens import Token

from accord.extract.attribution import (
    BARE_REACH,
    Attribution,
    bare_attribution,
    colon_subject,
    is_speech_verb,
    put_it,
    words_of,
)
from accord.extract.lexicon import WEAK_SPEECH_VERBS
from accord.extract.marks import SENT_END
from accord.extract.quoted_tokens import QuotedTokens
from accord.extract.speech_subjects import SpeechSubjects

_DASHES = frozenset({"-", "--", "—", "–"})  # after a quote: an apposition, not an attribution
POST_WINDOW = 14  # tokens after a quote looked at for its cue
PRE_WINDOW = 40  # tokens before it


class Cues:
    """The cues around the quotes of one parsed document."""

    def __init__(self, quoted: QuotedTokens, subjects: SpeechSubjects) -> None:
        self.quoted = quoted
        self.subjects = subjects
        self.toks = quoted.toks
        self.inside = quoted.inside

    def post_window(self, end: int) -> list[int]:
        """The tokens after the quote closing at ``end`` up to the sentence's end, a line
        break, another quote or a dash."""
        toks = self.toks
        i = self.quoted.token_at(end + 1)
        out: list[int] = []
        while i < len(toks) and len(out) < POST_WINDOW:
            t = toks[i]
            if self.inside[i] or "\n" in t.text or t.text in SENT_END or t.text in _DASHES:
                break
            out.append(i)
            i += 1
        return out

    def pre_window(self, start: int) -> list[int]:
        """The tokens before the quote opening before ``start`` back to the sentence's start
        (another quote in between skipped), nearest first."""
        toks = self.toks
        i = self.quoted.token_at(start - 1) - 1
        out: list[int] = []
        while i >= 0 and len(out) < PRE_WINDOW:
            t = toks[i]
            if self.inside[i]:  # another quote in the same sentence: look past it
                i -= 1
                continue
            if "\n" in t.text or t.text in SENT_END:
                break
            out.append(i)
            i -= 1
        return out  # nearest first

    def attribute(self, start: int, end: int, text: str,
                  after: bool = True) -> Attribution | None:
        """The nearest cue after the quote (unless ``after`` is False: a speech verb before
        it governs it, so what follows is another clause), else before it."""
        stripped = text.rstrip()
        post_ok = not stripped.endswith(SENT_END)
        post = self.post_window(end) if after else []
        if stripped.endswith(("?", "!")) and post and self.toks[post[0]].text[:1].islower():
            post_ok = True
        if post_ok:
            att = self.cue_in(post)
            if att is not None:
                return att
        # before the quote a weak verb ("praised what is being called "phase one"") only
        # attributes the quote it governs (:func:`accord.extract.governing.governing`)
        pre = self.pre_window(start)
        att = self._cue_pass(pre, strong=True)
        if att is None and not post_ok:  # '"We will not give up." Cole said on Monday.'
            att = self.cue_in([i for i in post[:BARE_REACH] if bare_attribution(self.toks[i])])
        if att is None:  # 'Cole was blunt: "…"'
            subj = colon_subject([self.toks[i] for i in pre])
            who = self.subjects.speaker(subj, subj.head) if subj is not None else None
            att = Attribution(who, ":", subj.idx) if who and subj is not None else None
        return att

    def cue_in(self, window: list[int]) -> Attribution | None:
        """The nearest cue in ``window``; a weak verb ("called", "agreed") only if no other."""
        return self._cue_pass(window, strong=True) or self._cue_pass(window, strong=False)

    def _cue_pass(self, window: list[int], strong: bool) -> Attribution | None:
        for i in window:
            t = self.toks[i]
            named = self.named_source(t)
            if named is not None:
                return named
            weak = t.lemma_ in WEAK_SPEECH_VERBS and not put_it(t)  # "as X put it"
            if is_speech_verb(t) and weak != strong:
                who = self.subjects.subject(t)
                if who:
                    return Attribution(who, t.text, t.idx)
        return None

    def named_source(self, t: Token) -> Attribution | None:
        """"according to X" or "in the words of X" at ``t``."""
        toks = self.toks
        source, cue = words_of(t), "in the words of"
        if t.lower_ == "according" and t.i + 2 < len(toks) and toks[t.i + 1].lower_ == "to":
            to = toks[t.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), toks[t.i + 2])
            cue = "according to"
        who = self.subjects.index.resolve(source) if source is not None else None
        return Attribution(who, cue, t.idx) if who else None
