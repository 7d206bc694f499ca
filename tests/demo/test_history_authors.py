"""The demo acts through the services as its people: history names them, not nobody."""

from __future__ import annotations

import pytest

from jalon.demo.build import build_demo
from jalon.tracking.models import Activity, Contact, IndicatorRule

pytestmark = pytest.mark.django_db


def test_every_log_entry_the_demo_writes_names_its_author_in_history():
    build_demo()
    activities = list(Activity.objects.all())
    contacts = list(Contact.objects.all())
    assert activities and contacts
    for entry in [*activities, *contacts]:
        creation = entry.history.earliest("history_date")
        assert entry.created_by_id is not None
        assert creation.history_user_id == entry.created_by_id
    for rule in IndicatorRule.objects.all():
        assert rule.history.latest("history_date").history_user_id == rule.updated_by_id
