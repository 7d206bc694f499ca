"""The follow-up facts reports read: statuses at a date, and what a plan year did and measured.

`TrackingFacts` implements `jalon.reports.data.FactsSource` on top of this app's queries, in
a fixed number of queries per call whatever the plan's size. A plan that was never followed
(no status update at all) keeps the state its document gave, as `reports.data.PlanOnlyFacts`
does.

`value_text` writes a year's value in the indicator's own unit ("2 113 abonnés", "75 %",
"3 fois"); `preflight(plan, year)` lists what is missing before printing a year's bilan.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jalon.core.fiscal import PlanYear
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, Plan
from jalon.plans.target_text import describe_target
from jalon.reports.data import (
    ActionState,
    ActivityTotals,
    AnnualFacts,
    IndicatorResult,
    PlanReport,
    SatisfactionResult,
)

from .assessment import change_pct
from .enums import AssessmentStatus
from .formats import day_text, french_count, num, pct, quantity
from .models import StatusUpdate
from .queries import YearResult, indicator_rows, is_tracked, load_logs, tracking_start


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
        start = tracking_start(model, logs)
        rows = indicator_rows(model, today, up_to=year.number, logs=logs, start=start)
        indicators = {}
        for row in rows:
            result = row.for_year(year.number)
            if result is None:
                continue
            indicators[row.indicator.pk] = IndicatorResult(
                indicator_id=row.indicator.pk,
                target_text=describe_target(row.target),
                value_text=value_text(result, row.target, model.years),
                value=float(result.value) if result.value is not None else None,
                assessment=str(result.assessment.status),
                assessment_label=str(result.assessment.status.label),
                reason=result.assessment.reason,
                provisional=result.assessment.provisional,
                status_note=status_note(result),
                change_text=change_text(result, row.target, model.years),
                note=result.entry.note if result.entry is not None else "",
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
            tracked=is_tracked(year, start),
            tracking_started_on=start,
        )


def status_note(result: YearResult) -> str:
    """ "provisoire — état au 3 octobre 2026" for a verdict on a year under way, else ""."""
    assessment = result.assessment
    if not assessment.provisional or assessment.as_of is None:
        return ""
    return _("provisoire — état au %(date)s") % {"date": day_text(assessment.as_of)}


def _previous_label(result: YearResult, years: Sequence[PlanYear]) -> str:
    number = result.year.number - 1
    if number <= 0:
        return _("l'année de référence")
    for year in years:
        if year.number == number:
            return year.label.split(" (")[0]
    return _("l'année précédente")


def change_text(
    result: YearResult, target: Mapping[str, object] | None, years: Sequence[PlanYear]
) -> str:
    """A growth level's change on the previous year: "+8,7 % sur 2024-2025 ; cible +15 %".

    Empty when the target is not a growth, the value is itself a change, or the previous
    year is unknown or zero (a change in % cannot be measured from nothing).
    """
    if (target or {}).get("form") != "growth" or result.value is None:
        return ""
    if result.computed is not None and result.computed.is_change:
        return ""
    previous = result.measure.previous
    if previous is None or previous == 0:
        return ""
    if result.assessment.provisional:
        # Part of a year against a whole one: say both levels, not a % change that means
        # nothing yet ("à ce jour ; 47 contacts en 2025-2026 ; cible +10 %").
        text = _("à ce jour ; %(previous)s en %(year)s") % {
            "previous": quantity(previous, result.measure.noun),
            "year": _previous_label(result, years),
        }
        goal = (target or {}).get("value")
        if isinstance(goal, int | float) and not isinstance(goal, bool):
            sign = "-" if (target or {}).get("direction") == "decrease" else "+"
            text += _(" ; cible %(target)s") % {"target": sign + pct(Decimal(str(goal)))}
        return text
    goal = (target or {}).get("value")
    wanted = None
    if isinstance(goal, int | float) and not isinstance(goal, bool):
        wanted = Decimal(str(goal))
        if (target or {}).get("direction") == "decrease":
            wanted = -wanted
    change = change_pct(result.value, previous, wanted)
    text = _("%(change)s sur %(year)s") % {
        "change": ("+" if change > 0 else "") + pct(change),
        "year": _previous_label(result, years),
    }
    if wanted is not None:
        sign = "+" if wanted >= 0 else ""
        text += _(" ; cible %(target)s") % {"target": sign + pct(wanted)}
    return text


def value_text(
    result: YearResult,
    target: Mapping[str, object] | None,
    years: Sequence[PlanYear] = (),
) -> str:
    """The year's value in the indicator's own unit, as a reader writes it: "8 rencontres",
    "75 %", "3 fois", "Réalisé le 3 octobre 2026"; a growth target's yearly level in its
    noun with its change: "2 113 abonnés, +8,7 % sur 2024-2025 ; cible +15 %" (never
    "2 113 %": the value of a growth target is a level, its target a percentage)."""
    form = (target or {}).get("form")
    unit = str((target or {}).get("unit") or "")
    if result.value is not None:
        if result.computed is not None and result.computed.is_change:
            return ("+" if result.value > 0 else "") + pct(result.value)
        if form == "growth":
            level = quantity(result.value, result.measure.noun)
            change = change_text(result, target, years)
            if not change:
                return level
            # "15 contacts à ce jour ; 47 contacts en 2025-2026" / "2 113 abonnés, +8,7 % sur …"
            joint = " " if result.assessment.provisional else ", "
            return f"{level}{joint}{change}"
        if form == "rate" or unit == "%":
            return pct(result.value)
        return quantity(result.value, unit)
    if result.occurrences:
        n = len(result.occurrences)
        return ngettext("%(n)s fois", "%(n)s fois", french_count(n)) % {"n": num(n)}
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


# --- pre-flight: what is missing before printing a year ------------------------------------


@dataclass(frozen=True)
class MissingItem:
    """An action or indicator to complete before printing, with the id to link to."""

    id: int
    code: str
    text: str
    action_id: int | None  # the action itself, or the indicator's action (None: an objective's own)


@dataclass(frozen=True)
class Preflight:
    """What a year's bilan would print as unknown, so it can be fixed first."""

    year: PlanYear
    actions_without_status: tuple[MissingItem, ...]
    indicators_without_value: tuple[MissingItem, ...]
    tracked: bool  # False: the year ended before follow-up started in Jalon

    @property
    def is_complete(self) -> bool:
        return not (self.actions_without_status or self.indicators_without_value)

    @property
    def lines(self) -> list[str]:
        """ "15 actions sans état pour 2025-2026", "3 indicateurs sans valeur pour 2025-2026"."""
        label = self.year.label.split(" (")[0]
        out = []
        if self.actions_without_status:
            n = len(self.actions_without_status)
            out.append(
                ngettext(
                    "%(n)s action sans état pour %(year)s",
                    "%(n)s actions sans état pour %(year)s",
                    french_count(n),
                )
                % {"n": num(n), "year": label}
            )
        if self.indicators_without_value:
            n = len(self.indicators_without_value)
            out.append(
                ngettext(
                    "%(n)s indicateur sans valeur pour %(year)s",
                    "%(n)s indicateurs sans valeur pour %(year)s",
                    french_count(n),
                )
                % {"n": num(n), "year": label}
            )
        return out


