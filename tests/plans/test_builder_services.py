"""The builder's editing services: each change, its history, undo, order, paste, conflicts, adoption."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.plans import builder
from jalon.plans.builder import (
    BuilderError,
    ReasonRequired,
    StaleVersion,
    parse_pasted_actions,
    parse_pasted_line,
)
from jalon.plans.builder_queries import trash_entry
from jalon.plans.enums import Numbering, PlanState
from jalon.plans.models import (
    Action,
    ActionActor,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objective(plan, editor):
    orientation = builder.add_orientation(
        plan=plan, title="Soutenir les démarches", code="1", user=editor
    )
    return builder.add_objective(
        orientation=orientation, title="Outiller les membres", code="1.1", user=editor
    )


def titles(queryset):
    return [item.title for item in queryset.order_by("order", "id")]


# --- Creating and editing ------------------------------------------------------------------------


def test_create_plan_makes_a_draft_with_its_frame_and_records_who(org_a, editor):
    plan = builder.create_plan(
        organization=org_a,
        title="  Plan   stratégique 2023-2028 ",
        kind="strategic",
        period_start=dt.date(2023, 4, 1),
        period_end=dt.date(2028, 3, 31),
        fiscal_year_start_month=4,
        numbering=Numbering.HIERARCHICAL,
        user=editor,
    )
    assert (plan.title, plan.kind, plan.state, plan.fiscal_year_start_month) == (
        "Plan stratégique 2023-2028",
        "strategic",
        PlanState.DRAFT,
        4,
    )
    assert [y.label for y in plan.years][:2] == ["2023-2024 (An 1)", "2024-2025 (An 2)"]
    assert plan.created_by == editor
    assert plan.history.get().history_user == editor


def test_create_plan_refuses_a_period_that_ends_before_it_starts(org_a, editor):
    with pytest.raises(BuilderError, match="La fin de la période doit venir après son début"):
        builder.create_plan(
            organization=org_a,
            title="Plan",
            period_start=dt.date(2020, 7, 1),
            period_end=dt.date(2019, 6, 30),
            user=editor,
        )
    assert not Plan.objects.exists()


def test_add_items_appends_them_in_order_with_history(plan, editor):
    first = builder.add_orientation(plan=plan, title="Première", code="1", user=editor)
    second = builder.add_orientation(plan=plan, title="Deuxième", code="2", user=editor)
    assert [(o.order, o.code) for o in (first, second)] == [(0, "1"), (1, "2")]
    assert first.history.get().history_user == editor


def test_add_action_keeps_actors_years_and_timing(objective, editor):
    action = builder.add_action(
        objective=objective,
        title="Organiser des rencontres",
        code="1.1.1",
        roles=["Coordination", " Agent  de liaison "],
        partners=["Institut Tamarack"],
        schedule_years=[3, 1],
        timing="Automne 2018",
        user=editor,
    )
    actors = [(a.name, a.kind) for a in action.actors.order_by("order")]
    assert actors == [
        ("Coordination", "role"),
        ("Agent de liaison", "role"),
        ("Institut Tamarack", "partner"),
    ]
    assert (action.schedule_years, action.timing, action.plan_id) == (
        [1, 3],
        "Automne 2018",
        objective.plan_id,
    )


def test_add_action_refuses_a_year_the_plan_does_not_have(objective, editor):
    with pytest.raises(BuilderError, match="An 6"):
        builder.add_action(objective=objective, title="Trop tard", schedule_years=[6], user=editor)
    assert not Action.objects.exists()


def test_add_refuses_an_empty_title(objective, editor):
    with pytest.raises(BuilderError, match="ne peut pas être vide"):
        builder.add_action(objective=objective, title="   ", user=editor)


def test_update_action_changes_text_actors_and_bumps_version(objective, editor):
    theme = ThemeFactory(name="Sécurité alimentaire")
    action = builder.add_action(
        objective=objective, title="Avant", roles=["Coordination", "Direction"], user=editor
    )
    kept = action.actors.get(name="Coordination")
    updated = builder.update_action(
        action=action,
        version=action.version,
        title="Après",
        code="1.1.1",
        roles=["Coordination"],
        partners=["Ville"],
        schedule_years=[2],
        timing="En continu",
        themes=[theme],
        user=editor,
    )
    assert (updated.title, updated.code, updated.version, updated.timing) == (
        "Après",
        "1.1.1",
        2,
        "En continu",
    )
    assert [(a.pk == kept.pk, a.name, a.kind) for a in updated.actors.order_by("order")] == [
        (True, "Coordination", "role"),
        (False, "Ville", "partner"),
    ]
    assert list(updated.themes.all()) == [theme]
    assert updated.history.first().history_user == editor


def test_update_without_change_writes_nothing(objective, editor):
    action = builder.add_action(objective=objective, title="Pareil", user=editor)
    same = builder.update_action(action=action, version=1, title="Pareil", user=editor)
    assert same.version == 1
    assert action.history.count() == 1


def test_update_with_a_stale_version_is_refused_and_shows_the_current_text(objective, editor, cast):
    action = builder.add_action(objective=objective, title="Texte initial", user=editor)
    builder.update_action(action=action, version=1, title="Texte de Marie", user=cast["admin_a"])
    with pytest.raises(StaleVersion) as refused:
        builder.update_action(action=action, version=1, title="Texte de Paul", user=editor)
    assert refused.value.current.title == "Texte de Marie"
    assert refused.value.change.who == cast["admin_a"]
    action.refresh_from_db()
    assert (action.title, action.version) == ("Texte de Marie", 2)


def test_update_of_a_deleted_item_says_it_no_longer_exists(objective, editor):
    action = builder.add_action(objective=objective, title="Éphémère", user=editor)
    Action.objects.filter(pk=action.pk).delete()
    with pytest.raises(BuilderError, match="n'existe plus"):
        builder.update_action(action=action, version=1, title="Trop tard", user=editor)


def test_indicator_keeps_its_words_and_kind(objective, editor):
    action = builder.add_action(objective=objective, title="Infolettre", user=editor)
    indicator = builder.add_indicator(
        action=action, kind="MO", text="Publication de 10 infolettres", user=editor
    )
    assert (indicator.kind, indicator.text, indicator.plan_id) == (
        "MO",
        "Publication de 10 infolettres",
        action.plan_id,
    )
    changed = builder.update_indicator(
        indicator=indicator, version=1, kind="R", text="Taux d'ouverture de 40 %", user=editor
    )
    assert (changed.kind, changed.text, changed.version) == ("R", "Taux d'ouverture de 40 %", 2)


def test_indicator_target_comes_from_the_targets_parser_when_it_is_there(objective, editor):
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    indicator = builder.add_indicator(
        action=action, kind="MO", text="8 rencontres annuelles", user=editor
    )
    expected = builder.parse_indicator_target("8 rencontres annuelles")
    assert indicator.target == expected


def test_indicator_refuses_an_unknown_kind(objective, editor):
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    with pytest.raises(BuilderError, match="MO, R ou aucun"):
        builder.add_indicator(action=action, kind="X", text="Nombre", user=editor)


def test_objective_indicator_is_added_edited_ordered_and_kept_in_history(objective, editor):
    first = builder.add_indicator(
        objective=objective, kind="R", text="Taux de 75 % de satisfaction", user=editor
    )
    second = builder.add_indicator(objective=objective, text="Nombre de membres", user=editor)
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    builder.add_indicator(action=action, text="8 rencontres annuelles", user=editor)

    assert (first.objective_id, first.action_id, first.plan_id) == (
        objective.pk,
        None,
        objective.plan_id,
    )
    assert first.target == builder.parse_indicator_target("Taux de 75 % de satisfaction")
    # the objective's own indicators are ordered among themselves, apart from its action's
    assert [(i.text, i.order) for i in objective.indicators.order_by("order")] == [
        ("Taux de 75 % de satisfaction", 0),
        ("Nombre de membres", 1),
    ]
    changed = builder.update_indicator(
        indicator=second, version=1, kind="MO", text="Nombre de membres actifs", user=editor
    )
    assert (changed.kind, changed.text, changed.version) == ("MO", "Nombre de membres actifs", 2)
    assert builder.move_item(item=second, offset=-1, user=editor) is True
    assert list(objective.indicators.order_by("order").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    records = list(second.history.order_by("history_id"))
    assert [(r.history_type, r.text, r.history_user_id) for r in records] == [
        ("+", "Nombre de membres", editor.pk),
        ("~", "Nombre de membres actifs", editor.pk),
    ]
    assert records[0].objective_id == objective.pk


def test_objective_indicator_is_deleted_and_restored_in_its_place(objective, editor):
    first = builder.add_indicator(objective=objective, text="Premier", user=editor)
    second = builder.add_indicator(objective=objective, text="Second", user=editor)

    entry = builder.delete_item(item=first, user=editor)

    assert [(i.text, i.order) for i in objective.indicators.all()] == [("Second", 0)]
    assert entry.label == "Indicateur « Premier »"
    restored = builder.restore_item(entry=entry, user=editor)
    assert (restored.pk, restored.objective_id, restored.action_id) == (
        first.pk,
        objective.pk,
        None,
    )
    assert [i.pk for i in objective.indicators.order_by("order")] == [first.pk, second.pk]


def test_objective_indicator_may_go_to_an_action_and_back(objective, editor):
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    own = builder.add_indicator(objective=objective, text="Nombre de membres", user=editor)

    builder.place_item(item=own, parent=action, position=0, user=editor)
    own.refresh_from_db()
    assert (own.action_id, own.objective_id) == (action.pk, None)

    builder.place_item(item=own, parent=objective, position=0, user=editor)
    own.refresh_from_db()
    assert (own.action_id, own.objective_id) == (None, objective.pk)


def test_indicator_names_one_owner(objective, editor):
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    for owners in ({}, {"action": action, "objective": objective}):
        with pytest.raises(BuilderError, match="une action ou un objectif"):
            builder.add_indicator(text="Nombre", user=editor, **owners)


def test_deleting_an_objective_takes_its_indicators_and_undo_brings_them_back(objective, editor):
    own = builder.add_indicator(objective=objective, text="Nombre de membres", user=editor)

    entry = builder.delete_item(item=objective, user=editor)
    assert not Indicator.objects.filter(pk=own.pk).exists()

    builder.restore_item(entry=entry, user=editor)
    assert Indicator.objects.get(pk=own.pk).objective_id == objective.pk


def test_expected_result_may_be_tied_to_a_plan_year(objective, editor):
    action = builder.add_action(objective=objective, title="Rencontres", user=editor)
    result = builder.add_expected_result(
        action=action, text="4 rencontres", plan_year=2, user=editor
    )
    assert (result.plan_year, result.order) == (2, 0)
    with pytest.raises(BuilderError, match="An 9"):
        builder.add_expected_result(action=action, text="Trop loin", plan_year=9, user=editor)
    updated = builder.update_expected_result(
        result=result, version=1, text="5 rencontres", plan_year=None, user=editor
    )
    assert (updated.text, updated.plan_year) == ("5 rencontres", None)


def test_statements_are_saved_as_lists_and_glossary(plan, editor):
    saved = builder.update_statements(
        plan=plan,
        version=plan.version,
        mission="Soutenir le DS",
        vision="",
        values=["Solidarité", " ", "Équité"],
        mandates=["Concerter"],
        global_objective="Renforcer",
        glossary={"CA": "conseil d'administration"},
        notes=["Note 1"],
        user=editor,
    )
    assert (saved.values, saved.glossary, saved.version) == (
        ["Solidarité", "Équité"],
        {"CA": "conseil d'administration"},
        2,
    )


def test_plan_frame_change_with_stale_version_is_refused(plan, editor):
    builder.update_plan_frame(
        plan=plan,
        version=1,
        title="Nouveau titre",
        kind=plan.kind,
        period_start=plan.period_start,
        period_end=plan.period_end,
        fiscal_year_start_month=7,
        numbering=plan.numbering,
        user=editor,
    )
    with pytest.raises(StaleVersion):
        builder.update_plan_frame(
            plan=plan,
            version=1,
            title="Autre titre",
            kind=plan.kind,
            period_start=plan.period_start,
            period_end=plan.period_end,
            fiscal_year_start_month=7,
            numbering=plan.numbering,
            user=editor,
        )
    plan.refresh_from_db()
    assert plan.title == "Nouveau titre"


# --- Order and place ------------------------------------------------------------------------------


def test_move_item_up_and_down_among_siblings(objective, editor):
    a, _b, c = (builder.add_action(objective=objective, title=t, user=editor) for t in "ABC")
    assert builder.move_item(item=c, offset=-1, user=editor) is True
    assert titles(objective.actions) == ["A", "C", "B"]
    assert builder.move_item(item=a, offset=-1, user=editor) is False
    assert builder.move_item(item=a, offset=1, user=editor) is True
    assert titles(objective.actions) == ["C", "A", "B"]
    assert [x.order for x in objective.actions.order_by("order")] == [0, 1, 2]


def test_place_item_puts_it_at_a_position(objective, editor):
    for t in "ABCD":
        builder.add_action(objective=objective, title=t, user=editor)
    d = objective.actions.get(title="D")
    builder.place_item(item=d, position=1, user=editor)
    assert titles(objective.actions) == ["A", "D", "B", "C"]


def test_place_item_moves_an_action_to_another_objective_and_keeps_history(objective, editor):
    other = builder.add_objective(
        orientation=objective.orientation, title="Autre objectif", user=editor
    )
    for t in "AB":
        builder.add_action(objective=objective, title=t, user=editor)
    builder.add_action(objective=other, title="X", user=editor)
    a = objective.actions.get(title="A")
    builder.place_item(item=a, parent=other, position=0, user=editor)
    assert titles(other.actions) == ["A", "X"]
    assert titles(objective.actions) == ["B"]
    assert objective.actions.get().order == 0
    assert a.history.first().objective_id == other.pk


def test_place_item_refuses_a_parent_of_another_kind_or_plan(objective, editor, org_a):
    action = builder.add_action(objective=objective, title="A", user=editor)
    with pytest.raises(BuilderError, match="ne peut pas aller"):
        builder.place_item(item=action, parent=objective.orientation, position=0, user=editor)
    elsewhere = builder.create_plan(organization=org_a, title="Autre plan", user=editor)
    orientation = builder.add_orientation(plan=elsewhere, title="O", user=editor)
    foreign = builder.add_objective(orientation=orientation, title="Ob", user=editor)
    with pytest.raises(BuilderError, match="changer de plan"):
        builder.place_item(item=action, parent=foreign, position=0, user=editor)


def test_objective_moves_to_another_orientation(objective, editor):
    plan = objective.plan
    second = builder.add_orientation(plan=plan, title="Deuxième", user=editor)
    builder.place_item(item=objective, parent=second, position=0, user=editor)
    objective.refresh_from_db()
    assert objective.orientation_id == second.pk


# --- Paste -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "title"),
    [
        ("1.2.3 Organiser une tournée", "1.2.3", "Organiser une tournée"),
        ("1.2.3. Organiser une tournée", "1.2.3", "Organiser une tournée"),
        ("4) Publier le guide", "4", "Publier le guide"),
        ("12. Publier le guide", "12", "Publier le guide"),
        ("3 - Publier le guide", "3", "Publier le guide"),
        ("P1 Outiller les membres", "P1", "Outiller les membres"),
        ("- Tenir un registre", "", "Tenir un registre"),
        ("• Tenir un registre", "", "Tenir un registre"),
        ("  •   1.4 Tenir un registre", "1.4", "Tenir un registre"),
        ("Action 7 : Créer un comité", "7", "Créer un comité"),
        ("8 rencontres annuelles avec les membres", "", "8 rencontres annuelles avec les membres"),
        ("2 Créer un comité", "2", "Créer un comité"),
        ("a) Créer un comité", "a", "Créer un comité"),
        ("1.1\tDévelopper un outil", "1.1", "Développer un outil"),
    ],
)
def test_parse_pasted_line(line, code, title):
    assert parse_pasted_line(line) == builder.PastedAction(code=code, title=title)


def test_parse_pasted_actions_skips_empty_lines_and_bare_bullets():
    text = "1. Premier\n\n   \n-\n• Deuxième\r\n3) Troisième"
    assert [(p.code, p.title) for p in parse_pasted_actions(text)] == [
        ("1", "Premier"),
        ("", "Deuxième"),
        ("3", "Troisième"),
    ]


def test_add_actions_from_text_creates_one_action_per_line_in_order(objective, editor):
    builder.add_action(objective=objective, title="Déjà là", user=editor)
    created = builder.add_actions_from_text(
        objective=objective, text="1.1.2 Deuxième\n\n- Troisième\n1.1.4 Quatrième", user=editor
    )
    assert [(a.code, a.title, a.order) for a in created] == [
        ("1.1.2", "Deuxième", 1),
        ("", "Troisième", 2),
        ("1.1.4", "Quatrième", 3),
    ]
    assert all(a.history.get().history_user == editor for a in created)


def test_add_actions_from_text_refuses_an_empty_paste(objective, editor):
    with pytest.raises(BuilderError, match="au moins une ligne"):
        builder.add_actions_from_text(objective=objective, text=" \n - \n", user=editor)


# --- Automatic numbering ---------------------------------------------------------------------------


def test_hierarchical_numbering_follows_the_tree(org_a, editor):
    plan = builder.create_plan(
        organization=org_a, title="P", numbering=Numbering.HIERARCHICAL, user=editor
    )
    first = builder.add_orientation(plan=plan, title="O1", code="ignoré", user=editor)
    second = builder.add_orientation(plan=plan, title="O2", user=editor)
    objective = builder.add_objective(orientation=second, title="Ob", user=editor)
    builder.add_actions_from_text(objective=objective, text="9.9 A\nB", user=editor)
    builder.move_item(item=second, offset=-1, user=editor)
    codes = {
        *(o.code for o in Orientation.objects.all()),
        *(o.code for o in Objective.objects.all()),
        *(a.code for a in Action.objects.all()),
    }
    first.refresh_from_db()
    assert first.code == "2"
    assert codes == {"1", "2", "1.1", "1.1.1", "1.1.2"}


def test_moving_an_item_renumbers_it_with_a_new_version_and_a_history_record(org_a, cast):
    editor, other = cast["editor_a"], cast["admin_a"]
    plan = builder.create_plan(
        organization=org_a, title="P", numbering=Numbering.HIERARCHICAL, user=editor
    )
    builder.add_orientation(plan=plan, title="A", user=editor)
    b = builder.add_orientation(plan=plan, title="B", user=editor)
    assert (b.code, b.version) == ("2", 1)
    assert list(b.history.values_list("history_type", "code")) == [("+", "2")]
    builder.move_item(item=b, offset=-1, user=other)
    b.refresh_from_db()
    assert (b.code, b.version) == ("1", 2)
    latest = b.history.first()
    assert (latest.code, latest.version, latest.history_user) == ("1", 2, other)
    assert latest.history_change_reason == "Renumérotation"


def test_an_edit_that_renumbers_its_item_returns_the_new_code_and_version(org_a, editor):
    plan = builder.create_plan(
        organization=org_a, title="P", numbering=Numbering.PRINCIPAL_SECONDARY, user=editor
    )
    orientation = builder.add_orientation(plan=plan, title="O1", user=editor)
    objective = builder.add_objective(
        orientation=orientation, title="a", kind="principal", user=editor
    )
    saved = builder.update_objective(
        objective=objective, version=1, title="a", kind="secondary", user=editor
    )
    stored = Objective.objects.get(pk=objective.pk)
    assert (saved.code, saved.version) == (stored.code, stored.version) == ("S1", 3)


def test_principal_secondary_numbering_counts_objectives_through_the_plan(org_a, editor):
    plan = builder.create_plan(
        organization=org_a, title="P", numbering=Numbering.PRINCIPAL_SECONDARY, user=editor
    )
    o1 = builder.add_orientation(plan=plan, title="O1", user=editor)
    o2 = builder.add_orientation(plan=plan, title="O2", user=editor)
    p1 = builder.add_objective(orientation=o1, title="a", kind="principal", user=editor)
    s1 = builder.add_objective(orientation=o1, title="b", kind="secondary", user=editor)
    p2 = builder.add_objective(orientation=o2, title="c", kind="principal", user=editor)
    builder.add_action(objective=p1, title="x", user=editor)
    builder.add_action(objective=p2, title="y", user=editor)
    for item in (p1, s1, p2):
        item.refresh_from_db()
    assert [p1.code, s1.code, p2.code] == ["P1", "S2", "P3"]
    assert sorted(Action.objects.values_list("code", flat=True)) == ["1", "2"]


def test_flat_numbering_counts_objectives_and_actions_through_the_plan(org_a, editor):
    plan = builder.create_plan(organization=org_a, title="P", numbering=Numbering.FLAT, user=editor)
    o1 = builder.add_orientation(plan=plan, title="O1", user=editor)
    o2 = builder.add_orientation(plan=plan, title="O2", user=editor)
    a = builder.add_objective(orientation=o1, title="a", user=editor)
    b = builder.add_objective(orientation=o2, title="b", user=editor)
    builder.add_actions_from_text(objective=b, text="x\ny", user=editor)
    builder.add_action(objective=a, title="z", user=editor)
    for item in (a, b):
        item.refresh_from_db()
    assert [a.code, b.code] == ["1", "2"]
    assert list(Action.objects.order_by("code").values_list("title", "code")) == [
        ("z", "1"),
        ("x", "2"),
        ("y", "3"),
    ]


# --- Delete and undo -------------------------------------------------------------------------------


def _full_action(objective, editor):
    theme = ThemeFactory(name="Logement")
    action = builder.add_action(
        objective=objective, title="Complète", roles=["Coordination"], user=editor
    )
    builder.update_action(
        action=action,
        version=1,
        title="Complète",
        roles=["Coordination"],
        themes=[theme],
        user=editor,
    )
    builder.add_indicator(action=action, kind="MO", text="8 rencontres annuelles", user=editor)
    builder.add_expected_result(
        action=action, text="Les membres se connaissent", plan_year=1, user=editor
    )
    return Action.objects.get(pk=action.pk), theme


def test_delete_removes_the_subtree_from_every_read(objective, editor):
    action, _theme = _full_action(objective, editor)
    builder.delete_item(item=objective.orientation, user=editor)
    assert not Orientation.objects.exists()
    assert not Objective.objects.exists()
    assert not Action.objects.exists()
    assert not Indicator.objects.exists()
    assert not ExpectedResult.objects.exists()
    assert not ActionActor.objects.exists()
    assert action.history.first().history_type == "-"
    assert action.history.first().history_user == editor


def test_restore_puts_back_the_subtree_with_same_ids_place_and_links(objective, editor):
    a = builder.add_action(objective=objective, title="Avant", user=editor)
    action, theme = _full_action(objective, editor)
    c = builder.add_action(objective=objective, title="Après", user=editor)
    ids = {
        "indicator": action.indicators.get().pk,
        "result": action.expected_results.get().pk,
        "actor": action.actors.get().pk,
    }
    deletion = builder.delete_item(item=action, user=editor)
    assert titles(objective.actions) == ["Avant", "Après"]
    restored = builder.restore_item(entry=deletion, user=editor)
    assert restored.pk == action.pk
    assert titles(objective.actions) == ["Avant", "Complète", "Après"]
    assert [x.pk for x in objective.actions.order_by("order")] == [a.pk, action.pk, c.pk]
    assert restored.indicators.get().pk == ids["indicator"]
    assert restored.expected_results.get().plan_year == 1
    assert restored.actors.get().pk == ids["actor"]
    assert list(restored.themes.all()) == [theme]
    assert restored.created_at == action.created_at
    assert restored.version == action.version
    assert restored.history.first().history_type == "+"


def test_restore_twice_is_refused(objective, editor):
    action = builder.add_action(objective=objective, title="Une", user=editor)
    deletion = builder.delete_item(item=action, user=editor)
    builder.restore_item(entry=deletion, user=editor)
    with pytest.raises(BuilderError, match="déjà été rétabli"):
        builder.restore_item(entry=deletion, user=editor)


def test_restore_refuses_when_the_parent_is_gone(objective, editor):
    action = builder.add_action(objective=objective, title="Une", user=editor)
    deletion = builder.delete_item(item=action, user=editor)
    builder.delete_item(item=objective, user=editor)
    with pytest.raises(BuilderError, match="rétablissez d'abord"):
        builder.restore_item(entry=deletion, user=editor)
    assert not Action.objects.exists()


def test_a_deletion_is_found_only_in_the_corbeille_of_its_plan(objective, editor, org_a):
    action = builder.add_action(objective=objective, title="Une", user=editor)
    deletion = builder.delete_item(item=action, user=editor)
    other = builder.create_plan(organization=org_a, title="Autre", user=editor)
    assert trash_entry(other, str(deletion.pk)) is None
    assert trash_entry(objective.plan, str(deletion.pk)) == deletion


def test_restored_orientation_comes_back_whole_and_in_place(plan, objective, editor):
    builder.add_orientation(plan=plan, title="Deuxième", user=editor)
    builder.add_actions_from_text(objective=objective, text="A\nB", user=editor)
    orientation = objective.orientation
    deletion = builder.delete_item(item=orientation, user=editor)
    assert deletion.kind == "orientation"
    assert titles(plan.orientations) == ["Deuxième"]
    builder.restore_item(entry=deletion, user=editor)
    assert titles(plan.orientations) == ["Soutenir les démarches", "Deuxième"]
    assert titles(Action.objects.filter(objective=objective)) == ["A", "B"]


# --- Adopted plans ---------------------------------------------------------------------------------


def _adopt(plan):
    Plan.objects.filter(pk=plan.pk).update(state=PlanState.ADOPTED, adopted_on=dt.date(2017, 6, 1))
    plan.refresh_from_db()


def test_adopted_plan_refuses_changes_without_a_reason(objective, editor):
    _adopt(objective.plan)
    objective.refresh_from_db()
    with pytest.raises(ReasonRequired, match="raison du changement"):
        builder.add_action(objective=objective, title="Sans raison", user=editor)
    assert not Action.objects.exists()


def test_adopted_plan_records_the_reason_on_history(objective, editor):
    _adopt(objective.plan)
    objective.refresh_from_db()
    action = builder.add_action(
        objective=objective, title="Avec raison", user=editor, reason="Réajustement de l'AGA 2019"
    )
    record = action.history.get()
    assert record.history_change_reason == "Réajustement de l'AGA 2019"


def test_adopted_plan_records_a_revision_per_change_when_revisions_exist(objective, editor):
    _adopt(objective.plan)
    objective.refresh_from_db()
    before = objective.plan.revisions.count()
    builder.add_actions_from_text(
        objective=objective, text="A\nB\nC", user=editor, reason="Ajout de trois actions"
    )
    assert objective.plan.revisions.count() == before + 1
    assert objective.plan.revisions.order_by("-number").first().reason == "Ajout de trois actions"


def test_long_reasons_fit_the_history_column(objective, editor):
    _adopt(objective.plan)
    objective.refresh_from_db()
    action = builder.add_action(objective=objective, title="A", user=editor, reason="r" * 300)
    assert len(action.history.get().history_change_reason) == 100


# --- Restore a version from history ------------------------------------------------------------------


def test_restore_version_gives_back_the_words_of_a_history_record(objective, editor, cast):
    action = builder.add_action(objective=objective, title="Organiser des rencontres", user=editor)
    first = action.history.get().history_id
    action = builder.update_action(
        action=action, version=1, title="Organiser huit rencontres", user=editor
    )
    restored = builder.restore_version(
        item=action, history_id=first, version=action.version, user=cast["admin_a"]
    )
    assert restored.title == "Organiser des rencontres"
    assert restored.version == 3
    latest = restored.history.first()
    assert latest.history_user == cast["admin_a"]
    assert latest.history_change_reason.startswith("Version du ")
    with pytest.raises(BuilderError, match="déjà dans cette version"):
        builder.restore_version(item=restored, history_id=first, version=3, user=editor)


def test_restore_version_refuses_a_stale_copy_and_a_record_of_another_item(objective, editor):
    action = builder.add_action(objective=objective, title="Une", user=editor)
    other = builder.add_action(objective=objective, title="Autre", user=editor)
    builder.update_action(action=action, version=1, title="Une modifiée", user=editor)
    with pytest.raises(StaleVersion):
        builder.restore_version(
            item=action, history_id=action.history.last().history_id, version=1, user=editor
        )
    with pytest.raises(BuilderError, match="n'existe pas"):
        builder.restore_version(
            item=action, history_id=other.history.get().history_id, version=2, user=editor
        )
