"""The "Nombre de téléchargements" rule: a fiscal year's downloads of the resources an action
produced, or that an indicator chose, read from the library's daily counters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from jalon.resources.enums import ResourceKind, Visibility
from jalon.resources.services import record_downloads, share_resource
from jalon.tracking.enums import RuleKind, RuleScope
from jalon.tracking.queries import indicator_rows
from jalon.tracking.services import set_indicator_rule
from tests.factories import ActionFactory, IndicatorFactory, PlanFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2019, 3, 1)  # during year 2 (2018-07-01 to 2019-06-30)


def _resource(org: Any, title: str, **extra: Any) -> Any:
    return share_resource(
        by=None,
        title=title,
        kind=ResourceKind.GUIDE,
        organization=org,
        published_on=dt.date(2017, 9, 1),
        link="https://exemple.org/" + title.replace(" ", "-"),
        visibility=Visibility.PUBLIC,
        **extra,
    )


@pytest.fixture
def setup(org_a: Any) -> Any:
    # years start on 1 July; follow-up in Jalon from the start (downloads are not "records
    # entered": a plan followed only through its library says when its follow-up started)
    plan = PlanFactory(organization=org_a, tracking_started_on=dt.date(2017, 7, 1))
    action = ActionFactory(objective__orientation__plan=plan)
    other_action = ActionFactory(objective__orientation__plan=plan)
    indicator = IndicatorFactory(action=action, text="Nombre de téléchargements du guide")
    guide = _resource(org_a, "Guide du réseau", produced_by=action)
    chosen = _resource(org_a, "Recherche choisie", indicators=[indicator])
    elsewhere = _resource(org_a, "Gabarit d'une autre action", produced_by=other_action)
    record_downloads(
        resource=guide,
        counts={dt.date(2017, 8, 1): 5, dt.date(2018, 6, 30): 2, dt.date(2018, 7, 1): 4},
    )
    record_downloads(resource=chosen, counts={dt.date(2018, 1, 15): 3})
    record_downloads(resource=elsewhere, counts={dt.date(2017, 10, 1): 100})
    return {"plan": plan, "indicator": indicator, "guide": guide, "chosen": chosen}


def _year(setup: Any, number: int) -> Any:
    row = indicator_rows(setup["plan"], TODAY, indicator=setup["indicator"])[0]
    return row.for_year(number)


def test_downloads_rule_sums_each_fiscal_year(setup: Any) -> None:
    set_indicator_rule(indicator=setup["indicator"], user=None, kind=RuleKind.DOWNLOADS)
    first, second = _year(setup, 1), _year(setup, 2)
    # year 1 (2017-07-01 to 2018-06-30): guide 5 + 2, chosen 3; the other action's 100 not counted
    assert first.value == Decimal(10)
    assert first.computed.records == tuple(sorted([setup["guide"].pk, setup["chosen"].pk]))
    assert "(2 outils)" in first.computed.explanation
    assert "(1 outil)" in second.computed.explanation
    assert second.value == Decimal(4)


def test_indicator_scope_counts_only_the_chosen_resources(setup: Any) -> None:
    set_indicator_rule(
        indicator=setup["indicator"], user=None, kind=RuleKind.DOWNLOADS, scope=RuleScope.INDICATOR
    )
    assert _year(setup, 1).value == Decimal(3)


def test_plan_scope_counts_every_resource_of_the_plan(setup: Any) -> None:
    set_indicator_rule(
        indicator=setup["indicator"], user=None, kind=RuleKind.DOWNLOADS, scope=RuleScope.PLAN
    )
    assert _year(setup, 1).value == Decimal(110)


def test_a_year_without_downloads_is_zero_not_missing(setup: Any) -> None:
    set_indicator_rule(indicator=setup["indicator"], user=None, kind=RuleKind.DOWNLOADS)
    setup["guide"].download_days.filter(day__gte=dt.date(2018, 7, 1)).delete()
    assert _year(setup, 2).value == Decimal(0)


def test_change_of_downloads_compares_with_the_same_span_last_year(setup: Any) -> None:
    set_indicator_rule(
        indicator=setup["indicator"],
        user=None,
        kind=RuleKind.CHANGE,
        base_kind=RuleKind.DOWNLOADS,
    )
    # 1 July 2018 to 1 March 2019: 4; a year earlier, 1 July 2017 to 1 March 2018: 5 + 3 = 8
    assert _year(setup, 2).value == Decimal("-50.0")
