"""Quotations: direct quotes with their speakers, and reported (indirect) speech.

Direct quotes are found on the characters (:mod:`accord.extract.marks`). The speaker is found from
an attribution cue next to the quote: a speech verb after a quote ending in a comma ("…," he said),
or before the quote in the same sentence ("X said: …", "X has hit out at the claims as … and said
that …", "according to X"); its subject is resolved through
:class:`~accord.extract.actors.ActorIndex` (pronouns, surnames, spokespeople). A speech verb or
speech noun before the quote that governs it in the parse comes first ("Cole called it "useful"");
the reporting patterns the parse does not give ("X quoted Y as saying", a bare "Cole said." after a
quote, 'Cole was blunt: "…"', "as X put it") are in :mod:`accord.extract.attribution`. A quote with
no cue of its own belongs to the speaker of the closest attribution before it in the same or the
previous paragraph (a quote continued after a break, a statement introduced in the sentence before,
a label line ending in a colon). This follows the cue-based attribution of Pouliquen, Steinberger &
Best 2007 ("Automatic detection of quotations in multilingual news", RANLP) and the closest-speaker
fallback for quotes without a cue of Elson & McKeown 2010 ("Automatic attribution of quoted speech
in literary narrative", AAAI).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from accord.extract.actors import ActorIndex
from accord.extract.attribution import (
    BARE_REACH,
    QUOTING,
    adjacent_name,
    bare_attribution,
    colon_subject,
    impersonal,
    issued,
    put_it,
    quoted_object,
    words_of,
)
from accord.extract.hybrid import hybrid_speakers
from accord.extract.lexicon import (
    DOCUMENTS,
    MEMBERS,
    SPEECH_VERBS,
    SPOKESPERSONS,
    SUBJECT_DEPS,
    WEAK_SPEECH_VERBS,
)
from accord.extract.marks import CLOSING, SENT_END, STRAIGHT, quote_spans
from accord.extract.records import QuoteRecord
from accord.extract.speakers import rank_speakers

_DASHES = frozenset({"-", "--", "—", "–"})  # after a quote: an apposition, not an attribution
_OPENERS = frozenset({"And", "But", "So", "Yet", "Or"})  # may open a sentence before a quote
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"he", "she"})
# a quoted word inside a proposal or another speech act named by a noun is the one whose
# act it is ("China's suggestion of an "informal" …", "Cole's warning that … "on the brink"")
PROPOSALS = frozenset({"proposal", "suggestion", "plan", "idea", "offer", "initiative",
                       "warning", "remarks", "comments", "words", "claim", "call", "appeal",
                       "demand", "pledge", "promise", "threat", "vow", "assurance", "insistence",
                       "description", "accusation", "criticism", "denial", "admission"})
DOCUMENT_DEPS = SUBJECT_DEPS | {"compound"}  # "with language saying …" parses as a compound
CLIMB = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "relcl", "ccomp", "prep", "pobj"})
MAX_CLIMB = 20  # heads followed from a quoted phrase to the speech verb governing it
# speech verbs that with "to" + verb report an undertaking or a continued action, not words
UNDERTAKINGS = frozenset({"agree", "continue", "promise", "pledge", "vow", "threaten"})
MAX_TITLE_WORDS = 5  # a longer run of capitalised words in marks may be speech
FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "a", "an", "in", "on", "to", "at"})
MAX_TERM_WORDS = 3  # a shorter quote with no speaker is a quoted term, not a quotation


@dataclass
class _Attribution:
    speaker: str
    cue: str | None  # None: the speaker the previous paragraph introduces
    at: int  # character offset of the cue


@dataclass
class _Report:
    """A report in the text: who, the cue, and the (first, last) tokens of what was said."""

    speaker: str | None
    cue: str
    clause: tuple[Token, Token] | None


class QuoteFinder:
    """Direct and reported speech in one parsed document."""

    def __init__(self, doc: Doc, index: ActorIndex, headline: str = "") -> None:
        self.doc = doc
        self.index = index
        self.text = doc.text
        self.headline_end = _headline_end(self.text, headline)
        self.spans = quote_spans(self.text)
        # token i is inside a quote (marks included) when inside[i]
        self._starts = [s - 1 for s, _ in self.spans]
        self._ends = [e + 1 for _, e in self.spans]
        self.toks = index.tokens
        self._tok_idx = [t.idx for t in self.toks]
        self.inside = [self._in_quote(i) for i in self._tok_idx]
        self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        self._cue_list: list[int] | None = None
        self._speaker_of: dict[int, str | None] = {}  # a cue's subject, once found
        # the people named in the current quote (in its last paragraph, the one a cue after
        # it attributes)
        self._quoted: frozenset[str] = frozenset()

    def _in_quote(self, char: int) -> bool:
        k = bisect_right(self._starts, char) - 1
        return k >= 0 and char < self._ends[k]

    # ------------------------------------------------------------------ direct quotes
    def direct(self) -> list[QuoteRecord]:
        out: list[QuoteRecord] = []
        previous: _Attribution | None = None
        for start, end in self.spans:
            if start < self.headline_end:
                continue  # a headline is no quotation (the gold annotates none)
            text = self.text[start:end]
            last = max(start, self.text.rfind("\n", start, end))  # (its last paragraph)
            self._quoted = self.index.people_between(self._token_at(last), self._token_at(end))
            if _title_case(text) and not self._starts_sentence(start):
                continue  # a name in marks (a programme, a book), no one's words
            head = self.governor(start)
            # a speech verb or proposal before the quote governing it comes first ("Cole
            # called it "useful"", "a Chinese proposal for an "informal" version")
            before = head is not None and head.i < self._token_at(start)
            said = before and head is not None and head.lemma_ not in WEAK_SPEECH_VERBS
            att = (self._governing(head) if before else None) or self._attribute(
                start, end, text, after=not said) or self._governing(head)
            if att is None and self._documents_words(head):
                continue
            if att is None and self._starts_sentence(start):
                att = self._fallback(start, previous)
            if att is None and len(text.split()) <= MAX_TERM_WORDS and not self._reported(head):
                continue
            if att is not None:  # it reaches the next paragraph from this quote on
                previous = replace(att, at=max(att.at, start))
            out.append(
                QuoteRecord(
                    text=text,
                    speaker=att.speaker if att else None,
                    cue=att.cue if att else None,
                    start=start,
                    end=end,
                    direct=True,
                )
            )
        return out

    def _reported(self, head: Token | None) -> bool:
        """Whether a short quote with no known speaker still stands in someone's reported
        speech: a speech verb governs it, with a subject, that names someone's words rather
        than a term ("what is being called "phase one"") and is not the paper's own voice
        ("…, our correspondent added")."""
        if head is None or head.pos_ != "VERB" or impersonal(head):
            return False
        found = self._subject_token(head)
        return found is not None and not any(c.lower_ == "our" for c in found[0].children)

    def _token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_left(self._tok_idx, char)

    def _starts_sentence(self, start: int) -> bool:
        """Whether the quote opening before ``start`` begins a sentence or a paragraph."""
        raw = self.text[max(0, start - 300) : max(0, start - 1)]
        before = raw.rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        if word in _OPENERS:  # "And "intense discussions" were taking place"
            raw = before[: len(before) - len(word)]
            before = raw.rstrip()
        if not before or "\n" in raw[len(before) :]:
            return True
        return before.endswith((*SENT_END, CLOSING, STRAIGHT, ":"))

    def _post_window(self, end: int) -> list[int]:
        toks = self.toks
        i = self._token_at(end + 1)
        out: list[int] = []
        while i < len(toks) and len(out) < 14:
            t = toks[i]
            if self.inside[i] or "\n" in t.text or t.text in SENT_END or t.text in _DASHES:
                break
            out.append(i)
            i += 1
        return out

    def _pre_window(self, start: int) -> list[int]:
        toks = self.toks
        i = self._token_at(start - 1) - 1
        out: list[int] = []
        while i >= 0 and len(out) < 40:
            t = toks[i]
            if self.inside[i]:  # another quote in the same sentence: look past it
                i -= 1
                continue
            if "\n" in t.text or t.text in SENT_END:
                break
            out.append(i)
            i -= 1
        return out  # nearest first

    def _attribute(self, start: int, end: int, text: str,
                   after: bool = True) -> _Attribution | None:
        """The nearest cue after the quote (unless ``after`` is False: a speech verb before
        it governs it, so what follows is another clause), else before it."""
        stripped = text.rstrip()
        post_ok = not stripped.endswith(SENT_END)
        post = self._post_window(end) if after else []
        if stripped.endswith(("?", "!")) and post and self.toks[post[0]].text[:1].islower():
            post_ok = True
        if post_ok:
            att = self._cue_in(post)
            if att is not None:
                return att
        # before the quote a weak verb ("praised what is being called "phase one"") only
        # attributes the quote it governs (:meth:`_governing`)
        pre = self._pre_window(start)
        att = self._cue_pass(pre, strong=True)
        if att is None and not post_ok:  # '"We will not give up." Cole said on Monday.'
            att = self._cue_in([i for i in post[:BARE_REACH] if bare_attribution(self.toks[i])])
        if att is None:  # 'Cole was blunt: "…"'
            subj = colon_subject([self.toks[i] for i in pre])
            who = self._speaker(subj, subj.head) if subj is not None else None
            att = _Attribution(who, ":", subj.idx) if who and subj is not None else None
        return att

    def _governing(self, head: Token | None) -> _Attribution | None:
        """A phrase quoted inside reported speech ("said the talks were "encouraging and
        positive"", "urging countries to engage in "substantive negotiations""): the speech
        verb ``head`` that governs it in the parse, and that verb's subject; or a proposal's
        own word with its proposer ("China's suggestion of an "informal" reunion", "a Chinese
        proposal for an "informal" version")."""
        if head is None:
            return None
        who = self.subject(head) if head.pos_ == "VERB" else self.proposer(head)
        return _Attribution(who, head.text, head.idx) if who else None

    def governor(self, start: int) -> Token | None:
        """The first speech verb or proposal noun above the quote opening before ``start``."""
        i = self._token_at(start)
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        for _ in range(MAX_CLIMB):
            if tok.head is tok:
                return None
            below, tok = tok, tok.head
            if self.inside[tok.i]:
                continue
            # "agreed to release the four after "…"": an undertaking, not speech (but "agreed
            # to "accelerate and expand" aid" quotes the words of the agreement)
            action = (below.dep_ == "xcomp" and tok.lemma_ in UNDERTAKINGS
                      and not self.inside[below.i])
            if (_is_speech_verb(tok) and not action) or (
                    tok.lemma_ in PROPOSALS and self.proposer(tok)):
                return tok
        return None

    def proposer(self, noun: Token) -> str | None:
        """The actor whose proposal ``noun`` is: its possessor or a modifier naming an actor."""
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
                who = self.index.resolve(c)
                if who:
                    return who
        return None

    @staticmethod
    def _documents_words(verb: Token | None) -> bool:
        """Words quoted from a document, not spoken: the speech verb governing the quote has
        a document for its subject or describes one ("language saying countries have "…"",
        "the bill says")."""
        if verb is None or verb.pos_ != "VERB":
            return False
        if verb.dep_ == "acl" and _is_document(verb.head):
            return True
        return any(c.dep_ in DOCUMENT_DEPS and _is_document(c) for c in verb.children)

    def _cue_in(self, window: list[int]) -> _Attribution | None:
        """The nearest cue in ``window``; a weak verb ("called", "agreed") only if no other."""
        return self._cue_pass(window, strong=True) or self._cue_pass(window, strong=False)

    def _cue_pass(self, window: list[int], strong: bool) -> _Attribution | None:
        for i in window:
            t = self.toks[i]
            named = self.named_source(t)
            if named is not None:
                return named
            weak = t.lemma_ in WEAK_SPEECH_VERBS and not put_it(t)  # "as X put it"
            if _is_speech_verb(t) and weak != strong:
                who = self.subject(t)
                if who:
                    return _Attribution(who, t.text, t.idx)
        return None

    def named_source(self, t: Token) -> _Attribution | None:
        """"according to X" or "in the words of X" at ``t``."""
        toks = self.toks
        source, cue = words_of(t), "in the words of"
        if t.lower_ == "according" and t.i + 2 < len(toks) and toks[t.i + 1].lower_ == "to":
            to = toks[t.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), toks[t.i + 2])
            cue = "according to"
        who = self.index.resolve(source) if source is not None else None
        return _Attribution(who, cue, t.idx) if who else None

    def subject(self, verb: Token) -> str | None:
        """The actor who speaks through ``verb``: its subject, climbing conjuncts and
        clauses; the one quoted ("quoted Liu as saying"); else a name right next to the verb
        when the parser gave it no subject."""
        found = self._subject_token(verb)
        if found is not None:
            return self._speaker(*found)
        near = adjacent_name(verb)
        if near is None or self.inside[near.i] or near.lower_ in RELATIVE:
            return None
        return self._speaker(near, verb)

    def _subject_token(self, verb: Token) -> tuple[Token, Token] | None:
        """(subject, the verb it is the subject of) for the speech verb ``verb``."""
        tok = verb
        if (verb.dep_ == "conj" and verb.head.dep_ == "ccomp"
                and _is_speech_verb(verb.head.head)):
            tok = verb.head.head  # "X denies that … and insists that …" (parsed inside)
        for _ in range(4):
            quoted = quoted_object(tok) if tok is not verb else None
            if quoted is not None:  # "Xinhua quoted Liu as saying": Liu
                return quoted, tok
            for child in tok.children:
                if self.inside[child.i] and not self.inside[tok.i]:
                    continue  # a subject inside the quote is not who speaks ("all of us")
                if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":
                    subj = child
                    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                    if agent is not None and tok.lemma_ not in QUOTING:  # "described by
                        # Cole as …" is Cole's; "quoted by Reuters as saying" is not Reuters
                        subj = next((c for c in agent.children if c.dep_ == "pobj"), agent)
                    if subj.lower_ in RELATIVE and tok.dep_ == "relcl":
                        subj = tok.head
                    return subj, tok
            if (tok.dep_ not in CLIMB and not issued(tok)) or tok.head is tok:
                return None
            tok = tok.head  # (a statement "saying …" speaks for the one who issued it)
        return None

    def _speaker(self, subj: Token, verb: Token) -> str | None:
        """Who the subject of a speech verb names: never a law or treaty ("the Bill says"),
        and a pronoun never the one spoken to ("…," he told Smith; "she said to Smith") nor
        one named in the quote itself ('"… trust me, Secretary Gates would not …," he
        said': a speaker names others in the third person, not themself)."""
        if _is_document(subj):
            return None
        if subj.lower_ in PRONOUNS:
            return self.index.pronoun(subj, exclude=self.addressees(verb) | self._quoted)
        name = self.index.named_next(subj) or self.index.resolve(subj)
        if name and name.split()[-1].lower() in DOCUMENTS:
            return None  # "the Prevention of Terrorism Bill says"
        return name or _unnamed_principal(subj)

    def addressees(self, verb: Token) -> frozenset[str]:
        """The actors a speech verb is addressed to: its object ("told Smith") or "to X"."""
        found = []
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj"):
                found.append(c)
            elif c.dep_ in ("prep", "dative") and c.lower_ == "to":
                found += [p for p in c.children if p.dep_ == "pobj"]
        return frozenset(n for c in found if (n := self.index.resolve(c)))

    def _fallback(self, start: int, previous: _Attribution | None) -> _Attribution | None:
        """The closest attribution before ``start`` in this or the previous paragraph."""
        limit = _previous_paragraph(self.text, self._line_start(start), self._line_start)
        best = previous if previous is not None and previous.at >= limit else None
        cues = self._cues()  # only the cues between, not every token (a paragraph may be long)
        first = bisect_left(cues, self._token_at(limit))
        for k in range(bisect_left(cues, self._token_at(start)) - 1, first - 1, -1):
            i = cues[k]
            if best is not None and self._tok_idx[i] < best.at:
                break
            t = self.toks[i]
            if i not in self._speaker_of:
                self._speaker_of[i] = self.subject(t)
            who = self._speaker_of[i]
            if who:
                return _Attribution(who, t.text, t.idx)
        if best is None and (self._paragraph_quote(start) or not self._cued(start)):
            return self._introduced(start, limit)  # a quote standing alone: as introduced
        return best

    def _paragraph_quote(self, start: int) -> bool:
        """Whether the quote opening before ``start`` opens its paragraph."""
        return not self.text[self._line_start(start) : start - 1].strip()

    def _cued(self, start: int) -> bool:
        """Whether a speech verb stands in the quote's sentence outside the marks (one whose
        speaker could not be told: '"…," he said to Berg' with Berg the only one named)."""
        k = bisect_left(self.spans, (start, -1))
        end = self.spans[k][1] if k < len(self.spans) else start
        window = self._pre_window(start) + self._post_window(end)
        return any(self.toks[i].lemma_ in SPEECH_VERBS for i in window)  # even mis-tagged

    def _introduced(self, start: int, limit: int) -> _Attribution | None:
        """The person the previous paragraph introduces: its last person in subject
        position ("Hill repeated his call …" then a paragraph that is only a quote)."""
        a, b = self._token_at(limit), self._token_at(start)
        who = self.index.subject_between(a, b)
        if who is None and self.text[:start - 1].rstrip().endswith(":"):
            who = self.index.person_between(a, b)  # a label: "Charles Michel, President …:"
        return _Attribution(who[1], None, self._tok_idx[who[0]]) if who else None

    def _cues(self) -> list[int]:
        """The tokens that can attribute a quote with no cue of its own: strong speech verbs
        outside quotes (found once)."""
        if self._cue_list is None:
            self._cue_list = [
                t.i for t in self.toks if not self.inside[t.i] and _is_speech_verb(t)
                and t.lemma_ not in WEAK_SPEECH_VERBS]
        return self._cue_list

    def _line_start(self, pos: int) -> int:
        """The start of the line (paragraph) holding ``pos``, by bisection over the breaks."""
        k = bisect_left(self._breaks, pos) - 1
        return self._breaks[k] + 1 if k >= 0 else 0

    # ------------------------------------------------------------------ reported speech
    def reported(self) -> list[QuoteRecord]:
        """Reported speech with a known speaker: a speech verb and its clause ("X said (that)
        CLAUSE", "CLAUSE, X said, CLAUSE"), or "according to X, CLAUSE"."""
        out: list[QuoteRecord] = []
        for t in self.index.tokens:
            report = None if self.inside[t.i] else self._report_at(t)
            if report is None or report.clause is None or not report.speaker:
                continue
            first, last = report.clause
            if first.lower_ in RELATIVE or any(
                self.inside[k] for k in range(first.i, last.i + 1)
            ):
                continue
            a, b = first.idx, last.idx + len(last)
            out.append(QuoteRecord(self.text[a:b], report.speaker, report.cue, a, b, direct=False))
        return out

    def _report_at(self, t: Token) -> _Report | None:
        """The report whose cue is ``t``: "according to X", a parenthetical "X said," or a
        speech verb with a clausal complement."""
        if t.lower_ == "according" and t.head.i > t.i:
            return self._according_to(t)
        if not _is_speech_verb(t) or t.lemma_ in WEAK_SPEECH_VERBS:
            return None
        if t.dep_ == "parataxis" and t.head.i > t.i:  # "For that reason, Putin said, …"
            return _Report(self.subject(t), t.text, self._clause_after(t.right_edge.i + 1, t.head))
        comp = next((c for c in t.children if c.dep_ == "ccomp" and c.i > t.i), None)
        if comp is None:
            return None
        return _Report(self.subject(t), t.text, self._complement(comp))

    def _according_to(self, according: Token) -> _Report | None:
        """"According to X, CLAUSE"."""
        to = next((c for c in according.children if c.lower_ == "to"), None)
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if pobj is None:
            return None
        clause = self._clause_after(according.right_edge.i + 1, according.head)
        return _Report(self.index.resolve(pobj), "according to", clause)

    def _complement(self, comp: Token) -> tuple[Token, Token]:
        """A clausal complement without its "that", cut before a conjoined speech verb
        ("denies that it is planning X and insists that Y")."""
        doc = self.doc
        first, last = comp.left_edge, comp.right_edge
        if first.dep_ == "mark" and first.i < last.i:
            first = doc[first.i + 1]
        for c in comp.children:
            if c.dep_ == "conj" and _is_speech_verb(c) and c.i > first.i:
                last = doc[c.left_edge.i - 1]
                while last.dep_ == "cc" or last.is_punct:
                    last = doc[last.i - 1]
                break
        while last.is_punct and last.i > first.i:
            last = doc[last.i - 1]
        return first, last

    def _clause_after(self, i: int, head: Token) -> tuple[Token, Token] | None:
        """The clause of ``head`` from token ``i`` (commas skipped) to the next comma after
        ``head`` or its end."""
        doc = self.doc
        while i < head.i and doc[i].is_punct:
            i += 1
        if i > head.i:
            return None
        j = head.i
        while j < head.right_edge.i and doc[j + 1].text not in {",", ";", ".", ":"}:
            j += 1
        return doc[i], doc[j]


