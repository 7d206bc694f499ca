import datetime as dt

import pytest

from jalon.reports.data import (
    ActionState,
    ActivityTotals,
    AnnualFacts,
    IndicatorResult,
    Narratives,
    PlanOnlyFacts,
    build_annual_report,
    build_progress_report,
    load_plan_report,
)
from tests.factories import (
    ActionActorFactory,
    ActionFactory,
    ExpectedResultFactory,
    IndicatorFactory,
    ObjectiveFactory,
    OrientationFactory,
    PlanFactory,
)

from .plan_builder import build_plan

LOAD_QUERIES = 7


def test_load_plan_report_keeps_tree_order_and_content(org_a):
    plan = PlanFactory(organization=org_a)
    second = OrientationFactory(plan=plan, code="2", title="Deuxième", order=2)
    first = OrientationFactory(plan=plan, code="1", title="Première", order=1)
    objective = ObjectiveFactory(orientation=first, code="P1", kind="principal", order=0)
    later = ActionFactory(objective=objective, code="2", order=2, schedule_years=[2, 1])
    earlier = ActionFactory(
        objective=objective, code="1", order=1, status="completed", progress_note="Fait"
    )
    ActionActorFactory(action=earlier, name="Direction", order=1)
    ActionActorFactory(action=earlier, name="Coordination", order=0)
    ExpectedResultFactory(action=earlier, text="Les membres se connaissent", plan_year=1)
    IndicatorFactory(action=earlier, kind="R", text="Taux de 75% de satisfaction")

    report = load_plan_report(plan.pk)

    assert [o.title for o in report.orientations] == ["Première", "Deuxième"]
    assert report.orientations[1].id == second.pk
    actions = report.orientations[0].objectives[0].actions
    assert [a.id for a in actions] == [earlier.pk, later.pk]
    assert actions[0].actors == ("Coordination", "Direction")
    assert actions[0].expected_results[0].plan_year == 1
    assert actions[0].indicators[0].kind == "R"
    assert actions[0].state == ActionState("completed", "Fait", None)
    assert actions[1].schedule_years == (1, 2)
    assert [y.label for y in report.years][:2] == ["2017-2018 (An 1)", "2018-2019 (An 2)"]
    assert report.organization == "Consortium A"


@pytest.mark.parametrize("size", [5, 200])
def test_load_plan_report_runs_same_queries_whatever_the_size(
    org_a, size, django_assert_num_queries
):
    plan = build_plan(org_a, actions=size)
    with django_assert_num_queries(LOAD_QUERIES):
        report = load_plan_report(plan.pk)
    assert report.action_count == size


def test_progress_report_counts_statuses_per_orientation(org_a):
    plan = build_plan(org_a, actions=12, orientations=2, objectives_per_orientation=1)
    report = load_plan_report(plan.pk)

    progress = build_progress_report(
        report, dt.date(2018, 3, 15), PlanOnlyFacts().states_at(report, dt.date(2018, 3, 15))
    )

    first = progress.orientations[0].summary
    # actions 1–6 cycle through completed, in_progress, in_preparation, not_started, "", postponed
    assert [(c.status, c.count) for c in first.counts] == [
        ("completed", 1),
        ("in_progress", 1),
        ("in_preparation", 1),
        ("not_started", 1),
        ("postponed", 1),
        ("abandoned", 0),
        ("", 1),
    ]
    assert progress.summary.total == 12
    assert progress.summary.completed_share == pytest.approx(100 * 2 / 12)
    assert progress.used_statuses == (
        "completed",
        "in_progress",
        "in_preparation",
        "not_started",
        "postponed",
        "",
    )


def test_progress_report_prefers_states_given_for_the_date(org_a):
    plan = build_plan(org_a, actions=2, orientations=1, objectives_per_orientation=1)
    report = load_plan_report(plan.pk)
    first = next(report.iter_actions())

    progress = build_progress_report(
        report, dt.date(2017, 9, 1), {first.id: ActionState("not_started", "", None)}
    )

    rows = progress.orientations[0].objectives[0].actions
    assert rows[0].state.status == "not_started"
    assert rows[1].state.status == "in_progress"


def test_annual_report_keeps_actions_of_the_year_and_their_measures(org_a):
    plan = PlanFactory(organization=org_a)
    objective = ObjectiveFactory(orientation=OrientationFactory(plan=plan))
    in_year_1 = ActionFactory(objective=objective, schedule_years=[1, 2], status="completed")
    ActionFactory(objective=objective, schedule_years=[3])
    unscheduled = ActionFactory(objective=objective, schedule_years=None)
    measured = IndicatorFactory(action=in_year_1, kind="MO", text="8 rencontres annuelles")
    IndicatorFactory(action=in_year_1, kind="R", text="Taux de 75% de satisfaction")
    report = load_plan_report(plan.pk)
    year = report.years[0]
    facts = AnnualFacts(
        year=1,
        states={unscheduled.pk: ActionState("in_progress", "Deux régions", None)},
        done={in_year_1.pk: ("Rencontre du 3 octobre 2017",)},
        indicators={
            measured.pk: IndicatorResult(
                measured.pk, "8", "6 rencontres", 6, "behind", "En retard", "Deux reportées"
            )
        },
        activities={in_year_1.pk: ActivityTotals(6, 84), unscheduled.pk: ActivityTotals(1, 10)},
    )

    annual = build_annual_report(report, year, facts, Narratives(introduction="Bonjour"))

    actions = annual.orientations[0].objectives[0].actions
    assert [a.action.id for a in actions] == [in_year_1.pk, unscheduled.pk]
    assert actions[0].done == ("Rencontre du 3 octobre 2017",)
    assert actions[0].indicators[0].result is not None
    assert actions[0].indicators[0].result.assessment_label == "En retard"
    assert actions[0].indicators[1].result is None
    assert actions[1].state.status == "in_progress"
    assert annual.activities == ActivityTotals(7, 94)
    assert [(c.assessment, c.label, c.count) for c in annual.assessments] == [
        ("behind", "En retard", 1),
        ("", "", 1),
    ]
    assert annual.indicator_count == 2
    assert annual.narratives.introduction == "Bonjour"
