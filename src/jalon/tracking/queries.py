"""Reads of the follow-up, and who may do what with it.

Access builds on `jalon.plans.queries` (tested there and again on every tracking view):
- whoever reads a plan reads its dashboard, timelines, indicators, values and activity log;
- the contacts log (who was called about what) stays inside the plan's organization: members
  of the network who read an adopted plan do not read it, nor do the networks' editors who
  read a plan a member shared with them (`Plan.sharing`): they read the rest, never change it;
- contributors update the actions they carry and the indicators of those actions, and log
  activities and contacts; they change or delete the entries they logged themselves;
- editors (and administrators) change everything in their organization's plans, set the
  rules of indicators and lock or unlock years.

Every loader here runs a fixed number of queries whatever the plan's size: the page tests pin
it with one item and with many.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from django.db.models import Min, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role, memberships_of, role_in
from jalon.core.fiscal import PlanYear, plan_year_of
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, ActionActor, Indicator, Plan
from jalon.plans.queries import can_update_action, carries_action, visible_plans
from jalon.plans.targets import growth_noun
from jalon.resources.models import DownloadDay, Resource

from .assessment import Assessment, Measure, assess
from .enums import SOURCE_RULE_KINDS, AssessmentStatus
from .models import (
    Activity,
    Contact,
    Evidence,
    IndicatorRule,
    IndicatorValue,
    Notification,
    StatusUpdate,
    YearLock,
)
from .rollups import ActionState
from .rules import (
    ActivityRow,
    Computed,
    ContactRow,
    DownloadRow,
    Logs,
    RuleSpec,
    compute_year,
    records_behind,
)
from .sources import SourceRule, provided_values

OPEN_STATUSES = {
    "",
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PREPARATION,
    ActionStatus.IN_PROGRESS,
    ActionStatus.POSTPONED,
}

# --- access ----------------------------------------------------------------------------------


def can_log(user: Any, plan: Plan) -> bool:
    """Contributors and up log activities and contacts for their organization's plans."""
    return has_role(user, plan.organization_id, Role.CONTRIBUTOR)


def can_edit_tracking(user: Any, plan: Plan) -> bool:
    """Editors and administrators change everything in the follow-up of their organization's plans."""
    return has_role(user, plan.organization_id, Role.EDITOR)


def can_change_entry(user: Any, plan: Plan, created_by_id: int | None) -> bool:
    """An activity or a contact: editors change any; contributors those they logged."""
    if can_edit_tracking(user, plan):
        return True
    return can_log(user, plan) and created_by_id is not None and created_by_id == user.pk


def can_read_contacts(user: Any, plan: Plan) -> bool:
    return role_in(user, plan.organization_id) is not None


def plans_with_readable_contacts(user: Any) -> QuerySet[Plan]:
    """The plans whose contacts log the user reads (`can_read_contacts`, as a queryset)."""
    plans = visible_plans(user)
    if getattr(user, "is_superuser", False):
        return plans
    return plans.filter(organization_id__in=list(memberships_of(user)))


def visible_status_updates(user: Any) -> QuerySet[StatusUpdate]:
    """The status updates of the plans the user reads, with their authors."""
    return StatusUpdate.objects.filter(plan__in=visible_plans(user)).select_related("author")


def visible_activities(user: Any) -> QuerySet[Activity]:
    """The activity log of the plans the user reads, with its links (three prefetches)."""
    return Activity.objects.filter(plan__in=visible_plans(user)).prefetch_related(
        "organizations", "actions", "indicators"
    )


def visible_values(user: Any) -> QuerySet[IndicatorValue]:
    """The indicator values of the plans the user reads, with who entered them."""
    return IndicatorValue.objects.filter(indicator__plan__in=visible_plans(user)).select_related(
        "entered_by"
    )


def readable_contacts(user: Any) -> QuerySet[Contact]:
    """The contacts of the plans whose contacts log the user reads (`can_read_contacts`)."""
    return Contact.objects.filter(plan__in=plans_with_readable_contacts(user)).select_related(
        "made_by"
    )


