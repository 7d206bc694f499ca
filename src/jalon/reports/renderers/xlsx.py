"""Spreadsheets with openpyxl: wrapped text, landscape pages, plan text as written.

The plan sheet reads like the plan document (per orientation a title, a header row and a row
per action); the *mise à jour* is one filterable row per action with a frozen header; the
last sheet describes the plan itself. Cells hold plan text as written (no typographic spaces
added) so that sorting, filtering and re-importing see the same words as the plan.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

from django.utils.translation import gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jalon.reports import text
from jalon.reports.data import (
    AnnualReport,
    GlobalReport,
    ObjectiveItem,
    OrientationItem,
    PlanReport,
    ProgressReport,
    StatusSummary,
)

from .html import realisations
from .tabular import (
    Column,
    RowContext,
    plan_columns,
    progress_columns,
    progress_rows,
)

HEAD_FONT = Font(name="Arial", bold=True, color="FFFFFF", size=10)
HEAD_FILL = PatternFill("solid", fgColor="1D4F91")
BODY_FONT = Font(name="Arial", size=10)
BOLD_FONT = Font(name="Arial", size=10, bold=True)
TITLE_FONT = Font(name="Arial", size=14, bold=True)
ORIENTATION_FONT = Font(name="Arial", size=12, bold=True, color="1D4F91")
THIN = Side(style="thin", color="8C969F")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="top", horizontal="center")
HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")

FORBIDDEN_IN_TITLES = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def sheet_title(name: str) -> str:
    return name.translate(FORBIDDEN_IN_TITLES).strip()[:31] or "Feuille"


def _landscape(sheet: Worksheet, title_rows: str | None = None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_LETTER
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows


def write_table(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[RowContext],
    *,
    bold: bool | None = None,
) -> int:
    """Header in row 1, frozen and filterable; returns the number of data rows written."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = HEAD_ALIGN
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 30
    count = 0
    for count, context in enumerate(rows, start=1):
        font = BOLD_FONT if bold and context.state.is_marked else BODY_FONT
        values = [column.value(context) for column in columns]
        sheet.append(values)
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row=count + 1, column=index)
            cell.font = font
            cell.alignment = WRAP_CENTER if column.center else WRAP
            cell.border = BORDER
    last = get_column_letter(len(columns))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    _landscape(sheet, "1:1")
    return count


def _about(sheet: Worksheet, plan: PlanReport, subtitle: str = "") -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    sheet["A1"] = plan.title
    sheet["A1"].font = TITLE_FONT
    rows: list[tuple[str, str]] = [(gettext("Organisation"), text.organization_line(plan))]
    if subtitle:
        rows.append((gettext("Document"), subtitle))
    if plan.period_start or plan.period_end:
        rows.append((gettext("Période"), text.period_label(plan)))
    for year in plan.years:
        rows.append(
            (
                text.year_label(year),
                gettext("du %(start)s au %(end)s")
                % {"start": text.long_date(year.start), "end": text.long_date(year.end)},
            )
        )
    for label, value in (
        (gettext("Objectif global"), plan.global_objective),
        (gettext("Mission"), plan.mission),
        (gettext("Vision"), plan.vision),
        (gettext("Valeurs"), ", ".join(plan.values)),
    ):
        if value:
            rows.append((label, value))
    rows.extend((gettext("Note"), note) for note in plan.notes)
    rows.extend((acronym, expansion) for acronym, expansion in plan.glossary)
    for offset, (label, value) in enumerate(rows, start=3):
        sheet.cell(row=offset, column=1, value=label).font = BOLD_FONT
        cell = sheet.cell(row=offset, column=2, value=value)
        cell.font = BODY_FONT
        cell.alignment = WRAP
        sheet.cell(row=offset, column=1).alignment = WRAP
    _landscape(sheet)


def _workbook(plan: PlanReport, title: str) -> Workbook:
    workbook = Workbook()
    workbook.properties.title = title
    workbook.properties.creator = text.organization_line(plan)
    workbook.properties.subject = plan.title
    workbook.properties.language = "fr-CA"
    return workbook


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain_label(code: str, title: str, separator: str = ". ") -> str:
    return f"{code}{separator}{title}" if code else title


