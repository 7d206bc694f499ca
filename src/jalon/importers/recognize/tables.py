"""Plan tables whose cells are known: DOCX and PDF tables, spreadsheets, CSV, tab-separated text.

A header row names the columns (see `columns`); below it each row carries an objective (or
repeats or leaves empty the one above: merged cells), one or several actions (bullets,
numbered lines or paragraphs of one cell), and their actors, schedule (free text or one
column per plan year marked with an X), expected results, indicators and state of progress.
When a row holds several actions, a column cell with as many parts (paragraphs, timing
phrases, status words) as there are actions is shared out in order.

Orientations come from rows with one merged cell ("ORIENTATION 2 : …"), from an orientation
column, or from headings between the tables.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...plans.interchange import ActionDraft, IndicatorDraft, ObjectiveDraft, OrientationDraft
from ..blocks import Line
from ..textutil import (
    bullet_of,
    clean,
    fold,
    is_caps,
    join_lines,
    plan_years,
    split_timings,
    split_trailing_schedule,
    starts_lower,
    status_of,
    status_segments,
    strip_bullet,
)
from . import columns
from .codes import read_code
from .fields import field_of
from .items import continues, split_actors, split_indicators, split_items, status_from
from .layout import ORIENTATION_RE, Layout
from .result import Recognized
from .view import Reading, View, make_view

SOFT_BREAK = "\u2028"
_MARK = re.compile(r"^\s*(?:x|✓|✔|☑|■|●|•|oui|yes|1|\*|v)\s*$", re.IGNORECASE)
_DASH_ITEMS = re.compile(r"(?:^|\s)[-–•▪]\s+(?=\S)")


class _State:
    def __init__(self, rec: Recognized) -> None:
        self.rec = rec
        self.ori: OrientationDraft | None = None
        self.obj: ObjectiveDraft | None = None
        self.obj_key: str | None = None
        self.ori_key: str | None = None
        self.last_action: ActionDraft | None = None
        self.started = False  # a header row has been read

    def orientation(
        self, title: str, code: str | None, lines: list[int], key: str | None = None
    ) -> OrientationDraft:
        o = OrientationDraft(title=title, code=code)
        self.rec.orientations.append(o)
        self.rec.track(o, lines)
        self.ori = o
        self.ori_key = fold(key if key is not None else title)
        self.obj = None
        self.obj_key = None
        return o

    def current_ori(self) -> OrientationDraft:
        if self.ori is None:
            self.ori = OrientationDraft(title="")
            self.rec.orientations.append(self.ori)
        return self.ori

    def objective(self, text: str, lines: list[int]) -> ObjectiveDraft:
        code = read_code(text)
        title = text[code.end :] if code else text
        kind = None
        if code and code.letters:
            kind = {"P": "principal", "S": "secondary"}.get(code.letters)
        ob = ObjectiveDraft(
            title=clean(title), code=(code.code or None) if code else None, kind=kind
        )
        self.current_ori().objectives.append(ob)
        self.rec.track(ob, lines)
        self.obj = ob
        self.obj_key = fold(text)
        return ob

    def current_obj(self) -> ObjectiveDraft:
        if self.obj is None:
            self.obj = ObjectiveDraft(title="")
            self.current_ori().objectives.append(self.obj)
        return self.obj


def recognize_tables(layout: Layout, used: set[int], *, fmt: str) -> Recognized | None:
    rec = Recognized(name="table")
    lines = layout.lines
    state = _State(rec)
    roles: list[str | None] | None = None
    headers: dict[int, list[str | None]] = {}
    i = 0
    n = len(lines)
    rows_seen = 0
    while i < n:
        line = lines[i]
        if i in used or layout.skipped(i):
            i += 1
            continue
        if line.cells is None:
            i = _between(layout, used, i, state, rec)
            continue
        cells = [clean_cell(c) for c in line.cells]
        found = _header_roles(cells)
        if found is not None:
            roles = found
            state.started = True
            headers[line.table or 0] = found
            rec.consumed.add(i)
            i += 1
            continue
        if line.table is not None and line.table in headers:
            roles = headers[line.table]
        if roles is None:
            i += 1
            continue
        if not any(cells):
            rec.consumed.add(i)
            i += 1
            continue
        _row(cells, roles, i, state, rec, line)
        rows_seen += 1
        i += 1
    if not rows_seen:
        return None
    if fmt in ("xlsx", "csv"):
        rec.name = "spreadsheet-rows"
    elif fmt == "text":
        rec.name = "text-table"
    return rec


def clean_cell(text: str) -> str:
    return "\n".join(clean(p) for p in text.split("\n") if clean(p))


# a column of targets beside an indicator: "Cible 2024", "Cible 2025-2026", "Valeur de
# départ", "Target 2025", "2024-2025"
_TARGET_HEAD = re.compile(
    r"(?:(?:cibles?|targets?|valeurs?\s+(?:de\s+d[ée]part|cibles?|vis[ée]es?)|baseline|"
    r"r[ée]sultats?\s+vis[ée]s?|situation\s+de\s+d[ée]part)\s*(?:\(?\s*(?:19|20)\d\d"
    r"(?:\s*[-–/]\s*(?:19|20)?\d\d)?\s*\)?)?|(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?)",
    re.IGNORECASE,
)
TARGET = "target:"  # a target column's role: "target:" and its heading


def _role(cell: str) -> str | None:
    role = columns.role_of_header(cell)
    if role is None and _TARGET_HEAD.fullmatch(clean(cell)):
        return TARGET + clean(cell)
    return role


def _header_roles(cells: list[str]) -> list[str | None] | None:
    roles = [_role(c) if c and len(c) <= 60 else None for c in cells]
    named = [r for r in roles if r]
    filled = [c for c in cells if c]
    if (
        len(set(named)) >= 2
        and (columns.ACTION in named or columns.OBJECTIVE in named)
        and len(named) >= len(filled) - 1
    ):
        return roles
    return None


def _between(layout: Layout, used: set[int], i: int, state: _State, rec: Recognized) -> int:
    """A text line between tables: an orientation heading (with its wrapped lines) or nothing."""
    lines = layout.lines
    text = clean(lines[i].text)
    if not text:
        rec.consumed.add(i)
        return i + 1
    m = ORIENTATION_RE.match(text)
    level = lines[i].heading
    heading = level is not None and level <= 2
    lead = read_code(text)
    if not m and (
        (lead is not None and lead.keyword == "objective")
        or (level is not None and level > _top_heading(layout))
    ):
        # "Objectif 1.1 : …" or a second-level heading between tables: an objective
        members = _wrapped(layout, used, i, text)
        state.objective(join_lines([clean(lines[k].text) for k in members]), members)
        return members[-1] + 1
    field = field_of(strip_bullet(text))
    if not m and field is not None and state.last_action is not None and field[1]:
        _add_field(state.last_action, field[0], field[1])
        rec.track(state.last_action, [i])
        return i + 1
    if (
        not m
        and state.ori is not None
        and (lines[i].list_level is not None or (lead is not None and not lead.keyword))
    ):
        # a numbered list after the tables: more actions of the current objective
        title = text[lead.end :] if lead is not None else text
        a = ActionDraft(title=clean(title), code=(lead.code or None) if lead else None)
        state.current_obj().actions.append(a)
        rec.track(a, [i])
        state.last_action = a
        return i + 1
    # capitals before the first table (an organization's name, a cover page) are no heading
    caps = state.started and is_caps(text) and 8 < len(text) < 200 and not text.endswith(":")
    if m or heading or caps:
        members = [i]
        title = text[m.end() :] if m else text
        code = m.group(1) if m else None
        if not m:
            c = read_code(text)
            if c and not c.letters:
                code, title = c.code or None, text[c.end :]
        j = i + 1
        while j < len(lines) and lines[j].cells is None and j not in used and not layout.skipped(j):
            nxt = clean(lines[j].text)
            if not nxt:
                if title:
                    break
                members.append(j)
                j += 1
                continue
            if title and not (starts_lower(nxt) or continues(title, nxt)):
                break
            if ORIENTATION_RE.match(nxt):
                break
            title = join_lines([title, nxt])
            members.append(j)
            j += 1
        state.orientation(clean(title), code, members)
        return j
    return i + 1


def _top_heading(layout: Layout) -> int:
    """The shallowest heading level of the document's text lines (title styles aside)."""
    levels = [ln.heading for ln in layout.lines if ln.cells is None and ln.heading]
    return min(levels) if levels else 99


