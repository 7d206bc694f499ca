"""Who may open each plan page: the cast of tests/conftest.py against every view.

Organization A owns a draft plan and an adopted plan; B is another member of network N,
which has an adopted plan of its own. Members of A read A's plans; members of A and B read
N's adopted plan; editors and administrators of A adopt and revise A's plans; everyone else
gets 403 (may read, may not change) or 404 (may not even know the plan exists); anonymous
visitors are sent to the login page.
"""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.plans.enums import PlanState
from jalon.plans.models import Plan
from jalon.plans.services import adopt_plan, create_plan_from_draft

from .conftest import sized_draft

pytestmark = pytest.mark.django_db

LOGIN = 302


@pytest.fixture(scope="module")
def plans(module_db, module_cast):
    """The three plans, built once with the cast for the module's 115 cases."""
    org_a, network = module_cast["org_a"], module_cast["network"]
    with module_db():
        draft = create_plan_from_draft(draft=sized_draft(2), organization=org_a)
        of_network = create_plan_from_draft(
            draft=sized_draft(2), organization=network, state=PlanState.ADOPTED
        )
        adopted = create_plan_from_draft(draft=sized_draft(2), organization=org_a)
        adopt_plan(plan=adopted, adopted_on=dt.date(2017, 6, 1), adopted_by="AGA", user=None)
        adopted.actions.filter(order=0).update(title="Changé après l'adoption")
    return {"draft": draft, "adopted": adopted, "network": of_network}


@pytest.fixture
def cast(module_cast):
    return module_cast["cast"]


def _url(view: str, plan) -> str:
    action = plan.actions.order_by("pk").first()
    return {
        "detail": f"/plans/{plan.pk}/",
        "action": f"/plans/{plan.pk}/actions/{action.pk}/",
        "export": f"/plans/{plan.pk}/export.json",
        "revisions": f"/plans/{plan.pk}/revisions/",
        "adopt": f"/plans/{plan.pk}/adopter/",
    }[view]


READ_A = {
    "admin_a": 200,
    "editor_a": 200,
    "contributor_a": 200,
    "reader_a": 200,
    "member_b": 404,
    "anonymous": LOGIN,
}
READ_NETWORK = {**READ_A, "member_b": 200}
ADOPT_DRAFT = {
    "admin_a": 200,
    "editor_a": 200,
    "contributor_a": 403,
    "reader_a": 403,
    "member_b": 404,
    "anonymous": LOGIN,
}
# An adopted plan's adoption page sends editors back to the plan.
ADOPT_ADOPTED = {**ADOPT_DRAFT, "admin_a": 302, "editor_a": 302}
REVISE_ADOPTED = {**ADOPT_DRAFT, "admin_a": 302, "editor_a": 302}
# A draft has no revision: the form answers with its error.
REVISE_DRAFT = ADOPT_DRAFT
NOBODY_CHANGES_THE_NETWORKS_PLAN = dict.fromkeys(READ_A, 403) | {"anonymous": LOGIN}

VIEWS = ["detail", "action", "export", "revisions"]
CASES = [
    *((view, "draft", "get", READ_A) for view in VIEWS),
    *((view, "adopted", "get", READ_A) for view in VIEWS),
    *((view, "network", "get", READ_NETWORK) for view in VIEWS),
    ("adopt", "draft", "get", ADOPT_DRAFT),
    ("adopt", "adopted", "get", ADOPT_ADOPTED),
    ("adopt", "network", "get", NOBODY_CHANGES_THE_NETWORKS_PLAN),
    ("revisions", "adopted", "post", REVISE_ADOPTED),
    ("revisions", "draft", "post", REVISE_DRAFT),
    ("revisions", "network", "post", NOBODY_CHANGES_THE_NETWORKS_PLAN),
]


@pytest.mark.parametrize(("view", "which", "method", "expected"), CASES)
@pytest.mark.parametrize(
    "who", ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]
)
def test_each_member_of_the_cast_gets_the_expected_status(
    login, cast, plans, view, which, method, expected, who
):
    client = login(cast[who])
    url = _url(view, plans[which])

    response = client.post(url, {"reason": "Réajustement"}) if method == "post" else client.get(url)

    assert response.status_code == expected[who]
    if expected[who] == LOGIN and who == "anonymous":
        assert response["Location"].startswith("/comptes/connexion/")


def test_post_revision_by_an_editor_records_it(login, cast, plans):
    login(cast["editor_a"]).post(_url("revisions", plans["adopted"]), {"reason": "Réajustement"})

    assert plans["adopted"].revisions.count() == 2


@pytest.mark.parametrize(
    ("who", "titles"),
    [
        ("reader_a", {"draft", "adopted", "network"}),
        ("contributor_a", {"draft", "adopted", "network"}),
        ("member_b", {"network"}),
    ],
)
def test_plan_list_shows_only_the_plans_each_may_read(login, cast, plans, who, titles):
    names = {"draft": "Brouillon A", "adopted": "Adopté A", "network": "Plan du réseau"}
    for key, name in names.items():
        Plan.objects.filter(pk=plans[key].pk).update(title=name)

    html = login(cast[who]).get("/plans/").content.decode()

    for key, name in names.items():
        assert (f">{name}</a>" in html) == (key in titles)


def test_plan_list_sends_anonymous_visitors_to_login(login):
    response = login(None).get("/plans/")

    assert response.status_code == LOGIN
    assert response["Location"].startswith("/comptes/connexion/")


def test_a_plan_of_an_organization_outside_the_network_is_hidden(login, cast):
    from tests.factories import OrganizationFactory

    outsider = OrganizationFactory(name="Ailleurs", acronym="AIL", parent=None)
    plan = create_plan_from_draft(
        draft=sized_draft(1), organization=outsider, state=PlanState.ADOPTED
    )

    assert login(cast["member_b"]).get(f"/plans/{plan.pk}/").status_code == 404
    assert login(cast["admin_a"]).get(f"/plans/{plan.pk}/").status_code == 404
