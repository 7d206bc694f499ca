"""Recognizers: neutral blocks → a `PlanDraft`.

`recognize` runs, on one document, every recognizer of the registry that applies to it
(tables with a header row; text under repeated column headers; text laid out in columns; an
outline of headings, numbers and bullets), keeps the reading that explains the document best
(`select.py`), lets the structure stage correct its tree from evidence any plan has
(`structure.py`), then fills the frame (title, period, statements, glossary) and the import
report: the layout detected, warnings, and every line that ended nowhere (`finish.py`).
"""

from __future__ import annotations

from ...plans.interchange import ImportReport, PlanDraft
from ..blocks import Document
from ..textutil import clean, fix_ocr, is_french
from .finish import (
    drop_footnote_marks,
    duplicate_codes,
    finish_items,
    legend_notes,
    source_lines,
)
from .registry import NAMES, RECOGNIZERS, by_name
from .select import best_reading
from .structure import flat_items, join_heading_lines, restructure
from .view import Reading, make_view


def recognize(
    doc: Document, *, source: str | None = None, recognizer: str | None = None
) -> PlanDraft:
    """The draft plan a document holds. `recognizer` (one of `registry.NAMES`: "tables",
    "flow", "columns", "outline") forces that recognizer instead of keeping the best; when it
    reads nothing, the best reading is kept and a warning says so. An unknown name raises
    KeyError."""
    forced = by_name(recognizer) if recognizer is not None else None
    if is_french([ln.text for ln in doc.lines[:400]]):
        for line in doc.lines:
            if "I" in line.text:
                line.text = fix_ocr(line.text)
            if line.cells is not None:
                line.cells = [fix_ocr(c) if "I" in c else c for c in line.cells]
    lines, joined = join_heading_lines(doc.lines)
    view = make_view(lines, doc.format)
    readings: list[Reading] = []
    for r in RECOGNIZERS:
        if r.applies(view) and (reading := r.recognize(view)) is not None:
            readings.append(reading)
    warnings: list[str] = []
    if forced is not None:
        chosen = [r for r in readings if r.recognizer == forced.name]
        if chosen:
            readings = chosen
        else:
            warnings.append(
                f"La reconnaissance « {forced.name} » ne s'applique pas à ce document : "
                "la meilleure lecture est gardée"
            )
    best = best_reading(readings, {r.name: r.prefers_known_cells for r in RECOGNIZERS})
    rec = best.rec
    # the joined headings are known by line index, in the view of the lines as read
    restructure(rec, best.view, best.recognizer, joined if best.view is view else None)
    flat_items(rec, best.view)
    view = best.view
    layout, frame = view.layout, view.frame
    report = ImportReport(
        format_detected=f"{doc.format}:{rec.name}" if doc.format != "text" else rec.name
    )
    report.warnings.extend(doc.warnings)
    report.warnings.extend(warnings)
    report.warnings.extend(rec.warnings)
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
        orientations=rec.orientations,
        import_report=report,
    )
    drop_footnote_marks(draft, layout.footnote_marks)
    for text, _ in layout.footnotes:
        draft.notes.append(text)
    for text, _ in rec.notes:
        draft.notes.append(text)
    draft.notes.extend(legend_notes(layout))
    finish_items(draft, report)
    duplicate_codes(draft, report)
    used_lines = (
        rec.used_lines()
        | frame.used
        | layout.header_lines
        | layout.furniture
        | layout.footnote_lines
    )
    lines = view.lines
    for i, line in enumerate(lines):
        if i in used_lines and i not in rec.unplaced_lines:
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
    source_lines(draft, rec, lines)
    return draft


__all__ = ["NAMES", "recognize"]
