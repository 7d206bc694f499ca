"""Fixtures of the follow-up tests: an adopted plan of organization A whose first year is the
current fiscal year, with actions carried by the contributor's position ("Agent de liaison")
and by others, and a helper to add more.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from jalon.core.fiscal import fiscal_year_start
from jalon.plans.enums import PlanState
from tests.factories import (
    ActionActorFactory,
    ActionFactory,
    IndicatorFactory,
    ObjectiveFactory,
    OrientationFactory,
    PlanFactory,
)


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


def make_plan(organization, today, **kwargs):
    start = fiscal_year_start(today, 7)
    defaults = {
        "organization": organization,
        "state": PlanState.ADOPTED,
        "period_start": start,
        "period_end": dt.date(start.year + 3, 6, 30),
        "reminder_days": 30,
    }
    defaults.update(kwargs)
    return PlanFactory(**defaults)


def make_actions(plan, count, *, actor="Agent de liaison", objective=None, **kwargs):
    """`count` actions under one objective, each carried by `actor`."""
    if objective is None:
        orientation = OrientationFactory(plan=plan)
        objective = ObjectiveFactory(orientation=orientation, plan=plan)
    actions = []
    for _ in range(count):
        action = ActionFactory(objective=objective, plan=plan, schedule_years=None, **kwargs)
        ActionActorFactory(action=action, name=actor)
        actions.append(action)
    return actions


def count_target(value, unit="rencontres", period="year", direction=None):
    return {
        "form": "count",
        "value": value,
        "unit": unit,
        "period": period,
        "every": None,
        "direction": direction,
        "span": None,
        "confidence": 1.0,
    }


@pytest.fixture
def plan(org_a, today):
    return make_plan(org_a, today)


@pytest.fixture
def carried(plan):
    """An action the contributor carries (by position), with a count indicator."""
    action = make_actions(plan, 1)[0]
    IndicatorFactory(
        action=action, plan=plan, text="8 rencontres annuelles", target=count_target(8)
    )
    return action


@pytest.fixture
def other_action(plan, carried):
    """An action of the same plan carried by the direction only."""
    return make_actions(plan, 1, actor="Direction", objective=carried.objective)[0]


@pytest.fixture
def network_plan(network, today):
    """An adopted plan of the network itself, which members of the network read."""
    plan = make_plan(network, today)
    make_actions(plan, 1, actor="Coordination")
    return plan


# The follow-up depends on today's date (the current plan year, what is late, the share of the
# year gone by): its tests run on a fixed day, mid-way through a fiscal year, so that no
# assertion hangs on the day the suite runs (they used to weaken from 1 July to early August).
# The clock still ticks from there, so that saves made one after the other stay in order.
FROZEN_NOW = dt.datetime(2026, 11, 16, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _frozen_clock():
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield
