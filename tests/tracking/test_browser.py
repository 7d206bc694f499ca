"""The update round in Chromium: ten actions updated with the keyboard alone, and axe-core checks.

Marked `browser`: it drives Debian's chromium through Playwright on the live server.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from jalon.plans.models import Action
from jalon.tracking import services
from jalon.tracking.models import StatusUpdate

from .conftest import make_actions

# No django_db marker: the shared `page` fixture asks for a serialized rollback itself.
pytestmark = pytest.mark.browser
# A function, not an expression: the pages' Content-Security-Policy forbids eval.
FOCUSED = "(id) => document.activeElement !== null && document.activeElement.id === id"


def test_a_contributor_updates_ten_actions_with_the_keyboard(page, browser_login, cast, plan):
    actions = make_actions(plan, 10)
    browser_login(page, cast["contributor_a"])
    page.goto(reverse("tracking:round", args=[plan.pk]))
    assert page.locator(".round-row").count() == 10
    page.locator(f"#id_a{actions[0].pk}-status").focus()
    for index, action in enumerate(actions):
        assert page.evaluate("document.activeElement.id") == f"id_a{action.pk}-status"
        page.keyboard.type("En c")  # the select's type-ahead picks « En cours »
        page.keyboard.press("Tab")
        page.keyboard.type(str(10 * (index + 1) % 100 or 100))
        page.keyboard.press("Tab")
        page.keyboard.type(f"Suivi du mois, action {action.code}")
        page.keyboard.press("Control+Enter")
        if index + 1 < len(actions):
            following = f"id_a{actions[index + 1].pk}-status"
        else:
            following = "round-end"
        page.wait_for_function(FOCUSED, arg=following)
    assert page.locator("#round-done-count").inner_text() == "10"
    assert "enregistrée" in page.locator("#round-announce").inner_text()
    assert page.url.endswith(reverse("tracking:round", args=[plan.pk]))  # never reloaded
    statuses = dict(Action.objects.filter(plan=plan).values_list("pk", "status"))
    assert set(statuses.values()) == {"in_progress"}
    assert StatusUpdate.objects.filter(plan=plan).count() == 10
    first = StatusUpdate.objects.get(action=actions[0])
    assert (first.progress, first.note) == (10, f"Suivi du mois, action {actions[0].code}")


def test_a_conflict_in_the_round_is_shown_in_the_row(page, browser_login, cast, plan, today):
    action = make_actions(plan, 1)[0]
    browser_login(page, cast["contributor_a"])
    page.goto(reverse("tracking:round", args=[plan.pk]))
    services.update_action_status(
        action=action, user=cast["editor_a"], status="postponed", on_date=today
    )
    page.locator(f"#id_a{action.pk}-status").select_option("completed")
    page.locator(f"#row-{action.pk} button[type=submit]").click()
    message = page.locator(f"#row-{action.pk} .row-message--error")
    message.wait_for()
    assert "a inscrit l'état « Reporté »" in message.inner_text()
    # The script moves the focus once htmx has settled the swap: wait for it (fails after 15 s).
    page.wait_for_function(
        "() => document.activeElement !== null && document.activeElement.classList.contains('row-message')"
    )
    action.refresh_from_db()
    assert action.status == "postponed"


def test_round_and_dashboard_have_no_serious_accessibility_violation(
    page, browser_login, axe_check, cast, plan, today
):
    actions = make_actions(plan, 3)
    services.update_action_status(
        action=actions[0], user=None, status="in_progress", on_date=today, progress=40
    )
    services.log_activity(
        plan=plan, user=None, kind="meeting", date=today, title="Rencontre", participants=12
    )
    browser_login(page, cast["editor_a"])
    for url in [
        reverse("tracking:round", args=[plan.pk]) + "?tout=1",
        reverse("tracking:dashboard", args=[plan.pk]),
        reverse("tracking:indicators", args=[plan.pk]),
        reverse("tracking:activities", args=[plan.pk]),
        reverse("tracking:action", args=[plan.pk, actions[0].pk]),
    ]:
        page.goto(url)
        axe_check(page)
