"""Word documents people keep editing: real tables, named styles, landscape pages.

Each orientation is a "Titre 1" heading (so Word's navigation pane lists them) followed by a
table whose header rows repeat on every page (`w:tblHeader`); an objective's cell spans its
actions (`w:vMerge`), as in the plans these organizations write by hand. Fonts are Arial,
which Word has everywhere and LibreOffice maps to the metric-compatible Liberation Sans.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, gettext
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Inches, Pt, RGBColor
from docx.table import Table, _Cell, _Row

from jalon.reports import text
from jalon.reports.data import ActionItem, AnnualReport, PlanReport, ProgressReport
from jalon.reports.document import NO_FRAME, DocumentFrame

FONT = "Arial"
HEAD_FILL = "DCE4EE"
ORIENTATION_FILL = "1D4F91"
PAGE_WIDTH = Inches(11)
PAGE_HEIGHT = Inches(8.5)
MARGIN = Inches(0.6)
USABLE = PAGE_WIDTH - 2 * MARGIN
CELL_STYLE = "Cellule de tableau"
HEAD_STYLE = "En-tête de tableau"
# Style ids by name: python-docx looks a style up by name on every assignment, which made the
# tables of a large plan slow; cells set the id directly.
STYLE_IDS: dict[str, str] = {}


# --- Low-level helpers ---------------------------------------------------------------------


def _language_tag() -> str:
    return "en-CA" if (get_language() or "fr").startswith("en") else "fr-CA"


def _set_language(style_element: Any, tag: str) -> None:
    rpr = style_element.get_or_add_rPr()
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def _set_font(style: Any, name: str, size: float, *, bold: bool | None = None) -> None:
    font = style.font
    font.name = name
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def _styles(document: DocumentObject) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _set_font(normal, FONT, 10)
    _set_language(normal.element, _language_tag())
    normal.paragraph_format.space_after = Pt(4)
    for name, size, color in (
        ("Title", 20, "1B1F24"),
        ("Subtitle", 12, "4A5560"),
        ("Heading 1", 13, "1D4F91"),
        ("Heading 2", 11, "1B1F24"),
    ):
        style = styles[name]
        _set_font(style, FONT, size, bold=name != "Subtitle")
        style.font.color.rgb = RGBColor.from_string(color)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(10 if name.startswith("Heading") else 0)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
        spacing = style.element.get_or_add_rPr().find(qn("w:spacing"))
        if spacing is not None:  # the default template spreads the title's letters
            spacing.getparent().remove(spacing)
        linked = f"{name} Char"
        if linked in [st.name for st in styles]:
            _set_font(styles[linked], FONT, size, bold=name != "Subtitle")
    title_ppr = styles["Title"].element.get_or_add_pPr()
    border = title_ppr.find(qn("w:pBdr"))
    if border is not None:  # the default template underlines the title; ours stays plain
        title_ppr.remove(border)
    cell = styles.add_style(CELL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _set_font(cell, FONT, 8)
    cell.paragraph_format.space_after = Pt(2)
    cell.paragraph_format.space_before = Pt(0)
    head = styles.add_style(HEAD_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    head.base_style = cell
    _set_font(head, FONT, 8, bold=True)
    # Headers in their own case, not capitals: capitals widened the words past narrow columns
    # and Word broke them inside ("EN PRÉPARATI ON").
    head.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.paragraph_format.keep_with_next = True
    for name in (CELL_STYLE, HEAD_STYLE):
        STYLE_IDS[name] = styles[name].style_id


def _field(paragraph: Any, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, shown, end):
        run._r.append(element)


def new_document(plan: PlanReport, title: str, frame: DocumentFrame = NO_FRAME) -> DocumentObject:
    document = Document()
    _styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width = PAGE_WIDTH
    section.page_height = PAGE_HEIGHT
    for side in ("left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.top_margin = Inches(0.7)
    section.bottom_margin = Inches(0.6)
    section.header_distance = Inches(0.3)
    section.footer_distance = Inches(0.3)

    header = section.header.paragraphs[0]
    header.style = document.styles[CELL_STYLE]
    if frame.draft:  # on every page: a draft never passes for the adopted document
        mark = header.add_run(frame.draft_mark + " — ")
        mark.bold = True
        mark.font.color.rgb = RGBColor.from_string("A4161A")
    running = header.add_run(f"{text.organization_line(plan)} — {plan.title}")
    running.font.color.rgb = RGBColor.from_string("4A5560")

    footer = section.footer.paragraphs[0]
    footer.style = document.styles[CELL_STYLE]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = gettext("Page %(page)s de %(pages)s")
    before, _, rest = words.partition("%(page)s")
    middle, _, after = rest.partition("%(pages)s")
    footer.add_run(before)
    _field(footer, "PAGE", "1")
    footer.add_run(middle)
    _field(footer, "NUMPAGES", "1")
    footer.add_run(after)

    props = document.core_properties
    props.title = title
    props.author = text.organization_line(plan)
    props.subject = plan.title
    props.language = _language_tag()
    props.comments = gettext("Produit par Jalon")
    return document


def _shade(cell: _Cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def _row_property(row: _Row, name: str) -> None:
    trpr = row._tr.get_or_add_trPr()
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    trpr.append(element)


def _vmerge(cell: _Cell, *, restart: bool) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    merge = OxmlElement("w:vMerge")
    if restart:
        merge.set(qn("w:val"), "restart")
    tcpr.append(merge)


def fill_cell(
    cell: _Cell,
    lines: Sequence[str],
    *,
    style: str = CELL_STYLE,
    bold: bool = False,
    center: bool = False,
    right: bool = False,
    color: str | None = None,
) -> None:
    """One paragraph per line, in the cell's existing first paragraph and new ones after it;
    `right` aligns numbers on their units."""
    paragraphs = [cell.paragraphs[0]]
    for _ in lines[1:]:
        paragraphs.append(cell.add_paragraph())
    style_id = STYLE_IDS[style]
    for paragraph, line in zip(paragraphs, lines or [""], strict=False):
        paragraph._p.style = style_id
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if line:
            run = paragraph.add_run(line)
            if bold:
                run.bold = True
            if color:
                run.font.color.rgb = RGBColor.from_string(color)


def widths(fixed: Sequence[float | None]) -> list[Emu]:
    """Column widths in inches; None columns share what is left of the page equally."""
    known = sum(w for w in fixed if w is not None)
    free = [w for w in fixed if w is None]
    total = USABLE / 914400
    rest = max(total - known, 1.2 * len(free)) / len(free) if free else 0.0
    inches = [w if w is not None else rest for w in fixed]
    scale = min(1.0, total / sum(inches))
    return [Emu(int(Inches(w * scale))) for w in inches]


def add_row(table: Table) -> _Row:
    """A row that Word keeps whole on one page (`w:cantSplit`): a row cut in two by a page
    break reads as two actions."""
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]
    _row_property(row, "w:cantSplit")
    return row


def new_table(document: DocumentObject, column_widths: Sequence[Emu]) -> Table:
    table: Table = document.add_table(rows=0, cols=len(column_widths))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, column_widths, strict=True):
        column.width = width
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    return table


def header_rows(table: Table, rows: Sequence[Sequence[str]]) -> None:
    """Header rows repeated on every page, shaded. With two rows, a label equal to the one
    above merges down, and equal neighbours of the first row merge across (so "Échéance"
    spans its "An" columns)."""
    built: list[list[_Cell]] = []
    for level, labels in enumerate(rows):
        row = add_row(table)
        _row_property(row, "w:tblHeader")
        cells = list(row.cells)
        for i, (cell, label) in enumerate(zip(cells, labels, strict=True)):
            _shade(cell, HEAD_FILL)
            repeated = level > 0 and rows[level - 1][i] == label
            fill_cell(cell, [] if repeated else [label], style=HEAD_STYLE)
        built.append(cells)
    if len(rows) == 2:
        for i, (above, below) in enumerate(zip(rows[0], rows[1], strict=True)):
            if above == below:
                _vmerge(built[0][i], restart=True)
                _vmerge(built[1][i], restart=False)
    labels = rows[0]
    start = 0
    while start < len(labels):
        end = start
        while end + 1 < len(labels) and labels[end + 1] == labels[start] and labels[start]:
            end += 1
        if end > start:
            merged = built[0][start].merge(built[0][end])
            for paragraph in merged.paragraphs[1:]:
                paragraph._p.getparent().remove(paragraph._p)
        start = end + 1


@dataclass
class GroupRow:
    cells: list[list[str]]
    bold: bool = False


@dataclass
class Group:
    """An objective and the rows of its actions; its cell spans them."""

    label: str
    rows: list[GroupRow] = field(default_factory=list)


def group_rows(
    table: Table, groups: Iterable[Group], *, centered: frozenset[int] = frozenset()
) -> None:
    empty = [gettext("Aucune action pour cet objectif.")]
    for group in groups:
        rows = group.rows or [GroupRow(cells=[empty] + [[] for _ in range(len(table.columns) - 2)])]
        for index, data in enumerate(rows):
            row = add_row(table)
            cells = row.cells
            if index == 0:
                fill_cell(cells[0], [group.label], bold=True)
            if len(rows) > 1:
                _vmerge(cells[0], restart=index == 0)
            for position, (cell, lines) in enumerate(zip(cells[1:], data.cells, strict=True)):
                fill_cell(cell, lines, bold=data.bold, center=position + 1 in centered)


def to_bytes(document: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def heading_block(
    document: DocumentObject,
    plan: PlanReport,
    subtitle: str = "",
    frame: DocumentFrame = NO_FRAME,
) -> None:
    if frame.logo is not None:
        try:
            document.add_picture(io.BytesIO(frame.logo.content), height=Inches(0.8))
        except Exception:  # an image Word cannot read: the cover keeps the name instead
            pass
        else:
            doc_pr = document.inline_shapes[-1]._inline.docPr
            doc_pr.set("descr", gettext("Logo de %(name)s") % {"name": frame.organization})
    if frame.draft:
        run = document.add_paragraph().add_run(frame.draft_mark.upper())
        run.bold = True
        run.font.color.rgb = RGBColor.from_string("A4161A")
    document.add_paragraph(text.organization_line(plan), style="Subtitle")
    document.add_paragraph(text.typeset(plan.title), style="Title")
    if subtitle:
        document.add_paragraph(subtitle, style="Subtitle")
    if frame.adoption_line:
        document.add_paragraph().add_run(frame.adoption_line).bold = True


def signoff_block(document: DocumentObject, frame: DocumentFrame) -> None:
    """The cover's signature lines, as paragraphs (a table here would read, on import, as part
    of the plan)."""
    for role, value in frame.sign_off:
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.add_run(role + text.colon()).bold = True
        paragraph.add_run(value or "_" * 40)


def glossary_block(document: DocumentObject, plan: PlanReport) -> None:
    """The plan's acronyms at the end of the mise à jour and the bilans."""
    if not plan.glossary:
        return
    document.add_heading(gettext("Liste des sigles et acronymes"), level=1)
    for acronym, expansion in plan.glossary:
        paragraph = document.add_paragraph()
        paragraph.add_run(acronym).bold = True
        paragraph.add_run(text.colon() + text.typeset(expansion))


