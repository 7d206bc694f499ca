"""The demo network that `jalon demo` builds: what a visitor is promised to find in it."""

from __future__ import annotations

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership, User
from jalon.demo import network as demo
from jalon.demo.build import DEMO_PASSWORD, NETWORK_SLUG, build_demo, demo_accounts
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Organization
from jalon.network.queries import regions_overview


def test_demo_has_a_national_network_and_six_or_more_regional_members_in_different_regions(built):
    assert built.kind == OrganizationKind.NATIONAL
    regionals = Organization.objects.filter(
        parent=built,
        kind=OrganizationKind.REGIONAL,
        member_status__in=[MemberStatus.MEMBER, MemberStatus.OBSERVER],
    )
    assert regionals.count() >= 6
    assert len({o.region_id for o in regionals}) == regionals.count()
    for organization in regionals:
        assert organization.address and organization.website and organization.description
        assert organization.latitude is not None and organization.themes.exists()


def test_demo_leaves_cote_nord_orphan(built):
    summaries = {s.region.code: s for s in regions_overview()}
    assert summaries["09"].is_orphan
    assert summaries["09"].organization_count >= 1
    assert not summaries["04"].is_orphan


def test_demo_has_local_committees_and_a_funder(built):
    assert Organization.objects.filter(kind=OrganizationKind.LOCAL).count() >= 2
    assert Organization.objects.filter(kind=OrganizationKind.TERRITORIAL).count() >= 2
    funder = Organization.objects.get(kind=OrganizationKind.PARTNER)
    assert funder.parent == built


def test_demo_people_hold_every_role_and_the_promised_positions(built):
    national = {
        m.user.username: (m.role, m.position)
        for m in Membership.objects.filter(organization=built).select_related("user")
    }
    assert national["coordination"] == (Role.ADMIN, "Coordination")
    assert national["direction"] == (Role.EDITOR, "Direction")
    assert national["liaison"] == (Role.CONTRIBUTOR, "Agent de liaison")
    assert national["communications"] == (
        Role.CONTRIBUTOR,
        "Responsable communications et vie associative",
    )
    assert national["conseil"][0] == Role.READER
    regional_admins = Membership.objects.filter(
        role=Role.ADMIN, organization__kind=OrganizationKind.REGIONAL
    )
    assert regional_admins.count() >= 2
    assert Membership.objects.get(user__username="fondation").organization.kind == "partner"


def test_every_demo_account_signs_in_with_the_demo_password(built, client):
    accounts = demo_accounts()
    assert {a.username for a in accounts} == set(User.objects.values_list("username", flat=True))
    for account in accounts:
        assert account.password == DEMO_PASSWORD
        assert account.description
    response = client.post(
        "/comptes/connexion/", {"username": "coordination", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302


def test_demo_can_be_wiped_and_built_again(built):
    build_demo(reset=True)
    assert Organization.objects.filter(slug=NETWORK_SLUG).count() == 1
    assert Organization.objects.count() == len(demo.ORGANIZATIONS)
