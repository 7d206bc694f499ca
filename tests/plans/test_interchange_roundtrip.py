"""A plan survives the trip through jalon-plan/1: draft → plan → draft gives the same JSON."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jalon.plans import interchange
from jalon.plans.interchange import (
    ActionDraft,
    ImportReport,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
    dumps,
    loads,
)
from jalon.plans.models import Plan
from jalon.plans.queries import parse_indicator_target, plan_as_draft
from jalon.plans.services import create_plan_from_draft

from .conftest import plan_files, sized_draft

# Any text a document may hold, but not control characters (PostgreSQL refuses NUL) nor blank
# text (the format requires titles to say something).
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "")
optional_texts = st.none() | texts
codes = st.none() | st.text(alphabet="PS0123456789.", min_size=1, max_size=8)
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))

indicators = st.builds(
    IndicatorDraft, text=texts, kind=st.none() | st.sampled_from(interchange.INDICATOR_KINDS)
)
actions = st.builds(
    ActionDraft,
    title=texts,
    code=codes,
    actors=st.lists(texts, max_size=3),
    expected_results=st.lists(
        texts | texts.map(lambda t: f"An 2 : {t}") | texts.map(lambda t: f"Ans 1 et 2 : {t}"),
        max_size=3,
    ),
    indicators=st.lists(indicators, max_size=3),
    schedule_years=st.none() | st.lists(st.integers(1, 10), max_size=5),
    timing=optional_texts,
    status=st.none() | st.sampled_from(interchange.STATUSES),
    progress_note=optional_texts,
)
objectives = st.builds(
    ObjectiveDraft,
    title=texts,
    code=codes,
    kind=st.none() | st.sampled_from(interchange.OBJECTIVE_KINDS),
    actions=st.lists(actions, max_size=3),
    indicators=st.lists(indicators, max_size=2),
)
orientations = st.builds(
    OrientationDraft, title=texts, code=codes, objectives=st.lists(objectives, max_size=3)
)
reports = st.none() | st.builds(
    ImportReport,
    format_detected=optional_texts,
    warnings=st.lists(texts, max_size=2),
    unplaced=st.lists(texts, max_size=2),
    ocr=st.lists(
        st.builds(
            interchange.OcrPage,
            page=st.integers(1, 300),
            mean_confidence=st.none() | st.floats(0, 100).map(lambda f: round(f, 1)),
            words=st.integers(0, 5000),
            seconds=st.floats(0, 60).map(lambda f: round(f, 2)),
        ),
        max_size=2,
    ),
)
drafts = st.builds(
    PlanDraft,
    organization=texts,
    title=texts,
    source=optional_texts,
    period_start=dates,
    period_end=dates,
    fiscal_year_start_month=st.none() | st.integers(1, 12),
    updated_on=dates,
    mission=optional_texts,
    vision=optional_texts,
    global_objective=optional_texts,
    values=st.lists(texts, max_size=3),
    mandates=st.lists(texts, max_size=3),
    notes=st.lists(texts, max_size=3),
    glossary=st.dictionaries(texts, texts, max_size=3),
    orientations=st.lists(orientations, max_size=3),
    import_report=reports,
)


def with_read_targets(draft: PlanDraft) -> PlanDraft:
    """The draft as Jalon writes it back: each indicator carries the target read from its text."""
    expected = copy.deepcopy(draft)
    for action in expected.iter_actions():
        for indicator in action.indicators:
            indicator.target = parse_indicator_target(indicator.text)
    for orientation in expected.orientations:
        for objective in orientation.objectives:
            for indicator in objective.indicators:
                indicator.target = parse_indicator_target(indicator.text)
    return expected


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draft=drafts)
def test_any_draft_becomes_a_plan_that_exports_the_same_json(org_a, draft):
    plan = create_plan_from_draft(draft=draft, organization=org_a)

    assert dumps(plan_as_draft(plan)) == dumps(with_read_targets(draft))


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draft=drafts)
def test_export_import_export_gives_identical_json(org_a, draft):
    first = dumps(plan_as_draft(create_plan_from_draft(draft=draft, organization=org_a)))
    again = create_plan_from_draft(draft=loads(first), organization=org_a)

    assert dumps(plan_as_draft(again)) == first


def _tree_and_texts(data: dict) -> dict:
    """The document without what Jalon adds on export (format, targets read from indicators)."""
    data = json.loads(json.dumps(data))
    data.pop("format", None)
    for orientation in data["orientations"]:
        for objective in orientation["objectives"]:
            for owner in [objective, *objective["actions"]]:
                for indicator in owner.get("indicators") or []:
                    indicator.pop("target", None)
                    indicator.pop("target_is_manual", None)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("path", plan_files(), ids=lambda p: p.name)
def test_plan_file_imports_and_exports_back_with_the_same_tree_and_texts(org_a, path):
    truth = json.loads(path.read_text("utf-8"))

    plan = create_plan_from_draft(draft=loads(path.read_text("utf-8")), organization=org_a)
    exported = json.loads(dumps(plan_as_draft(plan)))

    expected = interchange.draft_to_dict(interchange.draft_from_dict(truth))
    assert _tree_and_texts(exported) == _tree_and_texts(expected)
    assert exported["orientations"][0]["title"] == truth["orientations"][0]["title"]
    assert sum(len(o["objectives"]) for o in exported["orientations"]) == sum(
        len(o["objectives"]) for o in truth["orientations"]
    )


def test_plan_files_are_found():
    assert [p.name for p in plan_files()] == ["haute-riviere.jalon.json", "lac-vert.jalon.json"]


@pytest.mark.django_db
def test_export_keeps_jalon_additions_themes_kind_and_numbering(org_a):
    from tests.factories import ThemeFactory

    ThemeFactory(name="Logement", slug="logement")
    draft = sized_draft(1)
    draft.extra = {"kind": "strategic", "numbering": "hierarchical"}
    draft.orientations[0].objectives[0].actions[0].extra = {"themes": ["Logement"]}

    plan = create_plan_from_draft(draft=draft, organization=org_a)
    data = json.loads(dumps(plan_as_draft(plan)))

    assert data["kind"] == "strategic"
    assert data["numbering"] == "hierarchical"
    assert data["orientations"][0]["objectives"][0]["actions"][0]["themes"] == ["Logement"]
    assert Plan.objects.get(pk=plan.pk).kind == "strategic"


@pytest.mark.django_db
def test_a_target_set_by_hand_survives_the_round_trip(org_a):
    draft = sized_draft(1)
    indicator = draft.orientations[0].objectives[0].actions[0].indicators[0]
    indicator.target = {"form": "count", "value": 12, "period": "year"}

    plan = create_plan_from_draft(draft=draft, organization=org_a)
    stored = plan.indicators.order_by("order", "id").first()
    exported = json.loads(dumps(plan_as_draft(plan)))
    again = create_plan_from_draft(draft=loads(json.dumps(exported)), organization=org_a)

    assert stored.target == {"form": "count", "value": 12, "period": "year"}
    assert stored.target_is_manual is True
    assert dumps(plan_as_draft(again)) == dumps(plan_as_draft(plan))


@pytest.mark.django_db
def test_objective_indicators_go_through_the_plan_and_back_identical(org_a):
    """A government-style plan: objectives measured by indicators of their own, one with no action."""
    draft = sized_draft(1)
    objective = draft.orientations[0].objectives[0]
    objective.indicators = [
        IndicatorDraft(text="Taux de 75 % de satisfaction des membres", kind="R"),
        IndicatorDraft(text="Nombre de démarches accompagnées"),
    ]
    draft.orientations[0].objectives.append(
        ObjectiveDraft(
            code="1.9",
            title="Réduire les délais d'attente",
            indicators=[IndicatorDraft(text="Délai moyen de 30 jours en 2026", kind="R")],
        )
    )

    plan = create_plan_from_draft(draft=draft, organization=org_a)

    stored = plan.indicators.filter(objective__isnull=False).order_by("objective__order", "order")
    assert [(i.objective.code, i.text, i.action_id) for i in stored] == [
        (objective.code or "", "Taux de 75 % de satisfaction des membres", None),
        (objective.code or "", "Nombre de démarches accompagnées", None),
        ("1.9", "Délai moyen de 30 jours en 2026", None),
    ]
    assert stored[0].target == parse_indicator_target("Taux de 75 % de satisfaction des membres")
    assert dumps(plan_as_draft(plan)) == dumps(with_read_targets(draft))
    again = create_plan_from_draft(draft=loads(dumps(plan_as_draft(plan))), organization=org_a)
    assert dumps(plan_as_draft(again)) == dumps(plan_as_draft(plan))


@pytest.mark.django_db
def test_an_indicator_belongs_to_an_action_or_an_objective_never_both_nor_neither(org_a):
    from django.db import IntegrityError, transaction

    from jalon.plans.models import Indicator

    plan = create_plan_from_draft(draft=sized_draft(1), organization=org_a)
    action = plan.actions.first()
    assert action is not None
    for owners in ({}, {"action": action, "objective": action.objective}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Indicator.objects.create(plan=plan, text="Nombre de rencontres", **owners)
