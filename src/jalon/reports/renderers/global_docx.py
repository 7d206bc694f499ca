"""The *bilan global* as a Word document: the period in figures with its charts (images with
alternative text, followed by their numbers), each orientation's indicators year by year, and
what the organization learned."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext
from docx.document import Document as DocumentObject

from jalon.reports import text
from jalon.reports.data import ActionItem, ActionState, GlobalReport
from jalon.reports.document import NO_FRAME, DocumentFrame

from .annual_docx import add_chart, add_trends
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
from .html import final_actions, global_context


def _final_actions_table(
    document: DocumentObject, actions: Sequence[tuple[ActionItem, ActionState]]
) -> None:
    """Every action of the orientation with its final state and its last note."""
    if not actions:
        return
    table = new_table(document, widths([None, 1.6, 3.4]))
    header_rows(
        table, [[gettext("Moyen d'action"), gettext("État final"), gettext("Ce qui a été fait")]]
    )
    for action, state in actions:
        cells = add_row(table).cells
        fill_cell(cells[0], [text.action_label(action)], bold=state.is_marked)
        status = [text.status_label(state.status)]
        if state.changed_on:
            status.append(text.long_date(state.changed_on))
        fill_cell(cells[1], status, bold=state.is_marked)
        fill_cell(cells[2], [text.typeset(line) for line in state.progress_note.splitlines()])


def render(
    report: GlobalReport,
    frame: DocumentFrame = NO_FRAME,
    states: Mapping[int, ActionState] | None = None,
) -> bytes:
    plan = report.plan
    title = gettext("Bilan global")
    document = new_document(plan, f"{title} — {plan.title}", frame)
    heading_block(document, plan, title, frame)
    document.add_paragraph(
        gettext("État au %(date)s") % {"date": text.long_date(report.as_of)}, style=CELL_STYLE
    )
    signoff_block(document, frame)
    context = global_context(report)
    if report.narratives.introduction:
        document.add_heading(gettext("Introduction"), level=1)
        for paragraph in report.narratives.introduction.split("\n\n"):
            document.add_paragraph(text.typeset(paragraph.strip()))

    document.add_heading(gettext("La période en chiffres"), level=1)
    summary = report.summary
    lines = [
        gettext("Actions au plan : %(count)s ; complétées : %(done)s")
        % {"count": text.number(summary.total), "done": text.number(summary.count("completed"))},
        gettext("Taux de réalisation") + text.colon() + text.percent(report.completion_rate),
        gettext("%(count)s indicateurs suivis") % {"count": len(report.trends)},
    ]
    total = report.activity_total
    if total.count:
        lines.append(
            gettext("Activités : %(count)s ; participations : %(participants)s")
            % {"count": text.number(total.count), "participants": text.number(total.participants)}
        )
    for line in lines:
        document.add_paragraph(line, style="List Bullet")
    add_chart(document, context["status_chart"])
    statuses = list(context["statuses"])
    table = new_table(document, widths([None] + [0.9] * len(statuses) + [0.7, 1.0]))
    header_rows(
        table,
        [
            [gettext("Orientation")]
            + [text.status_label(s) for s in statuses]
            + [gettext("Total"), gettext("Taux de réalisation")]
        ],
    )
    from jalon.reports.data import completion_rate

    for orientation in report.orientations:
        cells = add_row(table).cells
        fill_cell(cells[0], [text.orientation_heading(orientation.orientation)], bold=True)
        values = [str(orientation.summary.count(s)) for s in statuses]
        values += [
            str(orientation.summary.total),
            text.percent(completion_rate(orientation.summary)),
        ]
        for cell, value in zip(cells[1:], values, strict=True):
            fill_cell(cell, [value], right=True)
    if context["assessment_chart"]:
        document.add_heading(gettext("Indicateurs par appréciation finale"), level=2)
        add_chart(document, context["assessment_chart"])
        table = new_table(document, widths([None, 1.2]))
        header_rows(table, [[gettext("Appréciation finale"), gettext("Indicateurs")]])
        for count in report.assessments:
            cells = add_row(table).cells
            fill_cell(cells[0], [count.label or gettext("Sans appréciation")])
            fill_cell(cells[1], [str(count.count)], right=True)
    add_trends(document, report.trends, context["trend_years"])
    if report.activities:
        document.add_heading(gettext("Activités par année"), level=2)
        table = new_table(document, widths([None, 1.2, 1.4]))
        header_rows(table, [[gettext("Année"), gettext("Activités"), gettext("Participations")]])
        for year, activities in report.activities:
            cells = add_row(table).cells
            fill_cell(cells[0], [text.year_label(year)])
            fill_cell(cells[1], [str(activities.count)], right=True)
            fill_cell(cells[2], [str(activities.participants)], right=True)

    years = context["trend_years"]
    actions_by_orientation = final_actions(report, states)
    for orientation in report.orientations:
        document.add_heading(text.orientation_heading(orientation.orientation), level=1)
        document.add_paragraph(
            gettext("Taux de réalisation")
            + text.colon()
            + text.percent(completion_rate(orientation.summary)),
            style=CELL_STYLE,
        )
        _final_actions_table(document, actions_by_orientation.get(orientation.orientation.id, []))
        if not orientation.indicators:
            continue
        table = new_table(document, widths([None] + [0.9] * len(years) + [0.9, 2.6]))
        header_rows(
            table,
            [
                [gettext("Indicateur et cible")]
                + [gettext("An %(n)s") % {"n": y} for y in years]
                + [gettext("Tendance"), gettext("Appréciation finale")]
            ],
        )
        for trend in orientation.indicators:
            cells = add_row(table).cells
            head = [
                f"{trend.action.code} · {trend.indicator.text}"
                if trend.action.code
                else trend.indicator.text
            ]
            if trend.target_text:
                head.append(gettext("Cible") + text.colon() + text.typeset(trend.target_text))
            fill_cell(cells[0], head)
            by_year = {p.year: p for p in trend.points}
            for cell, year in zip(cells[1 : 1 + len(years)], years, strict=True):
                point = by_year.get(year)
                fill_cell(
                    cell,
                    [text.typeset(point.value_text) if point and point.value_text else "—"],
                    right=True,
                )
            fill_cell(cells[1 + len(years)], [text.trend_label(trend.direction)])
            final = trend.final
            fill_cell(
                cells[2 + len(years)],
                [final.assessment_label, text.typeset(final.reason)] if final else ["—"],
            )
    if report.narratives.lessons:
        document.add_heading(gettext("Ce que nous avons appris"), level=1)
        for paragraph in report.narratives.lessons.split("\n\n"):
            document.add_paragraph(text.typeset(paragraph.strip()))
    glossary_block(document, plan)
    return to_bytes(document)
