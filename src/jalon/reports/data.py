"""The data of every report, as plain typed structures, and the one function that loads it.

Renderers never touch the database: `load_plan_report` reads a plan and its whole tree in a
fixed number of queries (one per level, whatever the plan's size), and the `build_*` functions
turn that into the structure of one report. Facts that the plan tree does not hold — a status
at a past date, indicator values, assessments, activities, satisfaction — come through the
`FactsSource` protocol, so the tracking app can supply them without the renderers knowing it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from jalon.core.fiscal import PlanYear

# Statuses in the order reports list them; "" is an action whose status nobody gave yet.
STATUS_ORDER: tuple[str, ...] = (
    "completed",
    "in_progress",
    "in_preparation",
    "not_started",
    "postponed",
    "abandoned",
    "",
)
# Organizations mark these actions in bold in their *mise à jour*.
MARKED_STATUSES = frozenset({"completed", "in_progress"})


# --- The plan tree -------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorLine:
    id: int
    kind: str  # "MO", "R" or ""
    text: str
    target: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class ExpectedResultLine:
    text: str
    plan_year: int | None = None


@dataclass(frozen=True)
class ActionState:
    """Where an action stands: its status, the note that goes with it, and since when."""

    status: str = ""
    progress_note: str = ""
    changed_on: dt.date | None = None

    @property
    def is_marked(self) -> bool:
        return self.status in MARKED_STATUSES


@dataclass(frozen=True)
class ActionItem:
    id: int
    code: str
    title: str
    actors: tuple[str, ...] = ()
    schedule_years: tuple[int, ...] | None = None
    timing: str = ""
    expected_results: tuple[ExpectedResultLine, ...] = ()
    indicators: tuple[IndicatorLine, ...] = ()
    state: ActionState = field(default_factory=ActionState)

    def is_scheduled_in(self, year: int) -> bool:
        """Actions without a schedule belong to every year: the plan did not say otherwise."""
        return self.schedule_years is None or year in self.schedule_years


@dataclass(frozen=True)
class ObjectiveItem:
    id: int
    code: str
    kind: str  # "principal", "secondary" or ""
    title: str
    actions: tuple[ActionItem, ...] = ()


@dataclass(frozen=True)
class OrientationItem:
    id: int
    code: str
    title: str
    objectives: tuple[ObjectiveItem, ...] = ()

    def iter_actions(self) -> Iterator[ActionItem]:
        for objective in self.objectives:
            yield from objective.actions


@dataclass(frozen=True)
class PlanReport:
    """A plan as every report sees it: its frame, its statements and its tree."""

    id: int
    title: str
    organization: str
    organization_acronym: str = ""
    kind: str = ""
    state: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    years: tuple[PlanYear, ...] = ()
    adopted_on: dt.date | None = None
    adopted_by: str = ""
    document_updated_on: dt.date | None = None
    mission: str = ""
    vision: str = ""
    global_objective: str = ""
    values: tuple[str, ...] = ()
    mandates: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()
    orientations: tuple[OrientationItem, ...] = ()

    def iter_actions(self) -> Iterator[ActionItem]:
        for orientation in self.orientations:
            yield from orientation.iter_actions()

    @property
    def action_count(self) -> int:
        return sum(1 for _ in self.iter_actions())

    @property
    def has_timing(self) -> bool:
        return any(a.timing for a in self.iter_actions())

    @property
    def has_actors(self) -> bool:
        return any(a.actors for a in self.iter_actions())

    @property
    def has_objective_kinds(self) -> bool:
        return any(o.kind for r in self.orientations for o in r.objectives)

    @property
    def has_indicator_kinds(self) -> bool:
        return any(i.kind for a in self.iter_actions() for i in a.indicators)

    def year(self, number: int) -> PlanYear | None:
        for year in self.years:
            if year.number == number:
                return year
        return None


# --- Facts that come from follow-up ----------------------------------------------------------


@dataclass(frozen=True)
class IndicatorResult:
    """An indicator's measure for one plan year, as the tracking app assessed it."""

    indicator_id: int
    target_text: str = ""
    value_text: str = ""  # "8 rencontres", "75 %", "Adoptée le 3 octobre 2018"
    value: float | None = None
    assessment: str = ""  # tracking.enums.AssessmentStatus code ("achieved", "followed"…), ""
    assessment_label: str = ""  # in the reader's language
    reason: str = ""
    # The year is under way: the verdict may change ("provisoire — état au 3 octobre 2026").
    provisional: bool = False
    status_note: str = ""
    # Growth targets: the level's change on the previous year ("+8,7 % sur 2024-2025").
    change_text: str = ""
    note: str = ""  # the note entered with the value, if any


