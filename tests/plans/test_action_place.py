"""Where an action happens: typed by the plan's editors, on the network's map for those who read the plan."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jalon.accounts.enums import Role
from jalon.plans.enums import PlanSharing, PlanState
from jalon.plans.models import Action, Plan
from jalon.plans.services import create_plan_from_draft
from tests.factories import MembershipFactory, UserFactory

from .conftest import sized_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org_a):
    made = create_plan_from_draft(draft=sized_draft(4), organization=org_a, state=PlanState.ADOPTED)
    return made


def _first(plan):
    return plan.actions.order_by("pk").first()


def test_an_editor_places_an_action_and_its_readers_see_it_on_the_map(plan, cast, login, network):
    action = _first(plan)
    url = f"/plans/{plan.pk}/actions/{action.pk}/lieu/"
    response = login(cast["editor_a"]).post(
        url,
        {
            "place": "Trois-Rivières",
            "latitude": "46.3432",
            "longitude": "-72.5477",
            "version": action.version,
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.place, action.latitude, action.longitude, action.version) == (
        "Trois-Rivières",
        Decimal("46.343200"),
        Decimal("-72.547700"),
        2,
    )
    data = json.loads(login(cast["reader_a"]).get("/plans/projets.geojson").content)
    assert [f["geometry"]["coordinates"] for f in data["features"]] == [[-72.5477, 46.3432]]
    assert data["features"][0]["properties"]["city"] == "Trois-Rivières"
    # The network sees it only once the plan is shared with it.
    national = UserFactory(username="national")
    MembershipFactory(user=national, organization=network, role=Role.ADMIN)
    assert json.loads(login(national).get("/plans/projets.geojson").content)["features"] == []
    Plan.objects.filter(pk=plan.pk).update(sharing=PlanSharing.NETWORK)
    assert len(json.loads(login(national).get("/plans/projets.geojson").content)["features"]) == 1
    assert json.loads(login(None).get("/plans/projets.geojson").content)["features"] == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"latitude": "46.3"}, "Donnez la latitude et la longitude, ou aucune des deux."),
        ({"latitude": "96", "longitude": "-72"}, "La latitude va de -90 à 90."),
    ],
)
def test_bad_coordinates_are_refused_and_nothing_changes(plan, cast, login, data, message):
    action = _first(plan)
    response = login(cast["editor_a"]).post(
        f"/plans/{plan.pk}/actions/{action.pk}/lieu/", {"place": "X", "version": 1, **data}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Action.objects.get(pk=action.pk).place == ""


def test_a_place_saved_on_a_stale_version_is_refused(plan, cast, login):
    action = _first(plan)
    Action.objects.filter(pk=action.pk).update(version=5)
    response = login(cast["editor_a"]).post(
        f"/plans/{plan.pk}/actions/{action.pk}/lieu/",
        {"place": "Shawinigan", "version": 1},
    )
    assert "modifié cette action entre-temps" in response.content.decode()
    assert Action.objects.get(pk=action.pk).place == ""


@pytest.mark.parametrize(("who", "status"), [("reader_a", 403), ("member_b", 404)])
def test_only_editors_place_an_action(plan, cast, login, who, status):
    action = _first(plan)
    response = login(cast[who]).post(
        f"/plans/{plan.pk}/actions/{action.pk}/lieu/", {"place": "X", "version": 1}
    )
    assert response.status_code == status
    assert Action.objects.get(pk=action.pk).place == ""


@pytest.mark.parametrize("size", [5, 50])
def test_the_projects_geojson_runs_a_fixed_number_of_queries(
    org_a, cast, login, django_assert_num_queries, size
):
    made = create_plan_from_draft(draft=sized_draft(size), organization=org_a)
    made.actions.update(latitude=Decimal("46"), longitude=Decimal("-72"))
    client = login(cast["reader_a"])
    client.get("/plans/projets.geojson")
    with django_assert_num_queries(4):
        response = client.get("/plans/projets.geojson")
    assert len(json.loads(response.content)["features"]) == size
