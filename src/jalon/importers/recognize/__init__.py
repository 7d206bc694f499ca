"""Recognizers: neutral blocks → a `PlanDraft`.

`recognize` runs, on one document, the recognizers that fit what the reader found (tables
with a header row; text under repeated column headers; an outline of headings, numbers and
bullets), keeps the one that explains the document best, then fills the frame (title,
period, statements, glossary) and the import report: the layout detected, warnings, and
every line that ended nowhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...plans.interchange import ActionDraft, ImportReport, PlanDraft
from ..blocks import Document, Line
from ..textutil import clean, fix_ocr, fold, is_caps, is_french, similar
from .columnar import columnize
from .flow import recognize_flow
from .frame import Frame, extract_frame
from .layout import Layout, analyse
from .outline import recognize_outline
from .result import Recognized
from .tables import recognize_tables


@dataclass
class _View:
    """One reading of the document: its lines (original, or rebuilt from columns), their page
    furniture and the frame found on them."""

    lines: list[Line]
    layout: Layout
    frame: Frame

    @property
    def used(self) -> set[int]:
        return set(self.frame.used)

    def content(self) -> set[int]:
        return {
            i
            for i, line in enumerate(self.lines)
            if (line.text.strip() or line.cells)
            and i not in self.frame.used
            and not self.layout.skipped(i)
        }


def _view(lines: list[Line], fmt: str) -> _View:
    layout = analyse(lines)
    frame = extract_frame(layout, fmt=fmt)
    if frame.title:
        # a running header repeating the title is furniture, not content
        layout = analyse(lines, title=frame.title)
        frame = extract_frame(layout, fmt=fmt)
    return _View(lines, layout, frame)


def _candidates(view: _View, fmt: str) -> list[Recognized]:
    found: list[Recognized] = []
    if any(line.cells is not None for line in view.lines):
        rec = recognize_tables(view.layout, view.used, fmt=fmt)
        if rec is not None:
            found.append(rec)
    if view.layout.headers:
        rec = recognize_flow(view.layout, view.used)
        if rec is not None:
            found.append(rec)
    found.append(recognize_outline(view.layout, view.used))
    return found


def recognize(
    doc: Document, *, source: str | None = None, layout_name: str | None = None
) -> PlanDraft:
    """The draft plan a document holds. `layout_name` ("table", "flow", "outline",
    "columns") forces one recognizer instead of keeping the best."""
    if is_french([ln.text for ln in doc.lines[:400]]):
        for line in doc.lines:
            if "I" in line.text:
                line.text = fix_ocr(line.text)
            if line.cells is not None:
                line.cells = [fix_ocr(c) if "I" in c else c for c in line.cells]
    view = _view(doc.lines, doc.format)
    scored: list[tuple[float, Recognized, _View]] = []
    content = view.content()
    for rec in _candidates(view, doc.format):
        scored.append((_quality(rec, content), rec, view))
    columned = columnize(doc.lines) if doc.format in ("text", "pdf") else None
    if columned is not None:
        cview = _view(columned, doc.format)
        columns_rec = recognize_tables(cview.layout, cview.used, fmt=doc.format)
        if columns_rec is not None:
            columns_rec.name = "text-columns"
            scored.append((_quality(columns_rec, cview.content()), columns_rec, cview))
    if layout_name:
        forced = [
            t for t in scored if t[1].name.startswith(layout_name) or layout_name in t[1].name
        ]
        scored = forced or scored
    _, best, view = max(scored, key=lambda t: t[0])
    layout, frame = view.layout, view.frame
    report = ImportReport(
        format_detected=f"{doc.format}:{best.name}" if doc.format != "text" else best.name
    )
    report.warnings.extend(doc.warnings)
    report.warnings.extend(best.warnings)
    draft = PlanDraft(
        organization=frame.organization,
        title=frame.title,
        source=source,
        period_start=frame.period_start,
        period_end=frame.period_end,
        fiscal_year_start_month=frame.fiscal_year_start_month,
        updated_on=frame.updated_on,
        mission=frame.mission,
        vision=frame.vision,
        global_objective=frame.global_objective,
        values=list(frame.values),
        mandates=list(frame.mandates),
        notes=list(frame.notes),
        glossary=dict(frame.glossary),
        orientations=best.orientations,
        import_report=report,
    )
    _drop_footnote_marks(draft, layout.footnote_marks)
    for text, _ in layout.footnotes:
        draft.notes.append(text)
    for text, _ in best.notes:
        draft.notes.append(text)
    draft.notes.extend(_legend_notes(layout))
    _finish_items(draft, report)
    _duplicate_codes(draft, report)
    used_lines = (
        best.used_lines()
        | frame.used
        | layout.header_lines
        | layout.furniture
        | layout.footnote_lines
    )
    lines = view.lines
    for i in range(len(lines)):
        line = lines[i]
        if i in used_lines and i not in best.unplaced_lines:
            continue
        text = clean(line.text if line.cells is None else " | ".join(c for c in line.cells if c))
        if text:
            report.unplaced.append(text)
    if layout.removed_furniture:
        kept = list(dict.fromkeys(layout.removed_furniture))
        report.warnings.append(
            "En-têtes ou pieds de page répétés retirés : "
            + " ; ".join(f"« {k} »" for k in kept[:5])
        )
    _source_lines(draft, best, lines)
    return draft


def _quality(rec: Recognized, content: set[int]) -> float:
    """How well a recognizer explains the document: the share of its content lines placed in
    the tree, with a preference for recognizers that followed the document's own column
    headers."""
    actions = rec.iter_actions()
    if not actions:
        return 0.0
    used = rec.used_lines() - set(rec.unplaced_lines)
    coverage = len(used & content) / max(1, len(content))
    # cells known from the file or from column positions beat cells inferred from order
    bonus = {
        "table": 2.5,
        "text-table": 2.5,
        "spreadsheet-rows": 2.5,
        "text-columns": 2.5,
        "pdf-table-text": 2.0,
    }.get(rec.name, 0.0)
    return coverage * 10 + bonus + min(len(actions), 300) * 0.001 - 8 * _implausibility(rec)


# words a French or English title does not end on: a title ending on one was cut mid-sentence
_DANGLING = frozenset(
    re.findall(
        r"\S+",
        "à au aux de des du la le les et ou pour par sur dans avec un une son sa ses "
        "leur leurs notre nos votre vos ce cette ces entre vers chez sans selon afin que qui "
        "the of and or to for in on with an by",
    )
)


def _dangling(title: str) -> bool:
    text = clean(title).rstrip()
    if not text:
        return False
    if text.endswith(("-", "'", "’", ",")):
        return True
    return re.split(r"[\s’']+", text.lower())[-1] in _DANGLING


def _implausibility(rec: Recognized) -> float:
    """How implausible the tree a recognizer built looks, 0 (plausible) to about 1: titles
    cut mid-sentence, fields stuffed with fragments, objectives repeated as their only action
    or orientations repeated as their only objective, items without children."""
    actions = rec.iter_actions()
    if not actions:
        return 1.0
    n = len(actions)
    dangling = sum(1 for a in actions if _dangling(a.title)) / n
    stuffed = (
        sum(
            1
            for a in actions
            if a.progress_note and (a.progress_note.count(";") >= 3 or len(a.progress_note) > 400)
        )
        / n
    )
    huge = sum(1 for a in actions if len(a.title) > 400) / n
    objectives = [ob for o in rec.orientations for ob in o.objectives]
    repeated = 0
    for ob in objectives:
        key = fold(clean(ob.title))
        if key and len(ob.actions) == 1 and fold(clean(ob.actions[0].title)) == key:
            repeated += 1
    repeated_share = repeated / max(1, len(objectives))
    empty = sum(1 for ob in objectives if not ob.actions) / max(1, len(objectives))
    return dangling + stuffed + huge + repeated_share + 0.5 * empty


def _drop_footnote_marks(draft: PlanDraft, marks: set[str]) -> None:
    """ "milieux ruraux2" → "milieux ruraux" when footnote 2 exists."""
    if not marks:
        return
    rx = re.compile(
        r"(?<=[a-zà-ÿ]{3})("
        + "|".join(sorted(map(re.escape, marks), key=len, reverse=True))
        + r")(?=[\s,.;:)]|$)"
    )
    for o in draft.orientations:
        o.title = rx.sub("", o.title)
        for ob in o.objectives:
            ob.title = rx.sub("", ob.title)
            for a in ob.actions:
                a.title = rx.sub("", a.title)


def _legend_notes(layout: object) -> list[str]:
    from .layout import Layout

    assert isinstance(layout, Layout)
    if not layout.headers:
        return []
    h = layout.headers[0]
    notes: list[str] = []
    current: str | None = None
    legends: list[str] = []
    for i in range(h.start, h.end):
        text = clean(layout.lines[i].text)
        if not text:
            continue
        if re.search(r"\((?:P|S|MO|R|I)\)\s*$", text) and not is_caps(text):
            legends.append(text)
            continue
        if legends and current:
            notes.append(f"{current} : {', '.join(legends)}")
        legends = []
        current = text if is_caps(text) else current
    if legends and current:
        notes.append(f"{current} : {', '.join(legends)}")
    return notes


def _finish_items(draft: PlanDraft, report: ImportReport) -> None:
    """Titles cleaned; an orientation without a title gets a placeholder and a warning."""
    for k, o in enumerate(draft.orientations, start=1):
        o.title = clean(o.title).strip(" :–-")
        if not o.title:
            o.title = f"Orientation {o.code or k}"
            report.warnings.append(f"Orientation {o.code or k} : titre introuvable, à compléter")
        for j, ob in enumerate(o.objectives, start=1):
            ob.title = clean(ob.title).strip(" :–-")
            if not ob.title:
                ob.title = (
                    o.title if len(o.objectives) == 1 else f"Objectif {ob.code or f'{k}.{j}'}"
                )
                if len(o.objectives) != 1:
                    report.warnings.append(
                        f"Objectif {ob.code or f'{k}.{j}'} : titre introuvable, à compléter"
                    )
            for a in ob.actions:
                _finish_action(a)
                if not a.title or a.title == "-":
                    a.title = ob.title


def _finish_action(a: ActionDraft) -> None:
    a.title = clean(a.title).strip(" ;–-")
    a.actors = [clean(x) for x in dict.fromkeys(a.actors) if clean(x)]
    a.expected_results = [clean(x) for x in a.expected_results if clean(x)]
    for ind in a.indicators:
        ind.text = clean(ind.text)
    a.indicators = [i for i in a.indicators if i.text]
    if a.timing:
        a.timing = clean(a.timing)
    if a.progress_note:
        a.progress_note = clean(a.progress_note)


def _duplicate_codes(draft: PlanDraft, report: ImportReport) -> None:
    seen: dict[str, int] = {}
    for a in draft.iter_actions():
        if not a.code:
            continue
        key = a.code
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            new = f"{key} ({seen[key]})"
            report.warnings.append(
                f"L'action {key} apparaît plus d'une fois ; la suivante est gardée sous le numéro {new}"
            )
            a.code = new
    obj_seen: dict[str, int] = {}
    for o in draft.orientations:
        for ob in o.objectives:
            if ob.code:
                obj_seen[ob.code] = obj_seen.get(ob.code, 0) + 1
                if obj_seen[ob.code] == 2:
                    report.warnings.append(f"L'objectif {ob.code} apparaît plus d'une fois")


def _source_lines(draft: PlanDraft, rec: Recognized, lines: list[Line]) -> None:
    """Each item says which source lines it came from (for the review screen)."""

    def numbers(item: object) -> list[int]:
        idx = sorted(set(rec.sources.get(id(item), [])))
        return sorted({lines[i].number for i in idx if 0 <= i < len(lines)})

    for o in draft.orientations:
        if n := numbers(o):
            o.extra["source_lines"] = n
        for ob in o.objectives:
            if n := numbers(ob):
                ob.extra["source_lines"] = n
            for a in ob.actions:
                if n := numbers(a):
                    a.extra["source_lines"] = n


__all__ = ["fold", "recognize", "similar"]
