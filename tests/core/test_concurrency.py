"""Save at the version you saw: a stale version is refused with the row as it is now."""

from __future__ import annotations

import pytest

from jalon.core.concurrency import StaleVersion, locked_at_version
from jalon.core.history import stamp
from jalon.core.updates import model_update
from jalon.network.models import Organization
from tests.factories import OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _save_as(organization, user, **changes):
    model_update(organization, changes)
    organization.version += 1
    stamp(organization, by=user)
    organization.save()


def test_the_version_seen_gives_the_locked_row_as_stored():
    organization = OrganizationFactory(city="La Tuque")
    Organization.objects.filter(pk=organization.pk).update(city="Shawinigan")
    current = locked_at_version(organization, 1)
    assert (current.pk, current.city, current.version) == (organization.pk, "Shawinigan", 1)


def test_a_stale_version_is_refused_with_what_the_other_person_saved():
    marie = UserFactory()
    organization = OrganizationFactory(city="La Tuque")
    seen = organization.version
    _save_as(Organization.objects.get(pk=organization.pk), marie, city="Trois-Rivières")
    with pytest.raises(StaleVersion) as refused:
        locked_at_version(organization, seen)
    stale = refused.value
    assert (stale.current.city, stale.current_version) == ("Trois-Rivières", 2)
    assert stale.change is not None and stale.change.who == marie
    assert stale.subject == "organization"


def test_no_version_seen_means_no_check():
    organization = OrganizationFactory()
    Organization.objects.filter(pk=organization.pk).update(version=7)
    assert locked_at_version(organization, None).version == 7


def test_a_row_deleted_meanwhile_raises_its_model_does_not_exist():
    organization = OrganizationFactory()
    Organization.objects.filter(pk=organization.pk).delete()
    with pytest.raises(Organization.DoesNotExist):
        locked_at_version(organization, 1)


def test_a_conflict_about_nothing_left_has_version_zero():
    gone = StaleVersion(None, cause=Organization)
    assert (gone.current_version, gone.change, gone.subject) == (0, None, "")


def test_model_update_says_which_fields_changed_and_saves_nothing():
    organization = OrganizationFactory(city="La Tuque", phone="")
    changed = model_update(organization, {"city": "Shawinigan", "phone": "", "email": "a@b.ca"})
    assert changed == ["city", "email"]
    assert Organization.objects.get(pk=organization.pk).city == "La Tuque"
