"""Every follow-up page runs the same number of SQL queries for one item and for many."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jalon.tracking import services
from tests.factories import IndicatorFactory, OrganizationFactory

from .conftest import count_target, make_actions

pytestmark = pytest.mark.django_db


def populate(plan, count, cast, today):
    """`count` actions, each with an indicator (one in two computed), updates, an activity, a contact."""
    editor = cast["editor_a"]
    actions = make_actions(plan, count)
    organizations = [OrganizationFactory() for _ in range(min(count, 3))]
    # the objective is measured by an indicator of its own too, one hand-entered, one computed
    for rule in (False, True):
        own = IndicatorFactory(
            action=None, objective=actions[0].objective, plan=plan, target=count_target(4)
        )
        if rule:
            services.set_indicator_rule(indicator=own, user=editor, kind="activity_count")
        else:
            services.record_indicator_value(
                indicator=own, user=editor, plan_year=1, value=Decimal(3), source="Registre"
            )
    for i, action in enumerate(actions):
        indicator = IndicatorFactory(action=action, plan=plan, target=count_target(4))
        if i % 2:
            services.set_indicator_rule(indicator=indicator, user=editor, kind="activity_count")
        else:
            services.record_indicator_value(
                indicator=indicator, user=editor, plan_year=1, value=Decimal(2), source="Registre"
            )
        services.update_action_status(
            action=action,
            user=editor,
            status="in_progress",
            on_date=today - dt.timedelta(days=40),
            progress=20,
        )
        update = services.update_action_status(
            action=action,
            user=editor,
            status="completed",
            on_date=today,
            links=["https://exemple.org"],
        )
        services.follow_action(user=cast["reader_a"], action=action)
        services.log_activity(
            plan=plan,
            user=editor,
            kind="meeting",
            date=today,
            title=f"Rencontre {i}",
            participants=10,
            organizations=organizations,
            actions=[action],
            indicators=[indicator],
        )
        services.log_contact(
            plan=plan,
            user=editor,
            date=today,
            channel="phone",
            subject=f"Appel {i}",
            organization=organizations[0],
        )
        assert update.pk
    return actions


# The dashboard, the indicators and an indicator's page also read when follow-up started
# (the first status update, and the first dated occurrence unless already loaded).
PAGES = [
    ("tracking:dashboard", 20),
    ("tracking:progress", 8),
    ("tracking:round", 7),
    ("tracking:indicators", 13),
    ("tracking:activities", 15),
    ("tracking:activities_csv", 11),
    ("tracking:contacts", 10),
    ("tracking:contacts_csv", 7),
]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", [1, 25])
@pytest.mark.parametrize(("name", "expected"), PAGES, ids=[p[0] for p in PAGES])
def test_plan_pages_run_a_fixed_number_of_queries(
    login, cast, plan, today, size, name, expected, django_assert_num_queries
):
    populate(plan, size, cast, today)
    client = login(cast["editor_a"])
    url = reverse(name, args=[plan.pk])
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 25])
def test_action_and_indicator_pages_run_a_fixed_number_of_queries(
    login, cast, plan, today, size, django_assert_num_queries
):
    actions = populate(plan, size, cast, today)
    client = login(cast["editor_a"])
    action = actions[-1]
    with django_assert_num_queries(9):
        client.get(reverse("tracking:action", args=[plan.pk, action.pk]))
    indicator = action.indicators.get()
    with django_assert_num_queries(15):
        client.get(reverse("tracking:indicator", args=[plan.pk, indicator.pk]))


@pytest.mark.parametrize("size", [1, 25])
def test_notifications_run_a_fixed_number_of_queries(
    login, cast, plan, today, size, django_assert_num_queries
):
    populate(plan, size, cast, today)
    client = login(cast["reader_a"])
    # Session, user, the reader's memberships (access is checked when notices are shown), notices.
    with django_assert_num_queries(4):
        client.get(reverse("tracking:notifications"))
    with django_assert_num_queries(4):
        client.get(reverse("tracking:notifications_count"))
