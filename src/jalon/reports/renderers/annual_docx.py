"""The *bilan annuel* as a Word document: headings per orientation and objective, one table per
objective, the year's figures as tables (the charts' numbers), and the narrative sections."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from django.utils.translation import gettext, ngettext
from docx.document import Document as DocumentObject
from docx.shared import Inches

from jalon.reports import text
from jalon.reports.data import AnnualAction, AnnualReport, IndicatorTrend
from jalon.reports.document import NO_FRAME, DocumentFrame

from . import charts
from .charts import Chart
from .docx import (
    CELL_STYLE,
    add_row,
    fill_cell,
    glossary_block,
    header_rows,
    heading_block,
    new_document,
    new_table,
    signoff_block,
    to_bytes,
    widths,
)
from .html import annual_charts, has_follow_up, realisations


def _indicator_lines(
    item: AnnualAction, value_notes: Mapping[int, tuple[str, ...]] | None = None
) -> list[str]:
    lines = []
    notes = value_notes or {}
    for line in item.indicators:
        lines.append(text.indicator_text(line.indicator.kind, line.indicator.text))
        result = line.result
        if result is None:
            lines.append(gettext("Aucune mesure saisie pour cette année."))
        else:
            if result.target_text:
                lines.append(gettext("Cible") + text.colon() + text.typeset(result.target_text))
            if result.value_text:
                lines.append(gettext("Résultat") + text.colon() + text.typeset(result.value_text))
            if result.assessment_label:
                reason = f" — {text.typeset(result.reason)}" if result.reason else ""
                lines.append(result.assessment_label + reason)
        # What people wrote with the value: the explanation a board member looks for.
        lines.extend(
            gettext("Note") + text.colon() + text.typeset(note)
            for note in notes.get(line.indicator.id, ())
        )
    return lines


def _done_lines(item: AnnualAction) -> list[str]:
    lines = realisations(item)
    if item.activities:
        lines.append(
            gettext("Activités : %(count)s ; participations : %(participants)s")
            % {
                "count": text.number(item.activities.count),
                "participants": text.number(item.activities.participants),
            }
        )
    return lines


def add_chart(document: DocumentObject, chart: Chart) -> None:
    """The chart as a PNG image whose alternative text (title and description) tells it in
    words; the table that follows carries its numbers."""
    width = Inches(min(8.5, chart.width / 80))
    shape = document.add_picture(io.BytesIO(chart.png()), width=width)
    doc_pr = shape._inline.docPr
    doc_pr.set("title", chart.title)
    doc_pr.set("descr", chart.description)
    document.add_paragraph(chart.title, style=CELL_STYLE)


def add_trends(
    document: DocumentObject, trends: Sequence[IndicatorTrend], years: list[int]
) -> None:
    shown = [t for t in trends if len(t.measured) >= 2]
    if not shown:
        return
    document.add_heading(gettext("Évolution des indicateurs"), level=2)
    for chart in charts.trend_charts(shown, years):
        add_chart(document, chart)
    table = new_table(document, widths([None] + [1.0] * len(years)))
    header_rows(table, [[gettext("Indicateur")] + [gettext("An %(n)s") % {"n": y} for y in years]])
    for trend in shown:
        cells = add_row(table).cells
        code = trend.action.code
        fill_cell(cells[0], [f"{code} · {trend.indicator.text}" if code else trend.indicator.text])
        by_year = {p.year: p for p in trend.points}
        for cell, year in zip(cells[1:], years, strict=True):
            point = by_year.get(year)
            if point is None or (point.value is None and not point.value_text):
                fill_cell(cell, ["—"], right=True)
                continue
            lines = [text.typeset(point.value_text) or "—"]
            if point.assessment_label:
                lines.append(point.assessment_label)
            fill_cell(cell, lines, right=True)


def render(
    report: AnnualReport,
    frame: DocumentFrame = NO_FRAME,
    value_notes: Mapping[int, tuple[str, ...]] | None = None,
) -> bytes:
    plan = report.plan
    year = text.year_label(report.year)
    title = gettext("Bilan annuel %(year)s") % {"year": year}
    document = new_document(plan, f"{title} — {plan.title}", frame)
    heading_block(document, plan, title, frame)
    document.add_paragraph(
        gettext("Année du %(start)s au %(end)s")
        % {"start": text.long_date(report.year.start), "end": text.long_date(report.year.end)},
        style=CELL_STYLE,
    )
    if frame.year_note:
        document.add_paragraph().add_run(text.typeset(frame.year_note)).bold = True
    elif frame.year_locked:
        document.add_paragraph(gettext("Année close : ce bilan est verrouillé."))
    signoff_block(document, frame)
    if not has_follow_up(report):
        notice = document.add_paragraph()
        notice.add_run(
            gettext("Aucun suivi n'a été saisi pour %(year)s :") % {"year": year} + " "
        ).bold = True
        notice.add_run(
            gettext(
                "ni état daté des actions, ni valeur d'indicateur, ni activité. Ce bilan montre "
                "le plan tel qu'il est prévu."
            )
        )
    for heading, body in (
        (gettext("Introduction"), report.narratives.introduction),
        (gettext("Mot de la présidence"), report.narratives.chair_word),
        (gettext("Faits saillants"), report.narratives.highlights),
    ):
        if body:
            document.add_heading(heading, level=1)
            for paragraph in body.split("\n\n"):
                document.add_paragraph(text.typeset(paragraph.strip()))

    document.add_heading(gettext("L'année en chiffres"), level=1)
    summary = report.summary
    figures = [
        ngettext(
            "%(count)s action prévue cette année",
            "%(count)s actions prévues cette année",
            summary.total,
        )
        % {"count": summary.total},
        gettext("Actions complétées : %(done)s ; en cours : %(doing)s")
        % {
            "done": text.number(summary.count("completed")),
            "doing": text.number(summary.count("in_progress")),
        },
        ngettext(
            "%(count)s indicateur suivi", "%(count)s indicateurs suivis", report.indicator_count
        )
        % {"count": report.indicator_count},
    ]
    activities = report.activity_summary
    if activities and activities.count:
        figures.append(
            gettext("Activités : %(count)s ; participations : %(participants)s")
            % {
                "count": text.number(activities.count),
                "participants": text.number(activities.participants),
            }
        )
    elif report.activities.count:
        figures.append(
            gettext("Activités : %(count)s ; participations : %(participants)s")
            % {
                "count": text.number(report.activities.count),
                "participants": text.number(report.activities.participants),
            }
        )
    for line in figures:
        document.add_paragraph(line, style="List Bullet")

    figures_charts = annual_charts(report)
    add_chart(document, figures_charts["status_chart"])
    statuses = [c.status for c in summary.counts if c.count]
    table = new_table(document, widths([None] + [0.9] * len(statuses) + [0.7]))
    header_rows(
        table,
        [[gettext("Orientation")] + [text.status_label(s) for s in statuses] + [gettext("Total")]],
    )
    for orientation in report.orientations:
        cells = add_row(table).cells
        fill_cell(cells[0], [text.orientation_heading(orientation.orientation)], bold=True)
        values = [str(orientation.summary.count(s)) for s in statuses] + [
            str(orientation.summary.total)
        ]
        for cell, value in zip(cells[1:], values, strict=True):
            fill_cell(cell, [value], right=True)

    if report.assessments and report.indicator_count:
        document.add_heading(gettext("Indicateurs par appréciation"), level=2)
        if figures_charts["assessment_chart"]:
            add_chart(document, figures_charts["assessment_chart"])
        table = new_table(document, widths([None, 1.2]))
        header_rows(table, [[gettext("Appréciation"), gettext("Indicateurs")]])
        for count in report.assessments:
            cells = add_row(table).cells
            fill_cell(cells[0], [count.label or gettext("Sans appréciation")])
            fill_cell(cells[1], [str(count.count)], right=True)

    add_trends(document, report.trends, figures_charts["trend_years"])

    if activities and activities.count:
        document.add_heading(gettext("Activités de l'année par type"), level=2)
        table = new_table(document, widths([None, 1.2, 1.4]))
        header_rows(
            table, [[gettext("Type d'activité"), gettext("Activités"), gettext("Participations")]]
        )
        for kind in activities.by_kind:
            cells = add_row(table).cells
            fill_cell(cells[0], [kind.label])
            fill_cell(cells[1], [str(kind.count)], right=True)
            fill_cell(cells[2], [str(kind.participants)], right=True)
        cells = add_row(table).cells
        fill_cell(cells[0], [gettext("Total")], bold=True)
        fill_cell(cells[1], [str(activities.count)], bold=True, right=True)
        fill_cell(cells[2], [str(activities.participants)], bold=True, right=True)

    if report.satisfaction:
        document.add_heading(gettext("Satisfaction"), level=2)
        table = new_table(document, widths([None, 1.0, 1.2]))
        header_rows(table, [[gettext("Question"), gettext("Taux"), gettext("Répondants")]])
        for answer in report.satisfaction:
            cells = add_row(table).cells
            fill_cell(cells[0], [text.typeset(answer.question)])
            fill_cell(cells[1], [text.percent(answer.rate)], right=True)
            fill_cell(cells[2], [str(answer.respondents)], right=True)

    column_widths = widths([None, 1.2, 2.3, 3.0])
    headers = [
        [
            gettext("Moyen d'action"),
            gettext("État"),
            gettext("Réalisations"),
            gettext("Indicateurs : cible, résultat, appréciation"),
        ]
    ]
    for orientation in report.orientations:
        document.add_heading(text.orientation_heading(orientation.orientation), level=1)
        if not orientation.objectives:
            document.add_paragraph(
                gettext("Aucune action prévue cette année dans cette orientation."),
                style=CELL_STYLE,
            )
        for group in orientation.objectives:
            document.add_heading(text.objective_label(group.objective), level=2)
            table = new_table(document, column_widths)
            header_rows(table, headers)
            for item in group.actions:
                cells = add_row(table).cells
                fill_cell(cells[0], [text.action_label(item.action)], bold=item.state.is_marked)
                state = [text.status_label(item.state.status)]
                if item.state.changed_on:
                    state.append(text.long_date(item.state.changed_on))
                fill_cell(cells[1], state, bold=item.state.is_marked)
                fill_cell(cells[2], _done_lines(item))
                fill_cell(cells[3], _indicator_lines(item, value_notes or {}))
    glossary_block(document, plan)
    return to_bytes(document)
