"""Issue 4, item 3, in a real browser: upload a text plan, review it, fix it, save it as a draft plan."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from jalon.accounts.enums import Role
from jalon.plans.models import Plan

from ..conftest import _member
from ..factories import OrganizationFactory
from .fixtures import assert_no_serious_axe_violations

pytestmark = pytest.mark.browser

# A reviewer's plan in axes (tests/importers/fixtures): 4 objectives, 8 actions and 3 lines the
# importer cannot place, so every step of the review has something to act on.
PLAN_TEXT = (
    Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "unseen" / "r03_axes.txt"
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def editor(page):
    org = OrganizationFactory(name="Consortium témoin", acronym="CT")
    return _member(org, Role.EDITOR, "editrice", "Coordination"), org


def test_import_review_fix_and_save(page, browser_login, editor):
    user, org = editor
    browser_login(page, user)
    page.goto("/plans/")
    page.get_by_role("link", name="Importer un plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importer un plan")
    assert_no_serious_axe_violations(page)

    page.get_by_label("Fichier du plan").set_input_files(str(PLAN_TEXT))
    page.get_by_role("button", name="Lire le document").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Réviser le plan lu")
    expect(page.locator(".review-line").first).to_be_visible()
    assert_no_serious_axe_violations(page)
    if os.environ.get("JALON_SCREENSHOTS"):
        page.screenshot(
            path=f"{os.environ['JALON_SCREENSHOTS']}/import-review.png", full_page=False
        )

    # Fix the first action's title.
    first = page.locator(".review-item--action").first
    first.locator("summary").first.click()
    first.get_by_label("Titre", exact=True).fill("Titre corrigé à la révision")
    first.get_by_role("button", name="Corriger").click()
    expect(page.locator("#item-0-0-0 .review-item__head")).to_contain_text(
        "Titre corrigé à la révision"
    )
    expect(page.locator("#item-0-0-0")).to_be_focused()

    # Its source link lights its lines in the source pane.
    page.locator("#item-0-0-0 a.review-src-link").click()
    expect(page.locator(".review-line.is-lit").first).to_be_visible()

    # Move the same action to the last objective.
    moved = page.locator("#item-0-0-0")
    moved.locator("summary").first.click()
    parent = moved.locator("select[name=parent]")
    last_objective = parent.locator("option").last.get_attribute("value")
    parent.select_option(last_objective)
    moved.get_by_role("button", name="Déplacer").click()
    expect(page.locator(f"[id^='item-{last_objective.replace('.', '-')}-']").last).to_contain_text(
        "Titre corrigé à la révision"
    )

    # Place one unplaced line when there is one, else delete an item.
    unplaced = page.locator(".review-unplaced > li")
    if unplaced.count():
        before = unplaced.count()
        line = unplaced.first
        line.get_by_label("Placer comme").select_option("note")
        line.get_by_role("button", name="Placer").click()
        expect(page.locator(".review-unplaced > li")).to_have_count(before - 1)
    else:
        actions_before = page.locator(".review-item--action").count()
        last = page.locator(".review-item--action").first
        last.locator("summary").first.click()
        page.once("dialog", lambda dialog: dialog.accept())
        last.get_by_role("button", name="Supprimer").click()
        expect(page.locator(".review-item--action")).to_have_count(actions_before - 1)

    # A source line's number leads back to its item.
    number = page.locator("a.review-line__n").nth(3)
    target = number.get_attribute("data-item")
    number.click()
    expect(page.locator(f"#{target}")).to_be_focused()

    page.get_by_role("button", name="Enregistrer comme plan brouillon").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/$"))
    plan = Plan.objects.get(organization=org)
    assert plan.state == "draft"
    assert plan.actions.filter(title="Titre corrigé à la révision").count() == 1
