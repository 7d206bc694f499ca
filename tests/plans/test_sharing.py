"""Who reads a member's plan across the network: the `sharing` setting, tried on the cast.

Network N has a regional member A (`admin_a` is its regional coordinator) and another member B
(`member_b`, editor); `national` administers N; `funder` edits a funder organization (a partner
of N, not a network); T is a territorial body inside A. Shared plans are read by the editors
of the networks above their organization (A's by N; T's by A and by N), public ones by anyone;
drafts and private plans stay inside their organization. Nobody outside changes anything.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind
from jalon.plans.enums import PlanSharing, PlanState
from jalon.plans.models import Plan
from jalon.plans.queries import can_read_plan, visible_plans
from jalon.plans.services import create_plan_from_draft, set_plan_sharing
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

from .conftest import sized_draft

pytestmark = pytest.mark.django_db

LOGIN = 302


def _person(org, role, username):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=org, role=role)
    return user


@pytest.fixture
def world(network, org_a, org_b, cast):
    territory = OrganizationFactory(
        name="Table T", acronym="TT", kind=OrganizationKind.TERRITORIAL, parent=org_a
    )
    funder_org = OrganizationFactory(
        name="Fondation F", acronym="FF", kind=OrganizationKind.PARTNER, parent=network
    )
    people = dict(cast)
    people["national"] = _person(network, Role.ADMIN, "national")
    people["national_reader"] = _person(network, Role.READER, "national_reader")
    people["funder"] = _person(funder_org, Role.EDITOR, "funder")

    def plan(org, sharing, state=PlanState.ADOPTED):
        made = create_plan_from_draft(draft=sized_draft(2), organization=org, state=state)
        Plan.objects.filter(pk=made.pk).update(sharing=sharing)
        made.refresh_from_db()
        return made

    plans = {
        "a_private": plan(org_a, PlanSharing.PRIVATE),
        "a_network": plan(org_a, PlanSharing.NETWORK),
        "a_public": plan(org_a, PlanSharing.PUBLIC),
        "a_draft_network": plan(org_a, PlanSharing.NETWORK, PlanState.DRAFT),
        "t_network": plan(territory, PlanSharing.NETWORK),
    }
    return {"people": people, "plans": plans}


# Who reads which plan. editor_a/admin_a read every plan of A as its members.
READS = {
    "national": {"a_network", "a_public", "t_network"},
    "national_reader": {"a_public"},  # a reader of N is not one of the network's editors
    "admin_a": {"a_private", "a_network", "a_public", "a_draft_network", "t_network"},
    "member_b": {"a_public"},
    "funder": {"a_public"},
    "anonymous": {"a_public"},
}


@pytest.mark.parametrize("who", list(READS))
def test_each_person_reads_exactly_the_plans_shared_with_them(world, who):
    user = world["people"][who]
    plans = world["plans"]
    if user is None:
        user = AnonymousUser()
    listed = {name for name, p in plans.items() if visible_plans(user).filter(pk=p.pk).exists()}
    one_by_one = {name for name, p in plans.items() if can_read_plan(user, p)}
    assert listed == READS[who]
    assert one_by_one == READS[who]


@pytest.mark.parametrize("who", list(READS))
def test_each_person_opens_the_plan_page_as_the_rules_say(world, who, login):
    client = login(world["people"][who])
    for name, plan in world["plans"].items():
        response = client.get(f"/plans/{plan.pk}/")
        if name in READS[who]:
            assert response.status_code == 200, name
        elif who == "anonymous":
            assert response.status_code == LOGIN, name
        else:
            assert response.status_code == 404, name


def test_the_national_coordinator_reads_the_follow_up_and_reports_of_a_shared_plan(world, login):
    client = login(world["people"]["national"])
    plan = world["plans"]["a_network"]
    assert client.get(f"/suivi/plans/{plan.pk}/").status_code == 200
    assert client.get(f"/suivi/plans/{plan.pk}/indicateurs/").status_code == 200
    assert client.get(f"/rapports/plans/{plan.pk}/").status_code == 200
    private = world["plans"]["a_private"]
    assert client.get(f"/suivi/plans/{private.pk}/").status_code == 404


def test_the_network_cannot_change_a_shared_plan_or_its_sharing(world, login):
    client = login(world["people"]["national"])
    plan = world["plans"]["a_network"]
    before = Plan.objects.get(pk=plan.pk)
    assert client.post(f"/plans/{plan.pk}/partage/", {"sharing": "public"}).status_code == 403
    assert client.post(f"/plans/{plan.pk}/revisions/", {"reason": "Non"}).status_code == 403
    after = Plan.objects.get(pk=plan.pk)
    assert (after.sharing, after.version, after.revisions.count()) == (
        before.sharing,
        before.version,
        0,
    )


def test_another_member_cannot_even_see_the_sharing_page(world, login):
    plan = world["plans"]["a_network"]
    response = login(world["people"]["member_b"]).post(
        f"/plans/{plan.pk}/partage/", {"sharing": "private"}
    )
    assert response.status_code == 404
    assert Plan.objects.get(pk=plan.pk).sharing == PlanSharing.NETWORK


def test_an_editor_shares_the_plan_and_the_network_then_reads_it(world, login):
    plan = world["plans"]["a_private"]
    national = world["people"]["national"]
    assert not can_read_plan(national, plan)
    response = login(world["people"]["editor_a"]).post(
        f"/plans/{plan.pk}/partage/", {"sharing": "network"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.sharing == PlanSharing.NETWORK
    assert plan.history.first().history_change_reason == "Partage : Visible par le réseau"
    assert plan.history.first().history_user == world["people"]["editor_a"]
    assert login(national).get(f"/plans/{plan.pk}/").status_code == 200


def test_an_unknown_sharing_is_refused_and_nothing_changes(world, login):
    plan = world["plans"]["a_private"]
    response = login(world["people"]["editor_a"]).post(
        f"/plans/{plan.pk}/partage/", {"sharing": "everyone"}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.sharing, plan.version) == (PlanSharing.PRIVATE, 1)
    with pytest.raises(Exception, match="Ce partage n'existe pas"):
        set_plan_sharing(plan=plan, sharing="everyone", user=None)


def test_sharing_a_draft_shares_nothing_until_adoption(world):
    draft = world["plans"]["a_draft_network"]
    assert not can_read_plan(world["people"]["national"], draft)
    Plan.objects.filter(pk=draft.pk).update(state=PlanState.ADOPTED, adopted_on=dt.date(2026, 6, 1))
    draft.refresh_from_db()
    assert can_read_plan(world["people"]["national"], draft)
