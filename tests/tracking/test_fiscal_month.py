"""A plan whose fiscal year starts in another month than its period: an April fiscal year and a
plan that starts in July. Its years run April to March — on the plan, in the share of the year
gone by, and in every assessment — not July to June."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jalon.tracking import queries, services
from tests.factories import IndicatorFactory

from .conftest import count_target, make_actions, make_plan

pytestmark = pytest.mark.django_db
NB = "\u00a0"


@pytest.fixture
def april_plan(org_a):
    return make_plan(
        org_a,
        dt.date(2025, 10, 1),
        period_start=dt.date(2025, 7, 1),
        period_end=dt.date(2028, 3, 31),
        fiscal_year_start_month=4,
    )


def test_the_years_of_an_april_fiscal_year_run_april_to_march(april_plan):
    assert [(y.number, y.start, y.end, y.label) for y in april_plan.years] == [
        (1, dt.date(2025, 4, 1), dt.date(2026, 3, 31), "2025-2026 (An 1)"),
        (2, dt.date(2026, 4, 1), dt.date(2027, 3, 31), "2026-2027 (An 2)"),
        (3, dt.date(2027, 4, 1), dt.date(2028, 3, 31), "2027-2028 (An 3)"),
    ]
    assert queries.current_year(april_plan, dt.date(2026, 4, 1)).number == 2
    assert queries.current_year(april_plan, dt.date(2026, 3, 31)).number == 1


def test_an_assessment_counts_the_share_of_the_april_year_gone_by(april_plan):
    (action,) = make_actions(april_plan, 1)
    indicator = IndicatorFactory(
        action=action, plan=april_plan, text="8 rencontres annuelles", target=count_target(8)
    )
    services.record_indicator_value(indicator=indicator, user=None, plan_year=1, value=Decimal(2))
    today = dt.date(2025, 10, 1)
    (row,) = queries.indicator_rows(april_plan, today, indicator=indicator)
    first = row.years[0]
    # 1 April → 1 October inclusive: 184 of 365 days, 50 %; 8 × 184/365 = 4.03 expected to date.
    assert (first.year.start, first.year.end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert first.year.elapsed_share(today) == 184 / 365
    assert first.status == "off_track"
    assert first.assessment.reason == (
        f"2 rencontres pour une cible de 8 par année ; 50{NB}% de l'année écoulée, "
        "soit 4 à ce jour : hors cible (provisoire — état au 1er octobre 2025)"
    )
