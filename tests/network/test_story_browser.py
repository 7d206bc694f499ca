"""The national coordinator's tour, in Chromium: a member's shared plan, its contributions, the maps.

As the national coordinator: opens the plan a regional member shared with the network, sees it
contribute to the national plan, finds the orphan region on the tile map and opens the
geographic map; as another region's member: cannot see a plan that was not shared.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind
from jalon.plans.enums import PlanSharing, PlanState
from jalon.plans.models import ObjectiveContribution, Plan
from jalon.plans.services import create_plan_from_draft
from tests.browser.fixtures import watch_csp

from ..factories import MembershipFactory, OrganizationFactory, UserFactory, region
from ..plans.conftest import sized_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_national_coordinator_reads_a_shared_plan_and_finds_the_orphan_regions(
    page, live_server, browser_login
):
    network = OrganizationFactory(name="Réseau R", acronym="RR", kind=OrganizationKind.NATIONAL)
    member = OrganizationFactory(
        name="Instance A",
        acronym="IA",
        parent=network,
        region=region("04"),
        latitude=Decimal("46.34"),
        longitude=Decimal("-72.54"),
    )
    other = OrganizationFactory(
        name="Instance B", acronym="IB", parent=network, region=region("05")
    )
    national = UserFactory(username="national")
    MembershipFactory(user=national, organization=network, role=Role.ADMIN)
    member_b = UserFactory(username="member_b")
    MembershipFactory(user=member_b, organization=other, role=Role.EDITOR)
    network_plan = create_plan_from_draft(
        draft=sized_draft(4), organization=network, state=PlanState.ADOPTED
    )
    shared = create_plan_from_draft(
        draft=sized_draft(4), organization=member, state=PlanState.ADOPTED
    )
    hidden = create_plan_from_draft(
        draft=sized_draft(4), organization=member, state=PlanState.ADOPTED
    )
    Plan.objects.filter(pk=shared.pk).update(sharing=PlanSharing.NETWORK)
    ObjectiveContribution.objects.create(
        objective=shared.objectives.order_by("pk").first(),
        network_objective=network_plan.objectives.order_by("pk").first(),
    )

    shared.actions.filter(pk=shared.actions.order_by("pk").first().pk).update(
        place="Shawinigan", latitude=Decimal("46.5668"), longitude=Decimal("-72.7491")
    )
    violations = watch_csp(page)
    browser_login(page, national)
    page.goto(f"{live_server.url}/plans/{shared.pk}/")
    assert page.locator("h1").first.inner_text() == shared.title
    page.goto(f"{live_server.url}/plans/{network_plan.pk}/contributions/")
    assert "Mauricie" in page.locator("tbody tr").first.inner_text()
    page.goto(f"{live_server.url}/reseau/regions/")
    assert page.locator("svg.tilemap a.tile--orphan").count() == 15
    assert page.locator("svg.tilemap a.tile--member").count() == 2
    page.goto(f"{live_server.url}/reseau/carte/")
    page.locator("#geomap[data-points='1'][data-project-points='1']").wait_for(state="attached")
    assert page.locator(".geomap__point, .marker-cluster").count() >= 1
    assert violations() == []

    page.context.clear_cookies()  # signed out
    browser_login(page, member_b)
    response = page.goto(f"{live_server.url}/plans/{hidden.pk}/")
    assert response is not None and response.status == 404