def can_update_indicator(user: Any, indicator: Indicator) -> bool:
    """An action's indicator: whoever updates the action; an objective's own: its editors."""
    if indicator.action is not None:
        return can_update_action(user, indicator.action)
    return can_edit_tracking(user, indicator.plan)


def can_set_rule(user: Any, plan: Plan) -> bool:
    return can_edit_tracking(user, plan)


def can_delete_update(user: Any, update: StatusUpdate) -> bool:
    """Editors delete any update (a mistake); a contributor the ones they wrote."""
    if can_edit_tracking(user, update.plan):
        return True
    return (
        update.author_id is not None and update.author_id == user.pk and can_log(user, update.plan)
    )


def get_action(plan: Plan, action_pk: int) -> Action:
    """An action of a plan the caller has already checked; 404 for any other."""
    try:
        return (
            Action.objects.select_related("objective__orientation")
            .prefetch_related("actors")
            .get(pk=action_pk, plan=plan)
        )
    except (Action.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_indicator(plan: Plan, indicator_pk: int) -> Indicator:
    try:
        indicator = Indicator.objects.select_related(
            "action__objective__orientation", "objective__orientation"
        ).get(pk=indicator_pk, plan=plan)
    except (Indicator.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    indicator.plan = plan
    if indicator.action is not None:
        indicator.action.plan = plan
    return indicator


def get_activity(plan: Plan, pk: int) -> Activity:
    try:
        return Activity.objects.get(pk=pk, plan=plan)
    except (Activity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_contact(plan: Plan, pk: int) -> Contact:
    try:
        return Contact.objects.get(pk=pk, plan=plan)
    except (Contact.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_update(plan: Plan, pk: int) -> StatusUpdate:
    try:
        update = StatusUpdate.objects.select_related("action").get(pk=pk, plan=plan)
    except (StatusUpdate.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    update.plan = plan
    return update


def get_value(indicator: Indicator, pk: int) -> IndicatorValue:
    try:
        return IndicatorValue.objects.get(pk=pk, indicator=indicator)
    except (IndicatorValue.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_evidence(plan: Plan, pk: int) -> Evidence:
    try:
        return Evidence.objects.select_related("update").get(pk=pk, update__plan=plan)
    except (Evidence.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- years and locks ---------------------------------------------------------------------------


def current_year(plan: Plan, today: dt.date) -> PlanYear | None:
    """The plan year containing `today`; the first before the plan, the last after it."""
    years = plan.years
    if not years:
        return None
    found = plan_year_of(today, years)
    if found:
        return found
    return years[0] if today < years[0].start else years[-1]


def chosen_year(plan: Plan, number: object, today: dt.date) -> PlanYear | None:
    """The plan year asked for in the address (`?annee=2`), else the current one."""
    years = plan.years
    try:
        wanted = int(str(number))
    except (TypeError, ValueError):
        return current_year(plan, today)
    for year in years:
        if year.number == wanted:
            return year
    return current_year(plan, today)


def open_locks(plan: Plan) -> dict[int, YearLock]:
    """The plan's locked years by number."""
    return {
        lock.year: lock
        for lock in YearLock.objects.filter(plan=plan, unlocked_at__isnull=True).select_related(
            "locked_by"
        )
    }


def lock_history(plan: Plan) -> list[YearLock]:
    return list(
        YearLock.objects.filter(plan=plan)
        .select_related("locked_by", "unlocked_by")
        .order_by("year", "-locked_at")
    )


def year_lock_for(plan: Plan, day: dt.date) -> tuple[PlanYear | None, YearLock | None]:
    """The plan year of a date and its open lock, if it is locked."""
    year = plan_year_of(day, plan.years)
    if year is None:
        return None, None
    lock = YearLock.objects.filter(plan=plan, year=year.number, unlocked_at__isnull=True).first()
    return year, lock


def scheduled_in(action: Action, year: PlanYear | None) -> bool:
    """Whether an action is planned in a year (actions without known years are in every year)."""
    if year is None or not action.schedule_years:
        return True
    return year.number in action.schedule_years


# --- actions -------------------------------------------------------------------------------------


def _latest_progress() -> Subquery:
    return Subquery(
        StatusUpdate.objects.filter(action=OuterRef("pk"), progress__isnull=False)
        .order_by("-date", "-id")
        .values("progress")[:1]
    )


def actions_with_state(plan: Plan) -> QuerySet[Action]:
    """The plan's actions in order, with their actors and latest progress % (`latest_progress`)."""
    return (
        Action.objects.filter(plan=plan)
        .select_related("objective__orientation")
        .prefetch_related(Prefetch("actors", queryset=ActionActor.objects.select_related("user")))
        .annotate(latest_progress=_latest_progress())
    )


def action_states(actions: Iterable[Action]) -> list[ActionState]:
    return [
        ActionState(
            action_id=a.pk,
            objective_id=a.objective_id,
            orientation_id=a.objective.orientation_id,
            status=a.status,
            progress=getattr(a, "latest_progress", None),
        )
        for a in actions
    ]


def carries(user: Any, action: Action) -> bool:
    """carries_action with the actors already loaded (no query)."""
    actors = list(action.actors.all())
    return carries_action(user, action, [a.name for a in actors], [a.user_id for a in actors])


def round_actions(
    user: Any, plan: Plan, year: PlanYear | None, *, everything: bool = False
) -> list[Action]:
    """The actions of the update round: those the user carries in the year (all of the year's for
    `everything`, which editors may ask for)."""
    actions = [a for a in actions_with_state(plan) if scheduled_in(a, year)]
    for action in actions:
        action.plan = plan
    if everything:
        return actions
    return [a for a in actions if carries(user, a)]


def days_since_update(action: Action, today: dt.date) -> int | None:
    if action.status_changed_on is None:
        return None
    return (today - action.status_changed_on).days


def is_late(action: Action, plan: Plan, today: dt.date) -> bool:
    """An open action with no update for more than the plan's reminder delay."""
    if action.status not in OPEN_STATUSES:
        return False
    days = days_since_update(action, today)
    return days is None or days > plan.reminder_days


def timeline(action: Action) -> list[StatusUpdate]:
    return list(
        StatusUpdate.objects.filter(action=action)
        .select_related("author")
        .prefetch_related("evidence")
        .order_by("-date", "-id")
    )


def is_following(user: Any, action: Action) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return action.followers.filter(user=user).exists()


def status_at(plan: Plan, on_date: dt.date) -> dict[int, StatusUpdate]:
    """Each action's latest update dated on or before `on_date` (for a *mise à jour* at a date)."""
    latest: dict[int, StatusUpdate] = {}
    for update in StatusUpdate.objects.filter(plan=plan, date__lte=on_date).order_by(
        "action_id", "date", "id"
    ):
        latest[update.action_id] = update
    return latest


# --- logs ----------------------------------------------------------------------------------------


def load_logs(plan: Plan) -> Logs:
    """A plan's activities and contacts as plain rows, in four queries."""
    links_actions: dict[int, set[int]] = defaultdict(set)
    for activity_id, action_id in Activity.actions.through.objects.filter(
        activity__plan=plan
    ).values_list("activity_id", "action_id"):
        links_actions[activity_id].add(action_id)
    links_indicators: dict[int, set[int]] = defaultdict(set)
    for activity_id, indicator_id in Activity.indicators.through.objects.filter(
        activity__plan=plan
    ).values_list("activity_id", "indicator_id"):
        links_indicators[activity_id].add(indicator_id)
    activities = tuple(
        ActivityRow(
            id=pk,
            kind=kind,
            date=day,
            title=title,
            participants=participants,
            satisfaction=satisfaction,
            action_ids=frozenset(links_actions.get(pk, ())),
            indicator_ids=frozenset(links_indicators.get(pk, ())),
        )
        for pk, kind, day, title, participants, satisfaction in Activity.objects.filter(plan=plan)
        .order_by("date", "id")
        .values_list("id", "kind", "date", "title", "participants", "satisfaction")
    )
    contacts = tuple(
        ContactRow(id=pk, date=day, organization_id=org)
        for pk, day, org in Contact.objects.filter(plan=plan)
        .order_by("date", "id")
        .values_list("id", "date", "organization_id")
    )
    return Logs(
        activities=activities, contacts=contacts, download_source=partial(downloads_of, plan)
    )


def downloads_of(plan: Plan) -> tuple[DownloadRow, ...]:
    """The daily download counts of the resources the plan's actions produced or its
    indicators chose, in three queries (read only when a downloads rule is computed)."""
    chosen: dict[int, set[int]] = defaultdict(set)
    for resource_id, indicator_id in Resource.indicators.through.objects.filter(
        indicator__plan=plan
    ).values_list("resource_id", "indicator_id"):
        chosen[resource_id].add(indicator_id)
    producers = dict(
        Resource.objects.filter(Q(produced_by__plan=plan) | Q(pk__in=list(chosen))).values_list(
            "id", "produced_by_id"
        )
    )
    return tuple(
        DownloadRow(
            resource_id=resource_id,
            day=day,
            count=count,
            action_id=producers[resource_id],
            indicator_ids=frozenset(chosen.get(resource_id, ())),
        )
        for resource_id, day, count in DownloadDay.objects.filter(resource_id__in=list(producers))
        .order_by("day", "resource_id")
        .values_list("resource_id", "day", "count")
    )


@dataclass
class ActivityFilters:
    kind: str = ""
    year: PlanYear | None = None
    action_id: int | None = None
    indicator_id: int | None = None
    organization_id: int | None = None
    text: str = ""
    ids: tuple[int, ...] | None = None  # the records behind a computed value


def activities(plan: Plan, filters: ActivityFilters) -> QuerySet[Activity]:
    qs = Activity.objects.filter(plan=plan)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.year:
        qs = qs.filter(date__gte=filters.year.start, date__lte=filters.year.end)
    if filters.action_id:
        qs = qs.filter(actions=filters.action_id)
    if filters.indicator_id:
        qs = qs.filter(indicators=filters.indicator_id)
    if filters.organization_id:
        qs = qs.filter(organizations=filters.organization_id)
    if filters.text:
        qs = qs.filter(Q(title__icontains=filters.text) | Q(notes__icontains=filters.text))
    if filters.ids is not None:
        qs = qs.filter(pk__in=filters.ids)
    return (
        qs.distinct()
        .select_related("created_by")
        .prefetch_related("organizations", "actions", "indicators")
        .order_by("-date", "-id")
    )


@dataclass
class ContactFilters:
    channel: str = ""
    year: PlanYear | None = None
    organization_id: int | None = None
    made_by_id: int | None = None
    text: str = ""
    ids: tuple[int, ...] | None = None


def contacts(plan: Plan, filters: ContactFilters) -> QuerySet[Contact]:
    qs = Contact.objects.filter(plan=plan)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.year:
        qs = qs.filter(date__gte=filters.year.start, date__lte=filters.year.end)
    if filters.organization_id:
        qs = qs.filter(organization=filters.organization_id)
    if filters.made_by_id:
        qs = qs.filter(made_by=filters.made_by_id)
    if filters.text:
        qs = qs.filter(Q(subject__icontains=filters.text) | Q(notes__icontains=filters.text))
    if filters.ids is not None:
        qs = qs.filter(pk__in=filters.ids)
    return qs.select_related("organization", "made_by", "created_by").order_by("-date", "-id")


def recent_updates(plan: Plan, limit: int = 8) -> list[StatusUpdate]:
    return list(
        StatusUpdate.objects.filter(plan=plan)
        .select_related("action", "author")
        .order_by("-date", "-created_at", "-id")[:limit]
    )


def recent_activities(plan: Plan, limit: int = 8) -> list[Activity]:
    return list(Activity.objects.filter(plan=plan).order_by("-date", "-id")[:limit])


# --- indicators ------------------------------------------------------------------------------------


def first_record_date(
    plan: Plan, logs: Logs | None = None, occurrence_dates: Iterable[dt.date] | None = None
) -> dt.date | None:
    """The date of the first thing entered in Jalon for the plan: a status update (not the
    statuses an imported document carried), an activity, a contact or a dated occurrence.

    One query for the updates, one for the occurrences unless their dates are passed in, plus
    the logs when not passed in.
    """
    if logs is None:
        logs = load_logs(plan)
    dates = [row.date for row in logs.activities] + [row.date for row in logs.contacts]
    first_update = StatusUpdate.objects.filter(plan=plan, is_initial=False).aggregate(
        first=Min("date")
    )["first"]
    if first_update is not None:
        dates.append(first_update)
    if occurrence_dates is None:
        first_occurrence = IndicatorValue.objects.filter(
            indicator__plan=plan, occurrence=True, on_date__isnull=False
        ).aggregate(first=Min("on_date"))["first"]
        occurrence_dates = [first_occurrence] if first_occurrence is not None else []
    dates.extend(occurrence_dates)
    return min(dates, default=None)


def tracking_start(
    plan: Plan, logs: Logs | None = None, occurrence_dates: Iterable[dt.date] | None = None
) -> dt.date | None:
    """When follow-up started in Jalon: `Plan.tracking_started_on` when a person set it (a
    plan adopted before Jalon was), else the first record entered; None when nothing was.

    A plan year that ended before it is "not tracked": what the logs would compute for it is
    unknown, not zero (see docs/tracking.md, "No data is not zero").
    """
    if plan.tracking_started_on is not None:
        return plan.tracking_started_on
    return first_record_date(plan, logs, occurrence_dates)


# indicator_rows(start=…) when the caller does not know the start yet.
UNKNOWN_START = object()


def is_tracked(year: PlanYear, start: dt.date | None) -> bool:
    """A plan year is followed when it had not ended before follow-up started."""
    return start is not None and year.end >= start


@dataclass
class YearResult:
    year: PlanYear
    value: Decimal | None
    computed: Computed | None
    entry: IndicatorValue | None
    occurrences: list[IndicatorValue]
    measure: Measure
    assessment: Assessment
    locked: bool = False

    @property
    def status(self) -> str:
        return str(self.assessment.status)


@dataclass
class IndicatorRow:
    indicator: Indicator
    rule: IndicatorRule | None
    baseline: IndicatorValue | None
    years: list[YearResult] = field(default_factory=list)

    @property
    def target(self) -> dict[str, Any] | None:
        target = self.indicator.target
        return target if isinstance(target, dict) else None

    def for_year(self, number: int) -> YearResult | None:
        for result in self.years:
            if result.year.number == number:
                return result
        return None


def rule_spec(rule: IndicatorRule) -> RuleSpec:
    return RuleSpec(
        kind=rule.kind,
        base_kind=rule.base_kind,
        activity_kinds=tuple(rule.activity_kinds or ()),
        scope=rule.scope,
        source_question=rule.source_question,
        source_answer=rule.source_answer,
    )


def indicator_rows(
    plan: Plan,
    today: dt.date,
    *,
    up_to: int | None = None,
    indicator: Indicator | None = None,
    logs: Logs | None = None,
    locks: dict[int, YearLock] | None = None,
    start: dt.date | object | None = UNKNOWN_START,
) -> list[IndicatorRow]:
    """Every indicator of the plan (or one) with its value and assessment for each plan year.

    Years after `up_to` are left out. Years that ended before follow-up started
    (`tracking_start`, passed in as `start` when the caller has it) are "not tracked". Nine
    queries in all: indicators, rules, values, locks, the first status update and the logs
    (four) — fewer when the logs, the locks or the start are passed in.
    """
    years = [y for y in plan.years if up_to is None or y.number <= up_to]
    indicators_qs = Indicator.objects.filter(plan=plan).select_related(
        "action__objective__orientation", "objective__orientation"
    )
    if indicator is not None:
        indicators_qs = indicators_qs.filter(pk=indicator.pk)
    indicators = sorted(indicators_qs, key=_plan_position)
    ids = [i.pk for i in indicators]
    rules = {r.indicator_id: r for r in IndicatorRule.objects.filter(indicator_id__in=ids)}
    entries: dict[int, dict[int, IndicatorValue]] = defaultdict(dict)
    occurrences: dict[int, dict[int, list[IndicatorValue]]] = defaultdict(lambda: defaultdict(list))
    for entry in IndicatorValue.objects.filter(indicator_id__in=ids).select_related("entered_by"):
        if entry.occurrence:
            occurrences[entry.indicator_id][entry.plan_year].append(entry)
        else:
            entries[entry.indicator_id][entry.plan_year] = entry
    locked = set(open_locks(plan) if locks is None else locks)
    if logs is None:
        logs = load_logs(plan)
    if start is UNKNOWN_START:
        dated = (
            e.on_date
            for by_year in occurrences.values()
            for items in by_year.values()
            for e in items
            if e.on_date is not None
        )
        # Occurrences of every indicator are needed: a single indicator's page asks for them.
        start = tracking_start(plan, logs, list(dated) if indicator is None else None)
    started_on = start if isinstance(start, dt.date) else None
    year_count = len(plan.years)
    # Values other apps provide (surveys): one batch for the page, no query when none is used.
    source_rules = [
        SourceRule(r.indicator_id, r.kind, r.source_question, r.source_answer)
        for r in rules.values()
        if r.kind in SOURCE_RULE_KINDS
    ]
    provided = provided_values(source_rules, plan.years) if source_rules else {}
    rows = []
    for ind in indicators:
        ind.plan = plan
        if ind.action is not None:
            ind.action.plan = plan
        row = IndicatorRow(indicator=ind, rule=rules.get(ind.pk), baseline=entries[ind.pk].get(0))
        _fill_years(
            row,
            years,
            entries[ind.pk],
            occurrences[ind.pk],
            logs,
            today,
            _target_span(plan, row.target),
            year_count,
            locked=locked,
            start=started_on,
            provided=provided,
        )
        for result in row.years:
            result.locked = result.year.number in locked
        rows.append(row)
    return rows


def _plan_position(ind: Indicator) -> tuple[int, int, int, int, int, int, int, int]:
    """Where an indicator stands in the plan as written: an objective's own indicators come
    before its actions' (they measure the objective as a whole), then in their order."""
    action = ind.action
    objective = action.objective if action is not None else ind.objective
    assert objective is not None
    orientation = objective.orientation
    return (
        orientation.order,
        orientation.pk,
        objective.order,
        objective.pk,
        0 if action is None else 1,
        action.order if action is not None else 0,
        ind.order,
        ind.pk,
    )


def _target_span(plan: Plan, target: dict[str, Any] | None) -> PlanYear | None:
    """From the plan's start to the deadline of a target set over the plan: the end of the
    last plan year ending in its year ("d'ici 2027"), else the end of the plan."""
    years = plan.years
    if not years:
        return None
    by = (target or {}).get("by")
    end = years[-1].end
    if isinstance(by, int) and not isinstance(by, bool):
        ending = [y.end for y in years if y.end.year == by]
        if ending:
            end = ending[-1]
        elif by < years[0].end.year:
            end = years[0].end
    return PlanYear(number=0, start=years[0].start, end=end)


def _fill_years(
    row: IndicatorRow,
    years: list[PlanYear],
    entries: dict[int, IndicatorValue],
    occurrences: dict[int, list[IndicatorValue]],
    logs: Logs,
    today: dt.date,
    plan_period: PlanYear | None,
    year_count: int,
    *,
    locked: set[int] | frozenset[int] = frozenset(),
    start: dt.date | None = None,
    provided: dict[tuple[int, int], Computed] | None = None,
) -> None:
    ind = row.indicator
    action = ind.action  # None for an objective's own indicator
    target = row.target
    spec = rule_spec(row.rule) if row.rule else None
    previous = row.baseline.value if row.baseline else None
    previous_tracked = True  # the baseline is entered by hand: it is known or missing
    noun = (growth_noun(ind.text) or "") if (target or {}).get("form") == "growth" else ""
    cumulative: Decimal | None = None
    done_before = False
    done_on: dt.date | None = None
    deadline = _deadline(action, year_count)
    for year in years:
        entry = entries.get(year.number)
        dated = sorted(occurrences.get(year.number, []), key=lambda e: e.on_date or year.start)
        computed = None
        tracked = is_tracked(year, start)
        if spec is not None and spec.kind in SOURCE_RULE_KINDS:
            # A survey is data whenever it was held, even before follow-up started in Jalon.
            computed = (provided or {}).get((ind.pk, year.number)) or _no_survey(year)
            value = computed.value
            dates: tuple[dt.date, ...] = ()
            tracked = tracked or value is not None
        elif spec is not None and tracked:
            computed = compute_year(
                spec,
                indicator_id=ind.pk,
                action_id=ind.action_id,
                logs=logs,
                year=year,
                today=today,
            )
            value = computed.value
            dates = computed.dates if computed.value is not None else ()
        else:
            value = entry.value if entry else None
            dates = tuple(e.on_date for e in dated if e.on_date)
        if value is not None:
            cumulative = (cumulative or Decimal(0)) + value
        if entry is not None and entry.done:
            done_before = True
            done_on = entry.on_date
        measure = Measure(
            value=value,
            previous=previous,
            cumulative=cumulative,
            value_is_change=bool(computed and computed.is_change),
            done=True if done_before else (entry.done if entry else None),
            done_on=done_on,
            # Before follow-up started, the action's current status says nothing of that year;
            # an objective's own indicator has no action status at all.
            action_status=action.status if (action is not None and tracked) else "",
            occurrences=dates,
            narrative=entry.narrative if entry else "",
            judgement=entry.judgement if entry else "",
            tracked=tracked,
            previous_tracked=previous_tracked,
            noun=noun,
        )
        result = assess(
            target,
            measure,
            year=year,
            today=today,
            plan_period=plan_period,
            deadline=deadline if target and target.get("period") != "year" else year.number,
            final=year.number in locked,
        )
        row.years.append(
            YearResult(
                year=year,
                value=value,
                computed=computed,
                entry=entry,
                occurrences=dated,
                measure=measure,
                assessment=result,
            )
        )
        previous = value
        previous_tracked = tracked or value is not None


def indicators_reading(question_id: int) -> list[Indicator]:
    """The indicators whose rule reads this survey question (`tracking.sources`)."""
    return list(
        Indicator.objects.filter(
            rule__source_question=question_id, rule__kind__in=list(SOURCE_RULE_KINDS)
        )
    )


def _no_survey(year: PlanYear) -> Computed:
    return Computed(
        None,
        "survey",
        (),
        (),
        _("Aucun sondage de la série n'a de résultat pour %(year)s.") % {"year": year.label},
    )


def _deadline(action: Action | None, year_count: int) -> int | None:
    """The plan year a milestone is due: its action's last scheduled year, else the plan's last
    (an objective's own indicator has no schedule of its own: the plan's last year)."""
    scheduled = [
        int(y) for y in ((action.schedule_years if action else None) or []) if str(y).isdigit()
    ]
    if scheduled:
        return max(scheduled)
    return year_count or None


def records_for(row: IndicatorRow, year: PlanYear, logs: Logs) -> tuple[str, tuple[int, ...]]:
    """The kind and ids of the log records behind a computed value."""
    if row.rule is None:
        return "", ()
    return records_behind(
        rule_spec(row.rule),
        indicator_id=row.indicator.pk,
        action_id=row.indicator.action_id,
        logs=logs,
        year=year,
    )


def assessment_counts(rows: list[IndicatorRow], year_number: int) -> list[tuple[str, int]]:
    counts = dict.fromkeys(AssessmentStatus.values, 0)
    for row in rows:
        result = row.for_year(year_number)
        if result is not None:
            counts[result.status] += 1
    return list(counts.items())


# --- notifications -------------------------------------------------------------------------------


def _readable_notifications(user: Any) -> QuerySet[Notification]:
    """The user's notifications about plans they may still read (access is checked when shown)."""
    return Notification.objects.filter(user=user).filter(
        Q(action__isnull=True) | Q(action__plan__in=visible_plans(user))
    )


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return _readable_notifications(user).filter(read_at__isnull=True).count()


def notifications_for(user: Any, limit: int = 100) -> list[Notification]:
    return list(
        _readable_notifications(user)
        .select_related("action__plan", "actor", "update")
        .order_by("-created_at", "-id")[:limit]
    )
