"""Who changed a row and why: stamps reach simple-history, and the last change reads back."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from jalon.core.history import Change, actor, last_change, short_reason, stamp
from jalon.network.models import Organization
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_stamp_records_the_author_and_the_reason_of_the_next_save():
    editor = UserFactory()
    organization = OrganizationFactory()
    organization.city = "La Tuque"
    stamp(organization, by=editor, reason="Déménagement du bureau")
    organization.save()
    record = organization.history.first()
    assert (record.history_user, record.history_change_reason) == (editor, "Déménagement du bureau")


def test_stamp_without_a_person_records_the_system_even_after_a_person_stamped():
    editor = UserFactory()
    organization = OrganizationFactory()
    stamp(organization, by=editor)
    organization.save()
    stamp(organization, by=None)
    organization.city = "Shawinigan"
    organization.save()
    assert [r.history_user for r in organization.history.order_by("history_id")][-2:] == [
        editor,
        None,
    ]


def test_an_anonymous_visitor_is_recorded_as_nobody():
    assert actor(AnonymousUser()) is None
    assert actor(None) is None


def test_a_long_reason_is_cut_to_its_column_with_an_ellipsis():
    reason = "Réajustement adopté au conseil d'administration du 3 octobre 2013 " * 3
    cut = short_reason(reason)
    assert len(cut) == 100
    assert cut.endswith("…")
    assert cut[:99] == reason.strip()[:99]


def test_last_change_names_who_changed_it_last_and_when(django_assert_num_queries):
    first, second = UserFactory(), UserFactory(first_name="Paul", last_name="Tremblay")
    organization = OrganizationFactory()
    stamp(organization, by=first)
    organization.save()
    organization.city = "Trois-Rivières"
    stamp(organization, by=second, reason="Nouvelle adresse")
    organization.save()
    latest = organization.history.first()
    with django_assert_num_queries(1):
        change = last_change(organization)
    assert change == Change(who=second, when=latest.history_date, reason="Nouvelle adresse")
    assert change.who_name == "Paul Tremblay"


def test_last_change_of_a_row_without_history_or_not_saved_is_none():
    assert last_change(None) is None
    assert last_change(Organization(name="Pas encore enregistrée")) is None


def test_the_system_has_no_name():
    organization = OrganizationFactory()
    stamp(organization, by=None)
    organization.save()
    change = last_change(organization)
    assert change is not None
    assert (change.who, change.who_name) == (None, "")
