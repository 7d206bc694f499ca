"""The plan page in a real browser: filters swap the table in place, and the page passes axe."""

from __future__ import annotations

import pytest

from jalon.accounts.enums import Role
from jalon.plans.services import create_plan_from_draft
from tests.factories import PASSWORD, MembershipFactory, UserFactory

from .conftest import sized_draft

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def signed_in(page, live_server, org_a):
    user = UserFactory(username="lectrice")
    MembershipFactory(user=user, organization=org_a, role=Role.READER)
    page.goto(f"{live_server.url}/comptes/connexion/")
    page.fill("input[name=username]", "lectrice")
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    return page


@pytest.fixture
def plan(org_a):
    draft = sized_draft(4)
    first, *others = draft.iter_actions()
    first.title, first.actors = "Visiter les régions", ["Centraide"]
    for action in others:
        action.actors = ["Coordination"]
    return create_plan_from_draft(draft=draft, organization=org_a)


def test_choosing_an_actor_filters_the_table_without_reloading(signed_in, live_server, plan):
    page = signed_in
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    page.evaluate("window.jalonSamePage = true")

    page.select_option("#id_porteur", "Centraide")
    page.wait_for_selector("text=1 action sur 4 correspond aux filtres.")

    assert page.locator("th.action-cell").all_inner_texts() == ["1. Visiter les régions"]
    assert page.evaluate("window.jalonSamePage") is True
    assert "porteur=Centraide" in page.url


def test_typing_in_search_filters_the_table(signed_in, live_server, plan):
    page = signed_in
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")

    page.fill("#id_q", "visiter")
    page.wait_for_selector("text=1 action sur 4 correspond aux filtres.")

    assert page.locator("th.action-cell").count() == 1


def test_plan_page_has_no_serious_accessibility_violation(signed_in, live_server, plan):
    from axe_playwright_python.sync_playwright import Axe

    page = signed_in
    page.goto(f"{live_server.url}{plan.get_absolute_url()}")

    results = Axe().run(page, context="#contenu")

    serious = [
        v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
