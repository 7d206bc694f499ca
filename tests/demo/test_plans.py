"""The demo network's plans: built through the services, realistic, and of different shapes."""

from __future__ import annotations

import pytest

from jalon.demo import plans as demo_plans
from jalon.plans.enums import PlanState
from jalon.plans.interchange import dumps, loads
from jalon.plans.models import ExpectedResult, Plan
from jalon.plans.queries import plan_as_draft
from jalon.plans.services import create_plan_from_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(built):
    """The demo's national organization (tests/demo/conftest.py builds the whole demo once)."""
    return built


def test_the_national_plan_is_a_five_year_plan_adopted_at_an_aga(demo):
    plan = Plan.objects.get(organization=demo)

    assert plan.state == PlanState.ADOPTED
    assert plan.adopted_by == "Assemblée générale annuelle"
    assert plan.revisions.get().number == 1
    assert [y.label for y in plan.years] == [
        "2022-2023 (An 1)",
        "2023-2024 (An 2)",
        "2024-2025 (An 3)",
        "2025-2026 (An 4)",
        "2026-2027 (An 5)",
    ]
    assert plan.orientations.count() == 4
    assert set(plan.objectives.values_list("kind", flat=True)) == {"principal", "secondary"}
    assert plan.actions.count() == 40
    assert list(
        plan.actions.order_by(
            "objective__orientation__order", "objective__order", "order"
        ).values_list("code", flat=True)
    ) == [str(n) for n in range(1, 41)]


def test_every_national_action_has_actors_years_results_and_indicators(demo):
    draft = plan_as_draft(Plan.objects.get(organization=demo))

    for action in draft.iter_actions():
        assert action.actors, action.title
        assert action.schedule_years, action.title
        assert action.timing, action.title
        assert action.expected_results, action.title
        assert action.indicators, action.title
    kinds = {i.kind for a in draft.iter_actions() for i in a.indicators}
    assert kinds == {"MO", "R"}


def test_the_national_plan_names_every_form_of_target(demo):
    texts = [
        i.text.casefold()
        for a in plan_as_draft(Plan.objects.get(organization=demo)).iter_actions()
        for i in a.indicators
    ]

    def some(*words: str) -> bool:
        return any(all(w in t for w in words) for t in texts)

    assert some("par année") or some("annuelles")  # count per year
    assert some("taux", "%")  # rate
    assert some("hausse", "%") and some("augmentation", "%/année")  # growth
    assert some("nombre de")  # plain count
    assert some("adopt")  # milestone
    assert (
        some("tous les 3 mois") and some("trimestriel") and some("deux fois par année")
    )  # frequency
    assert some("reconnaissance") and some("se connaissent")  # qualitative


def test_the_regional_plans_have_different_shapes(demo):
    first, second = Plan.objects.filter(organization__parent=demo).order_by("organization__name")

    assert first.state == PlanState.ADOPTED
    codes = list(first.actions.order_by("pk").values_list("code", flat=True))
    assert codes[:3] == ["1.1.1", "1.1.2", "1.2.1"]
    years = set(
        ExpectedResult.objects.filter(action__plan=first).values_list("plan_year", flat=True)
    )
    assert {1, 2, 3} <= years

    assert second.state == PlanState.DRAFT
    assert second.orientations.count() == 1
    assert set(second.objectives.values_list("code", flat=True)) == {""}
    assert set(second.actions.values_list("status", flat=True)) == {
        "not_started",
        "in_preparation",
        "in_progress",
        "completed",
        "postponed",
        "abandoned",
    }
    assert second.actions.exclude(progress_note="").count() >= 7


def test_demo_plans_carry_themes(demo):
    plan = Plan.objects.get(organization=demo)

    assert plan.actions.filter(themes__name="Logement").count() >= 2


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_demo_plan_exports_and_imports_back_identically(demo, index):
    plan = Plan.objects.order_by("pk")[index]
    first = dumps(plan_as_draft(plan))

    again = create_plan_from_draft(draft=loads(first), organization=plan.organization)

    assert dumps(plan_as_draft(again)) == first


def test_wiping_removes_the_demo_plans(demo):
    demo_plans.wipe()

    assert Plan.objects.count() == 0
