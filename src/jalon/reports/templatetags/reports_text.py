"""Filters that write plan items the way plans print them (see `jalon.reports.text`)."""

from __future__ import annotations

import datetime as dt

from django import template

from jalon.core.fiscal import PlanYear
from jalon.reports import text
from jalon.reports.data import (
    ActionItem,
    AnnualAction,
    ExpectedResultLine,
    IndicatorLine,
    IndicatorTrend,
    ObjectiveItem,
    OrientationItem,
    StatusSummary,
    TrendPoint,
    completion_rate,
)

register = template.Library()


@register.filter(is_safe=True)
def typeset(value: str) -> str:
    """Only spaces change, so text already escaped (`join`, `escape`) stays escaped once."""
    return text.typeset(value or "")


@register.filter
def long_date(value: dt.date | None) -> str:
    return text.long_date(value)


@register.filter
def percent_of(value: float | None) -> str:
    return text.percent(value)


@register.filter
def status_label(value: str) -> str:
    return text.status_label(value or "")


@register.filter
def orientation_heading(value: OrientationItem) -> str:
    return text.orientation_heading(value)


@register.filter
def objective_label(value: ObjectiveItem) -> str:
    return text.objective_label(value)


@register.filter
def action_label(value: ActionItem) -> str:
    return text.action_label(value)


@register.filter
def expected_result(value: ExpectedResultLine) -> str:
    return text.expected_result_text(value.text, value.plan_year)


@register.filter
def indicator_line(value: IndicatorLine) -> str:
    return text.indicator_text(value.kind, value.text)


@register.filter
def schedule_text(value: ActionItem) -> str:
    return text.schedule_text(value)


@register.filter
def scheduled_in(value: ActionItem, year: int) -> bool:
    return value.schedule_years is not None and year in value.schedule_years


@register.filter
def year_label(value: PlanYear) -> str:
    return text.year_label(value)


@register.filter
def year_short(value: int) -> str:
    return text.year_short(value)


@register.filter
def count_of(summary: object, status: str) -> int:
    count = getattr(summary, "count", None)
    return int(count(status)) if callable(count) else 0


@register.simple_tag
def colon() -> str:
    return text.colon()


@register.filter
def points_for(trend: IndicatorTrend, years: list[int]) -> list[TrendPoint | None]:
    """The indicator's point of each year, None where the year has none."""
    by_year = {p.year: p for p in trend.points}
    return [by_year.get(year) for year in years]


@register.filter
def completion_of(summary: StatusSummary) -> str:
    """Completed actions over all actions, abandoned ones left out: "45 %"."""
    return text.percent(completion_rate(summary))


@register.filter
def trend_label(direction: str) -> str:
    return text.trend_label(direction)


@register.filter
def realisations(item: AnnualAction) -> list[str]:
    """The year's notes on an action, each once (see `renderers.html.realisations`)."""
    from jalon.reports.renderers.html import realisations as lines

    return lines(item)


@register.filter
def of_orientation(mapping: dict[int, object], orientation_id: int) -> object:
    """`mapping[orientation_id]`, an empty list when absent (templates cannot index by a variable)."""
    return mapping.get(orientation_id, []) if mapping else []
