"""Where reports get follow-up facts: the one place that connects them to the tracking app.

`tracking.facts.TrackingFacts` supplies dated statuses, indicator values with their
assessment and reason, activities per action and satisfaction (`data.FactsSource`).
`ReportFacts` adds what a yearly report counts over the whole year — each activity once,
with its participants, by kind — in a fixed number of queries whatever the plan's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone

from jalon.core.fiscal import PlanYear
from jalon.plans.models import Plan
from jalon.plans.target_text import describe_target
from jalon.tracking.enums import ActivityKind
from jalon.tracking.facts import TrackingFacts, status_note, value_text
from jalon.tracking.queries import (
    UNKNOWN_START,
    indicator_rows,
    is_tracked,
    load_logs,
    tracking_start,
)
from jalon.tracking.rules import ActivityRow, Logs

from .data import (
    ActivityKindTotals,
    ActivitySummary,
    AnnualFacts,
    FactsSource,
    GlobalFacts,
    History,
    PlanReport,
    TrendPoint,
)


def summarize_activities(
    rows: Iterable[ActivityRow], start: dt.date, end: dt.date
) -> ActivitySummary:
    """Activities dated from `start` to `end`, each counted once, by kind in the order of the
    kinds (the most frequent first when equal)."""
    by_kind: dict[str, list[int]] = {}
    count = participants = 0
    for row in rows:
        if not start <= row.date <= end:
            continue
        count += 1
        participants += row.participants or 0
        totals = by_kind.setdefault(row.kind, [0, 0])
        totals[0] += 1
        totals[1] += row.participants or 0
    kinds = []
    for kind, (n, people) in sorted(by_kind.items(), key=lambda item: -item[1][0]):
        label = str(ActivityKind(kind).label) if kind in ActivityKind.values else kind
        kinds.append(ActivityKindTotals(kind=kind, label=label, count=n, participants=people))
    return ActivitySummary(count=count, participants=participants, by_kind=tuple(kinds))


def history(
    model: Plan,
    today: dt.date,
    logs: Logs,
    up_to: int | None = None,
    start: dt.date | object | None = UNKNOWN_START,
) -> History:
    """Every indicator's value and assessment for each plan year (up to `up_to`); four queries
    (five when the start of follow-up is not passed in)."""
    out = {}
    for row in indicator_rows(model, today, up_to=up_to, logs=logs, start=start):
        target = describe_target(row.target)
        out[row.indicator.pk] = tuple(
            TrendPoint(
                year=result.year.number,
                value=float(result.value) if result.value is not None else None,
                value_text=value_text(result, row.target, model.years),
                assessment=str(result.assessment.status),
                assessment_label=str(result.assessment.status.label),
                reason=result.assessment.reason,
                target_text=target,
                provisional=result.assessment.provisional,
                status_note=status_note(result),
                note=result.entry.note if result.entry is not None else "",
            )
            for result in row.years
        )
    return out


class ReportFacts(TrackingFacts):
    def annual_facts(self, plan: PlanReport, year: PlanYear) -> AnnualFacts:
        facts = super().annual_facts(plan, year)
        model = Plan.objects.get(pk=plan.id)
        logs = load_logs(model)
        summary = summarize_activities(logs.activities, year.start, year.end)
        today = self.today or timezone.localdate()
        return AnnualFacts(
            year=facts.year,
            states=facts.states,
            done=facts.done,
            indicators=facts.indicators,
            activities=facts.activities,
            satisfaction=facts.satisfaction,
            activity_summary=summary,
            history=history(model, today, logs, up_to=year.number, start=facts.tracking_started_on),
            tracked=facts.tracked,
            tracking_started_on=facts.tracking_started_on,
        )

    def global_facts(self, plan: PlanReport, today: dt.date) -> GlobalFacts:
        """Statuses at the end of the period (today if it is not over), every year's measures."""
        model = Plan.objects.get(pk=plan.id)
        as_of = min(plan.period_end or today, today)
        logs = load_logs(model)
        started = [y.number for y in plan.years if y.start <= today]
        start = tracking_start(model, logs)
        return GlobalFacts(
            as_of=as_of,
            states=self.states_at(plan, as_of),
            history=history(model, today, logs, up_to=max(started, default=0), start=start),
            activities=tuple(
                (year, summarize_activities(logs.activities, year.start, year.end))
                for year in plan.years
                if year.start <= today
            ),
            untracked_years=tuple(
                y.number for y in plan.years if y.start <= today and not is_tracked(y, start)
            ),
            tracking_started_on=start,
        )


def facts_source() -> FactsSource:
    return ReportFacts()
