"""HTML: the report bodies the page shows, and the standalone document the PDF is printed from."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import get_language, gettext

from jalon.reports import text
from jalon.reports.data import (
    ActionItem,
    ActionState,
    AnnualAction,
    AnnualReport,
    GlobalReport,
    PlanReport,
    ProgressReport,
)
from jalon.reports.document import NO_FRAME, DocumentFrame

STATIC_CSS = Path(__file__).resolve().parent.parent / "static" / "reports" / "css"

PLAN_TEMPLATE = "reports/documents/plan.html"
PROGRESS_TEMPLATE = "reports/documents/progress.html"
ANNUAL_TEMPLATE = "reports/documents/annual.html"
GLOBAL_TEMPLATE = "reports/documents/global.html"


def realisations(item: AnnualAction) -> list[str]:
    """What was done on an action during the year: the notes of its status updates, then its
    current note unless it is one of them (it usually is the latest), each printed once."""
    lines = [text.typeset(line) for line in item.done]
    note = item.state.progress_note.strip()
    if note and note not in {line.strip() for line in item.done}:
        lines.append(text.typeset(note))
    return lines


@cache
def stylesheet(name: str) -> str:
    return (STATIC_CSS / name).read_text("utf-8")


def _common(plan: PlanReport, frame: DocumentFrame) -> dict[str, Any]:
    return {
        "plan": plan,
        "frame": frame,
        "organization_line": text.organization_line(plan),
        "period": text.period_label(plan),
        "language": (get_language() or "fr-ca")[:2],
    }


def plan_context(plan: PlanReport, frame: DocumentFrame = NO_FRAME) -> dict[str, Any]:
    years = list(plan.years)
    columns = 2 + int(plan.has_actors) + len(years) + int(plan.has_timing) + 2
    return {
        **_common(plan, frame),
        "body_template": PLAN_TEMPLATE,
        "document_title": plan.title,
        "years": years,
        "has_timing": plan.has_timing,
        "has_actors": plan.has_actors,
        "legend": text.legend_lines(plan),
        "empty_colspan": columns - 1,
    }


def progress_context(report: ProgressReport, frame: DocumentFrame = NO_FRAME) -> dict[str, Any]:
    return {
        **_common(report.plan, frame),
        "body_template": PROGRESS_TEMPLATE,
        "document_title": gettext("Mise à jour — %(title)s") % {"title": report.plan.title},
        "report": report,
        "statuses": report.used_statuses,
    }


def has_follow_up(report: AnnualReport) -> bool:
    """Whether anything was tracked for the year: a dated status, a note, a measured indicator
    or an activity. Without any, the bilan says so first instead of pages of "no data"."""
    if report.activities.count or (report.activity_summary and report.activity_summary.count):
        return True
    for orientation in report.orientations:
        for objective in orientation.objectives:
            for item in objective.actions:
                changed = item.state.changed_on
                if item.done or (changed and report.year.start <= changed <= report.year.end):
                    return True
                if any(line.result and line.result.value_text for line in item.indicators):
                    return True
    return False


def annual_context(
    report: AnnualReport,
    frame: DocumentFrame = NO_FRAME,
    value_notes: Mapping[int, tuple[str, ...]] | None = None,
) -> dict[str, Any]:
    return {
        "value_notes": dict(value_notes or {}),
        "no_follow_up": not has_follow_up(report),
        **_common(report.plan, frame),
        "body_template": ANNUAL_TEMPLATE,
        "document_title": gettext("Bilan annuel %(year)s — %(title)s")
        % {"year": text.year_label(report.year), "title": report.plan.title},
        "report": report,
        "statuses": tuple(c.status for c in report.summary.counts if c.count),
        **annual_charts(report),
    }


def annual_charts(report: AnnualReport) -> dict[str, Any]:
    from . import charts

    years = [y.number for y in report.plan.years if y.number <= report.year.number]
    return {
        "status_chart": charts.status_chart(
            [(text.orientation_heading(o.orientation), o.summary) for o in report.orientations],
            report.summary,
        ),
        "assessment_chart": charts.assessment_chart(report.assessments)
        if report.indicator_count
        else None,
        "trend_charts": charts.trend_charts(report.trends, years),
        "trend_years": years,
        "trend_rows": [t for t in report.trends if len(t.measured) >= 2],
    }


def final_actions(
    report: GlobalReport, states: Mapping[int, ActionState] | None
) -> dict[int, list[tuple[ActionItem, ActionState]]]:
    """Every action of each orientation (by orientation id) with its state at the end of the
    period: the bilan global says what became of each one."""
    found = states or {}
    return {
        row.orientation.id: [(a, found.get(a.id, a.state)) for a in row.orientation.iter_actions()]
        for row in report.orientations
    }


def global_context(
    report: GlobalReport,
    frame: DocumentFrame = NO_FRAME,
    states: Mapping[int, ActionState] | None = None,
) -> dict[str, Any]:
    from . import charts

    years = [y.number for y in report.plan.years if y.start <= report.as_of]
    return {
        "final_actions": final_actions(report, states),
        **_common(report.plan, frame),
        "body_template": GLOBAL_TEMPLATE,
        "document_title": gettext("Bilan global — %(title)s") % {"title": report.plan.title},
        "report": report,
        "statuses": tuple(c.status for c in report.summary.counts if c.count),
        "status_chart": charts.status_chart(
            [(text.orientation_heading(o.orientation), o.summary) for o in report.orientations],
            report.summary,
        ),
        "assessment_chart": charts.assessment_chart(
            report.assessments, gettext("Indicateurs par appréciation finale")
        ),
        "trend_charts": charts.trend_charts(report.trends, years),
        "trend_years": years,
        "trend_rows": [t for t in report.trends if len(t.measured) >= 2],
    }


def standalone(context: dict[str, Any]) -> str:
    """A complete HTML document carrying its own styles, to open from a disk or print."""
    return render_to_string(
        "reports/documents/standalone.html",
        {**context, "inline_css": stylesheet("document.css")},
    )


def render_html(context: dict[str, Any]) -> bytes:
    return standalone(context).encode("utf-8")