def _wrapped(layout: Layout, used: set[int], i: int, text: str) -> list[int]:
    """Line i and the lines that only continue it."""
    lines = layout.lines
    members = [i]
    j = i + 1
    while j < len(lines) and lines[j].cells is None and j not in used and not layout.skipped(j):
        nxt = clean(lines[j].text)
        if not nxt or not (starts_lower(nxt) or continues(text, nxt)):
            break
        members.append(j)
        text = nxt
        j += 1
    return members


def _add_field(a: ActionDraft, name: str, value: str) -> None:
    """A labelled line under an action written outside the tables."""
    value = clean(value)
    if name == "actors":
        a.actors.extend(split_actors([value]))
    elif name == "results":
        a.expected_results.append(value)
    elif name == "indicators":
        a.indicators.extend(IndicatorDraft(text=t, kind=k) for k, t in split_indicators([value]))
    elif name == "schedule":
        a.timing = value
        a.schedule_years = plan_years(value) or None
    elif name == "status":
        a.status, note = status_from([value])
        a.progress_note = note or a.progress_note
    else:
        a.progress_note = value if not a.progress_note else f"{a.progress_note} {value}"


def _row(
    cells: list[str], roles: list[str | None], i: int, state: _State, rec: Recognized, line: Line
) -> None:
    by_role: dict[str, list[str]] = {}
    years: list[int] = []
    others: dict[str, str] = {}
    targets: dict[str, str] = {}
    for k, cell in enumerate(cells):
        role = roles[k] if k < len(roles) else None
        if not cell:
            continue
        if role == columns.YEAR:
            if _MARK.match(cell) or cell.strip().lower() in ("x", "xx"):
                years.append(_year_number(roles, k))
            continue
        if role is None:
            others[f"colonne {k + 1}"] = cell.replace(SOFT_BREAK, " ")
            continue
        if role.startswith(TARGET):
            targets[role[len(TARGET) :]] = clean(cell.replace(SOFT_BREAK, " "))
            continue
        # a line the layout wrapped: joined in titles, left to the item rules elsewhere
        cell = cell.replace(
            SOFT_BREAK,
            " "
            if role in (columns.ACTION, columns.OBJECTIVE, columns.ORIENTATION, columns.CODE)
            else "\n",
        )
        by_role.setdefault(role, []).append(cell)
    filled = [c.replace(SOFT_BREAK, " ") for c in cells if c]
    # a row of one merged cell: an orientation or objective heading
    if len(set(filled)) == 1 and (columns.ACTION not in by_role or ORIENTATION_RE.match(filled[0])):
        text = filled[0]
        m = ORIENTATION_RE.match(text)
        if m or (is_caps(text) and columns.ORIENTATION not in roles):
            state.orientation(clean(text[m.end() :] if m else text), m.group(1) if m else None, [i])
            return
    if len(set(filled)) == 1 and columns.OBJECTIVE not in by_role:
        lead = read_code(filled[0])
        if lead is not None and lead.keyword == "objective":
            # "Objectif 1.1 – …" spanning the table: the objective of the rows below
            state.objective(clean(filled[0]), [i])
            return
    if (
        set(by_role) == {columns.ACTION}
        and len(filled) == 1
        and not years
        and starts_lower(filled[0])
        and state.last_action is not None
        and state.last_action in state.current_obj().actions
    ):
        # the end of the row above, carried over a page break
        a = state.last_action
        a.title = join_lines([a.title, clean(filled[0])])
        rec.track(a, [i])
        return
    if columns.ORIENTATION in by_role:
        text = join_lines(by_role[columns.ORIENTATION])
        if fold(text) != state.ori_key:
            m = ORIENTATION_RE.match(text)
            code = m.group(1) if m else None
            title = text[m.end() :] if m else text
            if not m:
                c = read_code(text)
                if c:
                    code, title = c.code or None, text[c.end :]
            state.orientation(clean(title), code, [i], key=text)
        else:
            rec.track(state.current_ori(), [i])
    new_objective = False
    if columns.OBJECTIVE in by_role:
        text = join_lines(by_role[columns.OBJECTIVE][0].split("\n"))
        if fold(text) != state.obj_key:
            state.objective(text, [i])
            new_objective = True
        else:
            rec.track(state.current_obj(), [i])
    if columns.ACTION not in roles and columns.INDICATORS in by_role:
        # a plan whose objectives carry indicators (and targets) and no actions
        obj = state.current_obj()
        found = split_indicators("\n".join(by_role[columns.INDICATORS]).split("\n"))
        for kind, text in found:
            ind = IndicatorDraft(text=text, kind=kind)
            if targets and len(found) == 1:
                ind.extra["targets"] = dict(targets)
            obj.indicators.append(ind)
        obj.extra["import_reason"] = (
            "objectif : ligne d'un tableau d'objectifs et d'indicateurs (pas de colonne d'actions)"
        )
        rec.track(obj, [i])
        return
    action_cell = "\n".join(by_role.get(columns.ACTION, []))
    code_cell = " ".join(by_role.get(columns.CODE, []))
    titles, stray_status, labels = _split_actions(action_cell)
    for label in labels:
        rec.unplaced_lines.append(i)  # a group label inside a cell ("Partenaires :")
        rec.warnings.append(
            f"{line.where} : « {label} » lu comme un intertitre de la cellule, non comme une action"
        )
    obj = state.current_obj()
    if not titles:
        if (new_objective or not obj.actions) and (
            stray_status
            or any(
                r in by_role
                for r in (
                    columns.SCHEDULE,
                    columns.STATUS,
                    columns.ACTORS,
                    columns.RESULTS,
                    columns.INDICATORS,
                )
            )
            or years
        ):
            titles = [obj.title]
        elif state.last_action is not None and state.last_action in obj.actions:
            _fill(state.last_action, by_role, years, 0, 1)
            rec.track(state.last_action, [i])
            return
        elif columns.OBJECTIVE in by_role or columns.ORIENTATION in by_role:
            rec.track(obj, [i])
            return
        else:
            # a row with nothing this reader can place: kept for the user, never dropped
            rec.unplaced_lines.append(i)
            return
    actions: list[ActionDraft] = []
    for k, title in enumerate(titles):
        code = None
        c = read_code(title)
        if c and not c.letters:
            code, title = c.code or None, title[c.end :]
        if code_cell and len(titles) == 1:
            code = code_cell.strip().rstrip(".")
        title, hint = split_trailing_schedule(clean(title))
        a = ActionDraft(title=title, code=code)
        if hint:
            a.timing = hint
            a.schedule_years = plan_years(hint)
        _fill(a, by_role, years, k, len(titles))
        if stray_status and k == 0:
            a.status = a.status or stray_status
        if others:
            a.extra["other_columns"] = dict(others)
        obj.actions.append(a)
        rec.track(a, [i])
        actions.append(a)
    state.last_action = actions[-1]


