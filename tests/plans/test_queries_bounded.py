"""Every plan page runs the same number of queries for a plan of 5 actions and one of 20.

Two sizes are enough to show a count that does not grow with the plan: a query per item would
add 15 here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.plans.enums import PlanState
from jalon.plans.interchange import IndicatorDraft, PlanDraft
from jalon.plans.queries import plan_as_draft
from jalon.plans.services import adopt_plan, create_plan_from_draft, record_revision

from .conftest import sized_draft

pytestmark = pytest.mark.django_db

# Session, user, memberships, plan, then the page's own reads.
PLAN_PAGE = 11
ACTION_PAGE = 10
PLAN_LIST = 5
PLAN_LIST_OF_ORGANIZATION = 6  # and the organization named in the address
EXPORT = 11
REVISIONS = 5
REVISIONS_FOR_EDITORS = 13  # and the changes since the last revision


def _with_objective_indicators(draft: PlanDraft) -> PlanDraft:
    """Every objective measured by indicators of its own too: they must cost no extra query."""
    for orientation in draft.orientations:
        for objective in orientation.objectives:
            objective.indicators = [
                IndicatorDraft(kind="R", text="Taux de 75 % de satisfaction des membres"),
                IndicatorDraft(text="Nombre de démarches accompagnées"),
            ]
    return draft


@pytest.fixture
def small(org_a):
    draft = _with_objective_indicators(sized_draft(5))
    return create_plan_from_draft(draft=draft, organization=org_a)


@pytest.fixture
def large(org_a):
    draft = _with_objective_indicators(sized_draft(20))
    return create_plan_from_draft(draft=draft, organization=org_a)


@pytest.mark.parametrize("size", ["small", "large"])
def test_plan_page(request, login, cast, django_assert_num_queries, size):
    plan = request.getfixturevalue(size)
    client = login(cast["reader_a"])

    with django_assert_num_queries(PLAN_PAGE):
        response = client.get(plan.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", ["small", "large"])
def test_plan_page_filtered_through_htmx(request, login, cast, django_assert_num_queries, size):
    plan = request.getfixturevalue(size)
    client = login(cast["reader_a"])

    with django_assert_num_queries(PLAN_PAGE):
        response = client.get(
            plan.get_absolute_url(),
            {"porteur": "Coordination", "annee": "2", "q": "rencontre"},
            HTTP_HX_REQUEST="true",
            HTTP_HX_TARGET="plan-body",
        )

    assert response.status_code == 200


@pytest.mark.parametrize("size", ["small", "large"])
def test_action_page(request, login, cast, django_assert_num_queries, size):
    plan = request.getfixturevalue(size)
    action = plan.actions.order_by("pk").last()
    client = login(cast["reader_a"])

    with django_assert_num_queries(ACTION_PAGE):
        response = client.get(action.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize("size", ["small", "large"])
def test_export(request, login, cast, django_assert_num_queries, size):
    plan = request.getfixturevalue(size)
    client = login(cast["reader_a"])

    with django_assert_num_queries(EXPORT):
        response = client.get(f"/plans/{plan.pk}/export.json")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 12])
def test_plan_lists(org_a, org_b, network, login, cast, django_assert_num_queries, count):
    for i in range(count):
        create_plan_from_draft(draft=sized_draft(i + 1), organization=org_a)
        create_plan_from_draft(draft=sized_draft(2), organization=network, state=PlanState.ADOPTED)
    client = login(cast["reader_a"])

    with django_assert_num_queries(PLAN_LIST):
        network_wide = client.get("/plans/")
    with django_assert_num_queries(PLAN_LIST_OF_ORGANIZATION):
        per_organization = client.get("/plans/", {"organisation": org_a.slug})

    assert network_wide.content.decode().count('<th scope="row">') == 2 * count
    assert per_organization.content.decode().count('<th scope="row">') == count


@pytest.mark.parametrize("size", ["small", "large"])
@pytest.mark.parametrize(
    ("who", "queries"), [("reader_a", REVISIONS), ("editor_a", REVISIONS_FOR_EDITORS)]
)
def test_revisions_page(request, login, cast, django_assert_num_queries, size, who, queries):
    plan = request.getfixturevalue(size)
    adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 1), adopted_by="AGA", user=None)
    plan.actions.filter(pk=plan.actions.order_by("pk").first().pk).update(title="Autre titre")
    record_revision(plan=plan, reason="Réajustement", user=None)
    client = login(cast[who])

    with django_assert_num_queries(queries):
        response = client.get(f"/plans/{plan.pk}/revisions/")

    assert response.status_code == 200
    assert "<ins>Autre titre</ins>" in response.content.decode()


@pytest.mark.parametrize("size", ["small", "large"])
def test_plan_as_draft_reads_the_tree_in_seven_queries(request, django_assert_num_queries, size):
    plan = request.getfixturevalue(size)

    with django_assert_num_queries(7):
        draft = plan_as_draft(plan)

    assert len(draft.iter_actions()) == (5 if size == "small" else 20)
