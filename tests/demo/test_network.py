"""The demo network that `jalon demo` builds: what a visitor is promised to find in it."""

from __future__ import annotations

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership, User
from jalon.demo import network as demo
from jalon.demo.build import DEMO_PASSWORD, NETWORK_SLUG, build_demo, demo_accounts
from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.network.models import Organization, SituationReport
from jalon.network.queries import is_up_to_date, regions_overview
from jalon.plans.enums import PlanSharing, PlanState
from jalon.plans.models import ObjectiveContribution, Plan
from jalon.plans.queries import can_read_plan


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


def test_demo_regions_have_two_etats_each_over_the_last_year_and_one_is_late(built, today):
    regionals = Organization.objects.filter(parent=built, kind=OrganizationKind.REGIONAL)
    counts = {o.slug: o.situation_reports.count() for o in regionals}
    assert set(counts.values()) == {2}
    up_to_date = [
        o.slug for o in regionals if is_up_to_date(list(o.situation_reports.all()), today)
    ]
    assert len(up_to_date) == len(counts) - 1
    report = SituationReport.objects.select_related("filed_by").first()
    assert report.filed_by is not None  # filed by the body's administrator, named in history


def test_demo_shares_one_member_plan_with_the_network(built):
    shared = Plan.objects.filter(sharing=PlanSharing.NETWORK, state=PlanState.ADOPTED)
    assert [p.organization.parent for p in shared] == [built]
    coordination = built.memberships.filter(role="admin").first().user
    assert can_read_plan(coordination, shared.get())


def test_demo_organizations_are_placed_on_the_map(built):
    assert not Organization.objects.filter(latitude__isnull=True).exclude(pk=built.pk).exists()


def test_demo_member_plan_contributes_to_the_national_plan_with_one_objective_unlinked(built):
    shared = Plan.objects.get(sharing=PlanSharing.NETWORK)
    links = ObjectiveContribution.objects.filter(objective__plan=shared)
    assert links.count() == 3
    assert {c.network_objective.plan.organization for c in links} == {built}
    assert shared.objectives.filter(contributions__isnull=True).exists()


def test_demo_places_a_dozen_of_the_shared_plans_actions(built):
    shared = Plan.objects.get(sharing=PlanSharing.NETWORK)
    placed = shared.actions.filter(latitude__isnull=False)
    assert placed.count() == min(12, shared.actions.count())
    assert placed.filter(place="Trois-Rivières").exists()
