"""Render a brief as one self-contained HTML file, or as Markdown with its charts beside it.

HTML inlines every chart as SVG and carries its own stylesheet: no external asset, no CDN.
Markdown writes each chart as an SVG file in ``<name>_files/<hash>/`` next to ``<name>.md`` and
links it relatively; ``<hash>`` is a hash of the charts. Everything is rendered in memory
first; the new chart folder is written under a temporary name and renamed (a folder never
changes once it has its name), then the text replaces the old one atomically
(:func:`accord.io.write_atomic`), and only then are the chart folders of the old brief removed.
A kill or a failure at any point leaves either the old brief with its charts or the new one
with its charts.
"""

from __future__ import annotations

import hashlib
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
from accord.io import TEMP_SUFFIX, remove_stale_temporaries, temp_prefix, write_atomic
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
    """Where a Markdown brief's chart folders go: ``<name>_files/`` beside it."""
    return path.with_name(f"{path.stem}_files")


def charts_version(files: dict[str, str]) -> str:
    """The name of a chart folder: a hash of its files, so that a folder never changes once
    written and two briefs with the same charts share it."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\0".encode())
    return digest.hexdigest()[:12]


def write_brief(brief: Brief, path: str | Path) -> list[Path]:
    """Render and write ``brief`` in the format ``path`` names; the paths written."""
    path = Path(path)
    if output_format(path) == "html":
        return [write_atomic(path, render_html(brief))]
    folder = files_folder(path)
    _, files = render_markdown(brief, folder.name)  # the charts, to name their folder
    charts = folder / charts_version(files)
    text, _ = render_markdown(brief, f"{folder.name}/{charts.name}")
    _write_with_folder(path, text, charts, files)
    return [path, charts]


def _write_with_folder(path: Path, text: str, charts: Path, files: dict[str, str]) -> None:
    """Charts first (a new folder, complete before it gets its name), then the text (atomic),
    then the chart folders no brief links any more. A kill at any point leaves the old brief
    with its charts or the new one with its charts; a failure removes what this call made."""
    folder = charts.parent
    made_folder, made_charts = not folder.exists(), not charts.is_dir()
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(folder)
            if made_charts:
                _stage_charts(charts, files)
        except OSError as err:
            raise OptionError(folder, f"cannot write the charts: {err.strerror or err}") from None
        write_atomic(path, text)
    except BaseException:
        if made_charts:
            shutil.rmtree(charts, ignore_errors=True)
        if made_folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    for old in folder.iterdir():
        if old != charts and not old.name.startswith("."):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)


def _stage_charts(charts: Path, files: dict[str, str]) -> None:
    """Write the chart files into a temporary folder, then give it the name ``charts``."""
    staging = Path(tempfile.mkdtemp(prefix=temp_prefix(charts), suffix=TEMP_SUFFIX,
                                    dir=charts.parent))
    try:
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; the charts are for readers
        for name, svg in files.items():
            write_atomic(staging / name, svg)
        os.replace(staging, charts)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