@dataclass(frozen=True)
class ActivityTotals:
    count: int = 0
    participants: int = 0


@dataclass(frozen=True)
class ActivityKindTotals:
    kind: str
    label: str
    count: int
    participants: int


@dataclass(frozen=True)
class ActivitySummary:
    """The year's activities counted once each (an activity linked to two actions is one)."""

    count: int = 0
    participants: int = 0
    by_kind: tuple[ActivityKindTotals, ...] = ()


@dataclass(frozen=True)
class SatisfactionResult:
    question: str
    rate: float  # 0–100
    respondents: int = 0


@dataclass(frozen=True)
class TrendPoint:
    """An indicator in one plan year: its value and how it was assessed."""

    year: int
    value: float | None = None
    value_text: str = ""
    assessment: str = ""
    assessment_label: str = ""
    reason: str = ""
    target_text: str = ""
    provisional: bool = False
    status_note: str = ""  # "provisoire — état au 3 octobre 2026" for the year under way
    note: str = ""  # the note entered with the value, if any


# An indicator's history: one point per plan year up to the report's year, by indicator id.
History = Mapping[int, tuple[TrendPoint, ...]]


@dataclass(frozen=True)
class AnnualFacts:
    """What happened during one plan year, keyed by the ids of the plan's items."""

    year: int
    states: Mapping[int, ActionState] = field(default_factory=dict)  # by action id
    done: Mapping[int, tuple[str, ...]] = field(default_factory=dict)  # by action id
    indicators: Mapping[int, IndicatorResult] = field(default_factory=dict)  # by indicator id
    activities: Mapping[int, ActivityTotals] = field(default_factory=dict)  # by action id
    satisfaction: tuple[SatisfactionResult, ...] = ()
    activity_summary: ActivitySummary | None = None
    history: History = field(default_factory=dict)
    # False when nothing was followed in Jalon for the year (it ended before follow-up
    # started, or nothing was ever entered): renderers print one notice and compact
    # "non suivi" lines instead of a page of empty measures.
    tracked: bool = True
    tracking_started_on: dt.date | None = None


@dataclass(frozen=True)
class GlobalFacts:
    """What the whole period did: statuses at its end (or today), every indicator's history,
    the activities of each year."""

    as_of: dt.date
    states: Mapping[int, ActionState] = field(default_factory=dict)
    history: History = field(default_factory=dict)
    activities: tuple[tuple[PlanYear, ActivitySummary], ...] = ()
    # The plan years without follow-up in Jalon, and when follow-up started (None: never).
    untracked_years: tuple[int, ...] = ()
    tracking_started_on: dt.date | None = None


class FactsSource(Protocol):
    """Supplies follow-up facts for a plan already loaded; a fixed number of queries per call."""

    def states_at(self, plan: PlanReport, day: dt.date) -> Mapping[int, ActionState]: ...

    def annual_facts(self, plan: PlanReport, year: PlanYear) -> AnnualFacts: ...

    def global_facts(self, plan: PlanReport, today: dt.date) -> GlobalFacts: ...


class PlanOnlyFacts:
    """Facts from the plan itself: each action's current state, and no measures.

    Used until the tracking app supplies the dated history; `states_at` then answers with the
    current state whatever the day.
    """

    def states_at(self, plan: PlanReport, day: dt.date) -> Mapping[int, ActionState]:
        return {a.id: a.state for a in plan.iter_actions()}

    def annual_facts(self, plan: PlanReport, year: PlanYear) -> AnnualFacts:
        return AnnualFacts(year=year.number, states=self.states_at(plan, year.end))

    def global_facts(self, plan: PlanReport, today: dt.date) -> GlobalFacts:
        end = plan.period_end or today
        as_of = min(end, today)
        return GlobalFacts(as_of=as_of, states=self.states_at(plan, as_of))


