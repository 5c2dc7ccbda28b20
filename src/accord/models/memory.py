"""How much memory a model needs for a case, checked before anything is allocated.

The dynamic models vectorise over pairs: the EUM holds ``[m, k, n, n]`` arrays (every pair of
actors on every issue, for ``m`` samples) and the exchange model one row per candidate
exchange, ``m · C(k, 2) · C(n, 2)`` of them. The bytes per element below were measured with
``tracemalloc`` (peak over a run, 20–80 actors, 3–6 issues, 1–4 samples: EUM 110–210,
exchange 540–1,270 bytes, falling with size), rounded up. The static models need ``O(m·n·k)``
and are not checked.

The limit is ``ACCORD_MEMORY_LIMIT`` (bytes, or with a suffix K, M, G) or, by default,
:data:`DEFAULT_LIMIT`. A case that needs more is refused with :class:`~accord.errors.TooLarge`
(exit code 2) saying how much it needs. Work that splits runs in parts instead: a Monte Carlo
sweep in smaller chunks (:func:`samples_per_chunk`), the EUM on a few issues at a time (the
registry); they are refused only when one sample (one issue) does not fit.
"""

from __future__ import annotations

import math
import os
import re

from accord.errors import TooLarge

DEFAULT_LIMIT = 2 * 2**30
BYTES_PER_PAIR = {"eum": 220, "eum-mean": 220, "exchange": 1_300}
_UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def limit() -> int:
    """The memory a model may use, in bytes."""
    text = os.environ.get("ACCORD_MEMORY_LIMIT", "").strip().upper().removesuffix("B")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]?)I?", text)
    if not text or m is None:
        return DEFAULT_LIMIT
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def sample_bytes(model: str, n: int, k: int) -> int:
    """Peak bytes of one sample of ``model`` on ``n`` actors and ``k`` issues (0: unchecked)."""
    per = BYTES_PER_PAIR.get(model, 0)
    if model == "exchange":
        return per * math.comb(k, 2) * math.comb(n, 2) + 8 * n * n * k
    return per * k * n * n


def _size(b: float) -> str:
    return f"{b / 2**30:,.1f} GiB" if b >= 2**30 else f"{b / 2**20:,.0f} MiB"


def require(model: str, samples: int, n: int, k: int) -> None:
    """Refuse (:class:`~accord.errors.TooLarge`) to run ``model`` on ``samples`` samples of
    ``n`` actors and ``k`` issues when that needs more than :func:`limit`."""
    need = samples * sample_bytes(model, n, k)
    if need > limit():
        raise TooLarge(
            f"--model {model}",
            f"{model} on {n} actors and {k} issues"
            + (f" × {samples} samples" if samples > 1 else "")
            + f" needs about {_size(need)} of memory, more than the {_size(limit())} allowed; "
            "use fewer actors or issues, another model, or raise ACCORD_MEMORY_LIMIT",
        )


def samples_per_chunk(models: tuple[str, ...], n: int, k: int, chunk: int) -> int:
    """The largest chunk (at most ``chunk``) whose samples fit in :func:`limit` for every
    model; :class:`~accord.errors.TooLarge` when a single sample does not fit."""
    for model in models:
        require(model, 1, n, 1 if model.startswith("eum") else k)
    per = max((sample_bytes(m, n, 1 if m.startswith("eum") else k) for m in models),
              default=0)
    return chunk if per == 0 else max(1, min(chunk, limit() // per))
