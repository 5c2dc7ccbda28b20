"""The "what to expect" brief: ``accord report CASE -o FILE.html|.md``.

- :mod:`accord.report.brief`: the brief as data, an ordered registry of sections (and of
  per-issue parts) each fed by one build function; how to add a section is in its docstring.
- :mod:`accord.report.charts`: matplotlib charts as SVG text.
- :mod:`accord.report.render`: Jinja2 templates (``templates/``) → one self-contained HTML
  file, or Markdown with its charts in ``<name>_files/``; all writes atomic.
"""

from accord.report.brief import Brief, build_brief
from accord.report.render import UnsupportedFormat, output_format, write_brief

__all__ = ["Brief", "UnsupportedFormat", "build_brief", "output_format", "write_brief"]