def _year_number(roles: list[str | None], k: int) -> int:
    return sum(1 for r in roles[: k + 1] if r == columns.YEAR)


def _split_actions(cell: str) -> tuple[list[str], str | None, list[str]]:
    """One cell → action titles; a cell holding only a status word gives that status instead."""
    if not cell.strip():
        return [], None, []
    items: list[str] = []
    for para in cell.split("\n"):
        p = para.strip()
        if not p:
            continue
        if p.startswith(("- ", "– ", "• ", "▪ ")) and len(_DASH_ITEMS.findall(p)) >= 1:
            parts = [x.strip() for x in _DASH_ITEMS.split(p) if x.strip()]
            items.extend(f"\x00{x}" for x in parts)
            continue
        if bullet_of(p) or read_code(p):
            items.append("\x00" + strip_bullet(p))
            continue
        if items and continues(items[-1].lstrip("\x00"), p):
            items[-1] = items[-1] + " " + p
        else:
            items.append(p)
    titles: list[str] = []
    labels: list[str] = []
    status: str | None = None
    for k, raw in enumerate(items):
        text = clean(raw.replace("\x00", ""))
        if not text:
            continue
        if status_of(text):
            status = status_of(text)
            continue
        if text.endswith(":") and k + 1 < len(items):
            labels.append(text)
            continue
        titles.append(text)
    return titles, status, labels


