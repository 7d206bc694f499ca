"""The assessment rules of docs/tracking.md, one story per rule (pure function, no database).

Expected figures are worked out by hand in the comments. The plan year runs from 1 July 2026
to 30 June 2027 (365 days); on 30 December 2026, 183 days have gone by: 50 % of the year.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import translation

from jalon.core.fiscal import PlanYear
from jalon.plans.target_text import describe_target
from jalon.plans.targets import parse_target
from jalon.tracking.assessment import Measure, assess
from jalon.tracking.enums import AssessmentStatus as S

YEAR = PlanYear(number=1, start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30))
HALF = dt.date(2026, 12, 30)  # 183 days of 365: 50 % of the year gone by
AFTER = dt.date(2027, 7, 15)
PLAN = PlanYear(number=0, start=dt.date(2026, 7, 1), end=dt.date(2031, 6, 30))
NB = "\u00a0"
PROVISIONAL = " (provisoire — état au 30 décembre 2026)"


def target(form, value=None, unit="", period=None, direction=None, every=None, **extra):
    return {
        "form": form,
        "value": value,
        "unit": unit,
        "period": period,
        "every": every,
        "direction": direction,
        "span": None,
        "confidence": "high",
        **extra,
    }


def d(value):
    return Decimal(str(value))


EIGHT_MEETINGS = target("count", 8, "rencontres", "year", "at_least")


# --- count -----------------------------------------------------------------------------------


def test_count_behind_pro_rata_is_at_risk_and_says_it_is_provisional():
    # 8 × 183/365 = 4,01 → 4 expected to date; 3 ≥ 75 % of 4 (3): at risk.
    result = assess(EIGHT_MEETINGS, Measure(value=d(3)), year=YEAR, today=HALF)
    assert result.status == S.AT_RISK
    assert result.provisional is True
    assert result.as_of == HALF
    assert result.reason == (
        f"3 rencontres pour une cible de 8 par année ; 50{NB}% de l'année écoulée, "
        f"soit 4 à ce jour : à risque{PROVISIONAL}"
    )


def test_count_far_behind_during_the_year_is_off_track():
    # 2 < 75 % of 4 = 3: off track (provisional).
    result = assess(EIGHT_MEETINGS, Measure(value=d(2)), year=YEAR, today=HALF)
    assert result.status == S.OFF_TRACK
    assert result.provisional is True


def test_count_short_when_the_year_is_over_is_not_achieved():
    result = assess(EIGHT_MEETINGS, Measure(value=d(7)), year=YEAR, today=AFTER)
    assert result.status == S.NOT_ACHIEVED
    assert result.provisional is False
    assert result.reason == (
        "Année terminée : 7 rencontres pour une cible de 8 par année : non atteint"
    )


def test_count_reached_when_the_year_is_over_is_achieved():
    result = assess(EIGHT_MEETINGS, Measure(value=d(8)), year=YEAR, today=AFTER)
    assert result.status == S.ACHIEVED
    assert result.reason == "8 rencontres pour une cible de 8 par année : atteint"


def test_a_locked_year_gets_a_final_verdict_even_before_it_ends():
    # Locked on 30 December: judged on the whole year, never "en bonne voie".
    result = assess(EIGHT_MEETINGS, Measure(value=d(4)), year=YEAR, today=HALF, final=True)
    assert result.status == S.NOT_ACHIEVED
    assert result.provisional is False
    assert result.reason == (
        "Année terminée : 4 rencontres pour une cible de 8 par année : non atteint"
    )


def test_count_writes_its_unit_in_the_singular_for_zero_and_one():
    zero = assess(EIGHT_MEETINGS, Measure(value=d(0)), year=YEAR, today=AFTER)
    one = assess(EIGHT_MEETINGS, Measure(value=d(1)), year=YEAR, today=AFTER)
    assert "0 rencontre pour" in zero.reason
    assert "1 rencontre pour" in one.reason


# --- rate ------------------------------------------------------------------------------------


def test_rate_a_few_points_short_is_at_risk_during_the_year_and_not_achieved_after():
    rate = target("rate", 75, "%", None, "at_least")
    during = assess(rate, Measure(value=d(72)), year=YEAR, today=HALF)
    after = assess(rate, Measure(value=d(72)), year=YEAR, today=AFTER)
    assert during.status == S.AT_RISK
    assert during.reason == (
        f"Taux mesuré : 72{NB}% pour une cible de 75{NB}% (écart de 3 points) : à risque"
        f"{PROVISIONAL}"
    )
    assert after.status == S.NOT_ACHIEVED
    assert after.reason == (
        f"Taux mesuré : 72{NB}% pour une cible de 75{NB}% (écart de 3 points) : non atteint"
    )


def test_rate_without_a_threshold_is_followed_without_a_verdict():
    result = assess(target("rate", None, "%"), Measure(value=d(64)), year=YEAR, today=AFTER)
    assert result.status == S.FOLLOWED
    assert result.reason == f"Taux mesuré : 64{NB}%, sans seuil chiffré (sans verdict)"


# --- growth ----------------------------------------------------------------------------------

GROWTH = target("growth", 15, "%", "year", "increase")


def test_growth_prints_the_level_in_its_noun_and_the_change():
    # 1 944 × 1,15 = 2 235,6 wanted; 2 113 is +169, i.e. +8,69 % → "+8,7 %": not achieved.
    result = assess(
        GROWTH,
        Measure(value=d(2113), previous=d(1944), noun="abonnés"),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.NOT_ACHIEVED
    assert result.reason == (
        f"Année terminée : 2{NB}113 abonnés, +8,7{NB}% sur l'année précédente "
        f"(1{NB}944 abonnés) ; cible : hausse de 15{NB}%, soit 2{NB}235,6 : non atteint"
    )
    assert "%" not in result.reason.split(",")[0]  # never "2 113 %"


def test_growth_reached_is_achieved():
    # 100 × 1,15 = 115 wanted; 120 reached.
    result = assess(
        GROWTH, Measure(value=d(120), previous=d(100), noun="abonnés"), year=YEAR, today=AFTER
    )
    assert result.status == S.ACHIEVED
    assert result.reason.startswith(f"120 abonnés, +20{NB}% sur l'année précédente (100 abonnés)")


def test_growth_against_a_year_not_tracked_is_not_tracked():
    result = assess(
        GROWTH,
        Measure(value=d(50), previous=None, previous_tracked=False, noun="contacts"),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.NOT_TRACKED
    assert result.reason == (
        f"Pas de suivi l'année précédente : la hausse visée (+15{NB}%) ne peut pas être "
        "mesurée (50 contacts en 2026-2027 (An 1))."
    )


def test_growth_from_zero_is_followed_not_judged():
    # "hausse de 10 % sur 0, soit 0 : atteint" was nonsense: no % change from nothing.
    result = assess(GROWTH, Measure(value=d(0), previous=d(0)), year=YEAR, today=AFTER)
    assert result.status == S.FOLLOWED


def test_growth_without_a_baseline_asks_for_one():
    result = assess(GROWTH, Measure(value=d(50)), year=YEAR, today=AFTER)
    assert result.status == S.NO_DATA
    assert "inscrivez une valeur de référence" in result.reason


def test_growth_read_as_a_change_compares_the_change_with_the_target():
    during = assess(GROWTH, Measure(value=d(16), value_is_change=True), year=YEAR, today=HALF)
    after = assess(GROWTH, Measure(value=d(9), value_is_change=True), year=YEAR, today=AFTER)
    assert during.status == S.ON_TRACK
    assert during.provisional is True
    assert after.status == S.NOT_ACHIEVED


# --- plain count, no target ------------------------------------------------------------------


def test_plain_count_is_followed_without_a_verdict_whatever_the_date():
    plain = target("plain_count", None, "membres")
    during = assess(plain, Measure(value=d(47)), year=YEAR, today=HALF)
    after = assess(plain, Measure(value=d(47)), year=YEAR, today=AFTER)
    for result in (during, after):
        assert result.status == S.FOLLOWED
        assert result.reason == (
            "Valeur suivie sans cible chiffrée : 47 membres pour 2026-2027 (An 1) (sans verdict)"
        )


def test_no_structured_target_follows_the_value_or_has_no_data():
    assert assess(None, Measure(value=d(3)), year=YEAR, today=AFTER).status == S.FOLLOWED
    assert assess(None, Measure(), year=YEAR, today=AFTER).status == S.NO_DATA


# --- milestone -------------------------------------------------------------------------------

MILESTONE = target("milestone")


def test_milestone_done_is_achieved_with_its_date():
    result = assess(
        MILESTONE,
        Measure(done=True, done_on=dt.date(2026, 10, 3)),
        year=YEAR,
        today=AFTER,
        deadline=1,
    )
    assert result.status == S.ACHIEVED
    assert result.reason == "Réalisé le 3 octobre 2026 : atteint"


def test_milestone_not_due_yet_in_a_closed_year_is_followed_not_on_track():
    result = assess(
        MILESTONE, Measure(action_status="in_progress"), year=YEAR, today=AFTER, deadline=3
    )
    assert result.status == S.FOLLOWED
    assert result.reason == (
        "Pas encore réalisé à la fin de 2026-2027 (An 1) ; échéance : An 3 (sans verdict)"
    )


def test_milestone_not_due_yet_during_the_year_is_on_track_provisionally():
    result = assess(
        MILESTONE, Measure(action_status="in_progress"), year=YEAR, today=HALF, deadline=3
    )
    assert result.status == S.ON_TRACK
    assert result.provisional is True


def test_milestone_not_done_at_the_end_of_its_year_is_not_achieved():
    result = assess(
        MILESTONE, Measure(action_status="in_progress"), year=YEAR, today=AFTER, deadline=1
    )
    assert result.status == S.NOT_ACHIEVED
    assert result.reason == "Non réalisé à la fin de l'année d'échéance : non atteint"


# --- frequency -------------------------------------------------------------------------------

QUARTERLY = target("frequency", 4, None, "year", "at_least", every={"count": 3, "unit": "month"})


def test_frequency_short_at_year_end_is_not_achieved():
    dates = (dt.date(2026, 8, 1), dt.date(2026, 11, 1), dt.date(2027, 2, 1))
    result = assess(QUARTERLY, Measure(occurrences=dates), year=YEAR, today=AFTER)
    assert result.status == S.NOT_ACHIEVED
    assert result.reason == (
        "Année terminée : 3 occurrences pour 4 attendues par année (tous les 3 mois) : non atteint"
    )


def test_frequency_keeping_the_cadence_is_on_track_provisionally():
    # 4 × 183/365 = 2,01 → 2 expected; 2 held, the last on 1 November (59 days < 91 × 1,1).
    dates = (dt.date(2026, 8, 1), dt.date(2026, 11, 1))
    result = assess(QUARTERLY, Measure(occurrences=dates), year=YEAR, today=HALF)
    assert result.status == S.ON_TRACK
    assert result.reason.endswith(f": en bonne voie{PROVISIONAL}")


# --- qualitative -----------------------------------------------------------------------------


def test_qualitative_narrative_is_followed_without_a_verdict():
    result = assess(
        target("qualitative"),
        Measure(narrative="Les membres se connaissent mieux."),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.FOLLOWED
    assert result.reason == (
        "Constat inscrit pour l'année : « Les membres se connaissent mieux. » (sans verdict)"
    )


def test_qualitative_takes_the_judgement_a_person_recorded():
    result = assess(
        target("qualitative"),
        Measure(narrative="Peu de liens encore.", judgement="at_risk"),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.AT_RISK
    assert result.reason == (
        "Appréciation inscrite (« à risque ») avec le constat « Peu de liens encore. » : "
        f"à risque{PROVISIONAL}"
    )


def test_a_persons_en_bonne_voie_settles_as_not_achieved_once_the_year_is_over():
    result = assess(
        target("qualitative"),
        Measure(narrative="Des liens se tissent.", judgement="on_track"),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.NOT_ACHIEVED
    assert result.reason == (
        "Appréciation inscrite (« en bonne voie ») avec le constat « Des liens se tissent. » : "
        "non atteint"
    )


def test_a_change_just_short_of_its_target_never_prints_as_the_target():
    # 1 924 → 2 116 is +9,979 %: "+9,9 %", short of +10 % (goal 2 116,4): not achieved.
    result = assess(
        target("growth", 10, "%", "year", "increase"),
        Measure(value=d(2116), previous=d(1924), noun="visites"),
        year=YEAR,
        today=AFTER,
    )
    assert result.status == S.NOT_ACHIEVED
    assert f"2{NB}116 visites, +9,9{NB}% sur l'année précédente" in result.reason


# --- by a deadline ---------------------------------------------------------------------------

# A three-year plan 2025-2028; "15 régions d'ici 2027" is due at the end of 2026-2027 (An 2),
# 730 days after the plan's start.
Y1 = PlanYear(number=1, start=dt.date(2025, 7, 1), end=dt.date(2026, 6, 30))
Y2 = PlanYear(number=2, start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30))
Y3 = PlanYear(number=3, start=dt.date(2027, 7, 1), end=dt.date(2028, 6, 30))
TO_2027 = PlanYear(number=0, start=dt.date(2025, 7, 1), end=dt.date(2027, 6, 30))
REGIONS = target("count", 15, "régions", "plan", "at_least", by=2027)


def test_deadline_target_reads_as_a_count_over_the_plan_due_by_its_year():
    parsed = parse_target("15 régions représentées par des membres d'ici 2027")
    assert (parsed["form"], parsed["value"], parsed["period"], parsed["by"]) == (
        "count",
        15,
        "plan",
        2027,
    )


def test_deadline_target_closed_year_checks_its_step_of_the_trajectory():
    # End of An 1: 365 of 730 days = 50 % → 15 × 0,5 = 7,5 → 7 regions on the trajectory.
    behind = assess(
        REGIONS, Measure(value=d(6), cumulative=d(6)), year=Y1, today=Y2.start, plan_period=TO_2027
    )
    on_it = assess(
        REGIONS, Measure(value=d(8), cumulative=d(8)), year=Y1, today=Y2.start, plan_period=TO_2027
    )
    assert behind.status == S.NOT_ACHIEVED
    assert behind.reason == (
        "6 régions depuis le début du plan pour une cible de 15 d'ici 2027 ; trajectoire : "
        f"7 à la fin de 2025-2026 (An 1) (50{NB}% du délai) : non atteint"
    )
    assert on_it.status == S.ACHIEVED


def test_deadline_target_during_the_deadline_year_follows_the_trajectory():
    # 1 September 2026: 428 of 730 days = 58,6 % → 15 × 0,586 = 8,79 → 8 expected to date.
    result = assess(
        REGIONS,
        Measure(value=d(3), cumulative=d(9)),
        year=Y2,
        today=dt.date(2026, 9, 1),
        plan_period=TO_2027,
    )
    assert result.status == S.ON_TRACK
    assert result.reason == (
        "9 régions depuis le début du plan pour une cible de 15 d'ici 2027 ; "
        f"59{NB}% du délai écoulé, soit 8 à ce jour : en bonne voie "
        "(provisoire — état au 1er septembre 2026)"
    )


def test_deadline_target_after_the_deadline_short_is_not_achieved():
    result = assess(
        REGIONS,
        Measure(value=d(2), cumulative=d(14)),
        year=Y3,
        today=dt.date(2028, 7, 2),
        plan_period=TO_2027,
    )
    assert result.status == S.NOT_ACHIEVED
    assert result.reason.startswith("Échéance passée : 14 régions depuis le début du plan")


def test_count_over_the_whole_plan_uses_the_plan_elapsed_to_the_years_end():
    # "40 outils sur la durée du plan", five years of 1 826 days (29 February 2028 included):
    # end of An 1 = 365/1 826 = 19,99 % → 40 × 0,1999 = 7,996, rounded down: 7.
    result = assess(
        target("count", 40, "outils", "plan"),
        Measure(value=d(9), cumulative=d(9)),
        year=YEAR,
        today=AFTER,
        plan_period=PLAN,
    )
    assert result.status == S.ACHIEVED
    assert "trajectoire : 7 à la fin de 2026-2027 (An 1)" in result.reason


# --- no data is not zero ---------------------------------------------------------------------


def test_a_year_before_follow_up_started_is_not_tracked_never_zero():
    result = assess(EIGHT_MEETINGS, Measure(tracked=False), year=YEAR, today=AFTER)
    assert result.status == S.NOT_TRACKED
    assert result.reason == (
        "Pas de suivi dans Jalon pour 2026-2027 (An 1) : aucune valeur n'a été inscrite."
    )


def test_a_value_entered_by_hand_for_an_untracked_year_is_still_assessed():
    result = assess(EIGHT_MEETINGS, Measure(value=d(9), tracked=False), year=YEAR, today=AFTER)
    assert result.status == S.ACHIEVED


def test_a_year_not_started_has_no_data_yet():
    result = assess(EIGHT_MEETINGS, Measure(), year=YEAR, today=dt.date(2026, 5, 1))
    assert result.status == S.NO_DATA
    assert result.reason == "L'année 2026-2027 (An 1) n'est pas commencée."


def test_a_followed_year_without_a_value_has_no_data():
    result = assess(EIGHT_MEETINGS, Measure(), year=YEAR, today=AFTER)
    assert result.status == S.NO_DATA
    assert result.reason == "Aucune valeur pour 2026-2027 (An 1)."


# --- language and wording --------------------------------------------------------------------


def test_the_reason_follows_the_interface_language():
    with translation.override("en"):
        result = assess(EIGHT_MEETINGS, Measure(value=d(3)), year=YEAR, today=HALF)
    assert result.reason == (
        f"3 rencontres against a target of 8 per year; 50{NB}% of the year elapsed, "
        "so 4 to date: at risk (provisional — as of Dec. 30, 2026)"
    )


# One phrase per target form, in French and in English: the one describe_target every page uses.
PHRASES = [
    ("8 rencontres annuelles", "8 rencontres par année", "8 rencontres per year"),
    ("Taux de 75% de satisfaction", f"au moins 75{NB}%", f"at least 75{NB}%"),
    ("Hausse de 15 % des abonnés chaque année", f"+15{NB}% par année", f"+15{NB}% per year"),
    ("Nombre de membres recrutés", "nombre, sans cible", "number, no target"),
    ("Structure de veille mise en place", "jalon : fait ou non", "milestone: done or not"),
    ("mise à jour tous les 3 mois", "4 fois par année", "4 times per year"),
    ("Les membres se connaissent bien", "qualitatif", "qualitative"),
    ("15 régions représentées d'ici 2027", "15 régions d'ici 2027", "15 régions by 2027"),
    ("1 500 abonnés par année", f"1{NB}500 abonnés par année", "1,500 abonnés per year"),
]


def test_each_target_form_reads_the_same_in_french_everywhere():
    for text, french, _english in PHRASES:
        assert describe_target(parse_target(text)) == french, text


def test_each_target_form_reads_the_same_in_english_everywhere():
    with translation.override("en"):
        for text, _french, english in PHRASES:
            assert describe_target(parse_target(text)) == english, text


def test_growth_during_the_year_compares_levels_not_a_change_of_part_of_a_year():
    # 30 December: 47 × 1,10 = 51,7 wanted for the year; 50 % gone → 25 expected; 15 < 75 %
    # of 25 (18,75): off track. A % change of 15 on 47 (−68 %) would mean nothing yet.
    result = assess(
        target("growth", 10, "%", "year", "increase"),
        Measure(value=d(15), previous=d(47), noun="contacts"),
        year=YEAR,
        today=HALF,
    )
    assert result.status == S.OFF_TRACK
    assert result.reason == (
        "15 contacts à ce jour, contre 47 contacts l'année précédente ; cible : hausse de "
        f"10{NB}%, soit 51,7 ; 50{NB}% de l'année écoulée, soit 25 à ce jour : hors cible"
        f"{PROVISIONAL}"
    )
