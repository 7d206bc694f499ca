"""Alignment: a member's objective contributes to an objective of its network's adopted plan.

A's editors link A's objectives to N's; N's coordinator sees who contributes, by region, only
from plans shared with the network; nobody links to a plan that is not of a network above.
"""

from __future__ import annotations

import pytest

from jalon.accounts.enums import Role
from jalon.plans.enums import PlanSharing, PlanState
from jalon.plans.models import ObjectiveContribution, Plan
from jalon.plans.services import create_plan_from_draft
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory, region

from .conftest import sized_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(network, org_a, org_b, cast):
    national = create_plan_from_draft(
        draft=sized_draft(4), organization=network, state=PlanState.ADOPTED
    )
    of_a = create_plan_from_draft(draft=sized_draft(4), organization=org_a, state=PlanState.ADOPTED)
    of_b = create_plan_from_draft(draft=sized_draft(4), organization=org_b, state=PlanState.ADOPTED)
    Plan.objects.filter(pk=of_a.pk).update(sharing=PlanSharing.NETWORK)
    coordinator = UserFactory(username="national")
    MembershipFactory(user=coordinator, organization=network, role=Role.ADMIN)
    return {"national": national, "a": of_a, "b": of_b, "coordinator": coordinator}


def _objectives(plan):
    return list(plan.objectives.order_by("orientation__order", "order", "pk"))


def test_an_editor_links_an_objective_and_the_network_sees_it_by_region(plans, cast, login):
    mine, theirs = _objectives(plans["a"]), _objectives(plans["national"])
    client = login(cast["editor_a"])
    page = client.get(f"/plans/{plans['a'].pk}/alignement/")
    assert page.status_code == 200
    response = client.post(
        f"/plans/{plans['a'].pk}/alignement/",
        {f"o{mine[0].pk}": [theirs[1].pk, theirs[2].pk], f"o{mine[1].pk}": [theirs[1].pk]},
    )
    assert response.status_code == 302
    assert sorted(
        ObjectiveContribution.objects.values_list("objective_id", "network_objective_id")
    ) == sorted(
        [(mine[0].pk, theirs[1].pk), (mine[0].pk, theirs[2].pk), (mine[1].pk, theirs[1].pk)]
    )
    seen = login(plans["coordinator"]).get(f"/plans/{plans['national'].pk}/contributions/")
    counts = [item.count for item in seen.context["contributors"]]
    assert counts == [0, 2, 1, 0]
    assert seen.context["contributors"][1].by_region[0][0] == "Mauricie"


def test_unlinking_removes_the_contribution_and_records_who(plans, cast, login):
    mine, theirs = _objectives(plans["a"]), _objectives(plans["national"])
    client = login(cast["editor_a"])
    client.post(f"/plans/{plans['a'].pk}/alignement/", {f"o{mine[0].pk}": [theirs[0].pk]})
    client.post(f"/plans/{plans['a'].pk}/alignement/", {})
    assert ObjectiveContribution.objects.count() == 0
    last = ObjectiveContribution.history.order_by("history_date").last()
    assert (last.history_type, last.history_user) == ("-", cast["editor_a"])


def test_an_objective_of_another_members_plan_is_refused_and_nothing_changes(plans, cast, login):
    mine, other = _objectives(plans["a"]), _objectives(plans["b"])
    response = login(cast["editor_a"]).post(
        f"/plans/{plans['a'].pk}/alignement/", {f"o{mine[0].pk}": [other[0].pk]}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert ObjectiveContribution.objects.count() == 0


@pytest.mark.parametrize(("who", "status"), [("reader_a", 403), ("member_b", 404)])
def test_only_the_members_editors_align_its_plan(plans, cast, login, who, status):
    mine, theirs = _objectives(plans["a"]), _objectives(plans["national"])
    response = login(cast[who]).post(
        f"/plans/{plans['a'].pk}/alignement/", {f"o{mine[0].pk}": [theirs[0].pk]}
    )
    assert response.status_code == status
    assert ObjectiveContribution.objects.count() == 0


def test_contributions_from_a_plan_not_shared_stay_hidden_from_the_network(plans, cast, login):
    theirs = _objectives(plans["national"])
    mine_b = _objectives(plans["b"])
    ObjectiveContribution.objects.create(objective=mine_b[0], network_objective=theirs[0])
    coordinator = login(plans["coordinator"])
    seen = coordinator.get(f"/plans/{plans['national'].pk}/contributions/")
    assert seen.context["contributors"][0].count == 0  # B's plan is private
    assert (
        login(cast["member_b"])
        .get(f"/plans/{plans['national'].pk}/contributions/")
        .context["contributors"][0]
        .count
        == 1
    )  # B's own people see their own link


@pytest.mark.parametrize("size", [5, 50])
def test_the_alignment_pages_run_a_fixed_number_of_queries(
    network, org_a, cast, login, django_assert_num_queries, size
):
    national = create_plan_from_draft(
        draft=sized_draft(size), organization=network, state=PlanState.ADOPTED
    )
    mine = create_plan_from_draft(draft=sized_draft(size), organization=org_a)
    theirs = _objectives(national)
    for objective in _objectives(mine):
        ObjectiveContribution.objects.create(objective=objective, network_objective=theirs[0])
    client = login(cast["editor_a"])
    client.get(f"/plans/{mine.pk}/alignement/")
    with django_assert_num_queries(7):
        client.get(f"/plans/{mine.pk}/alignement/")
    with django_assert_num_queries(6):
        client.get(f"/plans/{national.pk}/contributions/")


def test_the_contributors_page_runs_the_same_queries_for_5_and_50_member_organizations(
    network, django_assert_num_queries, login
):
    national = create_plan_from_draft(
        draft=sized_draft(4), organization=network, state=PlanState.ADOPTED
    )
    target = _objectives(national)[0]
    coordinator = UserFactory(username="coordinator")
    MembershipFactory(user=coordinator, organization=network, role=Role.ADMIN)
    client = login(coordinator)

    def add_members(count):
        for i in range(count):
            member = OrganizationFactory(parent=network, region=region(f"{i % 17 + 1:02d}"))
            plan = create_plan_from_draft(
                draft=sized_draft(1), organization=member, state=PlanState.ADOPTED
            )
            Plan.objects.filter(pk=plan.pk).update(sharing=PlanSharing.NETWORK)
            ObjectiveContribution.objects.create(
                objective=plan.objectives.first(), network_objective=target
            )

    add_members(5)
    client.get(f"/plans/{national.pk}/contributions/")
    with django_assert_num_queries(6):
        response = client.get(f"/plans/{national.pk}/contributions/")
    assert response.context["contributors"][0].count == 5
    add_members(45)
    with django_assert_num_queries(6):
        response = client.get(f"/plans/{national.pk}/contributions/")
    assert response.context["contributors"][0].count == 50


def test_the_sharing_page_runs_a_fixed_number_of_queries(
    plans, cast, login, django_assert_num_queries
):
    client = login(cast["editor_a"])
    client.get(f"/plans/{plans['a'].pk}/partage/")
    with django_assert_num_queries(4):
        client.get(f"/plans/{plans['a'].pk}/partage/")