def _previous_paragraph(text: str, start: int, line_start: Callable[[int], int]) -> int:
    """Offset of the paragraph before the one starting at ``start`` (blank lines skipped);
    ``line_start`` gives the start of the line holding an offset."""
    p = start - 1
    while p > 0 and text[p - 1] == "\n":
        p -= 1
    return line_start(p) if p > 0 else 0


def _unnamed_principal(subj: Token) -> str | None:
    """"A spokesman for the Syrian opposition", "a Syrian opposition official", "a Qatari
    Foreign Ministry spokesperson": a body the actor index does not know, as the text names
    it, without its article and leading lower-case words ("senior")."""
    if subj.lower_ in SPOKESPERSONS | MEMBERS:
        mods = [c for c in subj.lefts if c.dep_ in ("amod", "compound", "nmod")]
        words = [t for m in mods for t in m.subtree]
        while words and not words[0].text[:1].isupper():
            words.pop(0)
        if words:
            return " ".join(t.text for t in words)
    if subj.lower_ not in SPOKESPERSONS:
        return None
    for prep in subj.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                words = [t for t in pobj.subtree if t.i <= pobj.i and t.dep_ != "det"]
                return " ".join(t.text for t in words) or None
    return None


def _is_document(subj: Token) -> bool:
    """A law, bill or treaty as the subject ("the Prevention of Terrorism Bill says"): a text
    that states, never a speaker."""
    head = subj
    for c in subj.children:  # "the Bill" or "the Terrorism Bill": the name's last word
        if c.dep_ == "compound" and c.i > head.i:
            head = c
    return head.lower_ in DOCUMENTS


