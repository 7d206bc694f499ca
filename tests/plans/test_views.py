"""The plan pages: the list, the plan read like its document, filters, one action, export, adoption, revisions."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.utils.html import escape

from jalon.plans.enums import PlanState
from jalon.plans.interchange import IndicatorDraft, loads
from jalon.plans.models import Plan
from jalon.plans.services import adopt_plan, create_plan_from_draft
from tests.factories import ThemeFactory

from .conftest import sized_draft

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def _row_titles(html: str) -> list[str]:
    return re.findall(
        r'<th scope="row" class="action-cell">.*?<a href="[^"]+">([^<]+)</a>', html, re.S
    )


@pytest.fixture
def plan(org_a):
    """Two orientations; action 1 carried by Coordination in years 1-2, action 2 by a partner in year 3."""
    ThemeFactory(name="Logement", slug="logement")
    draft = sized_draft(4)
    first, second, third, fourth = draft.iter_actions()
    first.title, first.actors, first.schedule_years = (
        "Visiter les régions",
        ["Coordination"],
        [1, 2],
    )
    first.extra = {"themes": ["Logement"]}
    second.title, second.actors, second.schedule_years = "Publier un guide", ["Centraide"], [3]
    second.indicators[0].text = "Nombre de téléchargements du guide"
    third.title, third.actors = "Tenir un forum", ["Coordination"]
    fourth.title, fourth.actors = "Réaliser le bilan", ["Coordination"]
    draft.global_objective = "Renforcer les démarches régionales"
    draft.glossary = {"DS": "Développement social"}
    return create_plan_from_draft(draft=draft, organization=org_a)


def test_plan_page_shows_the_frame_years_and_statements(login, cast, plan):
    response = login(cast["reader_a"]).get(plan.get_absolute_url())

    html = _text(response)
    assert response.status_code == 200
    assert "<h1>Plan d&#x27;action de 4 actions</h1>" in html
    assert "Du 1er juillet 2017 au 30 juin 2022" in html
    for label in ["2017-2018 (An 1)", "2018-2019 (An 2)", "2021-2022 (An 5)"]:
        assert label in html
    assert "Renforcer les démarches régionales" in html
    assert "<dt>DS</dt><dd>Développement social</dd>" in html
    assert f'href="/plans/{plan.pk}/export.json"' in html


def test_plan_page_reads_like_the_document_table(login, cast, plan):
    html = _text(login(cast["reader_a"]).get(plan.get_absolute_url()))

    assert _row_titles(html) == [
        "Visiter les régions",
        "Publier un guide",
        "Tenir un forum",
        "Réaliser le bilan",
    ]
    assert (
        html.count(
            '<th scope="col" class="col-year"><abbr title="2017-2018 (An 1)">An 1</abbr></th>'
        )
        == 2
    )
    first_row = html[html.index("Visiter les régions") : html.index("Publier un guide")]
    assert (
        first_row.count(
            '<span aria-hidden="true">✓</span><span class="visually-hidden">prévue</span>'
        )
        == 2
    )
    assert first_row.count('<span class="visually-hidden">non prévue</span>') == 3
    assert (
        '<abbr class="indicator-kind indicator-kind--MO" title="Mise en œuvre">MO</abbr> = 8 rencontres annuelles'
        in html
    )
    assert "<li>An 1 : Les membres se rencontrent</li>" in html
    assert '<span class="status status--in_progress">En cours</span>' in html
    assert 'rowspan="1" class="objective-cell"' in html


def test_plan_page_shows_indicators_under_their_objective(login, cast, org_a):
    draft = sized_draft(1)
    measured = draft.orientations[0].objectives[0]
    measured.indicators = [
        IndicatorDraft(kind="R", text="Taux de 75 % de satisfaction des membres"),
        IndicatorDraft(text="Nombre de démarches accompagnées"),
    ]
    no_action = draft.orientations[1].objectives[1]
    no_action.actions = []
    no_action.indicators = [IndicatorDraft(text="Délai moyen d'attente de 30 jours")]
    plan = create_plan_from_draft(draft=draft, organization=org_a)

    html = _text(login(cast["reader_a"]).get(plan.get_absolute_url()))

    cells = re.findall(r'<th scope="rowgroup"[^>]*class="objective-cell">(.*?)</th>', html, re.S)
    first = " ".join(cells[0].split())
    assert "Indicateurs de l'objectif" in first
    assert re.search(
        r'<li id="indicator-\d+"><abbr class="indicator-kind indicator-kind--R" title="[^"]+">R</abbr>'
        r" = Taux de 75 % de satisfaction des membres",
        first,
    )
    assert "Nombre de démarches accompagnées" in first
    last = " ".join(cells[-1].split())
    assert "Délai moyen d&#x27;attente de 30 jours" in last
    assert "Cet objectif est suivi par ses propres indicateurs, sans moyen d'action." in html
    # the other objectives carry none: no empty list under them
    assert sum("objective-indicators" in c for c in cells) == 2


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        (
            {"porteur": "Coordination"},
            ["Visiter les régions", "Tenir un forum", "Réaliser le bilan"],
        ),
        ({"porteur": "Centraide"}, ["Publier un guide"]),
        ({"annee": "3"}, ["Publier un guide"]),
        ({"theme": "logement"}, ["Visiter les régions"]),
        ({"q": "telechargements"}, ["Publier un guide"]),
        ({"q": "forum bilan"}, []),
        (
            {"porteur": "Coordination", "annee": "1"},
            ["Visiter les régions", "Tenir un forum", "Réaliser le bilan"],
        ),
    ],
)
def test_plan_page_filters_actions(login, cast, plan, query, titles):
    plan.actions.exclude(title__in=["Visiter les régions", "Publier un guide"]).update(
        schedule_years=[1, 2]
    )

    html = _text(login(cast["reader_a"]).get(plan.get_absolute_url(), query))

    assert _row_titles(html) == titles
    if titles:
        assert f"{len(titles)} action" in html
    else:
        assert "Aucune action ne correspond à ces filtres." in html


def test_filters_answer_htmx_with_the_table_alone(login, cast, plan):
    response = login(cast["reader_a"]).get(
        plan.get_absolute_url(),
        {"annee": "3"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="plan-body",
    )

    html = _text(response)
    assert html.lstrip().startswith('<div id="plan-body"')
    assert "<header" not in html
    assert _row_titles(html) == ["Publier un guide"]


def test_unknown_filter_values_are_ignored(login, cast, plan):
    html = _text(
        login(cast["reader_a"]).get(plan.get_absolute_url(), {"annee": "nope", "porteur": "X"})
    )

    assert len(_row_titles(html)) == 4


def test_action_page_tells_everything_about_one_action(login, cast, plan):
    action = plan.actions.get(title="Visiter les régions")

    response = login(cast["reader_a"]).get(action.get_absolute_url())

    html = _text(response)
    assert response.status_code == 200
    assert "Visiter les régions</h1>" in html
    assert "Outiller les membres 0.0" in html
    assert "Orientation 1" in html
    assert "<li>2017-2018 (An 1)</li><li>2018-2019 (An 2)</li>" in html
    assert "Automne 2018" in html
    assert "Logement" in html
    assert '<span class="status status--in_progress">En cours</span>' in html
    assert "3 régions visitées" in html
    assert '<span class="badge badge--muted">An 1</span>' in html
    assert "Taux de 75 % de satisfaction" in html
    assert "Création à partir d&#x27;un brouillon" in html


def test_action_of_another_plan_is_not_found(login, cast, plan, org_a):
    other = create_plan_from_draft(draft=sized_draft(1), organization=org_a)
    action = other.actions.get()

    response = login(cast["reader_a"]).get(f"/plans/{plan.pk}/actions/{action.pk}/")

    assert response.status_code == 404


def test_export_downloads_jalon_plan_json_with_a_file_name(login, cast, plan):
    response = login(cast["reader_a"]).get(f"/plans/{plan.pk}/export.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="ca-a-plan-daction-de-4-actions.json"'
    )
    draft = loads(response.content)
    assert [a.title for a in draft.iter_actions()][:2] == [
        "Visiter les régions",
        "Publier un guide",
    ]
    assert json.loads(response.content)["format"] == "jalon-plan/1"


def test_plan_list_shows_plans_with_their_size(login, cast, plan):
    response = login(cast["reader_a"]).get("/plans/")

    html = _text(response)
    assert response.status_code == 200
    assert f'<a href="/plans/{plan.pk}/">Plan d&#x27;action de 4 actions</a>' in html
    assert '<td class="num">4</td>' in html


def test_plan_list_per_organization(login, cast, plan, org_b):
    create_plan_from_draft(draft=sized_draft(1), organization=org_b, state=PlanState.ADOPTED)

    html = _text(login(cast["member_b"]).get("/plans/", {"organisation": org_b.slug}))

    assert "<h1>Plans de Table B (TB-B)</h1>" in html
    assert "Plan d&#x27;action de 1 actions" in html
    assert "Plan d&#x27;action de 4 actions" not in html


def test_plan_list_for_an_unknown_organization_is_not_found(login, cast):
    assert login(cast["reader_a"]).get("/plans/", {"organisation": "inconnue"}).status_code == 404


def test_adopting_through_the_form(login, cast, plan):
    client = login(cast["editor_a"])

    response = client.post(
        f"/plans/{plan.pk}/adopter/",
        {"adopted_on": "2017-06-10", "adopted_by": "Assemblée générale annuelle"},
    )

    plan.refresh_from_db()
    assert response.status_code == 302
    assert (plan.state, plan.adopted_on) == (PlanState.ADOPTED, dt.date(2017, 6, 10))
    html = _text(client.get(plan.get_absolute_url()))
    assert "le 10 juin 2017 par : Assemblée générale annuelle" in html
    assert "Adopter le plan" not in html


def test_adopt_form_shows_errors(login, cast, plan):
    response = login(cast["editor_a"]).post(f"/plans/{plan.pk}/adopter/", {"adopted_on": "hier"})

    html = _text(response)
    assert response.status_code == 200
    assert "Saisissez une date valide." in html
    assert Plan.objects.get(pk=plan.pk).state == PlanState.DRAFT


def test_revisions_page_shows_pending_changes_and_records_a_readjustment(login, cast, plan):
    adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 10), adopted_by="AGA", user=None)
    action = plan.actions.get(title="Tenir un forum")
    action.title = "Tenir un forum national"
    action.save()
    client = login(cast["editor_a"])

    pending = _text(client.get(f"/plans/{plan.pk}/revisions/"))
    response = client.post(f"/plans/{plan.pk}/revisions/", {"reason": "Réajustements de l'AGA"})
    after = _text(client.get(f"/plans/{plan.pk}/revisions/"))

    assert "Changements depuis la dernière révision" in pending
    assert "<del>Tenir un forum</del>" in pending
    assert "<ins>Tenir un forum national</ins>" in pending
    assert response.status_code == 302
    assert plan.revisions.count() == 2
    assert escape("Réajustements de l'AGA") in after
    assert "De la révision 1 à la révision 2" in after


def test_revisions_compare_any_two(login, cast, plan):
    adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 10), adopted_by="AGA", user=None)
    from jalon.plans.services import record_revision

    for title in ["Forum 1", "Forum 2"]:
        plan.actions.filter(code="3").update(title=title)
        record_revision(plan=plan, reason=title, user=None)

    html = _text(
        login(cast["reader_a"]).get(f"/plans/{plan.pk}/revisions/", {"avant": 1, "apres": 3})
    )

    assert "De la révision 1 à la révision 3" in html
    assert "<del>Tenir un forum</del>" in html
    assert "<ins>Forum 2</ins>" in html


def test_revision_without_reason_is_refused_with_a_message(login, cast, plan):
    adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 10), adopted_by="AGA", user=None)
    plan.actions.filter(code="3").update(title="Autre")

    response = login(cast["editor_a"]).post(f"/plans/{plan.pk}/revisions/", {"reason": ""})

    assert response.status_code == 200
    assert "Ce champ est obligatoire." in _text(response)
    assert plan.revisions.count() == 1


def test_admin_lists_plans_for_superusers(client, plan):
    from tests.factories import UserFactory

    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")

    listing = client.get("/admin/plans/plan/")
    change = client.get(f"/admin/plans/plan/{plan.pk}/change/")

    assert listing.status_code == 200
    assert "Plan d&#x27;action de 4 actions" in listing.content.decode()
    assert change.status_code == 200