# --- Report structures ---------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int


def count_statuses(states: list[ActionState]) -> tuple[StatusCount, ...]:
    """Counts by status in report order, every status present even at zero."""
    counts: dict[str, int] = dict.fromkeys(STATUS_ORDER, 0)
    for state in states:
        key = state.status if state.status in counts else ""
        counts[key] += 1
    return tuple(StatusCount(status, counts[status]) for status in STATUS_ORDER)


@dataclass(frozen=True)
class StatusSummary:
    counts: tuple[StatusCount, ...]

    @property
    def total(self) -> int:
        return sum(c.count for c in self.counts)

    def count(self, status: str) -> int:
        for c in self.counts:
            if c.status == status:
                return c.count
        return 0

    @property
    def completed_share(self) -> float | None:
        """The completion rate: see `completion_rate` (one definition for every report)."""
        return completion_rate(self)

    @property
    def counted_for_completion(self) -> int:
        """The actions the completion rate divides by: all but the abandoned ones."""
        return self.total - self.count("abandoned")


@dataclass(frozen=True)
class ProgressAction:
    action: ActionItem
    state: ActionState


@dataclass(frozen=True)
class ProgressObjective:
    objective: ObjectiveItem
    actions: tuple[ProgressAction, ...]


@dataclass(frozen=True)
class ProgressOrientation:
    orientation: OrientationItem
    objectives: tuple[ProgressObjective, ...]
    summary: StatusSummary


@dataclass(frozen=True)
class ProgressReport:
    """The *mise à jour*: every action with its state at a date, and counts per orientation."""

    plan: PlanReport
    as_of: dt.date
    orientations: tuple[ProgressOrientation, ...]
    summary: StatusSummary

    @property
    def used_statuses(self) -> tuple[str, ...]:
        """Statuses worth a column: those at least one action has, in report order."""
        return tuple(c.status for c in self.summary.counts if c.count)


def build_progress_report(
    plan: PlanReport, as_of: dt.date, states: Mapping[int, ActionState]
) -> ProgressReport:
    orientations = []
    every: list[ActionState] = []
    for orientation in plan.orientations:
        objectives = []
        seen: list[ActionState] = []
        for objective in orientation.objectives:
            rows = tuple(ProgressAction(a, states.get(a.id, a.state)) for a in objective.actions)
            seen.extend(r.state for r in rows)
            objectives.append(ProgressObjective(objective, rows))
        orientations.append(
            ProgressOrientation(orientation, tuple(objectives), StatusSummary(count_statuses(seen)))
        )
        every.extend(seen)
    return ProgressReport(
        plan=plan,
        as_of=as_of,
        orientations=tuple(orientations),
        summary=StatusSummary(count_statuses(every)),
    )


@dataclass(frozen=True)
class Narratives:
    """The parts of a yearly report only people can write; saved with the report."""

    introduction: str = ""
    chair_word: str = ""
    highlights: str = ""
    lessons: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.introduction or self.chair_word or self.highlights or self.lessons)


@dataclass(frozen=True)
class AnnualIndicator:
    indicator: IndicatorLine
    result: IndicatorResult | None


@dataclass(frozen=True)
class AnnualAction:
    action: ActionItem
    state: ActionState
    done: tuple[str, ...]
    activities: ActivityTotals | None
    indicators: tuple[AnnualIndicator, ...]


@dataclass(frozen=True)
class AnnualObjective:
    objective: ObjectiveItem
    actions: tuple[AnnualAction, ...]


@dataclass(frozen=True)
class AnnualOrientation:
    orientation: OrientationItem
    objectives: tuple[AnnualObjective, ...]
    summary: StatusSummary
    activities: ActivityTotals


@dataclass(frozen=True)
class AssessmentCount:
    assessment: str
    label: str
    count: int


