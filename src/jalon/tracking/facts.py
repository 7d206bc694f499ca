"""The follow-up facts reports read: statuses at a date, and what a plan year did and measured.

`TrackingFacts` implements `jalon.reports.data.FactsSource` on top of this app's queries, in
a fixed number of queries per call whatever the plan's size. A plan that was never followed
(no status update at all) keeps the state its document gave, as `reports.data.PlanOnlyFacts`
does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.core.fiscal import PlanYear
from jalon.plans.models import Plan
from jalon.reports.data import (
    ActionState,
    ActivityTotals,
    AnnualFacts,
    IndicatorResult,
    PlanReport,
    SatisfactionResult,
)

from .assessment import describe_target
from .formats import day_text, pct, quantity
from .models import StatusUpdate
from .queries import YearResult, indicator_rows, load_logs


class TrackingFacts:
    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today

    def states_at(self, plan: PlanReport, day: dt.date) -> Mapping[int, ActionState]:
        """Each action's latest update dated on or before `day` (one query)."""
        latest: dict[int, ActionState] = {}
        any_update = False
        for action_id, status, note, date in (
            StatusUpdate.objects.filter(plan_id=plan.id)
            .order_by("action_id", "date", "id")
            .values_list("action_id", "status", "note", "date")
        ):
            any_update = True
            if date <= day:
                latest[action_id] = ActionState(status=status, progress_note=note, changed_on=date)
        if not any_update:
            return {a.id: a.state for a in plan.iter_actions()}
        return {a.id: latest.get(a.id, ActionState()) for a in plan.iter_actions()}

    def annual_facts(self, plan: PlanReport, year: PlanYear) -> AnnualFacts:
        today = self.today or timezone.localdate()
        model = Plan.objects.get(pk=plan.id)
        logs = load_logs(model)
        rows = indicator_rows(model, today, up_to=year.number, logs=logs)
        indicators = {}
        for row in rows:
            result = row.for_year(year.number)
            if result is None:
                continue
            indicators[row.indicator.pk] = IndicatorResult(
                indicator_id=row.indicator.pk,
                target_text=describe_target(row.target),
                value_text=_value_text(result, row.target),
                value=float(result.value) if result.value is not None else None,
                assessment=str(result.assessment.status),
                assessment_label=str(result.assessment.status.label),
                reason=result.assessment.reason,
            )
        totals: dict[int, ActivityTotals] = {}
        done: dict[int, list[str]] = defaultdict(list)
        satisfaction = []
        for activity in logs.activities:
            if not year.start <= activity.date <= year.end:
                continue
            for action_id in activity.action_ids:
                before = totals.get(action_id, ActivityTotals())
                totals[action_id] = ActivityTotals(
                    before.count + 1, before.participants + (activity.participants or 0)
                )
                done[action_id].append(f"{activity.title} ({day_text(activity.date)})")
            if activity.satisfaction is not None:
                satisfaction.append(
                    SatisfactionResult(
                        question=f"{activity.title} ({day_text(activity.date)})",
                        rate=float(activity.satisfaction),
                        respondents=activity.participants or 0,
                    )
                )
        for action_id, note in (
            StatusUpdate.objects.filter(plan_id=plan.id, date__gte=year.start, date__lte=year.end)
            .exclude(note="")
            .order_by("date", "id")
            .values_list("action_id", "note")
        ):
            if note not in done[action_id]:
                done[action_id].append(note)
        return AnnualFacts(
            year=year.number,
            states=self.states_at(plan, min(year.end, today)),
            done={k: tuple(v) for k, v in done.items()},
            indicators=indicators,
            activities=totals,
            satisfaction=tuple(satisfaction),
        )


def _value_text(result: YearResult, target: dict[str, object] | None) -> str:
    """The year's value as a reader writes it: "8 rencontres", "75 %", "Réalisé le 3 octobre"."""
    form = (target or {}).get("form")
    unit = str((target or {}).get("unit") or "")
    if result.value is not None:
        if result.computed is not None and result.computed.is_change:
            return ("+" if result.value > 0 else "") + pct(result.value)
        if form == "rate" or unit == "%":
            return pct(result.value)
        return quantity(result.value, unit)
    if result.occurrences:
        return _("%(n)s occurrence(s)") % {"n": len(result.occurrences)}
    entry = result.entry
    if entry is not None:
        if entry.done:
            return (
                _("Réalisé le %(date)s") % {"date": day_text(entry.on_date)}
                if entry.on_date
                else _("Réalisé")
            )
        if entry.done is False:
            return _("Non réalisé")
        if entry.narrative:
            return entry.narrative
    return ""
