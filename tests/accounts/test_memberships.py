"""Roles in an organization: changed and removed by administrators, never leaving it without one."""

from __future__ import annotations

from html import unescape

import pytest
from django.core.exceptions import ValidationError

from jalon.accounts import services
from jalon.accounts.enums import Role
from jalon.accounts.models import Membership

from ..factories import MembershipFactory, UserFactory


def text(response) -> str:
    """The page as a person reads it (HTML entities decoded)."""
    return unescape(response.content.decode())


def _membership(user):
    return Membership.objects.get(user=user)


def test_admin_changes_a_role_and_position(cast, login):
    membership = _membership(cast["reader_a"])
    response = login(cast["admin_a"]).post(
        f"/comptes/appartenances/{membership.pk}/", {"role": Role.EDITOR, "position": "Direction"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.position) == (Role.EDITOR, "Direction")


def test_role_changes_are_kept_in_history_with_who_made_them(cast, login):
    membership = _membership(cast["reader_a"])
    login(cast["admin_a"]).post(
        f"/comptes/appartenances/{membership.pk}/", {"role": Role.EDITOR, "position": ""}
    )
    latest = membership.history.first()
    assert latest.role == Role.EDITOR
    assert latest.history_user == cast["admin_a"]


def test_the_last_administrator_cannot_be_demoted(cast, login):
    membership = _membership(cast["admin_a"])
    response = login(cast["admin_a"]).post(
        f"/comptes/appartenances/{membership.pk}/", {"role": Role.READER, "position": ""}
    )
    assert response.status_code == 200
    assert "nommez d'abord un autre administrateur" in text(response)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN


def test_the_last_administrator_cannot_be_removed(cast):
    with pytest.raises(ValidationError, match="seule personne qui administre"):
        services.remove_membership(membership=_membership(cast["admin_a"]), by=cast["admin_a"])
    assert Membership.objects.filter(user=cast["admin_a"]).exists()


def test_an_administrator_can_leave_when_another_remains(cast, org_a):
    MembershipFactory(organization=org_a, user=UserFactory(), role=Role.ADMIN)
    services.remove_membership(membership=_membership(cast["admin_a"]), by=cast["admin_a"])
    assert not Membership.objects.filter(user=cast["admin_a"]).exists()


def test_admin_removes_a_member(cast, login):
    membership = _membership(cast["reader_a"])
    response = login(cast["admin_a"]).post(f"/comptes/appartenances/{membership.pk}/retirer/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_an_unknown_role_is_refused(cast):
    with pytest.raises(ValidationError, match="n'existe pas"):
        services.set_role(
            membership=_membership(cast["reader_a"]), role="chef", position="", by=cast["admin_a"]
        )


def test_network_admin_manages_the_people_of_a_member(cast, network, org_a, login):
    coordinator = UserFactory()
    MembershipFactory(organization=network, user=coordinator, role=Role.ADMIN)
    membership = _membership(cast["reader_a"])
    client = login(coordinator)
    assert client.get(f"/comptes/organisations/{org_a.slug}/personnes/").status_code == 200
    response = client.post(
        f"/comptes/appartenances/{membership.pk}/", {"role": Role.CONTRIBUTOR, "position": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.CONTRIBUTOR


def test_people_page_runs_the_same_queries_for_one_and_many_people(
    org_a, network, login, django_assert_num_queries
):
    admin = UserFactory()
    MembershipFactory(organization=org_a, user=admin, role=Role.ADMIN)
    client = login(admin)
    url = f"/comptes/organisations/{org_a.slug}/personnes/"
    client.get(url)
    # One of them lists the accesses network administrators gave themselves.
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
    for _ in range(8):
        MembershipFactory(organization=org_a, user=UserFactory(), role=Role.CONTRIBUTOR)
    for n in range(3):
        services.invite_member(
            organization=org_a, email=f"personne{n}@exemple.org", role=Role.READER, invited_by=admin
        )
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