@dataclass(frozen=True)
class IndicatorTrend:
    """An indicator across plan years, for the trend charts and the bilan global."""

    indicator: IndicatorLine
    action: ActionItem
    points: tuple[TrendPoint, ...]

    @property
    def measured(self) -> tuple[TrendPoint, ...]:
        return tuple(p for p in self.points if p.value is not None)

    @property
    def direction(self) -> str:
        """ "up", "down" or "flat" from the first to the last measured value; "" with fewer than two."""
        measured = self.measured
        if len(measured) < 2:
            return ""
        first, last = measured[0].value, measured[-1].value
        assert first is not None and last is not None
        if last > first:
            return "up"
        if last < first:
            return "down"
        return "flat"

    @property
    def final(self) -> TrendPoint | None:
        """The latest closed year assessed with data; else the year under way (its verdict is
        provisional and says so); else the latest year at all."""
        assessed = [
            p
            for p in self.points
            if p.assessment and p.assessment not in ("no_data", "not_tracked")
        ]
        settled = [p for p in assessed if not p.provisional]
        if settled:
            return settled[-1]
        if assessed:
            return assessed[-1]
        return self.points[-1] if self.points else None

    @property
    def target_text(self) -> str:
        for point in reversed(self.points):
            if point.target_text:
                return point.target_text
        return ""


def build_trends(plan: PlanReport, history: History) -> tuple[IndicatorTrend, ...]:
    return tuple(
        IndicatorTrend(indicator, action, history[indicator.id])
        for action in plan.iter_actions()
        for indicator in action.indicators
        if indicator.id in history
    )


@dataclass(frozen=True)
class AnnualReport:
    """The *bilan annuel* of one plan year: per orientation and objective, what was done and measured."""

    plan: PlanReport
    year: PlanYear
    orientations: tuple[AnnualOrientation, ...]
    summary: StatusSummary
    activities: ActivityTotals
    assessments: tuple[AssessmentCount, ...]
    satisfaction: tuple[SatisfactionResult, ...]
    narratives: Narratives
    activity_summary: ActivitySummary | None = None
    trends: tuple[IndicatorTrend, ...] = ()
    tracked: bool = True  # see AnnualFacts.tracked
    tracking_started_on: dt.date | None = None

    @property
    def indicator_count(self) -> int:
        return sum(
            len(a.indicators) for o in self.orientations for ob in o.objectives for a in ob.actions
        )


def _add(a: ActivityTotals, b: ActivityTotals | None) -> ActivityTotals:
    if b is None:
        return a
    return ActivityTotals(a.count + b.count, a.participants + b.participants)


def build_annual_report(
    plan: PlanReport, year: PlanYear, facts: AnnualFacts, narratives: Narratives | None = None
) -> AnnualReport:
    """Actions scheduled in the year (or unscheduled), each with what the facts say of it."""
    orientations = []
    every: list[ActionState] = []
    total = ActivityTotals()
    assessments: dict[str, AssessmentCount] = {}
    for orientation in plan.orientations:
        objectives = []
        seen: list[ActionState] = []
        ori_total = ActivityTotals()
        for objective in orientation.objectives:
            rows = []
            for action in objective.actions:
                if not action.is_scheduled_in(year.number):
                    continue
                state = facts.states.get(action.id, action.state)
                activities = facts.activities.get(action.id)
                indicators = []
                for indicator in action.indicators:
                    result = facts.indicators.get(indicator.id)
                    indicators.append(AnnualIndicator(indicator, result))
                    key = result.assessment if result else ""
                    label = result.assessment_label if result else ""
                    previous = assessments.get(key)
                    assessments[key] = AssessmentCount(
                        key,
                        label or (previous.label if previous else ""),
                        (previous.count if previous else 0) + 1,
                    )
                rows.append(
                    AnnualAction(
                        action=action,
                        state=state,
                        # The current note is printed with the state: not twice.
                        done=tuple(
                            line
                            for line in facts.done.get(action.id, ())
                            if line != state.progress_note
                        ),
                        activities=activities,
                        indicators=tuple(indicators),
                    )
                )
                seen.append(state)
                ori_total = _add(ori_total, activities)
            if rows:
                objectives.append(AnnualObjective(objective, tuple(rows)))
        orientations.append(
            AnnualOrientation(
                orientation, tuple(objectives), StatusSummary(count_statuses(seen)), ori_total
            )
        )
        every.extend(seen)
        total = _add(total, ori_total)
    return AnnualReport(
        plan=plan,
        year=year,
        orientations=tuple(orientations),
        summary=StatusSummary(count_statuses(every)),
        activities=total,
        assessments=tuple(
            sorted(assessments.values(), key=lambda c: (c.assessment == "", -c.count))
        ),
        satisfaction=facts.satisfaction,
        narratives=narratives or Narratives(),
        activity_summary=facts.activity_summary,
        trends=build_trends(plan, facts.history),
        tracked=facts.tracked,
        tracking_started_on=facts.tracking_started_on,
    )


