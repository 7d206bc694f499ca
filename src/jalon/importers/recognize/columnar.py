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
from dataclasses import dataclass, field

from ..blocks import Line
from ..textutil import clean, join_lines, list_item
from . import columns as C
from .codes import read_code
from .items import continues, new_item, vocabulary
from .layout import ORIENTATION_RE

_SEGMENT = re.compile(r"\S+(?: \S+)*")
_TOLERANCE = 3


@dataclass
class _Group:
    lines: list[int] = field(default_factory=list)
    cols: dict[int, list[str]] = field(default_factory=dict)


@dataclass
class _Block:
    objective: list[str] = field(default_factory=list)
    groups: list[_Group] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def grid_header(text: str) -> tuple[list[int], list[str]] | None:
    """Column starts and roles of a header line whose headings are spaced apart."""
    segs = [(m.start(), m.group(0)) for m in _SEGMENT.finditer(text)]
    if len(segs) < 2:
        return None
    roles: list[str] = []
    for _, seg in segs:
        role = C.role_of_header(seg)
        if role is None:
            return None
        roles.append(role)
    if C.ACTION not in roles and C.OBJECTIVE not in roles:
        return None
    if len(set(roles)) < 2:
        return None
    return [s for s, _ in segs], roles


def columnize(lines: list[Line]) -> list[Line] | None:
    """The lines with each columned region replaced by table rows; None if there is none."""
    common = vocabulary([ln.text for ln in lines if ln.cells is None])
    out: list[Line] = []
    changed = False
    table = 1000
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        header = grid_header(line.text) if line.cells is None else None
        if header is None:
            out.append(line)
            i += 1
            continue
        changed = True
        table += 1
        starts, roles = header
        out.append(
            Line(
                text=clean(line.text),
                number=line.number,
                where=line.where,
                page=line.page,
                cells=[clean(m.group(0)) for m in _SEGMENT.finditer(line.text)],
                table=table,
            )
        )
        j = i + 1
        region: list[tuple[int, dict[int, str]]] = []
        while j < n:
            ln = lines[j]
            if ln.cells is not None:
                break
            if not ln.text.strip():
                j += 1
                continue
            if ORIENTATION_RE.match(ln.text) or grid_header(ln.text) is not None:
                break
            cols = _cut(ln.text, starts)
            if cols is None:
                break
            region.append((j, cols))
            j += 1
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
        i = j
    return out if changed else None


def _cut(text: str, starts: list[int]) -> dict[int, str] | None:
    """The line's runs of text by column; None for a line that ignores the grid."""
    cols: dict[int, str] = {}
    segs = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: {1,2}(?=\S)\S+)*", text)]
    if not segs:
        return {}
    for start, seg in segs:
        k = 0
        for c, s in enumerate(starts):
            if start + _TOLERANCE >= s:
                k = c
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
    obj_col = roles.index(C.OBJECTIVE) if C.OBJECTIVE in roles else None
    act_col = roles.index(C.ACTION) if C.ACTION in roles else None
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
                if k == act_col:
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
