"""Render a brief as one self-contained HTML file, or as Markdown with its charts beside it.

HTML inlines every chart as SVG and carries its own stylesheet: no external asset, no CDN.
Markdown writes each chart as an SVG file in ``<name>_files/`` next to ``<name>.md`` and links
it relatively. Everything is rendered in memory first; then the chart folder is staged under a
temporary name and swapped in, and the text is written with :func:`accord.io.write_atomic`. If
a write fails, the new folder is removed again (the previous one, if any, restored), so a
failure never leaves a half-written brief.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from accord.errors import OptionError
from accord.io import write_atomic
from accord.quantity import Quantity
from accord.report.types import Brief, Chart
from accord.report.wording import join, pt

FORMATS = {".html": "html", ".md": "md"}


def output_format(path: str | Path) -> str:
    """``html`` or ``md`` from the file's extension; :class:`~accord.errors.OptionError`
    (naming ``path``) otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        what = f"'{suffix}'" if suffix else "no extension"
        raise OptionError(
            path,
            f"cannot write a brief with {what}; use .html (one self-contained file) "
            "or .md (Markdown with the charts in a sibling folder)",
        )
    return FORMATS[suffix]


def qty(q: Quantity) -> str:
    """A quantity as the analyst gave it: ``70``, ``70 (50–100)`` or ``70 ± 10``."""
    if q.low is not None and q.high is not None and q.high > q.low:
        return f"{pt(q.central)} ({pt(q.low)}–{pt(q.high)})"
    if q.sd:
        return f"{pt(q.central)} ± {pt(q.sd)}"
    return pt(q.central)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def md(text: object) -> str:
    """Escape text for Markdown (inline, table cells included); newlines become spaces."""
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("accord.report", "templates"),
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(pt=pt, qty=qty, md=md, join_words=join)
    return env


def _render(brief: Brief, fmt: str, figure: Callable[[Chart], str]) -> str:
    template = _env().get_template(f"brief.{fmt}.j2")
    return template.render(brief=brief, case=brief.case, figure=figure)


def render_html(brief: Brief) -> str:
    def figure(chart: Chart) -> Markup:
        return Markup('<figure class="chart" role="img" aria-label="{}">{}</figure>').format(
            chart.alt, Markup(chart.svg)
        )

    return _render(brief, "html", figure)


def render_markdown(brief: Brief, folder: str) -> tuple[str, dict[str, str]]:
    """The Markdown text and the chart files (name → SVG) it links under ``folder``."""
    files: dict[str, str] = {}

    def figure(chart: Chart) -> str:
        files[f"{chart.name}.svg"] = chart.svg
        return f"![{md(chart.alt)}]({quote(folder)}/{quote(chart.name)}.svg)"

    text = _render(brief, "md", figure)
    return text, files


def files_folder(path: Path) -> Path:
    """Where a Markdown brief's charts go: ``<name>_files/`` beside it."""
    return path.with_name(f"{path.stem}_files")


def write_brief(brief: Brief, path: str | Path) -> list[Path]:
    """Render and write ``brief`` in the format ``path`` names; the paths written."""
    path = Path(path)
    if output_format(path) == "html":
        return [write_atomic(path, render_html(brief))]
    folder = files_folder(path)
    text, files = render_markdown(brief, folder.name)
    _write_with_folder(path, text, folder, files)
    return [path, folder]


def _write_with_folder(path: Path, text: str, folder: Path, files: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=path.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; the folder is for readers
    backup: Path | None = None
    try:
        for name, svg in files.items():
            write_atomic(staging / name, svg)
        if folder.exists():
            backup = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=path.parent))
            os.replace(folder, backup / folder.name)
        os.replace(staging, folder)
        try:
            write_atomic(path, text)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            if backup is not None:
                os.replace(backup / folder.name, folder)
            raise
    except BaseException:
        if backup is not None and not folder.exists() and (backup / folder.name).exists():
            os.replace(backup / folder.name, folder)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)