@dataclass(frozen=True)
class GlobalOrientation:
    orientation: OrientationItem
    summary: StatusSummary
    indicators: tuple[IndicatorTrend, ...]
    assessments: tuple[AssessmentCount, ...]


def completion_rate(summary: StatusSummary) -> float | None:
    """Completed actions over all actions but the abandoned ones, as a percentage.

    The one definition of the completion rate, shared with the tracking roll-ups
    (`tracking.rollups.completion_rate`): an abandoned action is left out of the count, a
    postponed action counts as not completed, and so does an action with no status. None when
    every action is abandoned (or there is none).
    """
    counted = summary.total - summary.count("abandoned")
    return 100.0 * summary.count("completed") / counted if counted else None


def _final_counts(trends: tuple[IndicatorTrend, ...]) -> tuple[AssessmentCount, ...]:
    counts: dict[str, AssessmentCount] = {}
    for trend in trends:
        final = trend.final
        key = final.assessment if final else ""
        label = final.assessment_label if final else ""
        previous = counts.get(key)
        counts[key] = AssessmentCount(
            key,
            label or (previous.label if previous else ""),
            (previous.count if previous else 0) + 1,
        )
    return tuple(sorted(counts.values(), key=lambda c: (c.assessment == "", -c.count)))


@dataclass(frozen=True)
class GlobalReport:
    """The *bilan global*: the whole period, per orientation, with every indicator's path."""

    plan: PlanReport
    as_of: dt.date
    orientations: tuple[GlobalOrientation, ...]
    summary: StatusSummary
    trends: tuple[IndicatorTrend, ...]
    assessments: tuple[AssessmentCount, ...]
    activities: tuple[tuple[PlanYear, ActivitySummary], ...]
    narratives: Narratives
    untracked_years: tuple[int, ...] = ()  # see GlobalFacts.untracked_years
    tracking_started_on: dt.date | None = None

    @property
    def completion_rate(self) -> float | None:
        return completion_rate(self.summary)

    @property
    def activity_total(self) -> ActivitySummary:
        return ActivitySummary(
            count=sum(a.count for _, a in self.activities),
            participants=sum(a.participants for _, a in self.activities),
        )


def build_global_report(
    plan: PlanReport, facts: GlobalFacts, narratives: Narratives | None = None
) -> GlobalReport:
    trends = build_trends(plan, facts.history)
    by_action: dict[int, list[IndicatorTrend]] = defaultdict(list)
    for trend in trends:
        by_action[trend.action.id].append(trend)
    orientations = []
    every: list[ActionState] = []
    for orientation in plan.orientations:
        states = [facts.states.get(a.id, a.state) for a in orientation.iter_actions()]
        mine = tuple(t for a in orientation.iter_actions() for t in by_action.get(a.id, ()))
        orientations.append(
            GlobalOrientation(
                orientation, StatusSummary(count_statuses(states)), mine, _final_counts(mine)
            )
        )
        every.extend(states)
    return GlobalReport(
        plan=plan,
        as_of=facts.as_of,
        orientations=tuple(orientations),
        summary=StatusSummary(count_statuses(every)),
        trends=trends,
        assessments=_final_counts(trends),
        activities=facts.activities,
        narratives=narratives or Narratives(),
        untracked_years=facts.untracked_years,
        tracking_started_on=facts.tracking_started_on,
    )


