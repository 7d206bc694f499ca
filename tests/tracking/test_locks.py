"""A locked year is closed to every dated write: nothing dated in it is added, changed, moved in,
moved out or deleted, whoever asks, and a refused write leaves the database as it was.

Year 1 (the current fiscal year) is locked; year 2 is open. Each case below is one service that
writes something dated, tried against the lock; the last test shows that the same writes go
through in the open year, so the refusals are the lock's doing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jalon.tracking import services
from jalon.tracking.models import Activity, Contact, IndicatorValue, StatusUpdate

from .snapshot import changed_tables, database_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def days(today):
    """A day in the locked year 1 and one in the open year 2."""
    return {"locked": today, "open": today + dt.timedelta(days=366)}


@pytest.fixture
def world(cast, plan, carried, org_b, days):
    """Entries dated in each year, written before year 1 was locked."""
    editor = cast["editor_a"]
    indicator = carried.indicators.get()
    entries = {"editor": editor, "plan": plan, "action": carried, "indicator": indicator}
    for when, day in days.items():
        entries[f"update_{when}"] = services.update_action_status(
            action=carried, user=editor, status="in_progress", on_date=day
        )
        entries[f"activity_{when}"] = services.log_activity(
            plan=plan, user=editor, kind="meeting", date=day, title=f"Rencontre {when}"
        )
        entries[f"contact_{when}"] = services.log_contact(
            plan=plan, user=editor, date=day, channel="phone", subject=when, organization=org_b
        )
        entries[f"occurrence_{when}"] = services.add_occurrence(
            indicator=indicator, user=editor, on_date=day
        )
    entries["value_locked"] = services.record_indicator_value(
        indicator=indicator, user=editor, plan_year=1, value=Decimal(3)
    )
    entries["org_b"] = org_b
    carried.refresh_from_db()
    services.lock_year(plan=plan, year=1, user=editor, note="Bilan adopté")
    return entries


def _activity_edit(w, activity, day):
    services.update_activity(
        activity=activity,
        user=w["editor"],
        expected_version=activity.version,
        kind="meeting",
        date=day,
        title="Rencontre corrigée",
    )


def _contact_edit(w, contact, day):
    services.update_contact(
        contact=contact,
        user=w["editor"],
        expected_version=contact.version,
        date=day,
        channel="email",
        subject="Objet corrigé",
        organization=w["org_b"],
    )


WRITES = {
    "status update dated in it": lambda w, d: services.update_action_status(
        action=w["action"], user=w["editor"], status="completed", on_date=d["locked"]
    ),
    "bulk status dated in it": lambda w, d: services.bulk_update_status(
        plan=w["plan"],
        user=w["editor"],
        versions={w["action"].pk: w["action"].version},
        status="completed",
        on_date=d["locked"],
    ),
    "status update deleted": lambda w, d: services.delete_status_update(
        update=w["update_locked"], user=w["editor"]
    ),
    "evidence added to its update": lambda w, d: services.add_evidence(
        update=w["update_locked"], url="https://exemple.org/preuve"
    ),
    "activity logged in it": lambda w, d: services.log_activity(
        plan=w["plan"], user=w["editor"], kind="meeting", date=d["locked"], title="Nouvelle"
    ),
    "activity of it edited": lambda w, d: _activity_edit(w, w["activity_locked"], d["locked"]),
    "activity moved out of it": lambda w, d: _activity_edit(w, w["activity_locked"], d["open"]),
    "activity moved into it": lambda w, d: _activity_edit(w, w["activity_open"], d["locked"]),
    "activity deleted": lambda w, d: services.delete_activity(
        activity=w["activity_locked"], user=w["editor"]
    ),
    "contact logged in it": lambda w, d: services.log_contact(
        plan=w["plan"],
        user=w["editor"],
        date=d["locked"],
        channel="phone",
        subject="Nouveau",
        organization=w["org_b"],
    ),
    "contact of it edited": lambda w, d: _contact_edit(w, w["contact_locked"], d["locked"]),
    "contact moved out of it": lambda w, d: _contact_edit(w, w["contact_locked"], d["open"]),
    "contact moved into it": lambda w, d: _contact_edit(w, w["contact_open"], d["locked"]),
    "contact deleted": lambda w, d: services.delete_contact(
        contact=w["contact_locked"], user=w["editor"]
    ),
    "indicator value of it entered": lambda w, d: services.record_indicator_value(
        indicator=w["indicator"],
        user=w["editor"],
        plan_year=1,
        expected_version=1,
        value=Decimal(5),
    ),
    "indicator value of it deleted": lambda w, d: services.delete_indicator_value(
        entry=w["value_locked"], user=w["editor"]
    ),
    "occurrence dated in it": lambda w, d: services.add_occurrence(
        indicator=w["indicator"], user=w["editor"], on_date=d["locked"]
    ),
    "occurrence of it deleted": lambda w, d: services.delete_indicator_value(
        entry=w["occurrence_locked"], user=w["editor"]
    ),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_a_locked_year_refuses_every_dated_write_and_nothing_changes(world, days, write):
    before = database_state()
    with pytest.raises(services.YearLocked) as refused:
        WRITES[write](world, days)
    assert "est verrouillée depuis le" in refused.value.message
    assert "Un éditeur peut la déverrouiller en donnant une raison." in refused.value.message
    assert changed_tables(before) == []


def test_the_open_year_still_takes_the_same_writes(world, days):
    editor, plan, indicator = world["editor"], world["plan"], world["indicator"]
    services.log_activity(plan=plan, user=editor, kind="meeting", date=days["open"], title="Oui")
    _activity_edit(world, world["activity_open"], days["open"] + dt.timedelta(days=1))
    services.log_contact(
        plan=plan,
        user=editor,
        date=days["open"],
        channel="phone",
        subject="Oui",
        organization=world["org_b"],
    )
    _contact_edit(world, world["contact_open"], days["open"] + dt.timedelta(days=1))
    services.add_occurrence(indicator=indicator, user=editor, on_date=days["open"])
    services.record_indicator_value(indicator=indicator, user=editor, plan_year=2, value=Decimal(1))
    services.add_evidence(update=world["update_open"], url="https://exemple.org/oui")
    services.delete_status_update(update=world["update_open"], user=editor)
    assert Activity.objects.filter(date__gt=days["locked"]).count() == 2
    assert Contact.objects.get(pk=world["contact_open"].pk).subject == "Objet corrigé"
    assert (
        IndicatorValue.objects.filter(plan_year=2).count() == 3
    )  # the first occurrence, a new one, a value
    assert not StatusUpdate.objects.filter(date=days["open"]).exists()


def test_unlocking_reopens_the_year_to_the_refused_write(world, days):
    services.unlock_year(plan=world["plan"], year=1, user=world["editor"], reason="Erreur")
    _activity_edit(world, world["activity_open"], days["locked"])
    assert Activity.objects.get(pk=world["activity_open"].pk).date == days["locked"]
