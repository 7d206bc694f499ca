"""Building a small plan from nothing in a real browser, with the keyboard and the mouse."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jalon.plans.models import Action, Indicator, Orientation, Plan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def live(page):
    return page.locator("#builder-live")


def field(page, label):
    """A form field by its exact label, whatever the label suffix (" :" in French)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\s*:?$"))


def action_titles(page):
    return page.locator("li.tree-item--action > .tree-row .tree-title").all_inner_texts()


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_build_a_small_plan_from_nothing(page, cast, org_a):
    page.login(cast["editor_a"])

    # Create the plan.
    page.goto("/plans/nouveau/")
    page.get_by_label("Organisation").select_option(str(org_a.pk))
    page.get_by_label("Titre du plan").fill("Plan d'action 2024-2027")
    page.get_by_label("Début de la période").fill("2024-07-01")
    page.get_by_label("Fin de la période").fill("2027-06-30")
    page.get_by_role("button", name="Créer le plan").click()
    expect(page.get_by_role("heading", name="Construire le plan")).to_be_visible()
    plan = Plan.objects.get()
    expect(
        page.get_by_text("2024-2025 (An 1) · 2025-2026 (An 2) · 2026-2027 (An 3)")
    ).to_be_visible()

    # An orientation: the form comes in place with the focus in its first field; Enter saves.
    page.get_by_role("link", name="Ajouter une orientation").click()
    expect(page.get_by_label("Code")).to_be_focused()
    page.keyboard.type("1")
    page.keyboard.press("Tab")
    page.keyboard.type("Soutenir les démarches régionales")
    page.keyboard.press("Enter")
    expect(live(page)).to_have_text("Orientation ajoutée.")
    orientation = Orientation.objects.get()
    expect(page.locator(f"#orientation-{orientation.pk}-row")).to_be_focused()

    # An objective, entirely by keyboard from the orientation's add link.
    page.get_by_role("link", name="Ajouter un objectif").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Code")).to_be_focused()
    page.keyboard.type("1.1")
    page.get_by_label("Type d'objectif").select_option(label="Principal")
    field(page, "Objectif").fill("Outiller les membres")
    field(page, "Objectif").press("Enter")
    expect(live(page)).to_have_text("Objectif ajouté.")
    expect(page.locator("li.tree-item--objectif > .tree-row")).to_be_focused()

    # A first action by keyboard.
    page.get_by_role("link", name="Ajouter une action").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Code")).to_be_focused()
    page.keyboard.type("1.1.1")
    page.keyboard.press("Tab")
    page.keyboard.type("Organiser des rencontres régionales")
    page.keyboard.press("Enter")
    expect(live(page)).to_have_text("Action ajoutée.")
    first = Action.objects.get()
    expect(page.locator(f"#action-{first.pk}-row")).to_be_focused()

    # Two more by pasting lines.
    page.get_by_role("link", name="Coller plusieurs actions").click()
    page.get_by_label("Actions à ajouter, une par ligne").fill(
        "1.1.2 Publier un guide\n\n• Tenir un registre des contacts"
    )
    page.get_by_role("button", name="Ajouter ces actions").click()
    expect(live(page)).to_have_text("2 actions ajoutées.")
    expect(page.locator("li.tree-item--action > .tree-row").nth(1)).to_be_focused()
    assert action_titles(page) == [
        "1.1.1 Organiser des rencontres régionales",
        "1.1.2 Publier un guide",
        "Tenir un registre des contacts",
    ]

    # An indicator on the first action.
    page.locator(f"#add-indicateur-{first.pk}").get_by_role(
        "link", name="Ajouter un indicateur"
    ).click()
    page.get_by_label("Type d'indicateur").select_option("MO")
    field(page, "Indicateur").fill("8 rencontres annuelles")
    field(page, "Indicateur").press("Enter")
    expect(live(page)).to_have_text("Indicateur ajouté.")
    expect(page.locator("li.tree-item--indicateur > .tree-row")).to_be_focused()
    assert Indicator.objects.get().kind == "MO"

    # Reorder with the keyboard: Alt+↑ twice moves the registry to the top, focus following it.
    registry = Action.objects.get(title="Tenir un registre des contacts")
    page.get_by_role("link", name="Modifier : Action « Tenir un registre des contacts »").focus()
    page.keyboard.press("Alt+ArrowUp")
    expect(live(page)).to_have_text("Action déplacée.")
    expect(page.locator(f"#action-{registry.pk}-up")).to_be_focused()
    page.keyboard.press("Alt+ArrowUp")
    expect(page.locator("li.tree-item--action").first).to_have_id(f"action-{registry.pk}")
    assert action_titles(page)[0] == "Tenir un registre des contacts"
    # The same with the buttons: "Descendre" puts it back in second place.
    page.get_by_role("button", name="Descendre : Action « Tenir un registre des contacts »").click()
    expect(page.locator("li.tree-item--action").nth(1)).to_have_id(f"action-{registry.pk}")
    assert list(Action.objects.order_by("order").values_list("pk", flat=True))[1] == registry.pk

    # Edit in place: Escape cancels, Enter saves, the focus comes back to the row.
    guide = Action.objects.get(code="1.1.2")
    page.get_by_role("link", name="Modifier : Action 1.1.2").click()
    title_box = page.locator(f"#id_action-{guide.pk}-title")
    expect(page.locator(f"#id_action-{guide.pk}-code")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(f"#action-{guide.pk}-row")).to_be_focused()
    expect(title_box).to_have_count(0)
    page.get_by_role("link", name="Modifier : Action 1.1.2").click()
    page.get_by_label("2024-2025 (An 1)").check()
    page.get_by_label("Porteurs dans l'organisation").fill("Coordination")
    title_box.fill("Publier un guide des bonnes pratiques")
    title_box.press("Enter")
    expect(live(page)).to_have_text("Action modifiée.")
    row = page.locator(f"#action-{guide.pk}-row")
    expect(row).to_be_focused()
    expect(row).to_contain_text("Publier un guide des bonnes pratiques")
    expect(row).to_contain_text("Coordination")
    expect(row).to_contain_text("An 1")

    # Delete, then undo from the notification.
    page.get_by_role("button", name="Supprimer : Action 1.1.2").click()
    expect(live(page)).to_contain_text("Action supprimée — Annuler")
    expect(page.locator(f"#action-{guide.pk}")).to_have_count(0)
    assert not Action.objects.filter(pk=guide.pk).exists()
    live(page).get_by_role("button", name="Annuler la suppression").click()
    expect(live(page)).to_have_text("Action rétablie.")
    expect(page.locator(f"#action-{guide.pk}-row")).to_be_focused()
    assert Action.objects.get(pk=guide.pk).schedule_years == [1]

    # The page has no serious accessibility violation, also with a form open.
    page.reload()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Modifier : Action 1.1.2").click()
    expect(page.locator(f"#id_action-{guide.pk}-code")).to_be_focused()
    assert serious_violations(page) == []
    assert re.search(r"/plans/\d+/construire/", page.url)
    assert plan.actions.count() == 3


