"""A backtest report as tables (rich) or as one self-contained HTML page with inline SVG."""

from __future__ import annotations

import html

from rich import box
from rich.table import Table

from accord import __version__
from accord.backtest.metrics import REFERENCE, Coverage, ModelScore
from accord.backtest.report import BacktestReport
from accord.calibration.conformal import LEVELS

PALETTE = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d5a97", "#30343f")


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def _vs(s: ModelScore) -> str:
    d = s.vs_reference
    return "–" if d is None else f"{d.value:+.1f} [{d.low:+.1f}, {d.high:+.1f}]"


Grid = tuple[str, list[str], list[list[str]]]  # title, header, rows


def accuracy(r: BacktestReport) -> Grid:
    head = ["model", "n", "MAE", "RMSE", "MdAE", "bias", "≤10", "≤20", "win", "ΔMAE [95%]",
            "deal (n)"]
    rows = [[
        s.model, str(s.issues), f"{s.mae:.1f}", f"{s.rmse:.1f}", f"{s.median_ae:.1f}",
        f"{s.bias:+.1f}", _pct(s.within_10), _pct(s.within_20), _pct(s.win_rate), _vs(s),
        "–" if s.deal is None else f"{_pct(s.deal.accuracy)} ({s.deal.issues})",
    ] for s in r.models]
    return (f"Backtest: {r.cases} cases, {r.issues - r.no_outcome} issues with an outcome "
            f"({r.no_outcome} without, skipped)", head, rows)


LEGEND = (
    "n issues scored; MAE, RMSE, MdAE (median absolute error) and bias (mean forecast − "
    "outcome) in points of the 0–100 scale; ≤10, ≤20: share within 10 and 20 points; win: "
    f"share of issues closer than {REFERENCE} (ties half); ΔMAE: MAE − MAE({REFERENCE}) "
    "with its case-bootstrap 95% interval; deal: deal/no-deal accuracy on (n) issues with a "
    "known status quo; w80: mean width of the 80% intervals"
)


def _cov(c: Coverage | None) -> list[str]:
    if c is None:
        return ["–"] * (len(LEVELS) + 1)
    return [_pct(c.share[lv]) for lv in LEVELS] + [f"{c.width['80']:.1f}"]


def coverage(r: BacktestReport) -> Grid:
    head = ["model"] + [f"{kind} {lv}" for kind in ("input", "calib.")
                        for lv in (*(f"{lv}%" for lv in LEVELS), "w80")]
    rows = [[s.model, *_cov(s.input_coverage), *_cov(s.calibrated_coverage)] for s in r.models]
    return ("Coverage of the 50/80/95% intervals (share of outcomes inside): input "
            "uncertainty only, and calibrated", head, rows)


def per_issue(r: BacktestReport) -> Grid:
    head = ["case", "issue", "model", "forecast", "80% interval", "outcome", "error"]
    rows = []
    for row in r.rows:
        lo, hi = (row.calibrated or row.intervals)["80"]
        rows.append([row.case, row.issue, row.model, f"{row.forecast:.1f}",
                     f"{lo:.1f}–{hi:.1f}", f"{row.outcome:.1f}", f"{row.error:+.1f}"])
    return "Per issue (80% interval: calibrated when the report has calibrated ones)", head, rows


def rich_table(grid: Grid) -> Table:
    title, head, rows = grid
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
    for i, col in enumerate(head):
        left = i == 0 or col in ("issue", "model")
        t.add_column(col, justify="left" if left else "right", no_wrap=left)
    for row in rows:
        t.add_row(*row)
    return t


# ---- HTML ---------------------------------------------------------------------------------


