"""Horizontal bar charts drawn on the server as SVG, for the results page (no script, no style
attribute: the page's CSS colours them through classes). The reports' chart code sits above
surveys in the layers, so this small drawing lives here; a table beside each chart says the same."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

WIDTH = 480
ROW = 26
LABEL = 190


def bar_chart(title: str, rows: Sequence[tuple[str, int, Decimal | None]]) -> str:
    """One bar per answer, its length the share of respondents, with count and share written."""
    height = ROW * len(rows) + 8
    room = WIDTH - LABEL - 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="survey-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">'
    ]
    for i, (label, count, share) in enumerate(rows):
        y = 4 + i * ROW
        length = 0 if share is None else float(share) / 100 * room
        short = label if len(label) <= 30 else label[:29] + "…"
        shown = f"{count} ({str(share).replace('.', ',')} %)" if share is not None else str(count)
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + 16}" text-anchor="end" class="survey-chart__label">'
            f"{escape(short)}</text>"
            f'<rect x="{LABEL}" y="{y + 3}" width="{length:.1f}" height="{ROW - 8}" '
            f'class="survey-chart__bar"/>'
            f'<text x="{LABEL + length + 4:.1f}" y="{y + 16}" class="survey-chart__value">'
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)
