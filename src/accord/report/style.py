"""The brief's look, shared by its charts: palette, fonts, file-safe names and SVG output.

Charts use :class:`matplotlib.figure.Figure` directly (no pyplot, no global state), keep text
as text (``svg.fonttype: none``) so the SVG is small and searchable, and are deterministic: no
date in the metadata, and every element id is prefixed with the chart's name, so several
charts can be inlined in one HTML page without clashing ids.
"""

from __future__ import annotations

import io
import re
from contextlib import AbstractContextManager

import matplotlib as mpl
from matplotlib.figure import Figure

INK = "#222222"
MUTED = "#6b6b6b"
ACTOR = "#4a78a8"
VETO = "#c0392b"
MEDIAN = VETO  # the forecast's line in a chart of rounds
ZONE = "#2e9e5b"
MODEL_COLOURS = ("#7b3294", "#e08214", "#0571b0", "#c51b7d", "#8c510a", "#01665e")
MODEL_MARKERS = ("v", "D", "s", "P", "X", "*")
FONT = ["Helvetica", "Arial", "DejaVu Sans", "sans-serif"]


def font() -> AbstractContextManager[None]:
    """The charts' font, for drawing a figure inside ``with font():``."""
    return mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": FONT})


def model_colour(i: int) -> str:
    """The colour of the ``i``-th chosen model, the same in every chart of the brief."""
    return MODEL_COLOURS[i % len(MODEL_COLOURS)]


def slug(text: str) -> str:
    """A file-safe name: every character but letters, digits, ``-`` and ``_`` becomes ``-``."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text).strip("-") or "x"


def svg_text(fig: Figure, name: str) -> str:
    """The figure as SVG text (the XML prologue stripped, so it can be inlined)."""
    buf = io.StringIO()
    with mpl.rc_context({"svg.fonttype": "none", "svg.hashsalt": name}):
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buf.getvalue()
    return _IDS.sub(lambda m: f"{m[1]}{name}-{m[2]}", text[text.index("<svg") :])


# ids and references to them, to prefix with the chart's name: matplotlib numbers its groups
# the same way in every figure (figure_1, axes_1, …)
_IDS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')
