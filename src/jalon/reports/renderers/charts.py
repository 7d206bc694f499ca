"""Charts as SVG drawn here, for the page and the PDF alike, each with its text alternative.

No script and no style attribute (the pages run under a strict CSP): colours are presentation
attributes. Every chart is also told in words (`description`), and the numbers it draws are in
a table next to it, so colour never carries meaning alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from jalon.reports import text
from jalon.reports.data import AnnualReport

STATUS_COLOURS = {
    "completed": "#1e6b3a",
    "in_progress": "#1d4f91",
    "in_preparation": "#6f9fd8",
    "not_started": "#8c969f",
    "postponed": "#b7791f",
    "abandoned": "#a4161a",
    "": "#d5dbe1",
}
ASSESSMENT_COLOURS = ["#1e6b3a", "#1d4f91", "#b7791f", "#a4161a", "#6f9fd8", "#8c969f"]


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    svg: SafeString


def _bar_rows(
    title: str,
    rows: list[tuple[str, list[tuple[str, int, str]]]],
    description: str,
    *,
    width: int = 640,
) -> Chart:
    """Horizontal stacked bars: one row per label, segments (name, count, colour)."""
    label_w, bar_h, gap, legend_h = 230, 18, 10, 24
    bar_w = width - label_w - 50
    names: dict[str, str] = {}
    for _, segments in rows:
        for name, count, colour in segments:
            if count:
                names.setdefault(name, colour)
    height = legend_h + len(rows) * (bar_h + gap) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(description)}</desc>",
    ]
    x = 0
    for name, colour in names.items():
        parts.append(f'<rect x="{x}" y="4" width="12" height="12" fill="{colour}"/>')
        parts.append(
            f'<text x="{x + 16}" y="14" font-size="11" font-family="Liberation Sans, DejaVu Sans, sans-serif" fill="#1b1f24">{escape(name)}</text>'
        )
        x += 22 + 7 * len(name)
    largest = max((sum(c for _, c, _ in segs) for _, segs in rows), default=0) or 1
    for i, (label, segments) in enumerate(rows):
        y = legend_h + i * (bar_h + gap)
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="11" font-family="Liberation Sans, DejaVu Sans, sans-serif" fill="#1b1f24">{escape(short)}</text>'
        )
        offset = float(label_w)
        total = 0
        for _name, count, colour in segments:
            if not count:
                continue
            w = bar_w * count / largest
            parts.append(
                f'<rect x="{offset:.1f}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{colour}"/>'
            )
            offset += w
            total += count
        parts.append(
            f'<text x="{offset + 6:.1f}" y="{y + 13}" font-size="11" font-family="Liberation Sans, DejaVu Sans, sans-serif" fill="#1b1f24">{total}</text>'
        )
    parts.append("</svg>")
    return Chart(title=title, description=description, svg=mark_safe("".join(parts)))


def status_chart(report: AnnualReport) -> Chart:
    statuses = [c.status for c in report.summary.counts if c.count]
    rows = [
        (
            text.orientation_heading(o.orientation),
            [(text.status_label(s), o.summary.count(s), STATUS_COLOURS[s]) for s in statuses],
        )
        for o in report.orientations
    ]
    sentences = [
        label
        + text.colon()
        + (
            ", ".join(f"{name.lower()} {count}" for name, count, _ in segs if count)
            or gettext("aucune action")
        )
        + "."
        for label, segs in rows
    ]
    return _bar_rows(gettext("Actions par état et par orientation"), rows, " ".join(sentences))


def assessment_chart(report: AnnualReport) -> Chart | None:
    if not report.indicator_count:
        return None
    rows = [
        (
            c.label or gettext("Sans appréciation"),
            [
                (
                    c.label or gettext("Sans appréciation"),
                    c.count,
                    ASSESSMENT_COLOURS[i % len(ASSESSMENT_COLOURS)] if c.assessment else "#d5dbe1",
                )
            ],
        )
        for i, c in enumerate(report.assessments)
    ]
    description = "; ".join(f"{label}{text.colon()}{segs[0][1]}" for label, segs in rows) + "."
    return _bar_rows(gettext("Indicateurs par appréciation"), rows, description)