def _objective_label(objective: ObjectiveItem) -> str:
    if not objective.code:
        return objective.title
    separator = ". " if objective.code[-1].isalnum() and objective.kind else " "
    return f"{objective.code}{separator}{objective.title}"


def _orientation_label(orientation: OrientationItem) -> str:
    if not orientation.code:
        return orientation.title
    return gettext("Orientation %(code)s") % {"code": orientation.code} + ": " + orientation.title


def write_plan_sheet(sheet: Worksheet, plan: PlanReport) -> int:
    """The plan as its document reads: per orientation a title row, a header row, then one
    row per action with its objective in the first column. Returns the number of action rows.

    Cells hold plan text as written, codes kept ("P1. …", "MO = …"), one line per actor,
    expected result and indicator: the layout people print and that imports back.
    """
    # After the six columns naming the orientation, objective and action: actors, years,
    # timing, expected results and indicators, as in the flat table.
    columns = [
        c
        for c in plan_columns(plan, with_state=False)[6:]
        if (c.header != gettext("Acteurs") or plan.has_actors)
        and (c.header != gettext("Échéancier") or plan.has_timing)
    ]
    headers = [gettext("Objectifs"), gettext("Moyens d'action")] + [c.header for c in columns]
    widths = [40, 55] + [c.width for c in columns]
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([plan.title])
    sheet["A1"].font = TITLE_FONT
    period = text.period_label(plan)
    sheet.append([text.organization_line(plan) + (f" — {period}" if period else "")])
    # What describes the plan, one line each above the tables (a second sheet would be read
    # as more rows of the plan by whoever imports the workbook).
    for label, value in (
        (gettext("Objectif global"), plan.global_objective),
        (gettext("Mission"), plan.mission),
        (gettext("Vision"), plan.vision),
        (gettext("Valeurs"), ", ".join(plan.values)),
    ):
        if value:
            sheet.append([f"{label} : {value}" if text.is_french() else f"{label}: {value}"])
    # Mandates as a labelled list, notes as "Note : …" and the acronyms under their heading:
    # the forms the importer reads back, so an exported workbook imports as the same plan.
    if plan.mandates:
        sheet.append([gettext("Mandats") + text.colon().rstrip()])
        for mandate in plan.mandates:
            sheet.append([f"• {mandate}"])
        sheet.append([])  # an empty row ends the list
    for line in text.legend_lines(plan):
        sheet.append([line])
    for note in plan.notes:
        sheet.append([gettext("Note") + text.colon() + note])
    if plan.glossary:
        sheet.append([gettext("Liste des sigles et acronymes")])
    for acronym, expansion in plan.glossary:
        sheet.append(
            [f"{acronym} : {expansion}" if text.is_french() else f"{acronym}: {expansion}"]
        )
    for row in sheet.iter_rows(min_row=3, max_row=sheet.max_row, max_col=1):
        row[0].font = BODY_FONT
    count = 0
    for orientation in plan.orientations:
        sheet.append([])
        sheet.append([_orientation_label(orientation)])
        sheet.cell(row=sheet.max_row, column=1).font = ORIENTATION_FONT
        sheet.append(headers)
        for index in range(1, len(headers) + 1):
            cell = sheet.cell(row=sheet.max_row, column=index)
            cell.font = HEAD_FONT
            cell.fill = HEAD_FILL
            cell.alignment = HEAD_ALIGN
            cell.border = BORDER
        for objective in orientation.objectives:
            for action in objective.actions:
                context = RowContext(orientation, objective, action, action.state)
                values = [
                    _objective_label(objective),
                    _plain_label(action.code, action.title),
                ] + [c.value(context) for c in columns]
                sheet.append(values)
                row = sheet.max_row
                for index, column in enumerate([None, None, *columns], start=1):
                    cell = sheet.cell(row=row, column=index)
                    cell.font = BOLD_FONT if index == 1 else BODY_FONT
                    cell.alignment = WRAP_CENTER if column and column.center else WRAP
                    cell.border = BORDER
                count += 1
    _landscape(sheet)
    return count