def statement(document: DocumentObject, label: str, value: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(label + text.colon()).bold = True
    paragraph.add_run(text.typeset(value))


# --- The plan document ---------------------------------------------------------------------


def plan_columns(plan: PlanReport) -> tuple[list[list[str]], list[Emu], frozenset[int]]:
    """Header rows, widths and the centred (check mark) columns of the plan table."""
    years = [text.year_short(y.number) for y in plan.years]
    top = [gettext("Objectifs"), gettext("Moyens d'action")]
    fixed: list[float | None] = [1.55, 2.3]
    if plan.has_actors:
        top.append(gettext("Acteurs"))
        fixed.append(1.05)
    first_year = len(top)
    # One header row, a column per plan year: what people and importers read back most surely.
    top.extend(years)
    fixed.extend(0.42 for _ in years)
    if plan.has_timing:
        top.append(gettext("Échéancier"))
        fixed.append(0.95)
    top.extend([gettext("Résultats attendus"), gettext("Indicateurs de suivi")])
    fixed.extend([None, None])
    rows = [top]
    centered = frozenset(range(first_year, first_year + len(years)))
    return rows, widths(fixed), centered


def plan_row(plan: PlanReport, action: ActionItem) -> list[list[str]]:
    cells: list[list[str]] = [[text.action_label(action)]]
    if plan.has_actors:
        cells.append([text.typeset(a) for a in action.actors])
    for year in plan.years:
        scheduled = action.schedule_years is not None and year.number in action.schedule_years
        cells.append(["✓"] if scheduled else [])
    if plan.has_timing:
        cells.append([text.typeset(action.timing)] if action.timing else [])
    cells.append([text.expected_result_text(r.text, r.plan_year) for r in action.expected_results])
    cells.append([text.indicator_text(i.kind, i.text) for i in action.indicators])
    return cells


def render_plan(plan: PlanReport, frame: DocumentFrame = NO_FRAME) -> bytes:
    document = new_document(plan, plan.title, frame)
    heading_block(document, plan, text.period_label(plan), frame)
    if plan.global_objective:
        statement(document, gettext("Objectif global"), plan.global_objective)
    if plan.mission:
        statement(document, gettext("Mission"), plan.mission)
    if plan.vision:
        statement(document, gettext("Vision"), plan.vision)
    if plan.values:
        statement(document, gettext("Valeurs"), ", ".join(plan.values))
    if plan.mandates:
        document.add_paragraph().add_run(gettext("Mandats") + text.colon()).bold = True
        for mandate in plan.mandates:
            document.add_paragraph(text.typeset(mandate), style="List Bullet")
        document.add_paragraph()  # an empty line ends the list for whoever reads it back
    for line in text.legend_lines(plan):
        document.add_paragraph(line, style=CELL_STYLE)
    # No "plan at a glance" list here, unlike the PDF: Word is the document people edit and
    # import back, and a second list of orientations would read as more orientations. The
    # sign-off lines come after the legend, which ends the mandates' list for the importer.
    signoff_block(document, frame)
    if plan.orientations:  # the statements and the sign-off are the first page, as in the PDF
        document.add_page_break()  # type: ignore[no-untyped-call]
    headers, column_widths, centered = plan_columns(plan)
    for orientation in plan.orientations:
        document.add_heading(text.orientation_heading(orientation), level=1)
        if not orientation.objectives:
            continue
        table = new_table(document, column_widths)
        header_rows(table, headers)
        group_rows(
            table,
            (
                Group(
                    label=text.objective_label(objective),
                    rows=[GroupRow(plan_row(plan, a)) for a in objective.actions],
                )
                for objective in orientation.objectives
            ),
            centered=centered,
        )
    _annex(document, plan)
    return to_bytes(document)


def _annex(document: DocumentObject, plan: PlanReport) -> None:
    if plan.glossary:
        document.add_heading(gettext("Sigles et acronymes"), level=1)
        for acronym, expansion in plan.glossary:
            paragraph = document.add_paragraph()
            paragraph.add_run(acronym).bold = True
            paragraph.add_run(text.colon() + text.typeset(expansion))
    if plan.notes:
        document.add_heading(gettext("Notes"), level=1)
        for note in plan.notes:
            document.add_paragraph(text.typeset(note), style="List Bullet")


# --- The mise à jour -------------------------------------------------------------------------


def _summary_table(
    document: DocumentObject,
    rows: Sequence[tuple[str, Sequence[int], int, float | None]],
    statuses: Sequence[str],
    total_label: str,
) -> None:
    column_widths = widths([None] + [0.85] * len(statuses) + [0.6, 0.95])
    table = new_table(document, column_widths)
    header_rows(
        table,
        [
            [gettext("Orientation")]
            + [text.status_label(s) for s in statuses]
            + [gettext("Total"), gettext("Complétées")]
        ],
    )
    for index, (label, counts, total, share) in enumerate(rows):
        row = add_row(table)
        last = index == len(rows) - 1 and label == total_label
        values = [str(c) for c in counts] + [str(total), text.percent(share)]
        fill_cell(row.cells[0], [label], bold=True)
        for cell, value in zip(row.cells[1:], values, strict=True):
            fill_cell(cell, [value], bold=last)
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if last:
            for cell in row.cells:
                _shade(cell, HEAD_FILL)


def render_progress(report: ProgressReport, frame: DocumentFrame = NO_FRAME) -> bytes:
    plan = report.plan
    title = gettext("Mise à jour — %(title)s") % {"title": plan.title}
    document = new_document(plan, title, frame)
    heading_block(
        document,
        plan,
        gettext("Mise à jour") + text.colon() + text.long_date(report.as_of),
        frame,
    )
    document.add_paragraph(
        gettext(
            "Les actions complétées ou en cours de réalisation sont indiquées en caractères gras dans le tableau."
        ),
        style=CELL_STYLE,
    )
    statuses = report.used_statuses
    document.add_heading(gettext("Sommaire par orientation"), level=1)
    total_label = gettext("Ensemble du plan")
    rows = [
        (
            text.orientation_heading(o.orientation),
            [o.summary.count(s) for s in statuses],
            o.summary.total,
            o.summary.completed_share,
        )
        for o in report.orientations
    ]
    rows.append(
        (
            total_label,
            [report.summary.count(s) for s in statuses],
            report.summary.total,
            report.summary.completed_share,
        )
    )
    _summary_table(document, rows, statuses, total_label)

    column_widths = widths([1.9, None, 1.25, 1.1, 2.2])
    headers = [
        [
            gettext("Objectifs"),
            gettext("Actions"),
            gettext("Échéancier"),
            gettext("État"),
            gettext("État d'avancement"),
        ]
    ]
    for orientation in report.orientations:
        document.add_heading(text.orientation_heading(orientation.orientation), level=1)
        if not orientation.objectives:
            continue
        table = new_table(document, column_widths)
        header_rows(table, headers)
        group_rows(
            table,
            (
                Group(
                    label=text.objective_label(group.objective),
                    rows=[
                        GroupRow(
                            cells=[
                                [text.action_label(item.action)],
                                [text.schedule_text(item.action)],
                                [text.status_label(item.state.status)]
                                + (
                                    [text.long_date(item.state.changed_on)]
                                    if item.state.changed_on
                                    else []
                                ),
                                [
                                    text.typeset(line)
                                    for line in item.state.progress_note.splitlines()
                                ],
                            ],
                            bold=item.state.is_marked,
                        )
                        for item in group.actions
                    ],
                )
                for group in orientation.objectives
            ),
        )
    glossary_block(document, plan)
    return to_bytes(document)


def render_annual(
    report: AnnualReport,
    frame: DocumentFrame = NO_FRAME,
    value_notes: Mapping[int, tuple[str, ...]] | None = None,
) -> bytes:
    from .annual_docx import render

    return render(report, frame, value_notes)