def preflight(plan: Plan, year: PlanYear, today: dt.date | None = None) -> Preflight:
    """What is missing before printing `year`'s bilan, for the reports page.

    - **actions without a status**: actions planned in the year (or unscheduled) with no
      status update dated in the year, unless they were already completed or abandoned
      before it began;
    - **indicators without a value**: indicators whose assessment for the year is "aucune
      donnée" (nothing entered nor computed, while the year was followed). Years before
      follow-up started are "pas de suivi" and list nothing.

    Each item carries the id of the action or indicator to link to. Fixed number of queries
    whatever the plan's size (actions, updates, then `indicator_rows`).
    """

    today = today or timezone.localdate()
    logs = load_logs(plan)
    start = tracking_start(plan, logs)
    tracked = is_tracked(year, start)
    in_year: set[int] = set()
    closed_before: set[int] = set()
    for action_id, status, date in (
        StatusUpdate.objects.filter(plan=plan, date__lte=year.end)
        .order_by("action_id", "date", "id")
        .values_list("action_id", "status", "date")
    ):
        if date >= year.start:
            in_year.add(action_id)
        elif status in (ActionStatus.COMPLETED, ActionStatus.ABANDONED):
            closed_before.add(action_id)
        else:
            closed_before.discard(action_id)
    actions = []
    if tracked:
        for action in Action.objects.filter(plan=plan).order_by(
            "objective__orientation__order", "objective__order", "order", "id"
        ):
            scheduled = action.schedule_years
            if isinstance(scheduled, list) and scheduled and year.number not in scheduled:
                continue
            if action.pk in in_year or action.pk in closed_before:
                continue
            actions.append(MissingItem(action.pk, action.code, action.title, action.pk))
    indicators = []
    if tracked:
        for row in indicator_rows(plan, today, up_to=year.number, logs=logs, start=start):
            result = row.for_year(year.number)
            if result is not None and result.assessment.status == AssessmentStatus.NO_DATA:
                ind = row.indicator
                indicators.append(MissingItem(ind.pk, ind.kind, ind.text, ind.action_id))
    return Preflight(year, tuple(actions), tuple(indicators), tracked)