def render_plan(plan: PlanReport) -> bytes:
    workbook = _workbook(plan, plan.title)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(gettext("Plan d'action"))
    write_plan_sheet(sheet, plan)
    return _bytes(workbook)


def _summary_sheet(
    sheet: Worksheet,
    rows: Sequence[tuple[str, str, StatusSummary]],
    statuses: Sequence[str],
    total: StatusSummary,
) -> None:
    headers = (
        [gettext("N° orientation"), gettext("Orientation")]
        + [text.status_label(s) for s in statuses]
        + [gettext("Total"), gettext("Complétées")]
    )
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = HEAD_ALIGN
        cell.border = BORDER
        width = 8 if index == 1 else 50 if index == 2 else 14
        sheet.column_dimensions[get_column_letter(index)].width = width
    body = [*rows, ("", gettext("Ensemble du plan"), total)]
    for offset, (code, label, summary) in enumerate(body, start=2):
        share = summary.completed_share
        values: list[object] = [code, label]
        values += [summary.count(s) for s in statuses]
        values += [summary.total, share / 100 if share is not None else None]
        for index, value in enumerate(values, start=1):
            cell = sheet.cell(row=offset, column=index, value=value)
            cell.font = BOLD_FONT if offset == len(body) + 1 else BODY_FONT
            cell.border = BORDER
            cell.alignment = WRAP
        sheet.cell(row=offset, column=len(values)).number_format = '0"\u00a0"%'
    sheet.freeze_panes = "A2"
    _landscape(sheet, "1:1")


def render_progress(report: ProgressReport) -> bytes:
    plan = report.plan
    subtitle = gettext("Mise à jour") + text.colon() + text.long_date(report.as_of)
    workbook = _workbook(plan, f"{subtitle} — {plan.title}")
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(gettext("Mise à jour"))
    write_table(sheet, progress_columns(report), progress_rows(report), bold=True)
    _summary_sheet(
        workbook.create_sheet(sheet_title(gettext("Sommaire"))),
        [(o.orientation.code, o.orientation.title, o.summary) for o in report.orientations],
        report.used_statuses,
        report.summary,
    )
    _about(workbook.create_sheet(sheet_title(gettext("À propos du plan"))), plan, subtitle)
    return _bytes(workbook)


def _header(sheet: Worksheet, headers: Sequence[str], widths: Sequence[float]) -> None:
    for index, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = HEAD_ALIGN
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[1].height = 30


def _body_row(sheet: Worksheet, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=index, value=value)
        cell.font = BOLD_FONT if bold else BODY_FONT
        cell.border = BORDER
        cell.alignment = WRAP