def _share(parts: list[str], k: int, n: int) -> list[str]:
    """The parts of a shared cell that belong to the k-th of n actions of one row."""
    if n == 1:
        return parts
    if len(parts) == n:
        return [parts[k]]
    if len(parts) > n and len(parts) % n == 0:
        size = len(parts) // n
        return parts[k * size : (k + 1) * size]
    if len(parts) < n:
        return [parts[k]] if k < len(parts) else []
    return parts if k == 0 else []


def _fill(a: ActionDraft, by_role: dict[str, list[str]], years: list[int], k: int, n: int) -> None:
    for role, cells in by_role.items():
        text = "\n".join(cells)
        paras = [p for p in text.split("\n") if p.strip()]
        if role == columns.ACTORS:
            names = split_actors(paras)
            a.actors.extend(_share(names, k, n) if len(names) == n and n > 1 else names)
        elif role == columns.RESULTS:
            items = split_items(paras)
            a.expected_results.extend(_share(items, k, n) if n > 1 else items)
        elif role == columns.INDICATORS:
            inds = split_indicators(paras)
            mine = (
                _share([f"{i}" for i in range(len(inds))], k, n)
                if n > 1
                else [str(i) for i in range(len(inds))]
            )
            for idx in mine:
                kind, t = inds[int(idx)]
                a.indicators.append(IndicatorDraft(text=t, kind=kind))
        elif role == columns.SCHEDULE:
            phrases = paras if len(paras) > 1 else split_timings(text)
            if len(phrases) <= 1 and n > 1 and len(paras) == 1:
                phrases = split_timings(paras[0])
            mine = _share(phrases, k, n)
            if mine:
                a.timing = "; ".join(clean(x) for x in mine)
                a.schedule_years = plan_years(a.timing) or a.schedule_years
        elif role == columns.STATUS:
            segs = paras if len(paras) > 1 else status_segments(text)
            mine = _share(segs, k, n)
            status, note = status_from(mine)
            a.status = a.status or status
            if note:
                a.progress_note = note
        elif role == columns.NOTES:
            note = join_lines(paras)
            if note and (n == 1 or k == 0):
                a.progress_note = f"{a.progress_note}; {note}" if a.progress_note else note
    if years:
        a.schedule_years = sorted(set(years) | set(a.schedule_years or []))


