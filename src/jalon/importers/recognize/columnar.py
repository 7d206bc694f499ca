"""Text laid out in columns (PDF text extracted "with layout", OCR of a designed page).

When a header line names several columns separated by runs of spaces ("OBJECTIFS    ACTIONS
   RESPONSABLES    ÉCHÉANCE"), the lines below it are cut at those positions: each run of text
goes to the column whose heading starts at or just before it. Rows are then rebuilt: an
objective starts where its column starts a new sentence, an action where its column starts
a bullet, a number or a new sentence; the other columns' lines go with the action on whose
lines they stand. The result is a list of table rows that the table recognizer reads as it
reads a DOCX table.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..blocks import Line
from ..textutil import clean, join_lines, list_item
from . import columns
from .codes import read_code
from .items import continues, new_item, vocabulary
from .layout import ORIENTATION_RE, URL_RE
from .tables import recognize_tables
from .view import Reading, View, make_view

_SEGMENT = re.compile(r"\S+(?: \S+)*")
_TOLERANCE = 3
_INNER_CODE = re.compile(r"(?<=[^\W\d_]) (?=\d{1,3}(?:\.\d{1,3}){1,4}\.? [A-ZÀ-Ý])")


@dataclass
class _Group:
    lines: list[int] = field(default_factory=list)
    cols: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class _Block:
    objective: list[str] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def grid_header(text: str, below: str = "") -> tuple[list[int], list[str]] | None:
    """Column starts and roles of a header line whose headings are spaced apart. `below` is
    the next line: a heading written over two lines ("RÉSULTATS" over "ATTENDUS", "2024-"
    over "2025") is read whole when the second line only continues headings."""
    segs = [(m.start(), m.group(0)) for m in _SEGMENT.finditer(text)]
    if len(segs) < 2:
        return None
    more = _header_continuation(segs, below)
    roles: list[str] = []
    for k, (_, seg) in enumerate(segs):
        role = columns.role_of_header(seg)
        if role is None and k in more:
            role = columns.role_of_header(_join_heading(seg, more[k]))
        if role is None:
            return None
        roles.append(role)
    if columns.ACTION not in roles and columns.OBJECTIVE not in roles:
        return None
    if len(set(roles)) < 2:
        return None
    return [s for s, _ in segs], roles


def _join_heading(top: str, bottom: str) -> str:
    return top + bottom if top.endswith(("-", "–")) else f"{top} {bottom}"


def _header_continuation(segs: list[tuple[int, str]], below: str) -> dict[int, str]:
    """The runs of `below` that continue the header's headings, by heading; empty when
    `below` holds anything that does not stand under a heading."""
    if not below.strip():
        return {}
    starts = [s for s, _ in segs]
    ends = [s + len(t) for s, t in segs]
    found: dict[int, str] = {}
    for m in _SEGMENT.finditer(below):
        near = [
            c
            for c in range(len(starts))
            if starts[c] - _TOLERANCE <= m.start() <= ends[c] + _TOLERANCE
        ]
        k = min(near, key=lambda c: abs(starts[c] - m.start())) if near else None
        if k is None or k in found or len(m.group(0)) > 30:
            return {}
        found[k] = m.group(0)
    # the first row of the table stands under the headings too: a continuation must leave
    # each heading it lengthens still a heading
    if any(columns.role_of_header(_join_heading(segs[k][1], t)) is None for k, t in found.items()):
        return {}
    return found


_FOOTER_NUMBER = re.compile(
    r"\S\s{3,}((?:page\s*)?\d{1,4}(?:\s*(?:de|sur|/|of)\s*\d{1,4})?)\s*$", re.I
)


def _footer_key(text: str) -> str:
    m = _FOOTER_NUMBER.search(text)
    return clean(text[: m.start(1)]).lower() if m else ""


def _is_page_footer(text: str, repeated: set[str]) -> bool:
    """A running footer: text then a page number far to the right ("… Page 2 de 3"), or the
    same text closing several pages with a bare number."""
    m = _FOOTER_NUMBER.search(text)
    if not m:
        return False
    if re.search(r"(?:page\s*\d|\d\s*(?:de|sur|/|of)\s*\d)", m.group(1), re.I):
        return True
    return _footer_key(text) in repeated


def _cut_runs(text: str) -> list[str]:
    return re.findall(r"\S+(?: {1,2}\S+)*", text)


def columnize(lines: list[Line]) -> list[Line] | None:
    """The lines with each columned region replaced by table rows; None if there is none."""
    common = vocabulary([ln.text for ln in lines if ln.cells is None])
    keys = Counter(_footer_key(ln.text) for ln in lines if ln.cells is None)
    repeated = {k for k, c in keys.items() if k and c >= 2}
    out: list[Line] = []
    changed = False
    table = 1000
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        below = lines[i + 1].text if i + 1 < n and lines[i + 1].cells is None else ""
        header = grid_header(line.text, below) if line.cells is None else None
        if header is None:
            out.append(line)
            i += 1
            continue
        changed = True
        table += 1
        starts, roles = header
        j = i + 1
        headings = _SEGMENT.findall(line.text)
        more = _header_continuation(list(zip(starts, headings, strict=True)), below)
        if more:
            j += 1
            headings = [
                _join_heading(h, more[k]) if k in more else h for k, h in enumerate(headings)
            ]
        out.append(
            Line(
                text=clean(" ".join(headings)),
                number=line.number,
                where=line.where,
                page=line.page,
                cells=[clean(h) for h in headings],
                table=table,
            )
        )
        region: list[tuple[int, dict[int, str]]] = []

        while j < n:
            ln = lines[j]
            if ln.cells is not None:
                break
            if not ln.text.strip():
                j += 1
                continue
            m = ORIENTATION_RE.match(ln.text)
            if m:
                # a full-width orientation row inside the table: a row of its own, with its
                # title on the lines below when the heading line holds only the number
                _flush(out, lines, region, roles, common, table)
                parts = [clean(ln.text)]
                k = j + 1
                if not clean(ln.text[m.end() :]):
                    while k < n and lines[k].cells is None and lines[k].text.strip():
                        nxt = lines[k + 1].text if k + 1 < n else ""
                        if grid_header(lines[k].text, nxt) or len(_cut_runs(lines[k].text)) > 1:
                            break
                        parts.append(clean(lines[k].text))
                        k += 1
                text = join_lines(parts)
                out.append(
                    Line(
                        text=text,
                        number=ln.number,
                        where=ln.where,
                        page=ln.page,
                        cells=[text] + [""] * (len(roles) - 1),
                        table=table,
                    )
                )
                j = k
                continue
            nxt = lines[j + 1].text if j + 1 < n and lines[j + 1].cells is None else ""
            again = grid_header(ln.text, nxt)
            if again is not None:
                if again[1] != roles:
                    break
                # the header repeated at the top of a page
                _flush(out, lines, region, roles, common, table)
                j += (
                    2
                    if _header_continuation(
                        list(zip(again[0], _SEGMENT.findall(ln.text), strict=True)), nxt
                    )
                    else 1
                )
                continue
            if _is_page_footer(ln.text, repeated) or URL_RE.match(ln.text):
                _flush(out, lines, region, roles, common, table)
                out.append(ln)
                j += 1
                continue
            cols = _cut(ln.text, starts)
            if cols is None:
                break
            region.append((j, cols))
            j += 1
        _flush(out, lines, region, roles, common, table)
        i = j
    return out if changed else None


def _flush(
    out: list[Line],
    lines: list[Line],
    region: list[tuple[int, dict[int, str]]],
    roles: list[str],
    common: frozenset[str],
    table: int,
) -> None:
    """The region's lines, read so far, appended to `out` as table rows; region emptied."""
    for row in _rows(region, roles, common):
        first = lines[row[0]]
        out.append(
            Line(
                text=" ".join(c for c in row[1] if c),
                number=first.number,
                where=first.where,
                page=first.page,
                cells=row[1],
                table=table,
            )
        )
    region.clear()


