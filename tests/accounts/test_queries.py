"""The rules of who administers what."""

from __future__ import annotations

from jalon.accounts.enums import Role
from jalon.accounts.queries import can_administer, can_administer_as_network
from jalon.network.queries import organizations_administered_by

from ..factories import MembershipFactory, OrganizationFactory, UserFactory


def test_admin_of_an_organization_administers_it_and_its_own_members(cast, org_a, org_b, network):
    committee = OrganizationFactory(parent=org_a, kind="local")
    assert set(organizations_administered_by(cast["admin_a"])) == {org_a, committee}
    assert can_administer(cast["admin_a"], org_a)
    assert not can_administer(cast["admin_a"], org_b)
    assert not can_administer(cast["admin_a"], network)


def test_network_admin_administers_members_but_not_their_members(network, org_a, org_b):
    coordinator = UserFactory()
    MembershipFactory(organization=network, user=coordinator, role=Role.ADMIN)
    committee = OrganizationFactory(parent=org_a, kind="local")
    assert set(organizations_administered_by(coordinator)) == {network, org_a, org_b}
    assert can_administer_as_network(coordinator, org_a)
    assert not can_administer(coordinator, committee)


def test_other_roles_administer_nothing(cast, org_a):
    for name in ("editor_a", "contributor_a", "reader_a", "member_b"):
        assert not organizations_administered_by(cast[name]).exists()
        assert not can_administer(cast[name], org_a)
    assert not can_administer(None, org_a)


def test_own_admin_does_not_decide_membership(cast, org_a):
    assert not can_administer_as_network(cast["admin_a"], org_a)


def test_superuser_administers_everything(org_a, network):
    boss = UserFactory(is_superuser=True)
    assert can_administer(boss, network)
    assert can_administer_as_network(boss, org_a)
