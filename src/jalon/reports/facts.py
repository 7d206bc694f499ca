"""Where reports get follow-up facts: the one place that connects them to the tracking app.

`tracking.facts.TrackingFacts` supplies dated statuses, indicator values with their
assessment and reason, activities per action and satisfaction (`data.FactsSource`).
`ReportFacts` adds what a yearly report counts over the whole year — each activity once,
with its participants, by kind — in a fixed number of queries whatever the plan's size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from jalon.core.fiscal import PlanYear
from jalon.plans.models import Plan
from jalon.tracking.enums import ActivityKind
from jalon.tracking.facts import TrackingFacts
from jalon.tracking.queries import load_logs
from jalon.tracking.rules import ActivityRow

from .data import ActivityKindTotals, ActivitySummary, AnnualFacts, FactsSource, PlanReport


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


class ReportFacts(TrackingFacts):
    def annual_facts(self, plan: PlanReport, year: PlanYear) -> AnnualFacts:
        facts = super().annual_facts(plan, year)
        logs = load_logs(Plan(pk=plan.id))
        summary = summarize_activities(logs.activities, year.start, year.end)
        return AnnualFacts(
            year=facts.year,
            states=facts.states,
            done=facts.done,
            indicators=facts.indicators,
            activities=facts.activities,
            satisfaction=facts.satisfaction,
            activity_summary=summary,
        )


def facts_source() -> FactsSource:
    return ReportFacts()
