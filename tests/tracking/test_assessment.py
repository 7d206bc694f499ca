"""The assessment rules of docs/tracking.md, one story per rule (pure function, no database)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jalon.core.fiscal import PlanYear
from jalon.tracking.assessment import Measure, assess
from jalon.tracking.enums import AssessmentStatus as S

YEAR = PlanYear(number=1, start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30))
HALF = dt.date(2026, 12, 30)  # 183 days of 365: 50 % of the year gone by
AFTER = dt.date(2027, 7, 15)
PLAN = PlanYear(number=0, start=dt.date(2026, 7, 1), end=dt.date(2031, 6, 30))
NB = "\u00a0"


def target(form, value=None, unit="", period=None, direction=None, every=None):
    return {
        "form": form,
        "value": value,
        "unit": unit,
        "period": period,
        "every": every,
        "direction": direction,
        "span": None,
        "confidence": 1.0,
    }


def d(value):
    return Decimal(str(value))


def test_count_behind_pro_rata_is_at_risk_with_the_reason_written_out():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(3)), year=YEAR, today=HALF
    )
    assert result.status == S.AT_RISK
    assert result.reason == (
        f"3 rencontres pour une cible de 8 par année ; 50{NB}% de l'année écoulée, "
        "soit 4 à ce jour : à risque"
    )


def test_count_at_the_pro_rata_is_on_track():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(4)), year=YEAR, today=HALF
    )
    assert result.status == S.ON_TRACK


def test_count_writes_its_unit_in_the_singular_for_one():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(1)), year=YEAR, today=HALF
    )
    assert result.reason.startswith("1 rencontre pour une cible de 8 par année")


def test_count_far_behind_is_off_track():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(2)), year=YEAR, today=HALF
    )
    assert result.status == S.OFF_TRACK


def test_count_reaching_the_target_is_achieved_before_the_year_ends():
    result = assess(
        target("count", 2, "activités", "year"), Measure(value=d(2)), year=YEAR, today=HALF
    )
    assert result.status == S.ACHIEVED
    assert result.reason == "2 activités pour une cible de 2 par année : atteint"


def test_count_short_of_the_target_when_the_year_is_over_is_off_track():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(7)), year=YEAR, today=AFTER
    )
    assert result.status == S.OFF_TRACK
    assert (
        result.reason == "Année terminée : 7 rencontres pour une cible de 8 par année : hors cible"
    )


def test_count_with_nothing_expected_yet_is_on_track_at_zero():
    early = dt.date(2026, 7, 20)
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(value=d(0)), year=YEAR, today=early
    )
    assert result.status == S.ON_TRACK


def test_count_without_a_value_is_no_data():
    result = assess(target("count", 8, "rencontres", "year"), Measure(), year=YEAR, today=HALF)
    assert result.status == S.NO_DATA
    assert result.reason == "Aucune valeur pour 2026-2027 (An 1)."


def test_count_per_quarter_is_brought_to_a_year():
    result = assess(target("count", 2, "", "quarter"), Measure(value=d(4)), year=YEAR, today=HALF)
    assert result.status == S.ON_TRACK
    assert result.reason.startswith("4 pour une cible de 8 par année (2 par trimestre)")


def test_count_over_the_plan_uses_the_cumulative_value_and_the_plan_elapsed():
    result = assess(
        target("count", 40, "outils", "plan"),
        Measure(value=d(3), cumulative=d(3)),
        year=YEAR,
        today=HALF,
        plan_period=PLAN,
    )
    assert result.status == S.AT_RISK
    assert result.reason == (
        "3 outils depuis le début du plan pour une cible de 40 sur la durée du plan ; "
        f"10{NB}% du plan écoulé, soit 4 à ce jour : à risque"
    )


def test_count_at_most_over_the_maximum_is_off_track():
    result = assess(
        target("count", 5, "plaintes", "year", direction="at_most"),
        Measure(value=d(6)),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.OFF_TRACK
    assert result.reason == "6 plaintes pour un maximum de 5 par année : hors cible"


def test_rate_at_or_above_the_threshold_is_achieved():
    result = assess(target("rate", 75, "%"), Measure(value=d(82)), year=YEAR, today=HALF)
    assert result.status == S.ACHIEVED
    assert result.reason == f"Taux mesuré : 82{NB}% pour une cible de 75{NB}% : atteint"


def test_rate_a_few_points_short_is_at_risk():
    result = assess(target("rate", 75, "%"), Measure(value=d(72)), year=YEAR, today=HALF)
    assert result.status == S.AT_RISK
    assert result.reason == (
        f"Taux mesuré : 72{NB}% pour une cible de 75{NB}% (écart de 3 points) : à risque"
    )


def test_rate_far_short_is_off_track():
    result = assess(target("rate", 75, "%"), Measure(value=d(60)), year=YEAR, today=HALF)
    assert result.status == S.OFF_TRACK


def test_growth_compares_with_the_previous_year_prorated():
    result = assess(
        target("growth", 10, "contacts", "year", direction="increase"),
        Measure(value=d(23), previous=d(40)),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.ON_TRACK
    assert result.reason == (
        f"23 contacts ; cible : hausse de 10{NB}% sur l'année précédente (40), soit 44 ; "
        f"50{NB}% de l'année écoulée, soit 22 à ce jour : en bonne voie"
    )


def test_growth_reached_is_achieved():
    result = assess(
        target("growth", 10, "", "year", direction="increase"),
        Measure(value=d(45), previous=d(40)),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.ACHIEVED


def test_growth_without_a_previous_value_asks_for_a_baseline():
    result = assess(
        target("growth", 10, "", "year", direction="increase"),
        Measure(value=d(45)),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.NO_DATA
    assert result.reason == (
        f"Aucune valeur pour l'année précédente : la hausse visée (+10{NB}%) ne peut pas être "
        "mesurée ; inscrivez une valeur de référence."
    )


def test_growth_read_as_a_change_compares_the_change_with_the_target():
    measure = Measure(value=d("12.5"), value_is_change=True)
    result = assess(
        target("growth", 10, "", "year", direction="increase"), measure, year=YEAR, today=HALF
    )
    assert result.status == S.ON_TRACK
    assert result.reason == (
        f"Variation de +12,5{NB}% par rapport à la même période l'an dernier, pour une cible "
        f"de +10{NB}% : en bonne voie"
    )
    ended = assess(target("growth", 10, "", "year"), measure, year=YEAR, today=AFTER)
    assert ended.status == S.ACHIEVED


def test_growth_without_a_percentage_wants_more_than_last_year():
    result = assess(
        target("growth", None, "visites", None, direction="increase"),
        Measure(value=d(1200), previous=d(1000)),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.ACHIEVED
    assert (
        result.reason == f"1{NB}200 visites contre 1{NB}000 l'année précédente (+20{NB}%) : atteint"
    )


def test_plain_count_is_followed_without_a_threshold():
    measure = Measure(value=d(12))
    ongoing = assess(target("plain_count", None, "membres"), measure, year=YEAR, today=HALF)
    assert ongoing.status == S.ON_TRACK
    assert ongoing.reason == (
        "Valeur suivie sans cible chiffrée : 12 membres pour 2026-2027 (An 1) : en bonne voie"
    )
    assert assess(target("plain_count"), measure, year=YEAR, today=AFTER).status == S.ACHIEVED
    assert assess(target("plain_count"), Measure(), year=YEAR, today=HALF).status == S.NO_DATA


def test_milestone_done_is_achieved_with_its_date():
    result = assess(
        target("milestone"), Measure(done=True, done_on=dt.date(2026, 10, 3)), year=YEAR, today=HALF
    )
    assert result.status == S.ACHIEVED
    assert result.reason == "Réalisé le 3 octobre 2026 : atteint"


def test_milestone_counts_a_completed_action_as_done():
    result = assess(target("milestone"), Measure(action_status="completed"), year=YEAR, today=HALF)
    assert result.status == S.ACHIEVED
    assert result.reason == "Réalisé (l'action est complétée) : atteint"


def test_milestone_due_later_is_on_track():
    result = assess(
        target("milestone"),
        Measure(done=False, action_status="in_progress"),
        year=YEAR,
        today=HALF,
        deadline=3,
    )
    assert result.status == S.ON_TRACK
    assert result.reason == "Pas encore réalisé ; échéance : An 3 : en bonne voie"


def test_milestone_not_started_past_mid_deadline_year_is_at_risk():
    result = assess(
        target("milestone"), Measure(action_status="not_started"), year=YEAR, today=HALF, deadline=1
    )
    assert result.status == S.AT_RISK
    assert result.reason == (
        f"Pas encore réalisé ; 50{NB}% de l'année d'échéance écoulée, action « À venir » : à risque"
    )


def test_milestone_not_done_at_the_end_of_its_year_is_off_track():
    result = assess(
        target("milestone"),
        Measure(action_status="in_progress"),
        year=YEAR,
        today=AFTER,
        deadline=1,
    )
    assert result.status == S.OFF_TRACK


def test_milestone_of_an_abandoned_action_is_off_track():
    result = assess(target("milestone"), Measure(action_status="abandoned"), year=YEAR, today=HALF)
    assert result.status == S.OFF_TRACK


def test_milestone_with_nothing_known_is_no_data():
    result = assess(target("milestone"), Measure(), year=YEAR, today=HALF)
    assert result.status == S.NO_DATA


def test_frequency_keeping_the_cadence_is_on_track():
    occurrences = (dt.date(2026, 9, 25), dt.date(2026, 12, 15))
    result = assess(
        target("frequency", every={"count": 3, "unit": "month"}),
        Measure(occurrences=occurrences),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.ON_TRACK
    assert result.reason == (
        f"2 occurrences pour 4 attendues par année (tous les 3 mois) ; 50{NB}% de l'année "
        "écoulée, soit 2 à ce jour : en bonne voie"
    )


def test_frequency_with_a_long_gap_is_at_risk_even_when_the_count_is_right():
    occurrences = (dt.date(2026, 7, 10), dt.date(2026, 8, 20))
    result = assess(
        target("frequency", every={"count": 3, "unit": "month"}),
        Measure(occurrences=occurrences),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.AT_RISK
    assert "dernière occurrence le 20 août 2026, il y a 132 jours" in result.reason


def test_frequency_quarterly_complete_is_achieved():
    occurrences = (*tuple(dt.date(2026, m, 1) for m in (8, 10, 12)), dt.date(2027, 3, 1))
    result = assess(
        target("frequency", every={"count": 1, "unit": "quarter"}),
        Measure(occurrences=occurrences),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.ACHIEVED
    assert result.reason == "4 occurrences pour 4 attendues par année (chaque trimestre) : atteint"


def test_frequency_with_nothing_recorded_is_no_data():
    result = assess(
        target("frequency", every={"count": 1, "unit": "month"}), Measure(), year=YEAR, today=HALF
    )
    assert result.status == S.NO_DATA


def test_qualitative_with_a_narrative_is_achieved_and_quotes_it():
    result = assess(
        target("qualitative"),
        Measure(narrative="Les membres se connaissent mieux : 6 jumelages cette année."),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.ACHIEVED
    assert result.reason == (
        "Constat inscrit pour l'année : « Les membres se connaissent mieux : 6 jumelages "
        "cette année. » : atteint"
    )


def test_qualitative_takes_the_persons_judgement_when_given():
    result = assess(
        target("qualitative"),
        Measure(narrative="Peu de participation.", judgement="at_risk"),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.AT_RISK


def test_qualitative_without_a_narrative_is_no_data():
    result = assess(target("qualitative"), Measure(), year=YEAR, today=HALF)
    assert result.status == S.NO_DATA
    assert result.reason == "Aucun constat inscrit pour 2026-2027 (An 1)."


def test_no_target_at_all_follows_the_value_or_has_no_data():
    assert assess(None, Measure(value=d(3)), year=YEAR, today=HALF).status == S.ON_TRACK
    empty = assess(None, Measure(), year=YEAR, today=HALF)
    assert empty.status == S.NO_DATA
    assert empty.reason == "Aucune cible structurée et aucune valeur pour 2026-2027 (An 1)."


def test_the_reason_follows_the_interface_language():
    from django.utils import translation

    with translation.override("en"):
        result = assess(
            target("count", 8, "rencontres", "year"), Measure(value=d(3)), year=YEAR, today=HALF
        )
    assert result.reason == (
        f"3 rencontres against a target of 8 per year; 50{NB}% of the year elapsed, "
        "so 4 to date: at risk"
    )


def test_targets_are_described_in_words():
    from jalon.tracking.assessment import describe_target

    assert describe_target(target("count", 8, "rencontres", "year")) == "8 rencontres par année"
    assert describe_target(target("count", 2, "", "quarter")) == "2 par trimestre"
    assert (
        describe_target(target("count", 40, "outils", "plan")) == "40 outils sur la durée du plan"
    )
    assert describe_target(target("rate", 75, "%")) == f"75{NB}%"
    assert describe_target(target("growth", 10, "", "year", "increase")) == f"+10{NB}% par année"
    assert (
        describe_target(target("frequency", every={"count": 3, "unit": "month"}))
        == "tous les 3 mois"
    )
    assert describe_target(target("frequency", 2, "", "year")) == "2 fois par année"
    assert describe_target(None) == "aucune cible structurée"


def test_a_year_not_started_has_no_data_yet():
    result = assess(
        target("count", 8, "rencontres", "year"), Measure(), year=YEAR, today=dt.date(2026, 5, 1)
    )
    assert result.status == S.NO_DATA
    assert result.reason == "L'année 2026-2027 (An 1) n'est pas commencée."
