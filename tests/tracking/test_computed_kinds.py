"""A computed indicator over several activity kinds counts the activities of every kind chosen,
from the rule form to the value shown."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from jalon.tracking import queries, services

pytestmark = pytest.mark.django_db


def test_a_rule_on_two_activity_kinds_counts_both(login, cast, plan, carried, today):
    indicator = carried.indicators.get()
    response = login(cast["editor_a"]).post(
        reverse("tracking:indicator_rule", args=[plan.pk, indicator.pk]),
        {
            "kind": "activity_count",
            "activity_kinds": ["webinar", "training"],
            "scope": "action",
            "version": 0,
        },
    )
    assert response.status_code == 302
    editor = cast["editor_a"]
    for kind, title in [("webinar", "Webinaire"), ("training", "Formation"), ("meeting", "CA")]:
        services.log_activity(
            plan=plan, user=editor, kind=kind, date=today, title=title, actions=[carried]
        )
    (row,) = queries.indicator_rows(plan, today, indicator=indicator)
    first = row.years[0]
    assert first.value == Decimal(2)
    assert len(first.computed.records) == 2
    assert "de type webinaire ou formation" in first.computed.explanation
