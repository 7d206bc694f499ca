"""The demo's year of follow-up: every indicator of the national plan gets a value and a reason."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.accounts.enums import Role
from jalon.core.fiscal import fiscal_year_start
from jalon.demo import network as demo_network
from jalon.demo import tracking as demo_tracking
from jalon.demo.build import NETWORK_SLUG
from jalon.network.models import Organization
from jalon.plans.enums import PlanState
from jalon.tracking import queries
from jalon.tracking.enums import AssessmentStatus
from jalon.tracking.models import Activity, Contact, YearLock
from tests.factories import (
    ActionActorFactory,
    ActionFactory,
    IndicatorFactory,
    MembershipFactory,
    ObjectiveFactory,
    OrganizationFactory,
    OrientationFactory,
    PlanFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TARGETS = [
    (
        "8 rencontres annuelles",
        {"form": "count", "value": 8, "unit": "rencontres", "period": "year"},
    ),
    ("Taux de 75% de satisfaction des participants", {"form": "rate", "value": 75, "unit": "%"}),
    (
        "Hausse de 10% des contacts personnalisés chaque année",
        {"form": "growth", "value": 10, "period": "year", "direction": "increase"},
    ),
    (
        "Augmentation des visites du site Web de 10%/année",
        {"form": "growth", "value": 10, "period": "year", "direction": "increase"},
    ),
    ("Nombre de membres recrutés", {"form": "plain_count", "value": None, "unit": "membres"}),
    ("Rédaction et adoption d'un cadre de référence", {"form": "milestone"}),
    (
        "Plateforme mise à jour tous les 3 mois",
        {"form": "frequency", "every": {"count": 3, "unit": "month"}},
    ),
    ("Les membres se connaissent bien", {"form": "qualitative"}),
    (
        "2 publications par année",
        {"form": "count", "value": 2, "unit": "publications", "period": "year"},
    ),
    ("Infolettre mensuelle aux membres", {"form": "frequency", "value": 1, "period": "month"}),
    ("Tenue d'un forum national", None),
]


@pytest.fixture
def national_plan(today):
    demo_network.build()
    national = Organization.objects.get(slug=NETWORK_SLUG)
    for _ in range(5):
        OrganizationFactory(parent=national)
    for position, role in [
        ("Agent de liaison", Role.CONTRIBUTOR),
        ("Direction", Role.EDITOR),
        ("", Role.READER),
    ]:
        MembershipFactory(user=UserFactory(), organization=national, role=role, position=position)
    start = fiscal_year_start(today, 7).replace(year=fiscal_year_start(today, 7).year - 1)
    plan = PlanFactory(
        organization=national,
        title="Plan d'action national de démonstration",
        state=PlanState.ADOPTED,
        period_start=start,
        period_end=dt.date(start.year + 5, 6, 30),
    )
    actors = ["Agent de liaison", "Direction", "Coordination"]
    for o in range(3):
        orientation = OrientationFactory(plan=plan, code=str(o + 1), order=o)
        objective = ObjectiveFactory(orientation=orientation, plan=plan, order=0)
        for a in range(8):
            action = ActionFactory(
                objective=objective,
                plan=plan,
                code=f"{o + 1}.{a + 1}",
                order=a,
                schedule_years=None,
            )
            ActionActorFactory(action=action, name=actors[(o + a) % 3])
    actions = list(plan.actions.order_by("pk"))
    for i, (text, target) in enumerate(TARGETS):
        IndicatorFactory(action=actions[i], plan=plan, text=text, target=target, kind="R")
    return plan


def test_demo_gives_every_indicator_of_the_national_plan_a_value_and_a_reason(national_plan, today):
    demo_tracking.build(today=today)
    year = queries.current_year(national_plan, today)
    rows = queries.indicator_rows(national_plan, today, up_to=year.number)
    assert len(rows) == len(TARGETS)
    for row in rows:
        result = row.for_year(year.number)
        has_value = result.value is not None or result.entry is not None or bool(result.occurrences)
        assert has_value, row.indicator.text
        assert result.assessment.status != AssessmentStatus.NO_DATA, (
            row.indicator.text,
            result.assessment.reason,
        )
        assert result.assessment.reason
    computed = {row.indicator.text for row in rows if row.rule is not None}
    assert {"8 rencontres annuelles", "Taux de 75% de satisfaction des participants"} <= computed


def test_demo_year_tells_a_story(national_plan, today):
    demo_tracking.build(today=today)
    year = queries.current_year(national_plan, today)
    actions = list(queries.actions_with_state(national_plan))
    statuses = {a.status for a in actions}
    assert {"in_progress", "completed"} <= statuses
    late = [a for a in actions if queries.is_late(a, national_plan, today)]
    assert 1 <= len(late) < len(actions) // 2
    assert Activity.objects.filter(plan=national_plan, date__gte=year.start).exists()
    assert Contact.objects.filter(plan=national_plan).exists()
    assert YearLock.objects.filter(
        plan=national_plan, year=year.number - 1, unlocked_at__isnull=True
    ).exists()
    assert not Activity.objects.filter(date__gt=today).exists()


def test_demo_without_plans_does_nothing():
    demo_network.build()
    demo_tracking.build()
    assert not Activity.objects.exists()


def test_the_built_demo_assesses_every_indicator_of_the_national_plan(today):
    from jalon.demo.build import build_demo
    from jalon.plans.models import Plan

    build_demo()
    national = Plan.objects.get(organization__slug=NETWORK_SLUG, state=PlanState.ADOPTED)
    year = queries.current_year(national, today)
    rows = queries.indicator_rows(national, today, up_to=year.number)
    assert rows
    for row in rows:
        result = row.for_year(year.number)
        assert result.value is not None or result.entry is not None or result.occurrences, (
            row.indicator.text
        )
        assert result.assessment.status != AssessmentStatus.NO_DATA, (
            row.indicator.text,
            result.assessment.reason,
        )
    # The clock is frozen mid-year (tests/tracking/conftest.py): the year has its logs.
    assert today == dt.date(2026, 11, 16)
    assert Activity.objects.filter(plan=national, date__gte=year.start).exists()
    assert Contact.objects.filter(plan=national, date__gte=year.start).exists()
