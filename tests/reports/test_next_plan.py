"""Starting the next plan from this one: its structure in a new draft, none of its follow-up."""

import datetime as dt

import pytest
from django.urls import reverse

from jalon.plans.models import (
    Action,
    ActionActor,
    ExpectedResult,
    Indicator,
    Objective,
    Orientation,
    Plan,
)
from jalon.reports.services import next_period, next_title, start_next_plan

from .plan_builder import build_plan, follow_plan


def test_next_period_keeps_whole_years():
    assert next_period(dt.date(2022, 7, 1), dt.date(2027, 6, 30)) == (
        dt.date(2027, 7, 1),
        dt.date(2032, 6, 30),
    )
    assert next_period(dt.date(2024, 1, 15), dt.date(2024, 7, 14)) == (
        dt.date(2024, 7, 15),
        dt.date(2025, 1, 12),  # the same number of days
    )


def test_next_title_moves_the_years():
    start, end = dt.date(2017, 7, 1), dt.date(2022, 6, 30)
    new = (dt.date(2022, 7, 1), dt.date(2027, 6, 30))
    assert next_title("Plan d'action 2017-2022", start, end, new) == "Plan d'action 2022-2027"
    assert next_title("Plan d'action", start, end, new) == "Plan d'action (2022-2027)"


def test_next_plan_copies_the_structure_without_follow_up(org_a, cast):
    plan = build_plan(org_a, actions=7)
    follow_plan(plan)

    new = start_next_plan(plan=plan, user=cast["editor_a"])

    assert new.state == "draft"
    assert new.organization_id == org_a.pk
    assert new.title == "Plan d'action 2022-2027"
    assert (new.period_start, new.period_end) == (dt.date(2022, 7, 1), dt.date(2027, 6, 30))
    for model in (Orientation, Objective, Action, Indicator):
        assert model.objects.filter(plan=new).count() == model.objects.filter(plan=plan).count()
    assert ActionActor.objects.filter(action__plan=new).count() == (
        ActionActor.objects.filter(action__plan=plan).count()
    )
    assert ExpectedResult.objects.filter(action__plan=new).count() == (
        ExpectedResult.objects.filter(action__plan=plan).count()
    )
    assert set(Action.objects.filter(plan=new).values_list("status", flat=True)) == {""}
    assert set(Action.objects.filter(plan=new).values_list("progress_note", flat=True)) == {""}
    from jalon.tracking.models import IndicatorValue, StatusUpdate

    assert not StatusUpdate.objects.filter(plan=new).exists()
    assert not IndicatorValue.objects.filter(indicator__plan=new).exists()
    targets = list(
        Indicator.objects.filter(plan=plan).order_by("id").values_list("target", flat=True)
    )
    assert (
        list(Indicator.objects.filter(plan=new).order_by("id").values_list("target", flat=True))
        == targets
    )


def test_editor_starts_the_next_plan_from_the_reports_page(client, login, cast, plan):
    login(cast["editor_a"])
    page = client.get(reverse("reports:plan", args=[plan.pk]))
    assert "Démarrer le prochain plan à partir de celui-ci" in page.content.decode()

    response = client.post(reverse("reports:next_plan", args=[plan.pk]))

    new = Plan.objects.exclude(pk=plan.pk).get()
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()
    assert Action.objects.filter(plan=new).count() == 8


@pytest.mark.parametrize("who", ["reader_a", "contributor_a", "member_b"])
def test_others_cannot_start_the_next_plan(client, login, cast, plan, who):
    login(cast[who])
    page = client.get(reverse("reports:plan", args=[plan.pk]))
    assert "Démarrer le prochain plan" not in page.content.decode()

    response = client.post(reverse("reports:next_plan", args=[plan.pk]))

    assert response.status_code == 404
    assert Plan.objects.count() == 1


def test_anonymous_is_sent_to_log_in_for_the_next_plan(client, plan):
    response = client.post(reverse("reports:next_plan", args=[plan.pk]))

    assert response.status_code == 302
    assert "login" in response["Location"] or "connexion" in response["Location"]
    assert Plan.objects.count() == 1
