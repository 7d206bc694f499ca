"""No data is not zero: years before follow-up started in Jalon are "pas de suivi", and the
pre-flight list of what is missing before printing a year.

A three-year plan from 1 July 2023 to 30 June 2026, read on 3 October 2025 (An 3 under way:
95 days of 365 gone by, 26 %).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from jalon.plans.targets import parse_target
from jalon.reports.data import load_plan_report
from jalon.tracking import queries, services
from jalon.tracking.enums import AssessmentStatus as S
from jalon.tracking.facts import TrackingFacts, preflight
from tests.factories import IndicatorFactory

from .conftest import count_target, make_actions, make_plan

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 10, 3)
NB = "\u00a0"


@pytest.fixture
def old_plan(org_a):
    return make_plan(
        org_a, TODAY, period_start=dt.date(2023, 7, 1), period_end=dt.date(2026, 6, 30)
    )


def _computed_meetings(plan):
    action = make_actions(plan, 1)[0]
    indicator = IndicatorFactory(action=action, plan=plan, target=count_target(8))
    services.set_indicator_rule(indicator=indicator, user=None, kind="activity_count")
    return action, indicator


def test_computed_values_before_follow_up_started_are_not_tracked_never_zero(old_plan):
    action, _indicator = _computed_meetings(old_plan)
    services.log_activity(
        plan=old_plan,
        user=None,
        kind="meeting",
        date=dt.date(2025, 9, 1),
        title="Rencontre",
        actions=[action],
    )
    (row,) = queries.indicator_rows(old_plan, TODAY)
    assert queries.tracking_start(old_plan) == dt.date(2025, 9, 1)
    assert [r.assessment.status for r in row.years[:2]] == [S.NOT_TRACKED, S.NOT_TRACKED]
    assert [r.value for r in row.years[:2]] == [None, None]  # not 0
    # An 3: 8 × 95/365 = 2,08 → 2 expected to date; 1 < 75 % of 2: off track, provisional.
    third = row.years[2]
    assert third.value == Decimal(1)
    assert third.assessment.status == S.OFF_TRACK
    assert third.assessment.reason == (
        f"1 rencontre pour une cible de 8 par année ; 26{NB}% de l'année écoulée, soit 2 à "
        "ce jour : hors cible (provisoire — état au 3 octobre 2025)"
    )


def test_a_start_set_by_a_person_opens_the_years_after_it(old_plan, cast, login):
    _computed_meetings(old_plan)
    client = login(cast["editor_a"])
    response = client.post(
        reverse("tracking:tracking_start", args=[old_plan.pk]),
        {"tracking_started_on": "2024-07-01"},
    )
    assert response.status_code == 302
    old_plan.refresh_from_db()
    assert old_plan.tracking_started_on == dt.date(2024, 7, 1)
    (row,) = queries.indicator_rows(old_plan, TODAY)
    assert row.years[0].assessment.status == S.NOT_TRACKED
    # An 2 was followed and nothing happened: a real 0, and the year is over.
    assert row.years[1].value == Decimal(0)
    assert row.years[1].assessment.status == S.NOT_ACHIEVED
    assert row.years[1].assessment.reason == (
        "Année terminée : 0 rencontre pour une cible de 8 par année : non atteint"
    )


def test_only_editors_set_the_start_of_follow_up(old_plan, cast, login):
    client = login(cast["reader_a"])
    response = client.post(
        reverse("tracking:tracking_start", args=[old_plan.pk]),
        {"tracking_started_on": "2024-07-01"},
    )
    assert response.status_code == 403
    old_plan.refresh_from_db()
    assert old_plan.tracking_started_on is None


def test_the_start_of_follow_up_cannot_be_after_the_plan(old_plan):
    with pytest.raises(services.TrackingError) as error:
        services.set_tracking_start(plan=old_plan, on_date=dt.date(2026, 7, 2), user=None)
    assert error.value.message == (
        "Le suivi ne peut pas commencer après la fin du plan (30 juin 2026)."
    )


def test_statuses_an_imported_document_carried_do_not_start_follow_up(old_plan):
    action = make_actions(old_plan, 1)[0]
    action.status = "completed"
    action.save()
    assert services.record_initial_statuses(plan=old_plan, on_date=dt.date(2023, 9, 1)) == 1
    assert queries.tracking_start(old_plan) is None


def test_growth_against_an_untracked_year_is_not_tracked(old_plan):
    action = make_actions(old_plan, 1)[0]
    text = "Hausse de 15 % des abonnés chaque année"
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    services.set_indicator_rule(indicator=indicator, user=None, kind="activity_count")
    services.log_activity(
        plan=old_plan,
        user=None,
        kind="meeting",
        date=dt.date(2025, 9, 1),
        title="Lancement",
        actions=[action],
    )
    (row,) = queries.indicator_rows(old_plan, TODAY)
    third = row.years[2]
    assert third.assessment.status == S.NOT_TRACKED
    assert third.assessment.reason == (
        f"Pas de suivi l'année précédente : la hausse visée (+15{NB}%) ne peut pas être "
        "mesurée (1 abonné en 2025-2026 (An 3))."
    )


def test_a_growth_level_prints_in_its_noun_with_its_change(old_plan):
    action = make_actions(old_plan, 1)[0]
    text = "Hausse de 15 % des abonnés chaque année"
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    for year, value in ((1, 1944), (2, 2113)):
        services.record_indicator_value(
            indicator=indicator, user=None, plan_year=year, value=Decimal(value)
        )
    report = load_plan_report(old_plan.pk)
    facts = TrackingFacts(today=TODAY).annual_facts(report, report.years[1])
    result = facts.indicators[indicator.pk]
    # (2 113 − 1 944) / 1 944 = 8,69 % → "+8,7 %"; the target is +15 %, so 2 235,6.
    assert result.value_text == f"2{NB}113 abonnés, +8,7{NB}% sur 2023-2024 ; cible +15{NB}%"
    assert result.change_text == f"+8,7{NB}% sur 2023-2024 ; cible +15{NB}%"
    assert result.assessment == "not_achieved"
    assert "2 113 %" not in result.value_text.replace(NB, " ")


def test_an_untracked_plan_is_flagged_and_never_graded(old_plan):
    action = make_actions(old_plan, 1)[0]
    for text in ("8 rencontres annuelles", "Structure de veille mise en place"):
        IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    action.status = "completed"  # what the imported document said
    action.save()
    services.record_initial_statuses(plan=old_plan, on_date=dt.date(2023, 9, 1))
    report = load_plan_report(old_plan.pk)
    for year in report.years:
        facts = TrackingFacts(today=TODAY).annual_facts(report, year)
        assert facts.tracked is False
        assert facts.tracking_started_on is None
        assert {r.assessment for r in facts.indicators.values()} == {"not_tracked"}


def test_preflight_lists_actions_without_status_and_indicators_without_value(old_plan):
    done_before, updated, silent_1, silent_2 = make_actions(old_plan, 4)
    IndicatorFactory(action=updated, plan=old_plan, target=count_target(8))
    services.update_action_status(
        action=done_before, user=None, status="completed", on_date=dt.date(2025, 3, 1)
    )
    services.update_action_status(
        action=updated, user=None, status="in_progress", on_date=dt.date(2025, 9, 15)
    )
    year = old_plan.years[2]
    check = preflight(old_plan, year, today=TODAY)
    assert check.tracked is True
    assert [m.id for m in check.actions_without_status] == [silent_1.pk, silent_2.pk]
    assert [m.action_id for m in check.indicators_without_value] == [updated.pk]
    assert check.lines == [
        "2 actions sans état pour 2025-2026",
        "1 indicateur sans valeur pour 2025-2026",
    ]
    assert check.is_complete is False


def test_preflight_of_a_year_before_follow_up_lists_nothing(old_plan):
    make_actions(old_plan, 3)
    check = preflight(old_plan, old_plan.years[0], today=TODAY)
    assert check.tracked is False
    assert check.lines == []