# --- Loading -------------------------------------------------------------------------------


def _years(raw: Any) -> tuple[int, ...] | None:
    if not isinstance(raw, list):
        return None
    return tuple(sorted({int(y) for y in raw if isinstance(y, int) and not isinstance(y, bool)}))


def _strings(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(str(item) for item in raw if str(item).strip())


def load_plan_report(plan_id: int) -> PlanReport:
    """The plan and its whole tree in seven queries, whatever its size.

    Raises `Plan.DoesNotExist` for an unknown id; access is checked by the caller.
    """
    from jalon.plans.models import (
        Action,
        ActionActor,
        ExpectedResult,
        Indicator,
        Objective,
        Orientation,
        Plan,
    )

    plan = Plan.objects.select_related("organization").get(pk=plan_id)

    actors: dict[int, list[str]] = defaultdict(list)
    for actor in ActionActor.objects.filter(action__plan_id=plan_id).order_by(
        "action_id", "order", "id"
    ):
        actors[actor.action_id].append(actor.name)
    results: dict[int, list[ExpectedResultLine]] = defaultdict(list)
    for result in ExpectedResult.objects.filter(action__plan_id=plan_id).order_by(
        "action_id", "order", "id"
    ):
        results[result.action_id].append(ExpectedResultLine(result.text, result.plan_year))
    indicators: dict[int, list[IndicatorLine]] = defaultdict(list)
    for ind in Indicator.objects.filter(plan_id=plan_id).order_by("action_id", "order", "id"):
        target = ind.target if isinstance(ind.target, dict) else None
        if ind.action_id is not None:  # objectives' own indicators: not in the documents yet
            indicators[ind.action_id].append(IndicatorLine(ind.pk, ind.kind, ind.text, target))

    actions: dict[int, list[ActionItem]] = defaultdict(list)
    for action in Action.objects.filter(plan_id=plan_id).order_by("objective_id", "order", "id"):
        actions[action.objective_id].append(
            ActionItem(
                id=action.pk,
                code=action.code,
                title=action.title,
                actors=tuple(actors.get(action.pk, ())),
                schedule_years=_years(action.schedule_years),
                timing=action.timing,
                expected_results=tuple(results.get(action.pk, ())),
                indicators=tuple(indicators.get(action.pk, ())),
                state=ActionState(action.status, action.progress_note, action.status_changed_on),
            )
        )
    objectives: dict[int, list[ObjectiveItem]] = defaultdict(list)
    for objective in Objective.objects.filter(plan_id=plan_id).order_by(
        "orientation_id", "order", "id"
    ):
        objectives[objective.orientation_id].append(
            ObjectiveItem(
                id=objective.pk,
                code=objective.code,
                kind=objective.kind,
                title=objective.title,
                actions=tuple(actions.get(objective.pk, ())),
            )
        )
    orientations = tuple(
        OrientationItem(
            id=o.pk, code=o.code, title=o.title, objectives=tuple(objectives.get(o.pk, ()))
        )
        for o in Orientation.objects.filter(plan_id=plan_id).order_by("order", "id")
    )
    glossary = plan.glossary if isinstance(plan.glossary, dict) else {}
    return PlanReport(
        id=plan.pk,
        title=plan.title,
        organization=plan.organization.name,
        organization_acronym=plan.organization.acronym,
        kind=plan.kind,
        state=plan.state,
        period_start=plan.period_start,
        period_end=plan.period_end,
        years=tuple(plan.years),
        adopted_on=plan.adopted_on,
        adopted_by=plan.adopted_by,
        document_updated_on=plan.document_updated_on,
        mission=plan.mission,
        vision=plan.vision,
        global_objective=plan.global_objective,
        values=_strings(plan.values),
        mandates=_strings(plan.mandates),
        notes=_strings(plan.notes),
        glossary=tuple((str(k), str(v)) for k, v in glossary.items()),
        orientations=orientations,
    )
