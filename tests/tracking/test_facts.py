"""The facts reports read from the follow-up (reports.data.FactsSource), in fixed queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jalon.reports.data import build_annual_report, load_plan_report
from jalon.tracking import services
from jalon.tracking.facts import TrackingFacts
from tests.factories import IndicatorFactory

from .conftest import count_target, make_actions

pytestmark = pytest.mark.django_db


def test_states_at_a_date_come_from_the_dated_updates(plan, today):
    first, second = make_actions(plan, 2)
    services.update_action_status(
        action=first,
        user=None,
        status="in_preparation",
        on_date=today - dt.timedelta(days=20),
        note="Appel lancé",
    )
    services.update_action_status(action=first, user=None, status="completed", on_date=today)
    report = load_plan_report(plan.pk)
    states = TrackingFacts(today=today).states_at(report, today - dt.timedelta(days=1))
    assert (states[first.pk].status, states[first.pk].progress_note) == (
        "in_preparation",
        "Appel lancé",
    )
    assert states[second.pk].status == ""


def test_a_plan_never_followed_keeps_its_documents_states(plan, today):
    action = make_actions(plan, 1)[0]
    action.status = "in_progress"
    action.save()
    states = TrackingFacts(today=today).states_at(load_plan_report(plan.pk), today)
    assert states[action.pk].status == "in_progress"


def test_annual_facts_feed_the_annual_report(plan, carried, org_b, today):
    indicator = carried.indicators.get()
    services.set_indicator_rule(indicator=indicator, user=None, kind="activity_count")
    services.log_activity(
        plan=plan,
        user=None,
        kind="meeting",
        date=today,
        title="Rencontre régionale",
        participants=30,
        satisfaction=Decimal("88"),
        actions=[carried],
        organizations=[org_b],
    )
    services.update_action_status(
        action=carried, user=None, status="in_progress", on_date=today, note="2 régions visitées"
    )
    report = load_plan_report(plan.pk)
    year = report.years[0]
    facts = TrackingFacts(today=today).annual_facts(report, year)
    result = facts.indicators[indicator.pk]
    assert result.value == 1.0
    assert result.value_text == "1 rencontre"
    assert result.target_text == "8 rencontres par année"
    assert result.assessment in {"on_track", "at_risk", "off_track", "achieved"}
    assert result.reason.startswith("1 rencontre pour une cible de 8 par année")
    assert facts.activities[carried.pk].count == 1
    assert facts.activities[carried.pk].participants == 30
    assert "2 régions visitées" in facts.done[carried.pk]
    assert [s.rate for s in facts.satisfaction] == [88.0]
    annual = build_annual_report(report, year, facts)
    assert annual.activities.count == 1
    assert annual.summary.count("in_progress") == 1


@pytest.mark.parametrize("size", [1, 20])
def test_annual_facts_run_a_fixed_number_of_queries(plan, today, size, django_assert_num_queries):
    actions = make_actions(plan, size)
    for action in actions:
        IndicatorFactory(action=action, plan=plan, target=count_target(4))
        services.update_action_status(action=action, user=None, status="in_progress", on_date=today)
        services.log_activity(
            plan=plan, user=None, kind="meeting", date=today, title="R", actions=[action]
        )
    report = load_plan_report(plan.pk)
    # The plan, the logs (4), when follow-up started (first update, first occurrence: 2),
    # indicators, rules, values, locks, the year's update notes and the statuses at its end.
    with django_assert_num_queries(13):
        TrackingFacts(today=today).annual_facts(report, report.years[0])
