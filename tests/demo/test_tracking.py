"""The demo's year of follow-up: every indicator of the national plan gets a value and a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.demo import plans as demo_plans
from jalon.demo import tracking as demo_tracking
from jalon.plans.models import Plan
from jalon.tracking import queries
from jalon.tracking.enums import AssessmentStatus
from jalon.tracking.models import Activity, Contact, YearLock

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_plan(built):
    """The national plan of the demo, followed for a year by the demo's tracking step."""
    return Plan.objects.get(organization=built)


def test_demo_gives_every_indicator_of_the_national_plan_a_value_and_a_reason(national_plan, today):
    year = queries.current_year(national_plan, today)
    rows = queries.indicator_rows(national_plan, today, up_to=year.number)
    assert len(rows) == national_plan.indicators.count()
    for row in rows:
        result = row.for_year(year.number)
        has_value = result.value is not None or result.entry is not None or bool(result.occurrences)
        assert has_value, row.indicator.text
        assert result.assessment.status != AssessmentStatus.NO_DATA, (
            row.indicator.text,
            result.assessment.reason,
        )
        assert result.assessment.reason
    forms = {row.indicator.target["form"] for row in rows if row.rule is not None}
    assert {"count", "rate"} <= forms


def test_demo_year_tells_a_story(national_plan, today):
    year = queries.current_year(national_plan, today)
    actions = list(queries.actions_with_state(national_plan))
    statuses = {a.status for a in actions}
    assert {"in_progress", "completed"} <= statuses
    late = [a for a in actions if queries.is_late(a, national_plan, today)]
    assert 1 <= len(late) < len(actions) // 2
    # The clock is frozen mid-year (tests/demo/conftest.py): the year has its logs.
    assert today == dt.date(2026, 11, 16)
    assert Activity.objects.filter(plan=national_plan, date__gte=year.start).exists()
    assert Contact.objects.filter(plan=national_plan).exists()
    assert YearLock.objects.filter(
        plan=national_plan, year=year.number - 1, unlocked_at__isnull=True
    ).exists()
    assert not Activity.objects.filter(date__gt=today).exists()


def test_demo_without_plans_does_nothing():
    demo_plans.wipe()

    demo_tracking.build()

    assert not Activity.objects.exists()
