"""Two people editing the same contact: the second save, based on the version the form was
opened with, is refused with the other person's change, and nothing is overwritten."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jalon.tracking import services
from jalon.tracking.models import Contact

from .snapshot import changed_tables, database_state

pytestmark = pytest.mark.django_db


def test_contact_edit_conflict_keeps_the_first_editors_change(login, cast, plan, org_b, today):
    contact = services.log_contact(
        plan=plan,
        user=cast["editor_a"],
        date=today,
        channel="phone",
        subject="Relance A",
        organization=org_b,
    )
    url = reverse("tracking:contact", args=[plan.pk, contact.pk])
    second = login(cast["editor_a"])
    opened = second.get(url)
    assert 'name="version" value="1"' in opened.content.decode()
    # Meanwhile the administrator saves the same contact.
    services.update_contact(
        contact=contact,
        user=cast["admin_a"],
        expected_version=1,
        date=today,
        channel="email",
        subject="Relance B",
        organization=org_b,
    )
    before = database_state()
    response = second.post(
        url,
        {
            "date": today.isoformat(),
            "organization": org_b.pk,
            "channel": "video",
            "subject": "Relance C",
            "version": 1,
        },
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "objet « Relance B »" in page
    assert 'name="version" value="2"' in page  # saving again is a deliberate choice
    assert 'value="Relance C"' in page  # the person's input is not lost
    assert changed_tables(before) == []
    assert Contact.objects.get(pk=contact.pk).subject == "Relance B"


def test_contact_edit_with_the_current_version_saves(login, cast, plan, org_b, today):
    contact = services.log_contact(
        plan=plan,
        user=cast["editor_a"],
        date=today,
        channel="phone",
        subject="Relance A",
        organization=org_b,
    )
    response = login(cast["editor_a"]).post(
        reverse("tracking:contact", args=[plan.pk, contact.pk]),
        {
            "date": today.isoformat(),
            "organization": org_b.pk,
            "channel": "email",
            "subject": "Relance corrigée",
            "version": 1,
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.subject, contact.channel, contact.version) == ("Relance corrigée", "email", 2)