def _colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def error_chart(r: BacktestReport, width: int = 640) -> str:
    """Signed errors per model (one dot per issue), its bias (│) and MAE (in the label)."""
    left, right, row_h = 150, 20, 34
    h = 40 + row_h * len(r.models)

    def x(e: float) -> float:
        return left + (e + 100) / 200 * (width - left - right)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
             f'role="img" aria-label="errors per model" font-family="sans-serif" '
             'font-size="11">']
    for e in (-100, -50, 0, 50, 100):
        parts.append(f'<line x1="{x(e):.1f}" y1="10" x2="{x(e):.1f}" y2="{h - 22}" '
                     f'stroke="{"#888" if e == 0 else "#ddd"}"/>'
                     f'<text x="{x(e):.1f}" y="{h - 8}" text-anchor="middle">{e:+d}</text>')
    for i, s in enumerate(r.models):
        y0 = 20 + i * row_h
        errs = [row.error for row in r.rows if row.model == s.model]
        parts.append(f'<text x="4" y="{y0 + 12}">{html.escape(s.model)} (MAE {s.mae:.1f})'
                     '</text>')
        for j, error in enumerate(errs):
            dy = (j * 7919 % 17) - 8  # a fixed spread so dots do not hide each other
            parts.append(f'<circle cx="{x(error):.1f}" cy="{y0 + 8 + dy * 0.9:.1f}" r="2.2" '
                         f'fill="{_colour(i)}" fill-opacity="0.55"/>')
        parts.append(f'<line x1="{x(s.bias):.1f}" y1="{y0 - 4}" x2="{x(s.bias):.1f}" '
                     f'y2="{y0 + 20}" stroke="#222" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


def calibration_chart(r: BacktestReport, size: int = 360) -> str:
    """Nominal (x) against observed (y) coverage: dashed input only, solid calibrated."""
    pad = 40
    span = size - 2 * pad

    def px(v: float) -> float:
        return pad + v * span

    def py(v: float) -> float:
        return size - pad - v * span

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size + 160}" height="{size}" '
             'role="img" aria-label="calibration: nominal against observed coverage" '
             'font-family="sans-serif" font-size="11">',
             f'<rect x="{pad}" y="{pad}" width="{span}" height="{span}" fill="none" '
             'stroke="#bbb"/>',
             f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(1)}" y2="{py(1)}" stroke="#999"/>']
    for v in (0, 0.5, 0.8, 0.95, 1):
        parts.append(f'<text x="{px(v):.1f}" y="{size - pad + 14}" text-anchor="middle">'
                     f'{100 * v:.0f}</text><text x="{pad - 4}" y="{py(v) + 4:.1f}" '
                     f'text-anchor="end">{100 * v:.0f}</text>')
    parts.append(f'<text x="{size / 2}" y="{size - 6}" text-anchor="middle">nominal %</text>')
    for i, s in enumerate(r.models):
        for cov, dash in ((s.input_coverage, "4 3"), (s.calibrated_coverage, "")):
            if cov is None:
                continue
            pts = " ".join(f"{px(int(lv) / 100):.1f},{py(cov.share[lv]):.1f}" for lv in LEVELS)
            parts.append(f'<polyline points="{pts}" fill="none" stroke="{_colour(i)}" '
                         f'stroke-width="1.6" stroke-dasharray="{dash}"/>')
        parts.append(f'<text x="{size + 4}" y="{pad + 14 * i}" fill="{_colour(i)}">'
                     f'{html.escape(s.model)}</text>')
    parts.append(f'<text x="{size + 4}" y="{pad + 14 * len(r.models) + 10}">dashed: input '
                 'only</text>'
                 f'<text x="{size + 4}" y="{pad + 14 * len(r.models) + 24}">solid: calibrated'
                 '</text></svg>')
    return "".join(parts)


def _html_table(head: list[str], rows: list[list[str]]) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


STYLE = ("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
         "table{border-collapse:collapse;font-size:13px;margin:1em 0}"
         "td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}"
         "td:first-child,th:first-child{text-align:left}")


def render_html(r: BacktestReport, title: str = "accord backtest") -> str:
    """The report as one HTML page (no external resources)."""
    sections = [f"<h1>{html.escape(title)}</h1>",
                f"<p>{r.cases} cases, {r.issues - r.no_outcome} issues with an outcome. "
                f"Calibrated intervals: {html.escape(r.calibration)}.</p>",
                f"<p>{html.escape(LEGEND)}</p>"]
    for title, head, rows in (accuracy(r), coverage(r)):
        sections.append(f"<h2>{html.escape(title)}</h2>" + _html_table(head, rows))
    sections += ["<h2>Errors per model</h2>", error_chart(r),
                 "<p>One dot per issue: forecast − outcome in points; the black bar is the "
                 "model's bias (mean error).</p>",
                 "<h2>Calibration: nominal against observed coverage</h2>",
                 calibration_chart(r),
                 "<p>Share of outcomes inside the 50/80/95% intervals; on the diagonal, "
                 "80% means 80%.</p>", "<h2>Notes</h2><ul>",
                 *(f"<li>{html.escape(n)}</li>" for n in r.notes), "</ul>",
                 "<h2>Per issue</h2>", _html_table(*per_issue(r)[1:]),
                 f"<p>accord {__version__}</p>"]
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>'
            f"{html.escape(title)}</title><style>{STYLE}</style></head><body>"
            + "\n".join(sections) + "</body></html>\n")
