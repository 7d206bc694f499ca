"""Pages set in two text columns (cards side by side, a designed page), read left then right.

A PDF's text, OCR or `pdftotext -layout` gives each line of such a page as the left column's
line, a wide gap, then the right column's line ("1. Préparer un plan   3. Adopter une
politique"). Where a page has a right column — lines that start far right at about the same
position, and lines whose text goes on after a wide gap — each region of the page between
full-width lines is read as its left column, then its right column. The outline recognizer
then reads the rebuilt lines. Nothing here depends on the words: only positions and gaps.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..blocks import Line
from .outline import recognize_outline
from .view import Reading, View, make_view

_GAP = re.compile(r"\S {3,}(?=\S)")
_MIN_START = 20  # a right column starts at least this many characters in
_TOLERANCE = 4


def _right_start(lines: list[Line]) -> int | None:
    """Where the page's right column starts, from lines that start there and text that
    resumes there after a wide gap; None when the page has no right column."""
    starts: Counter[int] = Counter()
    for line in lines:
        if line.cells is not None or not line.text.strip():
            continue
        indent = len(line.text) - len(line.text.lstrip(" "))
        if indent >= _MIN_START:
            starts[indent // 2] += 1
        for m in _GAP.finditer(line.text):
            if m.end() >= _MIN_START:
                starts[m.end() // 2] += 1
    if not starts:
        return None
    bucket, count = starts.most_common(1)[0]
    near = sum(c for b, c in starts.items() if abs(b - bucket) <= 1)
    return bucket * 2 if near >= 4 and count >= 2 else None


def _split(line: Line, x: int) -> tuple[str | None, str | None] | None:
    """(left, right) parts of a line, or None for a full-width line."""
    text = line.text.rstrip()
    indent = len(text) - len(text.lstrip(" "))
    if indent >= x - _TOLERANCE:
        return None, text[indent:]
    gaps = list(_GAP.finditer(text))
    if gaps:
        # the gap nearest the column start; extraction that collapses gaps puts it earlier
        m = min(gaps, key=lambda g: abs(g.end() - x))
        return text[: m.start() + 1], text[m.end() :]
    if len(text) <= x + 2:
        return text, None
    return None


def split_columns(lines: list[Line]) -> list[Line] | None:
    """The lines with each two-column region read left column first; None if no page has
    two columns."""
    out: list[Line] = []
    changed = False
    pages: dict[int | None, list[int]] = {}
    for i, line in enumerate(lines):
        pages.setdefault(line.page, []).append(i)
    for _, idx in sorted(pages.items(), key=lambda kv: kv[1][0]):
        page = [lines[i] for i in idx]
        x = _right_start(page)
        if x is None:
            out.extend(page)
            continue
        region_left: list[Line] = []
        region_right: list[Line] = []
        region: list[Line] = []  # the lines as read, kept when the region has no right column
        rights = 0

        def flush(
            region: list[Line] = region,
            region_left: list[Line] = region_left,
            region_right: list[Line] = region_right,
        ) -> None:
            nonlocal rights, changed
            if rights >= 3:
                out.extend(region_left)
                out.extend(region_right)
                changed = True
            else:
                out.extend(region)
            region.clear()
            region_left.clear()
            region_right.clear()
            rights = 0

        for line in page:
            if line.cells is not None:
                flush()
                out.append(line)
                continue
            if not line.text.strip():
                region.append(line)
                region_left.append(line)
                region_right.append(line)
                continue
            parts = _split(line, x)
            if parts is None:
                flush()
                out.append(line)
                continue
            left, right = parts
            region.append(line)
            # extraction keeps no indentation for the text after a gap: both columns are
            # read flush left, so their bullets and labels stand at the same level
            if left is not None:
                region_left.append(replace(line, text=left.strip(), indent=0))
            if right is not None:
                rights += 1
                region_right.append(replace(line, text=right.strip(), indent=0))
        flush()
    if not changed:
        return None
    # blank lines were given to both columns: keep one of each run
    cleaned: list[Line] = []
    for line in out:
        if (
            cleaned
            and not line.text.strip()
            and not cleaned[-1].text.strip()
            and line.cells is None
        ):
            continue
        cleaned.append(line)
    return cleaned


class TwoColumnRecognizer:
    """Text set in two columns on a page: rebuilt left then right, then read as an outline."""

    name = "two-columns"
    prefers_known_cells = 0.0

    def applies(self, view: View) -> bool:
        return view.fmt in ("text", "pdf")

    def recognize(self, view: View) -> Reading | None:
        rebuilt = split_columns(view.lines)
        if rebuilt is None:
            return None
        cview = make_view(rebuilt, view.fmt)
        rec = recognize_outline(cview.layout, cview.used)
        rec.name = "outline-two-columns"
        return Reading(self.name, rec, cview)