class TablesRecognizer:
    """Rows with known cells: DOCX, PDF and tab tables, spreadsheets, CSV."""

    name = "tables"
    prefers_known_cells = 2.5

    def applies(self, view: View) -> bool:
        return any(line.cells is not None for line in view.lines)

    def recognize(self, view: View) -> Reading | None:
        if view.fmt == "text" and (rejoined := rejoin_split_rows(view.lines)) is not None:
            view = make_view(rejoined, view.fmt)
        rec = recognize_tables(view.layout, view.used, fmt=view.fmt)
        return Reading(self.name, rec, view) if rec is not None else None


def rejoin_split_rows(lines: list[Line]) -> list[Line] | None:
    """A table copied as text (tab-separated cells) whose cells held several paragraphs: each
    paragraph break cut the row, so a row goes on over the next lines until it has as many
    cells as the header — the first piece of each line continues the cell before — and lines
    without tabs after a full row continue its last cell. The rows made whole take the first
    line's place; the lines they took are left blank. None when no row was cut."""
    out = list(lines)
    n = len(out)
    width: int | None = None
    table: int | None = None
    changed = False
    i = 0
    while i < n:
        line = out[i]
        if line.cells is None:
            i += 1
            continue
        cells = [c.strip() for c in line.cells]
        if _header_roles([clean_cell(c) for c in cells]) is not None:
            width, table = len(cells), line.table
            i += 1
            continue
        if width is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            nxt = out[j]
            if nxt.cells is None:
                text = nxt.text.strip()
                if not text or ORIENTATION_RE.match(text) or len(cells) < 2:
                    break
                cells[-1] = f"{cells[-1]}\n{text}"
            else:
                if len(cells) >= width:
                    break  # the next row
                cells[-1] = f"{cells[-1]}\n{nxt.cells[0].strip()}".strip("\n")
                cells.extend(c.strip() for c in nxt.cells[1:])
            j += 1
        if j > i + 1 and len(cells) <= width:
            out[i] = replace(line, cells=cells, table=table)
            for k in range(i + 1, j):
                out[k] = replace(out[k], text="", cells=None)
            changed = True
            i = j
        else:
            i += 1
    return out if changed else None