def render_global(report: GlobalReport) -> bytes:
    """Indicators year by year (numbers stay numbers), orientations, activities, lessons."""
    plan = report.plan
    subtitle = gettext("Bilan global")
    workbook = _workbook(plan, f"{subtitle} — {plan.title}")
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(gettext("Indicateurs"))
    years = [y for y in plan.years if y.start <= report.as_of]
    headers = [
        gettext("Orientation"),
        gettext("Moyen d'action"),
        gettext("Indicateur"),
        gettext("Cible"),
    ]
    headers += [text.year_label(y) for y in years]
    headers += [gettext("Tendance"), gettext("Appréciation finale"), gettext("Raison")]
    _header(sheet, headers, [10, 40, 40, 30] + [14] * len(years) + [12, 16, 60])
    orientation_of = {
        a.id: o.orientation.code for o in report.orientations for a in o.orientation.iter_actions()
    }
    for row, trend in enumerate(report.trends, start=2):
        by_year = {p.year: p for p in trend.points}
        values: list[object] = [
            orientation_of.get(trend.action.id, ""),
            _plain_label(trend.action.code, trend.action.title, " "),
            trend.indicator.text,
            trend.target_text,
        ]
        for year in years:
            point = by_year.get(year.number)
            values.append(
                point.value
                if point and point.value is not None
                else (point.value_text if point else "")
            )
        final = trend.final
        values += [
            text.trend_label(trend.direction),
            final.assessment_label if final else "",
            final.reason if final else "",
        ]
        _body_row(sheet, row, values)
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(report.trends) + 1}"
    _landscape(sheet, "1:1")

    statuses = [c.status for c in report.summary.counts if c.count]
    _summary_sheet(
        workbook.create_sheet(sheet_title(gettext("Orientations"))),
        [(o.orientation.code, o.orientation.title, o.summary) for o in report.orientations],
        statuses,
        report.summary,
    )
    activities = workbook.create_sheet(sheet_title(gettext("Activités")))
    _header(
        activities,
        [gettext("Année"), gettext("Activités"), gettext("Participations")],
        [28, 14, 16],
    )
    for row, (year, summary) in enumerate(report.activities, start=2):
        _body_row(activities, row, [text.year_label(year), summary.count, summary.participants])
    total = report.activity_total
    _body_row(
        activities,
        len(report.activities) + 2,
        [gettext("Ensemble"), total.count, total.participants],
        bold=True,
    )
    _landscape(activities, "1:1")
    if report.narratives.lessons:
        lessons = workbook.create_sheet(sheet_title(gettext("Ce que nous avons appris")))
        lessons.column_dimensions["A"].width = 120
        for row, paragraph in enumerate(report.narratives.lessons.split("\n\n"), start=1):
            cell = lessons.cell(row=row, column=1, value=paragraph.strip())
            cell.font = BODY_FONT
            cell.alignment = WRAP
    _about(workbook.create_sheet(sheet_title(gettext("À propos du plan"))), plan, subtitle)
    return _bytes(workbook)


def render_annual(
    report: AnnualReport, value_notes: Mapping[int, tuple[str, ...]] | None = None
) -> bytes:
    """The bilan annuel as a table to filter: one row per indicator of each action of the year
    (one row for an action without indicators), values as numbers, dates as dates."""
    plan = report.plan
    subtitle = gettext("Bilan annuel %(year)s") % {"year": text.year_label(report.year)}
    workbook = _workbook(plan, f"{subtitle} — {plan.title}")
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title(gettext("Actions et indicateurs"))
    headers = [
        gettext("Orientation"),
        gettext("Objectif"),
        gettext("Moyen d'action"),
        gettext("État"),
        gettext("Date de l'état"),
        gettext("Réalisations"),
        gettext("Indicateur"),
        gettext("Cible"),
        gettext("Valeur"),
        gettext("Résultat"),
        gettext("Appréciation"),
        gettext("Raison"),
        gettext("Notes"),
    ]
    _header(sheet, headers, [10, 30, 40, 14, 14, 50, 40, 30, 12, 24, 16, 50, 40])
    notes = value_notes or {}
    row = 2
    for orientation in report.orientations:
        for group in orientation.objectives:
            for item in group.actions:
                base: list[object] = [
                    orientation.orientation.code,
                    _objective_label(group.objective),
                    _plain_label(item.action.code, item.action.title, " "),
                    text.status_label(item.state.status),
                    item.state.changed_on,
                    "\n".join(realisations(item)),
                ]
                lines = item.indicators or (None,)
                for line in lines:
                    result = line.result if line else None
                    values = [
                        *base,
                        line.indicator.text if line else "",
                        result.target_text if result else "",
                        result.value if result else None,
                        result.value_text if result else "",
                        result.assessment_label if result else "",
                        result.reason if result else "",
                        "\n".join(notes.get(line.indicator.id, ())) if line else "",
                    ]
                    _body_row(sheet, row, values)
                    sheet.cell(row=row, column=5).number_format = "yyyy-mm-dd"
                    row += 1
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(row - 1, 1)}"
    _landscape(sheet, "1:1")
    statuses = [c.status for c in report.summary.counts if c.count]
    _summary_sheet(
        workbook.create_sheet(sheet_title(gettext("Orientations"))),
        [(o.orientation.code, o.orientation.title, o.summary) for o in report.orientations],
        statuses,
        report.summary,
    )
    return _bytes(workbook)