def test_drag_and_drop_moves_an_action_to_another_objective(page, cast, org_a):
    from jalon.plans import builder

    editor = cast["editor_a"]
    plan = builder.create_plan(organization=org_a, title="Plan", user=editor)
    orientation = builder.add_orientation(plan=plan, title="Orientation", user=editor)
    first = builder.add_objective(orientation=orientation, title="Premier objectif", user=editor)
    second = builder.add_objective(orientation=orientation, title="Second objectif", user=editor)
    moving = builder.add_action(objective=first, title="Action voyageuse", user=editor)
    builder.add_action(objective=second, title="Action sur place", user=editor)
    page.login(editor)
    page.goto(f"/plans/{plan.pk}/construire/")

    handle = page.locator(f"#action-{moving.pk}-row .drag-handle")
    target = page.locator(f"#objectif-{second.pk}-row")
    handle.drag_to(target)
    expect(live(page)).to_have_text("Action déplacée.")
    moving.refresh_from_db()
    assert moving.objective_id == second.pk
    assert list(second.actions.order_by("order").values_list("title", flat=True)) == [
        "Action sur place",
        "Action voyageuse",
    ]


def test_a_change_to_an_item_someone_else_deleted_is_explained(page, cast, org_a):
    from jalon.plans import builder

    editor = cast["editor_a"]
    plan = builder.create_plan(organization=org_a, title="Plan", user=editor)
    orientation = builder.add_orientation(plan=plan, title="Orientation", code="1", user=editor)
    page.login(editor)
    page.goto(f"/plans/{plan.pk}/construire/")
    builder.delete_item(item=orientation, user=cast["admin_a"])
    page.get_by_role("link", name="Modifier : Orientation 1").click()
    expect(live(page)).to_have_text(
        "Cet élément n'existe plus : quelqu'un l'a peut-être supprimé. Rechargez la page."
    )
