"""The corbeille and history in a real browser: another editor puts back a deleted action with
its follow-up, and gives an item back an earlier version of its words.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jalon.plans import builder
from jalon.plans.models import Action
from jalon.tracking import services
from jalon.tracking.models import StatusUpdate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_restores_an_action_from_the_corbeille(page, cast, org_a, axe_check):
    editor, admin = cast["editor_a"], cast["admin_a"]
    plan = builder.create_plan(organization=org_a, title="Plan", user=editor)
    orientation = builder.add_orientation(plan=plan, title="Orientation", code="1", user=editor)
    objective = builder.add_objective(
        orientation=orientation, title="Objectif", code="1.1", user=editor
    )
    action = builder.add_action(objective=objective, title="Tournée des régions", user=editor)
    services.update_action_status(
        action=action, user=editor, status="in_progress", on_date=plan.created_at.date()
    )
    builder.delete_item(item=action, user=editor)

    page.login(admin)
    page.goto(f"/plans/{plan.pk}/construire/")
    page.get_by_role("link", name="Corbeille").click()
    expect(page.get_by_role("heading", name="Corbeille", exact=True)).to_be_visible()
    expect(page.get_by_text("Avec : 1 mise à jour d'état.")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Rétablir Action « Tournée des régions »").click()
    expect(page.get_by_text("Action « Tournée des régions » : rétabli.")).to_be_visible()
    expect(page.locator(f"#action-{action.pk}-row")).to_contain_text("Tournée des régions")
    assert Action.objects.get(pk=action.pk).status == "in_progress"
    assert StatusUpdate.objects.filter(action_id=action.pk).count() == 1


def test_an_editor_restores_an_earlier_version_from_the_history(page, cast, org_a):
    editor = cast["editor_a"]
    plan = builder.create_plan(organization=org_a, title="Plan", user=editor)
    orientation = builder.add_orientation(plan=plan, title="Soutenir", code="1", user=editor)
    builder.update_orientation(
        orientation=orientation, version=1, title="Soutenir mieux", code="1", user=editor
    )
    page.login(cast["admin_a"])
    page.goto(f"/plans/{plan.pk}/construire/orientation/{orientation.pk}/historique/")
    page.get_by_role("button", name="Restaurer cette version").click()
    expect(page.get_by_text("Version rétablie.")).to_be_visible()
    orientation.refresh_from_db()
    assert orientation.title == "Soutenir"
