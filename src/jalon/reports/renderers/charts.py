"""Charts drawn once as a list of shapes, written out as SVG (page, PDF) or PNG (Word).

No script and no style attribute (the pages run under a strict CSP): colours are presentation
attributes. Every chart is also told in words (`description`: the SVG's <desc>, the image's
alternative text in Word) and the numbers it draws are in a table next to it, so colour never
carries meaning alone.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from jalon.reports import text
from jalon.reports.data import AssessmentCount, IndicatorTrend, StatusSummary

STATUS_COLOURS = {
    "completed": "#1e6b3a",
    "in_progress": "#1d4f91",
    "in_preparation": "#6f9fd8",
    "not_started": "#8c969f",
    "postponed": "#b7791f",
    "abandoned": "#a4161a",
    "": "#d5dbe1",
}
ASSESSMENT_COLOURS = {
    "achieved": "#1e6b3a",
    "on_track": "#1d4f91",
    "at_risk": "#b7791f",
    "off_track": "#a4161a",
    "not_achieved": "#a4161a",
    "followed": "#6f9fd8",
    "not_tracked": "#d5dbe1",
    "no_data": "#8c969f",
    "": "#d5dbe1",
}
OTHER_COLOURS = ["#1e6b3a", "#1d4f91", "#b7791f", "#a4161a", "#6f9fd8", "#8c969f"]
INK = "#1b1f24"
FONT_FAMILY = "Liberation Sans, DejaVu Sans, sans-serif"
FONT_FILES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
# The assessment marks (✓ ✗ →) are not in Liberation Sans; DejaVu Sans has them.
SYMBOL_FONT_FAMILY = "DejaVu Sans, sans-serif"
SYMBOL_FONT_FILES = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",)
# Each assessment has a mark written beside its bar, so the chart reads in greyscale and for
# colour-blind readers: colour only repeats what the mark says.
ASSESSMENT_MARKS = {
    "achieved": "✓",
    "on_track": "→",
    "at_risk": "!",
    "off_track": "✗",
    "no_data": "?",
    "": "·",
}
FONT_SIZE = 11
# The most indicators one trend chart shows; more are split over several charts.
TREND_ROWS = 14


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # baseline
    text: str
    anchor: str = "start"  # or "end"
    bold: bool = False
    symbol: bool = False  # drawn with the symbol font (assessment marks)


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    width: int
    height: int
    shapes: tuple[Rect | Label, ...]

    @property
    def svg(self) -> SafeString:
        parts = [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" '
            f'aria-label="{escape(self.title)}" class="chart">',
            f"<title>{escape(self.title)}</title>",
            f"<desc>{escape(self.description)}</desc>",
        ]
        for shape in self.shapes:
            if isinstance(shape, Rect):
                parts.append(
                    f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.w:.1f}" '
                    f'height="{shape.h:.1f}" fill="{shape.fill}"/>'
                )
            else:
                weight = ' font-weight="bold"' if shape.bold else ""
                family = SYMBOL_FONT_FAMILY if shape.symbol else FONT_FAMILY
                parts.append(
                    f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{FONT_SIZE}" '
                    f'font-family="{family}" fill="{INK}" text-anchor="{shape.anchor}"'
                    f"{weight}>{escape(shape.text)}</text>"
                )
        parts.append("</svg>")
        return mark_safe("".join(parts))

    def png(self, scale: int = 3) -> bytes:
        """The same drawing as a PNG image, `scale` pixels per unit (sharp when printed)."""
        from PIL import Image, ImageDraw

        image = Image.new("RGB", (self.width * scale, self.height * scale), "white")
        draw = ImageDraw.Draw(image)
        font = _font(FONT_SIZE * scale)
        symbols = _font(FONT_SIZE * scale, symbol=True)
        for shape in self.shapes:
            if isinstance(shape, Rect):
                draw.rectangle(
                    [
                        shape.x * scale,
                        shape.y * scale,
                        (shape.x + shape.w) * scale - 1,
                        (shape.y + shape.h) * scale - 1,
                    ],
                    fill=shape.fill,
                )
            else:
                anchor = "rs" if shape.anchor == "end" else "ls"
                draw.text(
                    (shape.x * scale, shape.y * scale),
                    shape.text,
                    fill=INK,
                    font=symbols if shape.symbol else font,
                    anchor=anchor,
                    stroke_width=1 if shape.bold else 0,
                    stroke_fill=INK,
                )
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()


@cache
def _font(size: int, symbol: bool = False):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    for path in SYMBOL_FONT_FILES + FONT_FILES if symbol else FONT_FILES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def text_width(value: str) -> float:
    return float(_font(FONT_SIZE).getlength(value))


def _shorten(value: str, room: float) -> str:
    if text_width(value) <= room:
        return value
    while value and text_width(value + "…") > room:
        value = value[:-1]
    return value.rstrip() + "…"


def _legend(
    entries: Sequence[tuple[str, str]], width: float, marks: Sequence[str] = ()
) -> tuple[list[Rect | Label], float]:
    """Legend swatches (with the entry's mark, when given) wrapped to the width; returns the
    shapes and the height used."""
    shapes: list[Rect | Label] = []
    x = y = 0.0
    for i, (name, colour) in enumerate(entries):
        mark = marks[i] if i < len(marks) else ""
        mark_w = 14.0 if mark else 0.0
        room = 18 + mark_w + text_width(name) + 14
        if x and x + room > width:
            x, y = 0.0, y + 18
        shapes.append(Rect(x, y + 3, 12, 12, colour))
        if mark:
            shapes.append(Label(x + 16, y + 13, mark, bold=True, symbol=True))
        shapes.append(Label(x + 16 + mark_w, y + 13, name))
        x += room
    return shapes, (y + 24 if entries else 0)


def bar_rows(
    title: str,
    rows: Sequence[tuple[str, Sequence[tuple[str, int, str]]]],
    description: str,
    *,
    width: int = 680,
) -> Chart:
    """Horizontal stacked bars: one row per label, segments (name, count, colour)."""
    label_w, bar_h, gap = 250.0, 18.0, 9.0
    bar_w = width - label_w - 40
    names: dict[str, str] = {}
    for _, segments in rows:
        for name, count, colour in segments:
            if count:
                names.setdefault(name, colour)
    shapes, top = _legend(list(names.items()), width)
    largest = max((sum(c for _, c, _ in segs) for _, segs in rows), default=0) or 1
    for i, (label, segments) in enumerate(rows):
        y = top + i * (bar_h + gap)
        shapes.append(Label(0, y + 13, _shorten(label, label_w - 8)))
        offset = label_w
        total = 0
        for _name, count, colour in segments:
            if not count:
                continue
            w = bar_w * count / largest
            shapes.append(Rect(offset, y, w, bar_h, colour))
            offset += w
            total += count
        shapes.append(Label(offset + 6, y + 13, str(total)))
    height = int(top + len(rows) * (bar_h + gap) + 4)
    return Chart(title, description, width, height, tuple(shapes))


def status_chart(rows: Sequence[tuple[str, StatusSummary]], summary: StatusSummary) -> Chart:
    """Actions by status, one bar per orientation."""
    statuses = [c.status for c in summary.counts if c.count]
    bars = [
        (
            label,
            [
                (text.status_label(s), row.count(s), STATUS_COLOURS.get(s, "#8c969f"))
                for s in statuses
            ],
        )
        for label, row in rows
    ]
    sentences = [
        label
        + text.colon()
        + (
            ", ".join(f"{name.lower()} {count}" for name, count, _ in segs if count)
            or gettext("aucune action")
        )
        + "."
        for label, segs in bars
    ]
    return bar_rows(gettext("Actions par état et par orientation"), bars, " ".join(sentences))


def assessment_chart(counts: Sequence[AssessmentCount], title: str | None = None) -> Chart | None:
    if not any(c.count for c in counts):
        return None
    bars = []
    for i, c in enumerate(counts):
        label = c.label or gettext("Sans appréciation")
        colour = ASSESSMENT_COLOURS.get(c.assessment, OTHER_COLOURS[i % len(OTHER_COLOURS)])
        bars.append((label, [(label, c.count, colour)]))
    description = "; ".join(f"{label}{text.colon()}{segs[0][1]}" for label, segs in bars) + "."
    return bar_rows(title or gettext("Indicateurs par appréciation"), bars, description)


def _number(value: float) -> str:
    return text.number(value)


def trend_charts(trends: Sequence[IndicatorTrend], years: Sequence[int]) -> list[Chart]:
    """Indicators measured in at least two plan years: per indicator, one bar per year scaled
    to the indicator's own largest value (their units differ), coloured by that year's
    assessment, with the value written next to it. Split in charts of TREND_ROWS indicators."""
    shown = [t for t in trends if len(t.measured) >= 2]
    charts = []
    for start in range(0, len(shown), TREND_ROWS):
        part = shown[start : start + TREND_ROWS]
        title = gettext("Évolution des indicateurs d'une année à l'autre")
        if len(shown) > TREND_ROWS:
            title += f" ({start // TREND_ROWS + 1}/{(len(shown) - 1) // TREND_ROWS + 1})"
        charts.append(_trend_chart(title, part, years))
    return charts


def _trend_chart(title: str, trends: Sequence[IndicatorTrend], years: Sequence[int]) -> Chart:
    width = 680
    label_w, row_h, gap = 250.0, 16.0, 12.0
    cell_w = (width - label_w) / max(len(years), 1)
    used: dict[str, tuple[str, str]] = {}
    for trend in trends:
        for measured in trend.measured:
            used.setdefault(
                measured.assessment_label or gettext("Sans appréciation"),
                (
                    ASSESSMENT_COLOURS.get(measured.assessment, "#d5dbe1"),
                    ASSESSMENT_MARKS.get(measured.assessment, ASSESSMENT_MARKS[""]),
                ),
            )
    shapes, top = _legend(
        [(name, colour) for name, (colour, _) in used.items()],
        width,
        [mark for _, mark in used.values()],
    )
    for j, year in enumerate(years):
        shapes.append(
            Label(label_w + j * cell_w, top + 12, gettext("An %(n)s") % {"n": year}, bold=True)
        )
    top += 20
    sentences = []
    for i, trend in enumerate(trends):
        y = top + i * (row_h + gap)
        code = trend.action.code
        label = f"{code} · {trend.indicator.text}" if code else trend.indicator.text
        shapes.append(Label(0, y + 12, _shorten(label, label_w - 8)))
        largest = max((p.value or 0.0) for p in trend.measured) or 1.0
        by_year = {p.year: p for p in trend.points}
        parts = []
        for j, year in enumerate(years):
            point = by_year.get(year)
            x = label_w + j * cell_w
            if point is None or point.value is None:
                shapes.append(Label(x, y + 12, "—"))
                continue
            value_label = _number(point.value)
            room = cell_w - text_width(value_label) - 26
            w = max(room * max(point.value, 0.0) / largest, 1.0)
            shapes.append(Rect(x, y, w, row_h, ASSESSMENT_COLOURS.get(point.assessment, "#d5dbe1")))
            mark = ASSESSMENT_MARKS.get(point.assessment, ASSESSMENT_MARKS[""])
            shapes.append(Label(x + w + 3, y + 12, mark, bold=True, symbol=True))
            shapes.append(Label(x + w + 15, y + 12, value_label))
            parts.append(
                gettext("an %(n)s %(value)s")
                % {"n": year, "value": point.value_text or value_label}
                + (f" ({point.assessment_label.lower()})" if point.assessment_label else "")
            )
        sentences.append(trend.indicator.text + text.colon() + ", ".join(parts) + ".")
    height = int(top + len(trends) * (row_h + gap) + 2)
    return Chart(title, " ".join(sentences), width, height, tuple(shapes))
