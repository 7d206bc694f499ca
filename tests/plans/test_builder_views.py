"""The builder's pages and htmx fragments, with the cast of users."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from jalon.plans import builder
from jalon.plans.enums import PlanState
from jalon.plans.models import (
    Action,
    ActionActor,
    DeletedItem,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def tree(plan, editor):
    orientation = builder.add_orientation(
        plan=plan, title="Soutenir les démarches", code="1", user=editor
    )
    objective = builder.add_objective(
        orientation=orientation, title="Outiller les membres", code="1.1", user=editor
    )
    first = builder.add_action(
        objective=objective,
        title="Organiser des rencontres",
        code="1.1.1",
        roles=["Coordination"],
        user=editor,
    )
    second = builder.add_action(
        objective=objective, title="Publier un guide", code="1.1.2", user=editor
    )
    return {"orientation": orientation, "objective": objective, "first": first, "second": second}


@pytest.fixture
def as_editor(login, editor):
    return login(editor)


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def focus_of(response):
    return json.loads(response["HX-Trigger-After-Settle"])["builder:focus"]["focus"]


# --- Access -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("admin_a", 200),
        ("editor_a", 200),
        ("contributor_a", 403),
        ("reader_a", 403),
        ("member_b", 404),
    ],
)
def test_builder_page_is_for_editors_of_the_plans_organization(login, cast, plan, who, status):
    response = login(cast[who]).get(url("builder", plan.pk))
    assert response.status_code == status


def test_builder_page_sends_anonymous_visitors_to_login(login, plan):
    response = login(None).get(url("builder", plan.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["contributor_a", "reader_a", "member_b", "anonymous"])
def test_others_cannot_change_the_tree(login, cast, plan, tree, who):
    client = login(cast[who])
    action = tree["first"]
    attempts = [
        client.post(
            url("builder_edit", plan.pk, "action", action.pk), {"action-1-title": "Piraté"}, **HTMX
        ),
        client.post(
            url("builder_add", plan.pk, "objectif", tree["objective"].pk, "action"), {}, **HTMX
        ),
        client.post(url("builder_delete", plan.pk, "action", action.pk), **HTMX),
        client.post(
            url("builder_move", plan.pk, "action", action.pk), {"direction": "down"}, **HTMX
        ),
        client.post(url("builder_paste", plan.pk, tree["objective"].pk), {}, **HTMX),
        client.post(url("builder_statements", plan.pk), {}),
    ]
    expected = {"anonymous": 302, "member_b": 404}.get(who, 403)
    assert [r.status_code for r in attempts] == [expected] * len(attempts)
    assert Action.objects.get(pk=action.pk).title == "Organiser des rencontres"
    assert Action.objects.count() == 2


def test_an_item_of_another_plan_answers_404(as_editor, plan, tree, org_a, editor):
    other = builder.create_plan(organization=org_a, title="Autre plan", user=editor)
    response = as_editor.get(url("builder_edit", other.pk, "action", tree["first"].pk), **HTMX)
    assert response.status_code == 404


def test_history_is_readable_by_readers_of_the_plan(login, cast, plan, tree):
    action = tree["first"]
    assert (
        login(cast["reader_a"])
        .get(url("builder_history", plan.pk, "action", action.pk))
        .status_code
        == 200
    )
    assert (
        login(cast["member_b"])
        .get(url("builder_history", plan.pk, "action", action.pk))
        .status_code
        == 404
    )


# --- Creating a plan --------------------------------------------------------------------------------


def test_new_plan_page_offers_only_organizations_the_user_edits(login, cast, org_a, org_b):
    response = login(cast["editor_a"]).get(url("builder_new"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["organization"].queryset) == [org_a]


def test_new_plan_is_refused_to_people_who_edit_no_organization(login, cast):
    assert login(cast["reader_a"]).get(url("builder_new")).status_code == 403


def test_new_plan_is_created_and_opens_the_builder(as_editor, org_a):
    response = as_editor.post(
        url("builder_new"),
        {
            "organization": org_a.pk,
            "title": "Plan d'action 2024-2027",
            "kind": "action",
            "period_start": "2024-07-01",
            "period_end": "2027-06-30",
            "fiscal_year_start_month": "7",
            "numbering": "hierarchical",
        },
    )
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("builder", plan.pk)
    assert (plan.title, plan.numbering, len(plan.years)) == (
        "Plan d'action 2024-2027",
        "hierarchical",
        3,
    )


def test_new_plan_with_a_backwards_period_says_so(as_editor, org_a):
    response = as_editor.post(
        url("builder_new"),
        {
            "organization": org_a.pk,
            "title": "Plan",
            "kind": "action",
            "period_start": "2024-07-01",
            "period_end": "2023-06-30",
            "fiscal_year_start_month": "7",
            "numbering": "as_written",
        },
    )
    assert response.status_code == 200
    assert "La fin de la période doit venir après son début." in response.content.decode()
    assert not Plan.objects.exists()


# --- Editing in place -------------------------------------------------------------------------------


def test_edit_form_comes_in_place_of_the_row(as_editor, plan, tree):
    action = tree["first"]
    response = as_editor.get(url("builder_edit", plan.pk, "action", action.pk), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<form id="action-{action.pk}-row"' in html
    assert "Organiser des rencontres</textarea>" in html
    assert f'name="action-{action.pk}-version" value="1"' in html
    assert "2017-2018 (An 1)" in html
    assert focus_of(response)[-1].startswith(f"#action-{action.pk}-row textarea")


def test_saving_swaps_the_row_back_and_announces_it(as_editor, plan, tree):
    action = tree["first"]
    prefix = f"action-{action.pk}"
    response = as_editor.post(
        url("builder_edit", plan.pk, "action", action.pk),
        {
            f"{prefix}-code": "1.1.1",
            f"{prefix}-title": "Organiser huit rencontres",
            f"{prefix}-roles": "Coordination\nAgent de liaison",
            f"{prefix}-partners": "",
            f"{prefix}-schedule_years": ["1", "2"],
            f"{prefix}-timing": "En continu",
            f"{prefix}-version": "1",
        },
        **HTMX,
    )
    html = response.content.decode()
    action.refresh_from_db()
    assert (action.title, action.schedule_years, action.version) == (
        "Organiser huit rencontres",
        [1, 2],
        2,
    )
    assert list(action.actors.values_list("name", flat=True)) == [
        "Coordination",
        "Agent de liaison",
    ]
    assert f'<div id="action-{action.pk}-row"' in html
    assert "Coordination, Agent de liaison" in html
    assert 'hx-swap-oob="innerHTML:#builder-live"' in html
    assert "Action modifiée." in html
    assert focus_of(response) == [f"#action-{action.pk}-row"]


def test_saving_an_empty_title_shows_the_error_in_the_form(as_editor, plan, tree):
    action = tree["first"]
    prefix = f"action-{action.pk}"
    response = as_editor.post(
        url("builder_edit", plan.pk, "action", action.pk),
        {f"{prefix}-title": "", f"{prefix}-version": "1"},
        **HTMX,
    )
    html = response.content.decode()
    assert f'<form id="action-{action.pk}-row"' in html
    assert "Ce champ est obligatoire." in html
    assert 'aria-invalid="true"' in html
    assert Action.objects.get(pk=action.pk).title == "Organiser des rencontres"


def test_a_stale_save_is_refused_with_the_other_persons_text(as_editor, plan, tree, cast):
    action = tree["first"]
    builder.update_action(
        action=action, version=1, title="Texte de l'administratrice", user=cast["admin_a"]
    )
    prefix = f"action-{action.pk}"
    response = as_editor.post(
        url("builder_edit", plan.pk, "action", action.pk),
        {f"{prefix}-title": "Mon texte", f"{prefix}-version": "1"},
        **HTMX,
    )
    html = response.content.decode()
    assert "Quelqu&#x27;un d&#x27;autre a modifié cet élément" in html
    assert "Texte de l&#x27;administratrice" in html
    assert cast["admin_a"].get_full_name() in html
    assert "Mon texte</textarea>" in html
    assert f'name="{prefix}-version" value="2"' in html
    assert Action.objects.get(pk=action.pk).title == "Texte de l'administratrice"


def test_cancel_brings_the_row_back(as_editor, plan, tree):
    action = tree["second"]
    response = as_editor.get(url("builder_item", plan.pk, "action", action.pk), **HTMX)
    assert f'<div id="action-{action.pk}-row"' in response.content.decode()


def test_edit_without_htmx_is_a_page_and_a_redirect(as_editor, plan, tree):
    orientation = tree["orientation"]
    page = as_editor.get(url("builder_edit", plan.pk, "orientation", orientation.pk))
    assert "<h1>Modifier : Orientation 1" in page.content.decode()
    prefix = f"orientation-{orientation.pk}"
    response = as_editor.post(
        url("builder_edit", plan.pk, "orientation", orientation.pk),
        {f"{prefix}-code": "A", f"{prefix}-title": "Nouvelle", f"{prefix}-version": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == url("builder", plan.pk) + f"#orientation-{orientation.pk}"


def test_indicator_and_result_forms_save_their_fields(as_editor, plan, tree):
    action = tree["first"]
    response = as_editor.post(
        url("builder_add", plan.pk, "action", action.pk, "indicateur"),
        {
            f"add-indicateur-{action.pk}-kind": "R",
            f"add-indicateur-{action.pk}-text": "Taux de 75 % de satisfaction",
        },
        **HTMX,
    )
    assert "Indicateur ajouté." in response.content.decode()
    assert Indicator.objects.get().kind == "R"
    response = as_editor.post(
        url("builder_add", plan.pk, "action", action.pk, "resultat"),
        {
            f"add-resultat-{action.pk}-text": "Les membres se connaissent",
            f"add-resultat-{action.pk}-plan_year": "2",
        },
        **HTMX,
    )
    assert "Résultat attendu ajouté." in response.content.decode()
    assert ExpectedResult.objects.get().plan_year == 2


def test_an_objective_takes_indicators_of_its_own_in_the_builder(as_editor, plan, tree):
    objective = tree["objective"]
    prefix = f"add-indicateur-objectif-{objective.pk}"
    page = as_editor.get(url("builder", plan.pk)).content.decode()
    assert f'<div class="tree-add" id="{prefix}">' in page
    assert "Ajouter un indicateur à l'objectif" in page
    form = as_editor.get(
        url("builder_add", plan.pk, "objectif", objective.pk, "indicateur"), **HTMX
    ).content.decode()
    assert f'<form id="{prefix}"' in form

    added = as_editor.post(
        url("builder_add", plan.pk, "objectif", objective.pk, "indicateur"),
        {f"{prefix}-kind": "R", f"{prefix}-text": "Taux de 75 % de satisfaction"},
        **HTMX,
    )

    indicator = Indicator.objects.get()
    assert (indicator.objective_id, indicator.action_id, indicator.kind) == (
        objective.pk,
        None,
        "R",
    )
    assert added["HX-Retarget"] == f"#objectif-{objective.pk}"
    html = added.content.decode()
    assert "Indicateur ajouté." in html
    assert f'<li id="indicateur-{indicator.pk}"' in html
    assert 'aria-label="Indicateurs de l\'objectif : Objectif 1.1"' in html

    row = f"indicateur-{indicator.pk}"
    edited = as_editor.post(
        url("builder_edit", plan.pk, "indicateur", indicator.pk),
        {
            f"{row}-kind": "MO",
            f"{row}-text": "Nombre de membres actifs",
            f"{row}-version": "1",
        },
        **HTMX,
    )
    assert "Indicateur modifié." in edited.content.decode()
    indicator.refresh_from_db()
    assert (indicator.kind, indicator.text, indicator.version) == (
        "MO",
        "Nombre de membres actifs",
        2,
    )

    deleted = as_editor.post(url("builder_delete", plan.pk, "indicateur", indicator.pk), **HTMX)
    html = deleted.content.decode()
    assert f'<li id="objectif-{objective.pk}"' in html  # the objective, drawn again without it
    assert f'id="indicateur-{indicator.pk}"' not in html
    assert "Indicateur supprimé" in html
    assert not Indicator.objects.exists()
    history = as_editor.get(url("builder_history", plan.pk, "indicateur", indicator.pk))
    assert history.status_code == 200
    assert "Nombre de membres actifs" in history.content.decode()


# --- Adding ---------------------------------------------------------------------------------------------


def test_add_button_opens_a_form_and_cancel_closes_it(as_editor, plan, tree):
    objective = tree["objective"]
    add_url = url("builder_add", plan.pk, "objectif", objective.pk, "action")
    form = as_editor.get(add_url, **HTMX).content.decode()
    assert f'<form id="add-action-{objective.pk}"' in form
    assert "<legend>Ajouter une action</legend>" in form
    button = as_editor.get(add_url + "?annuler=1", **HTMX).content.decode()
    assert f'<div class="tree-add" id="add-action-{objective.pk}">' in button


def test_adding_an_action_rerenders_its_objective_and_focuses_the_new_row(as_editor, plan, tree):
    objective = tree["objective"]
    prefix = f"add-action-{objective.pk}"
    response = as_editor.post(
        url("builder_add", plan.pk, "objectif", objective.pk, "action"),
        {
            f"{prefix}-code": "1.1.3",
            f"{prefix}-title": "Créer un comité",
            f"{prefix}-schedule_years": ["1"],
        },
        **HTMX,
    )
    created = Action.objects.get(code="1.1.3")
    html = response.content.decode()
    assert response["HX-Retarget"] == f"#objectif-{objective.pk}"
    assert response["HX-Reswap"] == "outerHTML"
    assert (
        html.index("Organiser des rencontres")
        < html.index("Publier un guide")
        < html.index("Créer un comité")
    )
    assert "Action ajoutée." in html
    assert focus_of(response) == [f"#action-{created.pk}-row"]
    assert created.schedule_years == [1]


def test_adding_with_errors_keeps_the_form(as_editor, plan, tree):
    objective = tree["objective"]
    response = as_editor.post(
        url("builder_add", plan.pk, "objectif", objective.pk, "action"),
        {f"add-action-{objective.pk}-title": ""},
        **HTMX,
    )
    assert "HX-Retarget" not in response
    assert "Ce champ est obligatoire." in response.content.decode()


def test_adding_an_orientation_and_an_objective(as_editor, plan, tree):
    as_editor.post(
        url("builder_add_orientation", plan.pk),
        {f"add-orientation-{plan.pk}-title": "Deuxième orientation"},
        **HTMX,
    )
    second = Orientation.objects.get(title="Deuxième orientation")
    response = as_editor.post(
        url("builder_add", plan.pk, "orientation", second.pk, "objectif"),
        {
            f"add-objectif-{second.pk}-title": "Objectif nouveau",
            f"add-objectif-{second.pk}-kind": "secondary",
        },
        **HTMX,
    )
    assert response["HX-Retarget"] == f"#orientation-{second.pk}"
    assert Objective.objects.get(title="Objectif nouveau").kind == "secondary"


def test_a_child_kind_that_does_not_belong_answers_404(as_editor, plan, tree):
    response = as_editor.get(
        url("builder_add", plan.pk, "orientation", tree["orientation"].pk, "action"), **HTMX
    )
    assert response.status_code == 404


def test_pasting_lines_creates_one_action_per_line(as_editor, plan, tree):
    objective = tree["objective"]
    response = as_editor.post(
        url("builder_paste", plan.pk, objective.pk),
        {
            f"paste-{objective.pk}-text": "1.1.3 Créer un comité\n\n• Tenir un registre\n1.1.5 Évaluer"
        },
        **HTMX,
    )
    created = list(
        Action.objects.filter(objective=objective).order_by("order").values_list("code", "title")
    )
    assert created[2:] == [
        ("1.1.3", "Créer un comité"),
        ("", "Tenir un registre"),
        ("1.1.5", "Évaluer"),
    ]
    assert "3 actions ajoutées." in response.content.decode()
    assert response["HX-Retarget"] == f"#objectif-{objective.pk}"


def test_pasting_nothing_says_what_to_do(as_editor, plan, tree):
    objective = tree["objective"]
    response = as_editor.post(
        url("builder_paste", plan.pk, objective.pk),
        {f"paste-{objective.pk}-text": " \n - "},
        **HTMX,
    )
    assert "Collez au moins une ligne de texte" in response.content.decode()


# --- Order, place, delete, undo ----------------------------------------------------------------------


def test_move_down_reorders_and_keeps_focus_on_the_button(as_editor, plan, tree):
    first = tree["first"]
    response = as_editor.post(
        url("builder_move", plan.pk, "action", first.pk), {"direction": "down"}, **HTMX
    )
    html = response.content.decode()
    assert html.index("Publier un guide") < html.index("Organiser des rencontres")
    assert focus_of(response) == [f"#action-{first.pk}-down"]
    assert "Action déplacée." in html


def test_move_past_the_end_changes_nothing_and_says_so(as_editor, plan, tree):
    response = as_editor.post(
        url("builder_move", plan.pk, "action", tree["first"].pk), {"direction": "up"}, **HTMX
    )
    assert response["HX-Reswap"] == "none"
    assert "Cet élément est déjà le premier." in response.content.decode()


def test_move_form_lists_the_other_objectives(as_editor, plan, tree, editor):
    other = builder.add_objective(
        orientation=tree["orientation"], title="Autre objectif", code="1.2", user=editor
    )
    response = as_editor.get(url("builder_place", plan.pk, "action", tree["first"].pk), **HTMX)
    html = response.content.decode()
    assert '<optgroup label="1 Soutenir les démarches">' in html
    assert f'<option value="{other.pk}">1.2 Autre objectif</option>' in html


def test_move_form_puts_an_action_under_another_objective(as_editor, plan, tree, editor):
    other = builder.add_objective(
        orientation=tree["orientation"], title="Autre objectif", user=editor
    )
    action = tree["first"]
    prefix = f"move-action-{action.pk}"
    response = as_editor.post(
        url("builder_place", plan.pk, "action", action.pk),
        {f"{prefix}-parent": str(other.pk), f"{prefix}-position": "end", "move": "1"},
        **HTMX,
    )
    action.refresh_from_db()
    assert action.objective_id == other.pk
    assert response["HX-Retarget"] == "#builder-tree"
    assert focus_of(response) == [f"#action-{action.pk}-row"]


def test_drag_and_drop_posts_parent_and_position(as_editor, plan, tree):
    second = tree["second"]
    response = as_editor.post(
        url("builder_place", plan.pk, "action", second.pk),
        {"parent": str(tree["objective"].pk), "position": "0"},
        **HTMX,
    )
    assert response.status_code == 200
    assert list(Action.objects.order_by("order").values_list("title", flat=True)) == [
        "Publier un guide",
        "Organiser des rencontres",
    ]


def test_drag_and_drop_to_a_parent_of_another_plan_answers_404(
    as_editor, plan, tree, org_a, editor
):
    other_plan = builder.create_plan(organization=org_a, title="Autre", user=editor)
    foreign = builder.add_objective(
        orientation=builder.add_orientation(plan=other_plan, title="O", user=editor),
        title="Ob",
        user=editor,
    )
    response = as_editor.post(
        url("builder_place", plan.pk, "action", tree["first"].pk),
        {"parent": str(foreign.pk), "position": "0"},
        **HTMX,
    )
    assert response.status_code == 404
    assert Action.objects.get(pk=tree["first"].pk).objective_id == tree["objective"].pk


def test_delete_then_undo(as_editor, plan, tree):
    first, second = tree["first"], tree["second"]
    builder.add_indicator(
        action=first, kind="MO", text="8 rencontres annuelles", user=first.plan.created_by
    )
    response = as_editor.post(url("builder_delete", plan.pk, "action", first.pk), **HTMX)
    html = response.content.decode()
    assert not Action.objects.filter(pk=first.pk).exists()
    assert "Organiser des rencontres" not in html.split("hx-swap-oob")[0]
    assert "Action supprimée — " in html
    assert focus_of(response)[0] == f"#action-{second.pk}-row"
    token = json.loads(html.split("hx-vals='")[-1].split("'")[0])["token"]
    undone = as_editor.post(url("builder_undo", plan.pk), {"token": token}, **HTMX)
    assert undone["HX-Retarget"] == "#builder-tree"
    assert "Action rétablie." in undone.content.decode()
    assert list(Action.objects.order_by("order").values_list("pk", flat=True)) == [
        first.pk,
        second.pk,
    ]
    assert Indicator.objects.get().action_id == first.pk
    again = as_editor.post(url("builder_undo", plan.pk), {"token": token}, **HTMX)
    assert "Cette suppression ne peut plus être annulée." in again.content.decode()


def test_undo_works_for_every_editor_of_the_plan_and_no_one_else(login, cast, plan, tree):
    client = login(cast["editor_a"])
    html = client.post(
        url("builder_delete", plan.pk, "action", tree["first"].pk), **HTMX
    ).content.decode()
    token = json.loads(html.split("hx-vals='")[-1].split("'")[0])["token"]
    stranger = login(cast["member_b"])
    assert stranger.post(url("builder_undo", plan.pk), {"token": token}, **HTMX).status_code == 404
    reader = login(cast["reader_a"])
    assert reader.post(url("builder_undo", plan.pk), {"token": token}, **HTMX).status_code == 403
    assert not Action.objects.filter(pk=tree["first"].pk).exists()
    other = login(cast["admin_a"])
    response = other.post(url("builder_undo", plan.pk), {"token": token}, **HTMX)
    assert "Action rétablie." in response.content.decode()
    assert Action.objects.filter(pk=tree["first"].pk).exists()


# --- Corbeille -------------------------------------------------------------------------------------------


def test_corbeille_lists_what_was_deleted_and_restores_it(login, cast, plan, tree):
    builder.add_indicator(
        action=tree["first"], kind="MO", text="8 rencontres", user=cast["admin_a"]
    )
    builder.delete_item(item=tree["first"], user=cast["editor_a"])
    client = login(cast["admin_a"])
    html = client.get(url("builder_trash", plan.pk)).content.decode()
    assert "<h1>Corbeille</h1>" in html
    assert "Organiser des rencontres" in html
    assert f"par {cast['editor_a'].get_full_name()}" in html
    assert "Avec : 1 indicateur." in html
    entry = DeletedItem.objects.get()
    response = client.post(url("builder_trash_restore", plan.pk, entry.pk))
    assert response.status_code == 302
    assert Action.objects.get(pk=tree["first"].pk).indicators.count() == 1
    assert not DeletedItem.objects.exists()
    assert (
        "La corbeille de ce plan est vide."
        in client.get(url("builder_trash", plan.pk)).content.decode()
    )


def test_corbeille_is_closed_to_readers_and_strangers(login, cast, plan, tree):
    builder.delete_item(item=tree["first"], user=cast["editor_a"])
    entry = DeletedItem.objects.get()
    assert login(cast["reader_a"]).get(url("builder_trash", plan.pk)).status_code == 403
    stranger = login(cast["member_b"])
    assert stranger.get(url("builder_trash", plan.pk)).status_code == 404
    assert stranger.post(url("builder_trash_restore", plan.pk, entry.pk)).status_code == 404
    assert DeletedItem.objects.exists()


# --- History ----------------------------------------------------------------------------------------------


def test_history_shows_who_when_and_before_after_in_french(as_editor, plan, tree, cast):
    action = tree["first"]
    builder.update_action(
        action=action,
        version=1,
        title="Organiser huit rencontres",
        roles=["Coordination", "Direction"],
        schedule_years=[1, 2],
        user=cast["admin_a"],
    )
    response = as_editor.get(url("builder_history", plan.pk, "action", action.pk))
    html = response.content.decode()
    assert "<h1>Historique — Action</h1>" in html
    assert "Modification" in html and "Création" in html
    assert cast["admin_a"].get_full_name() in html
    assert (
        '<tr><th scope="row">Titre</th><td>Organiser des rencontres</td><td>Organiser huit rencontres</td></tr>'
        in html
    )
    assert '<tr><th scope="row">Années du plan</th><td>—</td><td>An 1, An 2</td></tr>' in html
    assert (
        '<tr><th scope="row">Porteurs</th><td>Coordination</td><td>Coordination, Direction</td></tr>'
        in html
    )


def test_history_page_restores_a_version_for_editors_only(login, cast, plan, tree):
    action = tree["first"]
    builder.update_action(
        action=action, version=1, title="Organiser huit rencontres", user=cast["admin_a"]
    )
    page = url("builder_history", plan.pk, "action", action.pk)
    assert "Restaurer cette version" not in login(cast["reader_a"]).get(page).content.decode()
    client = login(cast["editor_a"])
    html = client.get(page).content.decode()
    assert html.count("Restaurer cette version") == 1  # the creation, not the current state
    first = Action.history.filter(id=action.pk).last().history_id
    target = url("builder_restore_version", plan.pk, "action", action.pk, first)
    response = client.post(target, {"version": "2"})
    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).title == "Organiser des rencontres"
    stale = client.post(target, {"version": "2"}, follow=True).content.decode()
    assert "Quelqu&#x27;un a modifié cet élément entre-temps" in stale
    reader = login(cast["reader_a"])
    assert reader.post(target, {"version": "3"}).status_code == 403


def test_history_of_a_deleted_item_stays_readable(as_editor, plan, tree, editor):
    action = tree["second"]
    builder.delete_item(item=action, user=editor)
    html = as_editor.get(url("builder_history", plan.pk, "action", action.pk)).content.decode()
    assert "Suppression" in html
    assert "Cet élément a été supprimé" in html


def test_history_of_a_move_names_both_objectives(as_editor, plan, tree, editor):
    other = builder.add_objective(
        orientation=tree["orientation"], title="Autre objectif", code="1.2", user=editor
    )
    builder.place_item(item=tree["first"], parent=other, position=0, user=editor)
    html = as_editor.get(
        url("builder_history", plan.pk, "action", tree["first"].pk)
    ).content.decode()
    assert "<td>1.1 Outiller les membres</td><td>1.2 Autre objectif</td>" in html


def test_history_of_an_item_never_in_the_plan_answers_404(as_editor, plan):
    assert as_editor.get(url("builder_history", plan.pk, "action", 9999)).status_code == 404


# --- Plan frame and statements -------------------------------------------------------------------------


def test_frame_form_saves_and_refreshes_the_page(as_editor, plan):
    form = as_editor.get(url("builder_frame", plan.pk), **HTMX).content.decode()
    assert 'id="builder-frame"' in form
    response = as_editor.post(
        url("builder_frame", plan.pk),
        {
            "frame-title": "Plan 2017-2020",
            "frame-kind": "action",
            "frame-period_start": "2017-07-01",
            "frame-period_end": "2020-06-30",
            "frame-fiscal_year_start_month": "7",
            "frame-numbering": "flat",
            "frame-version": "1",
        },
        **HTMX,
    )
    plan.refresh_from_db()
    assert response["HX-Refresh"] == "true"
    assert (plan.title, plan.numbering, len(plan.years)) == ("Plan 2017-2020", "flat", 3)


def test_statements_page_saves_lists_and_glossary(as_editor, plan):
    response = as_editor.post(
        url("builder_statements", plan.pk),
        {
            "mission": "Soutenir le développement social",
            "vision": "",
            "values": "Solidarité\n\nÉquité",
            "mandates": "",
            "global_objective": "",
            "glossary": "CA : conseil d'administration\nMRC = municipalité régionale de comté",
            "notes": "",
            "version": "1",
        },
    )
    plan.refresh_from_db()
    assert response.status_code == 302
    assert plan.values == ["Solidarité", "Équité"]
    assert plan.glossary == {
        "CA": "conseil d'administration",
        "MRC": "municipalité régionale de comté",
    }


def test_statements_glossary_line_without_separator_is_named(as_editor, plan):
    response = as_editor.post(
        url("builder_statements", plan.pk), {"glossary": "CA : conseil\nMRC", "version": "1"}
    )
    assert "Ligne 2 du glossaire" in response.content.decode()


def test_statements_conflict_shows_the_current_text(as_editor, plan, cast):
    builder.update_statements(
        plan=plan,
        version=1,
        mission="Mission de l'administratrice",
        vision="",
        values=[],
        mandates=[],
        global_objective="",
        glossary={},
        notes=[],
        user=cast["admin_a"],
    )
    response = as_editor.post(
        url("builder_statements", plan.pk), {"mission": "Ma mission", "version": "1"}
    )
    html = response.content.decode()
    assert "Mission de l&#x27;administratrice" in html
    assert 'name="version" value="2"' in html
    plan.refresh_from_db()
    assert plan.mission == "Mission de l'administratrice"


# --- Adopted plans ----------------------------------------------------------------------------------------


@pytest.fixture
def adopted(plan, tree):
    Plan.objects.filter(pk=plan.pk).update(state=PlanState.ADOPTED)
    plan.refresh_from_db()
    return plan


def test_adopted_plan_edit_forms_ask_for_the_reason(as_editor, adopted, tree):
    action = tree["first"]
    prefix = f"action-{action.pk}"
    response = as_editor.post(
        url("builder_edit", adopted.pk, "action", action.pk),
        {f"{prefix}-title": "Nouveau", f"{prefix}-version": "1"},
        **HTMX,
    )
    assert "Raison du changement (réajustement)" in response.content.decode()
    assert Action.objects.get(pk=action.pk).title == "Organiser des rencontres"
    as_editor.post(
        url("builder_edit", adopted.pk, "action", action.pk),
        {f"{prefix}-title": "Nouveau", f"{prefix}-version": "1", f"{prefix}-reason": "AGA 2019"},
        **HTMX,
    )
    action.refresh_from_db()
    assert action.title == "Nouveau"
    assert action.history.first().history_change_reason == "AGA 2019"


def test_adopted_plan_buttons_use_the_reason_given_on_the_page(as_editor, adopted, tree):
    first = tree["first"]
    refused = as_editor.post(
        url("builder_move", adopted.pk, "action", first.pk), {"direction": "down"}, **HTMX
    )
    assert "indiquez la raison du changement" in refused.content.decode()
    assert focus_of(refused) == ["#builder-reason-input"]
    assert Action.objects.get(pk=first.pk).order == 0
    page = as_editor.get(url("builder", adopted.pk)).content.decode()
    assert 'id="builder-reason-input"' in page
    as_editor.post(
        url("builder_reason", adopted.pk), {"reason": "Réajustement de mi-parcours"}, **HTMX
    )
    as_editor.post(
        url("builder_move", adopted.pk, "action", first.pk), {"direction": "down"}, **HTMX
    )
    assert Action.objects.get(pk=first.pk).order == 1
    deleted = as_editor.post(url("builder_delete", adopted.pk, "action", first.pk), **HTMX)
    assert deleted.status_code == 200
    assert (
        Action.history.filter(id=first.pk).first().history_change_reason
        == "Réajustement de mi-parcours"
    )


# --- Bounded queries --------------------------------------------------------------------------------------


def _grow(plan, count):
    """A plan with `count` actions over 2 orientations and 4 objectives, each action fully dressed."""
    orientations = [
        Orientation.objects.create(plan=plan, code=str(i), title=f"O{i}", order=i) for i in range(2)
    ]
    objectives = [
        Objective.objects.create(
            plan=plan, orientation=orientations[i % 2], code=f"1.{i}", title=f"Ob{i}", order=i
        )
        for i in range(4)
    ]
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            objective=objectives[i % 4],
            code=str(i),
            title=f"Action {i}",
            order=i,
            schedule_years=[1, 2],
        )
        for i in range(count)
    )
    ActionActor.objects.bulk_create(ActionActor(action=a, name="Coordination") for a in actions)
    Indicator.objects.bulk_create(
        Indicator(plan=plan, action=a, kind="MO", text="8 rencontres") for a in actions
    )
    ExpectedResult.objects.bulk_create(ExpectedResult(action=a, text="Résultat") for a in actions)


@pytest.mark.parametrize("count", [5, 20])
def test_builder_page_runs_the_same_queries_for_5_and_20_actions(
    as_editor, plan, count, django_assert_num_queries
):
    _grow(plan, count)
    page = url("builder", plan.pk)
    as_editor.get(page)  # the session and the user's memberships are read the same way every time
    # 12: the tree in eight (objectives carry indicators of their own), the rest of the page four
    with django_assert_num_queries(12):
        response = as_editor.get(page)
    assert response.content.decode().count('class="tree-item tree-item--action"') == count


def test_builder_speaks_english_when_the_person_chose_it(as_editor, plan, tree, settings):
    as_editor.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = as_editor.get(url("builder", plan.pk)).content.decode()
    assert "<h1>Build the plan</h1>" in html
    assert "Add an action" in html
    moved = as_editor.post(
        url("builder_move", plan.pk, "action", tree["first"].pk), {"direction": "down"}, **HTMX
    )
    assert "Action moved." in moved.content.decode()


def test_addresses_written_in_the_tree_are_the_builders_urls(as_editor, plan, tree):
    html = as_editor.get(url("builder", plan.pk)).content.decode()
    action, objective = tree["first"], tree["objective"]
    for name in (
        "builder_edit",
        "builder_move",
        "builder_place",
        "builder_delete",
        "builder_history",
    ):
        assert url(name, plan.pk, "action", action.pk) in html
    assert url("builder_add", plan.pk, "objectif", objective.pk, "action") in html
    assert url("builder_add", plan.pk, "action", action.pk, "indicateur") in html
    assert url("builder_paste", plan.pk, objective.pk) in html


def test_history_of_an_indicator_reads_its_kind_and_words(as_editor, plan, tree, editor):
    indicator = builder.add_indicator(
        action=tree["first"], kind="MO", text="8 rencontres annuelles", user=editor
    )
    builder.update_indicator(
        indicator=indicator, version=1, kind="R", text="10 rencontres annuelles", user=editor
    )
    html = as_editor.get(
        url("builder_history", plan.pk, "indicateur", indicator.pk)
    ).content.decode()
    assert '<tr><th scope="row">Type</th><td>Mise en œuvre</td><td>Résultat</td></tr>' in html
    assert "<td>8 rencontres annuelles</td><td>10 rencontres annuelles</td>" in html