def _cut(text: str, starts: list[int]) -> dict[int, str] | None:
    """The line's runs of text by column; None for a line that ignores the grid."""
    cols: dict[int, str] = {}
    segs: list[tuple[int, str]] = []
    for m in re.finditer(r"\S+(?: (?=\S)\S+)*", text):
        # "…un accès 1.1.1 Mettre…": a code inside a run starts the next column's cell
        pieces = _INNER_CODE.split(m.group(0))
        at = m.start()
        for piece in pieces:
            at = text.index(piece, at)
            segs.append((at, piece))
            at += len(piece)
    if not segs:
        return {}
    last = -1
    end = -10
    for start, seg in segs:
        narrow = start - end <= 2  # runs two spaces apart: one column unless the grid says
        end = start + len(seg)
        # the column whose heading starts nearest: OCR and "layout" extraction shift text
        # by a few characters, never past the middle of two headings
        k = min(range(len(starts)), key=lambda c: (abs(starts[c] - start), -c))
        if start + _TOLERANCE < starts[k] and k > 0 and k - 1 != last:
            left = starts[k - 1]
            if start - left < starts[k] - start:
                k -= 1
        if k <= last and narrow:
            k = last
        elif k <= last and last + 1 < len(starts):
            k = last + 1  # two runs in one column: the second is the next column's
        last = k
        # a run that crosses the next column's start by far is a paragraph, not a cell
        if (
            k + 1 < len(starts)
            and start + len(seg) > starts[k + 1] + 12
            and len(segs) == 1
            and start < 2
        ):
            return None
        cols[k] = f"{cols[k]} {seg}" if k in cols else seg
    return cols


