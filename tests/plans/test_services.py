"""How a draft becomes a plan, and how a plan is adopted, revised and renumbered."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jalon.network.enums import OrganizationKind
from jalon.plans.enums import ActorKind, Numbering, PlanState
from jalon.plans.interchange import (
    ActionDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
)
from jalon.plans.models import Action, ActionActor, ExpectedResult, Indicator, Plan, Revision
from jalon.plans.services import (
    adopt_plan,
    create_organization_for_plan,
    create_plan_from_draft,
    plan_year_of_result,
    record_revision,
    renumber_plan,
)
from tests.factories import OrganizationFactory, ThemeFactory

from .conftest import sized_draft

pytestmark = pytest.mark.django_db


def one_action_draft(**action: object) -> PlanDraft:
    return PlanDraft(
        organization="Consortium A (CA-A)",
        title="Plan d'action 2017-2022",
        period_start=dt.date(2017, 7, 1),
        period_end=dt.date(2022, 6, 30),
        fiscal_year_start_month=7,
        updated_on=dt.date(2018, 3, 1),
        orientations=[
            OrientationDraft(
                code="1",
                title="Soutenir les démarches",
                objectives=[
                    ObjectiveDraft(
                        code="P1",
                        kind="principal",
                        title="Outiller",
                        actions=[ActionDraft(**{"title": "Visiter les régions", **action})],
                    )
                ],
            )
        ],
    )


def test_actor_named_as_a_members_position_is_a_role_others_are_partners(org_a, cast):
    draft = one_action_draft(actors=["Agent de liaison", "coordination", "Centraide"])

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    actors = list(ActionActor.objects.filter(action__plan=plan).order_by("order"))
    assert [(a.name, a.kind) for a in actors] == [
        ("Agent de liaison", ActorKind.ROLE),
        ("coordination", ActorKind.ROLE),
        ("Centraide", ActorKind.PARTNER),
    ]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("An 1 : Conserver les canaux ouverts", 1),
        ("An 4 : D'autres activités conjointes sont organisées", 4),
        ("Année 2 – Un forum est tenu", 2),
        ("Ans 1 et 2 : Conserver les canaux ouverts", None),
        ("Ans 2 ou 3 : Le lien est traité lors d'un événement", None),
        ("An 1-2 : Un comité est formé", None),
        ("Annuellement, un bilan est présenté", None),
        ("Le contact est maintenu avec les démarches régionales", None),
    ],
)
def test_expected_result_is_tied_to_the_one_plan_year_its_text_names(text, year):
    assert plan_year_of_result(text) == year


def test_expected_results_keep_their_text_and_get_their_year(org_a):
    draft = one_action_draft(expected_results=["An 2 : Un forum est tenu", "Ans 1 et 2 : Liens"])

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    results = list(ExpectedResult.objects.filter(action__plan=plan).order_by("order"))
    assert [(r.text, r.plan_year) for r in results] == [
        ("An 2 : Un forum est tenu", 2),
        ("Ans 1 et 2 : Liens", None),
    ]


def test_status_and_progress_note_are_kept_and_dated_with_the_documents_update(org_a):
    draft = one_action_draft(status="in_progress", progress_note="6 régions visitées")

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    action = plan.actions.get()
    assert (action.status, action.progress_note, action.status_changed_on) == (
        "in_progress",
        "6 régions visitées",
        dt.date(2018, 3, 1),
    )


def test_action_without_status_has_no_status_date(org_a):
    plan = create_plan_from_draft(draft=one_action_draft(), organization=org_a)

    assert plan.actions.get().status_changed_on is None


def test_themes_named_by_the_draft_are_linked_when_they_exist(org_a):
    logement = ThemeFactory(name="Logement", slug="logement")
    draft = one_action_draft(extra={"themes": ["logement", "Thème inconnu"]})

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    assert list(plan.actions.get().themes.all()) == [logement]


def test_plan_keeps_the_frame_and_statements_of_the_draft(org_a, cast):
    draft = one_action_draft()
    draft.mission = "Rassembler"
    draft.values = ["Solidarité"]
    draft.glossary = {"DS": "Développement social"}

    plan = create_plan_from_draft(
        draft=draft, organization=org_a, user=cast["editor_a"], state=PlanState.ADOPTED
    )

    plan.refresh_from_db()
    assert plan.organization_name == "Consortium A (CA-A)"
    assert plan.state == PlanState.ADOPTED
    assert plan.created_by == cast["editor_a"]
    assert (plan.mission, plan.values, plan.glossary) == (
        "Rassembler",
        ["Solidarité"],
        {"DS": "Développement social"},
    )
    assert next(y.label for y in plan.years) == "2017-2018 (An 1)"
    assert len(plan.years) == 5


def test_plan_years_follow_the_period_when_the_fiscal_month_is_unknown(org_a):
    draft = one_action_draft()
    draft.period_start, draft.period_end = dt.date(2017, 1, 1), dt.date(2020, 12, 31)
    draft.fiscal_year_start_month = None

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    assert [y.label for y in plan.years] == [
        "2017 (An 1)",
        "2018 (An 2)",
        "2019 (An 3)",
        "2020 (An 4)",
    ]


def test_creation_is_recorded_in_history_with_the_user(org_a, cast):
    plan = create_plan_from_draft(draft=sized_draft(8), organization=org_a, user=cast["editor_a"])

    assert Action.history.filter(plan_id=plan.pk, history_type="+").count() == 8
    assert Indicator.history.filter(plan_id=plan.pk).count() == 16
    assert set(Action.history.filter(plan_id=plan.pk).values_list("history_user", flat=True)) == {
        cast["editor_a"].pk
    }
    assert plan.history.get().history_user == cast["editor_a"]


def _creation_queries(org, actions: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        create_plan_from_draft(draft=sized_draft(actions), organization=org)
    return len(queries)


def test_a_draft_is_written_in_a_few_queries_per_level_not_per_item(org_a):
    small = _creation_queries(org_a, 4)
    large = _creation_queries(org_a, 20)

    # A few inserts per level (and as many for history), whatever the number of items: 20
    # actions with 60 actors, 40 results and 40 indicators take as many queries as 4. The
    # draft's statuses then become first status updates (tracking): a few more queries.
    assert small <= 23
    assert large == small


def test_adopting_a_plan_makes_revision_1_with_a_snapshot(make_plan, cast):
    plan = make_plan(actions=3)

    revision = adopt_plan(
        plan=plan,
        adopted_on=dt.date(2017, 6, 10),
        adopted_by="Assemblée générale annuelle",
        user=cast["editor_a"],
    )

    plan.refresh_from_db()
    assert (plan.state, plan.adopted_on, plan.adopted_by) == (
        PlanState.ADOPTED,
        dt.date(2017, 6, 10),
        "Assemblée générale annuelle",
    )
    assert revision.number == 1
    assert revision.reason == "Adoption : Assemblée générale annuelle, le 10 juin 2017"
    assert revision.created_by == cast["editor_a"]
    assert revision.snapshot["title"] == plan.title
    actions = [
        a["title"]
        for o in revision.snapshot["orientations"]
        for ob in o["objectives"]
        for a in ob["actions"]
    ]
    assert len(actions) == 3
    assert plan.history.first().history_user == cast["editor_a"]


def test_an_adopted_plan_cannot_be_adopted_again(make_plan, cast):
    plan = make_plan(state=PlanState.ADOPTED)

    with pytest.raises(ValidationError) as error:
        adopt_plan(plan=plan, adopted_on=dt.date(2018, 1, 1), adopted_by="CA", user=None)

    assert error.value.messages == ["Ce plan n'est pas un brouillon : il a déjà été adopté."]
    assert Revision.objects.count() == 0


def _adopted(make_plan, user):
    plan = make_plan(actions=4)
    adopt_plan(plan=plan, adopted_on=dt.date(2017, 6, 10), adopted_by="AGA", user=user)
    return plan


def test_changes_after_adoption_form_revision_2_with_their_reason(make_plan, cast):
    plan = _adopted(make_plan, cast["editor_a"])
    action = plan.actions.order_by("pk").first()
    action.title = "Visiter les 17 régions"
    action.save()

    revision = record_revision(
        plan=plan, reason="Réajustements adoptés par le CA", user=cast["editor_a"]
    )

    assert revision.number == 2
    assert revision.reason == "Réajustements adoptés par le CA"
    titles = [
        a["title"]
        for o in revision.snapshot["orientations"]
        for ob in o["objectives"]
        for a in ob["actions"]
    ]
    assert "Visiter les 17 régions" in titles


def test_a_revision_needs_a_reason_and_a_change(make_plan, cast):
    plan = _adopted(make_plan, cast["editor_a"])

    with pytest.raises(ValidationError) as no_reason:
        record_revision(plan=plan, reason="  ", user=cast["editor_a"])
    with pytest.raises(ValidationError) as no_change:
        record_revision(plan=plan, reason="Réajustement", user=cast["editor_a"])

    assert no_reason.value.messages == ["Donnez la raison de ce réajustement."]
    assert no_change.value.messages == ["Rien n'a changé depuis la révision 1."]
    assert plan.revisions.count() == 1


def test_a_draft_plan_has_no_revision(make_plan, cast):
    plan = make_plan()

    with pytest.raises(ValidationError):
        record_revision(plan=plan, reason="Réajustement", user=cast["editor_a"])

    assert plan.revisions.count() == 0


def _codes(plan: Plan) -> tuple[list[str], list[str], list[str]]:
    return (
        list(plan.orientations.order_by("order").values_list("code", flat=True)),
        list(
            plan.objectives.order_by("orientation__order", "order").values_list("code", flat=True)
        ),
        list(
            plan.actions.order_by(
                "objective__orientation__order", "objective__order", "order"
            ).values_list("code", flat=True)
        ),
    )


@pytest.mark.parametrize(
    ("scheme", "orientations", "objectives", "actions"),
    [
        (
            Numbering.HIERARCHICAL,
            ["1", "2"],
            ["1.1", "1.2", "2.1", "2.2"],
            ["1.1.1", "1.1.2", "1.2.1", "1.2.2", "2.1.1", "2.1.2", "2.2.1", "2.2.2"],
        ),
        (
            Numbering.PRINCIPAL_SECONDARY,
            ["1", "2"],
            ["P1", "S2", "P3", "S4"],
            ["1", "2", "3", "4", "5", "6", "7", "8"],
        ),
        (
            Numbering.FLAT,
            ["1", "2"],
            ["1", "2", "3", "4"],
            ["1", "2", "3", "4", "5", "6", "7", "8"],
        ),
    ],
)
def test_renumbering_gives_each_item_its_code_under_the_scheme(
    org_a, cast, scheme, orientations, objectives, actions
):
    draft = sized_draft(8)
    draft.orientations[0].objectives[1].kind = "secondary"
    draft.orientations[1].objectives[1].kind = "secondary"
    for action in draft.iter_actions():
        action.code = "x"
    plan = create_plan_from_draft(draft=draft, organization=org_a)

    changed = renumber_plan(plan=plan, scheme=scheme, user=cast["editor_a"])

    assert _codes(plan) == (orientations, objectives, actions)
    assert changed > 0
    assert Plan.objects.get(pk=plan.pk).numbering == scheme
    renamed = plan.actions.order_by("pk").first()
    assert renamed.version == 2
    assert renamed.history.first().history_change_reason == "Renumérotation"


def test_renumbering_as_written_keeps_the_documents_codes(org_a, cast):
    plan = create_plan_from_draft(draft=sized_draft(4), organization=org_a)
    before = _codes(plan)

    changed = renumber_plan(plan=plan, scheme=Numbering.AS_WRITTEN, user=cast["editor_a"])

    assert changed == 0
    assert _codes(plan) == before


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Réseau québécois de développement social", OrganizationKind.NATIONAL),
        ("Comité local de développement social de Sainte-Ursule", OrganizationKind.LOCAL),
        ("Table de concertation de la MRC de Maskinongé", OrganizationKind.TERRITORIAL),
        ("Consortium en développement social de la Mauricie", OrganizationKind.REGIONAL),
    ],
)
def test_an_organization_created_for_a_plan_gets_a_kind_from_its_name(name, kind):
    assert create_organization_for_plan(name=name).kind == kind


def test_an_organization_created_for_a_plan_gets_a_free_slug():
    OrganizationFactory(name="Autre", acronym="RQDS", slug="rqds")

    created = create_organization_for_plan(name="Réseau québécois", acronym="RQDS")

    assert (created.slug, created.acronym, created.member_status) == (
        "rqds-2",
        "RQDS",
        "non_member",
    )
