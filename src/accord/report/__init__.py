"""The "what to expect" brief: ``accord report CASE -o FILE.html|.md``.

- :mod:`accord.report.compose`: runs what the brief shows (forecast, assessment, Monte Carlo
  sweep, the dynamic models' parts) for the chosen models, then builds it.
- :mod:`accord.report.brief`: the brief as data, an ordered registry of sections (and of
  per-issue parts) each fed by one build function; how to add a section is in its docstring.
- :mod:`accord.report.types`: the types the report's modules share (imports no other of them).
- :mod:`accord.report.wording`: the assessment in words (verdict, per-issue paragraphs).
- :mod:`accord.report.charts`, :mod:`~accord.report.montecarlo`,
  :mod:`~accord.report.trajectory`, :mod:`~accord.report.trades`: the issue chart and the
  parts and sections of the Monte Carlo sweep, the EUM's rounds and the exchange model;
  :mod:`accord.report.style`: the charts' palette, fonts, file-safe names and SVG output.
- :mod:`accord.report.render`: Jinja2 templates (``templates/``) → one self-contained HTML
  file, or Markdown with its charts in ``<name>_files/``; all writes atomic.
"""


from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from accord.report.brief import build_brief
    from accord.report.compose import compose_brief
    from accord.report.render import output_format, write_brief
    from accord.report.types import Brief, BriefInput

# loaded on first use, so that `accord forecast` can word its lines with
# accord.report.wording without loading the charts (matplotlib) and templates (Jinja2)
_HOME = {"build_brief": "brief", "compose_brief": "compose", "output_format": "render",
         "write_brief": "render", "Brief": "types", "BriefInput": "types"}
__all__ = ["Brief", "BriefInput", "build_brief", "compose_brief", "output_format", "write_brief"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'accord.report' has no attribute {name!r}")
    return getattr(import_module(f"accord.report.{_HOME[name]}"), name)
