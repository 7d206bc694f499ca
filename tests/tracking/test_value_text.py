"""Every target form prints its value in the indicator's own unit, with its target in the one
wording (plans.target_text), in the facts every report reads.

A three-year plan from 1 July 2023, read on 3 October 2025; the values are those of An 2
(2024-2025), a closed year: its verdicts are final.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jalon.plans.targets import parse_target
from jalon.reports.data import load_plan_report
from jalon.tracking import services
from jalon.tracking.facts import TrackingFacts
from tests.factories import IndicatorFactory

from .conftest import make_actions, make_plan

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 10, 3)
NB = "\u00a0"

# text, how the value is entered for An 2, value printed, target printed, final verdict
FORMS = [
    ("8 rencontres annuelles", {"value": 3}, "3 rencontres", "8 rencontres par année",
     "not_achieved"),
    ("Taux de 75% de satisfaction", {"value": 80}, f"80{NB}%", f"au moins 75{NB}%",
     "achieved"),
    ("Nombre de membres recrutés", {"value": 1347}, f"1{NB}347 membres", "nombre, sans cible",
     "followed"),
    ("Structure de veille mise en place", {"done": True, "on_date": dt.date(2024, 10, 3)},
     "Réalisé le 3 octobre 2024", "jalon : fait ou non", "achieved"),
    ("Les membres se connaissent bien", {"narrative": "Des liens se tissent."},
     "Des liens se tissent.", "qualitatif", "followed"),
    ("2 038 visites d'ici 2026", {"value": 1}, "1 visite", f"2{NB}038 visites d'ici 2026",
     "not_achieved"),
]  # fmt: skip


@pytest.fixture
def old_plan(org_a):
    return make_plan(
        org_a, TODAY, period_start=dt.date(2023, 7, 1), period_end=dt.date(2026, 6, 30)
    )


def _facts(plan):
    report = load_plan_report(plan.pk)
    return TrackingFacts(today=TODAY).annual_facts(report, report.years[1])


@pytest.mark.parametrize(("text", "entry", "value", "target", "verdict"), FORMS)
def test_each_target_form_prints_its_value_in_its_own_unit(
    old_plan, text, entry, value, target, verdict
):
    action = make_actions(old_plan, 1)[0]
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    services.record_indicator_value(
        indicator=indicator,
        user=None,
        plan_year=2,
        value=Decimal(entry["value"]) if "value" in entry else None,
        done=entry.get("done"),
        on_date=entry.get("on_date"),
        narrative=entry.get("narrative", ""),
    )
    result = _facts(old_plan).indicators[indicator.pk]
    assert (result.value_text, result.target_text, result.assessment) == (value, target, verdict)


def test_a_frequency_prints_how_many_times_singular_for_one(old_plan):
    action = make_actions(old_plan, 1)[0]
    text = "mise à jour tous les 3 mois"
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    services.add_occurrence(indicator=indicator, user=None, on_date=dt.date(2024, 9, 1))
    once = _facts(old_plan).indicators[indicator.pk]
    services.add_occurrence(indicator=indicator, user=None, on_date=dt.date(2024, 12, 1))
    twice = _facts(old_plan).indicators[indicator.pk]
    assert (once.value_text, once.target_text) == ("1 fois", "4 fois par année")
    assert twice.value_text == "2 fois"
    assert twice.assessment == "not_achieved"  # 2 of the 4 a year wanted, the year is over


def test_the_bilan_annuel_prints_a_growth_level_never_as_a_percentage(old_plan):
    from jalon.reports.registry import BY_IDENTIFIER

    action = make_actions(old_plan, 1)[0]
    text = "Hausse de 15 % des abonnés chaque année"
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    for year, value in ((1, 1944), (2, 2113)):
        services.record_indicator_value(
            indicator=indicator, user=None, plan_year=year, value=Decimal(value)
        )
    html = BY_IDENTIFIER["annual"].render(old_plan, {"year": 2}, "html").content.decode()
    flat = " ".join(html.replace(NB, " ").split())
    assert "2 113 abonnés, +8,7 % sur 2023-2024 ; cible +15 %" in flat
    assert "2 113 %" not in flat
    assert "Non atteint" in flat


def test_the_dashboard_offers_editors_the_start_of_follow_up(old_plan, cast, login):
    from django.urls import reverse

    url = reverse("tracking:dashboard", args=[old_plan.pk])
    editor = login(cast["editor_a"]).get(url).content.decode()
    assert "Début du suivi dans Jalon" in editor
    assert "Rien n'a encore été saisi : aucune année n'est suivie." in editor
    reader = login(cast["reader_a"]).get(url).content.decode()
    assert "Début du suivi dans Jalon" not in reader


def test_a_growth_level_during_its_year_is_compared_with_last_years_level(old_plan):
    action = make_actions(old_plan, 1)[0]
    text = "Hausse de 10 % des contacts personnalisés chaque année"
    indicator = IndicatorFactory(action=action, plan=old_plan, text=text, target=parse_target(text))
    for year, value in ((2, 47), (3, 15)):
        services.record_indicator_value(
            indicator=indicator, user=None, plan_year=year, value=Decimal(value)
        )
    report = load_plan_report(old_plan.pk)
    result = (
        TrackingFacts(today=TODAY).annual_facts(report, report.years[2]).indicators[indicator.pk]
    )
    # An 3 has run 95 days: 15 of them against 47 for a whole year is not "-68,1 %".
    assert result.value_text == f"15 contacts à ce jour ; 47 contacts en 2024-2025 ; cible +10{NB}%"
    assert result.provisional is True
    assert result.status_note == "provisoire — état au 3 octobre 2025"