def _rows(
    region: list[tuple[int, dict[int, str]]], roles: list[str], common: frozenset[str]
) -> list[tuple[int, list[str]]]:
    obj_col = roles.index(columns.OBJECTIVE) if columns.OBJECTIVE in roles else None
    act_col = roles.index(columns.ACTION) if columns.ACTION in roles else None
    blocks: list[_Block] = []
    block: _Block | None = None
    group: _Group | None = None
    for idx, cols in region:
        obj = cols.get(obj_col) if obj_col is not None else None
        act = cols.get(act_col) if act_col is not None else None
        if obj is not None and (
            block is None or _starts_item(block.objective, obj, common, strict=True)
        ):
            block = _Block()
            blocks.append(block)
            group = None
        if block is None:
            block = _Block()
            blocks.append(block)
        if act is not None and (
            group is None
            or _starts_item(group.cols.get(act_col or 0, []), act, common, strict=False)
        ):
            group = _Group()
            block.groups.append(group)
        if group is None:
            group = _Group()
            block.groups.append(group)
        block.lines.append(idx)
        group.lines.append(idx)
        for k, text in cols.items():
            if k == obj_col:
                block.objective.append(text)
            else:
                if k == act_col:
                    item = list_item(text)
                    text = item if item is not None else text
                group.cols.setdefault(k, []).append(text)
    rows: list[tuple[int, list[str]]] = []
    for b in blocks:
        for g, grp in enumerate(b.groups):
            cells = [""] * len(roles)
            if obj_col is not None and g == 0:
                cells[obj_col] = join_lines(b.objective)
            for k, texts in grp.cols.items():
                if k == act_col or roles[k] in (columns.STATUS, columns.SCHEDULE):
                    cells[k] = join_lines(texts)
                else:
                    cells[k] = "\n".join(clean(t) for t in texts)
            first = grp.lines[0] if grp.lines else b.lines[0]
            rows.append((first, cells))
    return rows


def _starts_item(previous: list[str], text: str, common: frozenset[str], *, strict: bool) -> bool:
    if not previous:
        return True
    if list_item(text) is not None or read_code(text) is not None:
        return True
    prev = previous[-1]
    if continues(prev, text):
        return False
    return new_item(prev, text, None, common) if strict else not continues(prev, text)


class ColumnsRecognizer:
    """Text laid out in columns: the lines are cut at the header's column starts into table
    rows, which the tables recognizer then reads."""

    name = "columns"
    prefers_known_cells = 2.5

    def applies(self, view: View) -> bool:
        return view.fmt in ("text", "pdf")

    def recognize(self, view: View) -> Reading | None:
        columned = columnize(view.lines)
        if columned is None:
            return None
        cview = make_view(columned, view.fmt)
        rec = recognize_tables(cview.layout, cview.used, fmt=view.fmt)
        if rec is None:
            return None
        rec.name = "text-columns"
        return Reading(self.name, rec, cview)