def _is_speech_verb(t: Token) -> bool:
    return t.pos_ == "VERB" and t.lemma_ in SPEECH_VERBS


def _title_case(text: str) -> bool:
    """A name in title case ("Press Conference USA,"): two to five words, each capitalised
    or a short function word."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return 2 <= len(words) <= MAX_TITLE_WORDS and words[0][0].isupper() and all(
        w[0].isupper() or w in FUNCTION_WORDS for w in words)


def _headline_end(text: str, headline: str) -> int:
    """Where the article's headline ends when the text opens with it (0 if not)."""
    lead = len(text) - len(text.lstrip())
    found = headline.strip() and text.startswith(headline.strip(), lead)
    return lead + len(headline.strip()) if found else 0


def find_quotes(doc: Doc, index: ActorIndex, headline: str = "",
                speakers: str = "rules") -> list[QuoteRecord]:
    """Direct quotes and reported speech, in text order; quotes in the ``headline`` the text
    opens with are left out.  The direct quotes' ``speakers`` are the rules', the learned
    ranker's (:mod:`accord.extract.speakers`) or the hybrid's (:mod:`accord.extract.hybrid`)."""
    finder = QuoteFinder(doc, index, headline)
    direct = finder.direct()
    if speakers == "ranker":
        direct = rank_speakers(doc, index, direct)
    elif speakers == "hybrid":
        direct = hybrid_speakers(doc, index, finder, direct)
    return sorted(direct + finder.reported(), key=lambda q: q.start)
