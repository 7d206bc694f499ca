"""Computed indicator values: arithmetic over the log rows, with the records behind each value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jalon.core.fiscal import PlanYear
from jalon.tracking.enums import RuleKind, RuleScope
from jalon.tracking.rules import (
    ActivityRow,
    Computed,
    ContactRow,
    Logs,
    RuleSpec,
    compute_year,
    previous_year,
    records_behind,
)

YEAR = PlanYear(number=2, start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30))
TODAY = dt.date(2026, 12, 31)
IND, ACTION, OTHER_IND, OTHER_ACTION = 10, 20, 11, 21
NB = "\u00a0"


def activity(
    pk,
    day,
    kind="meeting",
    participants=None,
    satisfaction=None,
    actions=(),
    indicators=(),
    title="Rencontre",
):
    return ActivityRow(
        id=pk,
        kind=kind,
        date=day,
        title=title,
        participants=participants,
        satisfaction=None if satisfaction is None else Decimal(str(satisfaction)),
        action_ids=frozenset(actions),
        indicator_ids=frozenset(indicators),
    )


def logs() -> Logs:
    """Built in each test, not at import: mutation testing must see `Logs` being built."""
    return Logs(
        activities=(
            activity(1, dt.date(2025, 10, 1), actions=[ACTION], participants=30),  # previous year
            activity(2, dt.date(2025, 11, 1), actions=[ACTION], participants=10),  # previous year
            activity(3, dt.date(2026, 9, 10), actions=[ACTION], participants=12, satisfaction=80),
            activity(
                4,
                dt.date(2026, 10, 5),
                kind="webinar",
                indicators=[IND],
                participants=40,
                satisfaction=91,
                title="Webinaire sur le logement",
            ),
            activity(5, dt.date(2026, 11, 20), actions=[OTHER_ACTION], participants=7),
            activity(6, dt.date(2026, 12, 1), kind="newsletter", actions=[ACTION]),
        ),
        contacts=(
            ContactRow(id=1, date=dt.date(2025, 9, 1), organization_id=100),
            ContactRow(id=2, date=dt.date(2026, 8, 1), organization_id=100),
            ContactRow(id=3, date=dt.date(2026, 9, 1), organization_id=101),
            ContactRow(id=4, date=dt.date(2026, 10, 1), organization_id=100),
        ),
    )


def compute(rule):
    return compute_year(
        rule, indicator_id=IND, action_id=ACTION, logs=logs(), year=YEAR, today=TODAY
    )


def test_activity_count_scoped_to_the_action_counts_links_to_the_indicator_or_its_action():
    result = compute(RuleSpec(kind=RuleKind.ACTIVITY_COUNT, scope=RuleScope.ACTION))
    assert result.value == Decimal(3)
    assert result.record_type == "activity"
    assert result.records == (3, 4, 6)
    assert result.explanation == (
        "Nombre d'activités de tout type liées à cet indicateur ou à son action, "
        "du 1er juillet 2026 au 30 juin 2027 : 3."
    )


def test_activity_count_of_given_kinds_scoped_to_the_indicator():
    result = compute(
        RuleSpec(
            kind=RuleKind.ACTIVITY_COUNT,
            activity_kinds=("webinar", "training"),
            scope=RuleScope.INDICATOR,
        )
    )
    assert result.value == Decimal(1)
    assert result.records == (4,)
    assert "de type webinaire ou formation liées à cet indicateur" in result.explanation


def test_activity_count_over_the_whole_plan():
    result = compute(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT, activity_kinds=("meeting",), scope=RuleScope.PLAN)
    )
    assert result.records == (3, 5)


def test_participants_sum_says_how_many_activities_had_no_count():
    result = compute(RuleSpec(kind=RuleKind.PARTICIPANTS))
    assert result.value == Decimal(52)
    assert result.explanation.endswith("1 de ces activités n'ont pas de nombre de participants.")


def test_latest_satisfaction_takes_the_most_recent_measured_activity():
    result = compute(RuleSpec(kind=RuleKind.LATEST_SATISFACTION))
    assert result.value == Decimal(91)
    assert result.records == (4,)
    assert result.explanation == (
        "Dernier taux de satisfaction mesuré parmi les activités de tout type liées à cet "
        f"indicateur ou à son action, du 1er juillet 2026 au 30 juin 2027 : 91{NB}% "
        "(« Webinaire sur le logement », 5 octobre 2026)."
    )


def test_latest_satisfaction_without_any_rate_has_no_value():
    result = compute(RuleSpec(kind=RuleKind.LATEST_SATISFACTION, activity_kinds=("newsletter",)))
    assert result.value is None


def test_contacts_and_distinct_organizations_contacted_in_the_year():
    contacts = compute(RuleSpec(kind=RuleKind.CONTACT_COUNT))
    organizations = compute(RuleSpec(kind=RuleKind.ORGANIZATIONS_CONTACTED))
    assert contacts.value == Decimal(3)
    assert contacts.records == (2, 3, 4)
    assert organizations.value == Decimal(2)
    assert organizations.record_type == "contact"


def test_change_compares_with_the_same_span_of_the_previous_year():
    # 1 Jul–31 Dec 2026: 3 linked activities; 1 Jul–31 Dec 2025: 2 → +50 %.
    result = compute(RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.ACTIVITY_COUNT))
    assert result.value == Decimal("50.0")
    assert result.is_change is True
    assert result.explanation == (
        "Nombre d'activités liées : 3 du 1er juillet 2026 au 31 décembre 2026, contre 2 à la même "
        f"période l'année précédente : +50{NB}%."
    )


def test_change_against_nothing_cannot_be_computed():
    result = compute(
        RuleSpec(
            kind=RuleKind.CHANGE, base_kind=RuleKind.ACTIVITY_COUNT, activity_kinds=("webinar",)
        )
    )
    assert result.value is None
    assert result.explanation.endswith("la variation ne peut pas être calculée.")


def test_a_year_not_started_has_no_computed_value():
    later = PlanYear(number=3, start=dt.date(2027, 7, 1), end=dt.date(2028, 6, 30))
    result = compute_year(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=later,
        today=TODAY,
    )
    assert result.value is None
    assert result.explanation == "L'année 2027-2028 (An 3) n'est pas commencée."


# --- Whole results, boundaries and edge cases (each kills mutants bench/mutation.py found) -------

D = dt.date
Y1 = PlanYear(number=1, start=D(2025, 7, 1), end=D(2026, 6, 30))


def test_previous_year_is_the_fiscal_year_just_before():
    assert previous_year(YEAR) == Y1
    assert previous_year(Y1) == PlanYear(number=0, start=D(2024, 7, 1), end=D(2025, 6, 30))


def test_the_first_and_last_days_of_the_year_count_and_the_days_around_do_not():
    edges = Logs(
        activities=(
            activity(1, D(2026, 6, 30), actions=[ACTION]),
            activity(2, D(2026, 7, 1), actions=[ACTION]),
            activity(3, D(2027, 6, 30), actions=[ACTION]),
            activity(4, D(2027, 7, 1), actions=[ACTION]),
        ),
        contacts=(
            ContactRow(id=1, date=D(2026, 6, 30), organization_id=100),
            ContactRow(id=2, date=D(2026, 7, 1), organization_id=100),
            ContactRow(id=3, date=D(2027, 6, 30), organization_id=101),
            ContactRow(id=4, date=D(2027, 7, 1), organization_id=102),
        ),
    )
    after = D(2027, 12, 31)
    count = compute_year(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=edges,
        year=YEAR,
        today=after,
    )
    assert (count.value, count.records, count.dates) == (
        Decimal(2),
        (2, 3),
        (D(2026, 7, 1), D(2027, 6, 30)),
    )
    contacts = compute_year(
        RuleSpec(kind=RuleKind.CONTACT_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=edges,
        year=YEAR,
        today=after,
    )
    assert contacts == Computed(
        Decimal(2),
        "contact",
        (2, 3),
        (D(2026, 7, 1), D(2027, 6, 30)),
        "Nombre de contacts avec les membres inscrits, du 1er juillet 2026 au 30 juin 2027 : 2.",
    )


def test_a_year_is_computed_from_its_first_day():
    result = compute_year(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=YEAR,
        today=YEAR.start,
    )
    assert result.value == Decimal(3)


def test_a_year_not_started_has_nothing_behind_it():
    later = PlanYear(number=3, start=D(2027, 7, 1), end=D(2028, 6, 30))
    result = compute_year(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=later,
        today=TODAY,
    )
    assert result == Computed(None, "", (), (), "L'année 2027-2028 (An 3) n'est pas commencée.")


def test_activity_count_gives_the_records_and_their_dates():
    result = compute(RuleSpec(kind=RuleKind.ACTIVITY_COUNT))
    assert result.dates == (D(2026, 9, 10), D(2026, 10, 5), D(2026, 12, 1))
    assert result.is_change is False


def test_participants_gives_the_whole_result():
    # activities 3, 4, 6 of the year are linked: 12 + 40 participants, 6 has no count.
    assert compute(RuleSpec(kind=RuleKind.PARTICIPANTS)) == Computed(
        Decimal(52),
        "activity",
        (3, 4, 6),
        (D(2026, 9, 10), D(2026, 10, 5), D(2026, 12, 1)),
        "Somme des participants aux 3 activités de tout type liées à cet indicateur ou à son "
        "action, du 1er juillet 2026 au 30 juin 2027 : 52. 1 de ces activités n'ont pas de "
        "nombre de participants.",
    )


def test_participants_all_counted_says_nothing_more():
    result = compute(RuleSpec(kind=RuleKind.PARTICIPANTS, activity_kinds=("webinar",)))
    assert result.explanation == (
        "Somme des participants aux 1 activités de type webinaire liées à cet indicateur ou à "
        "son action, du 1er juillet 2026 au 30 juin 2027 : 40."
    )


def test_latest_satisfaction_gives_the_record_behind_it():
    result = compute(RuleSpec(kind=RuleKind.LATEST_SATISFACTION))
    assert (result.record_type, result.records, result.dates) == (
        "activity",
        (4,),
        (D(2026, 10, 5),),
    )


def test_no_satisfaction_measured_keeps_the_activities_read():
    result = compute(RuleSpec(kind=RuleKind.LATEST_SATISFACTION, activity_kinds=("newsletter",)))
    assert result == Computed(
        None,
        "activity",
        (6,),
        (D(2026, 12, 1),),
        "Aucune des activités de type infolettre liées à cet indicateur ou à son action, du "
        "1er juillet 2026 au 30 juin 2027 n'a de taux de satisfaction mesuré.",
    )


def test_distinct_organizations_gives_the_whole_result():
    # contacts 2, 3, 4 of the year: organizations 100, 101, 100 → 2.
    assert compute(RuleSpec(kind=RuleKind.ORGANIZATIONS_CONTACTED)) == Computed(
        Decimal(2),
        "contact",
        (2, 3, 4),
        (D(2026, 8, 1), D(2026, 9, 1), D(2026, 10, 1)),
        "Nombre d'organisations distinctes parmi les 3 contacts inscrits, du 1er juillet 2026 "
        "au 30 juin 2027 : 2.",
    )


def test_scope_texts_and_kind_lists_in_the_explanation():
    plan_wide = compute(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT, scope=RuleScope.PLAN, activity_kinds=("meeting",))
    )
    assert plan_wide.explanation == (
        "Nombre d'activités de type rencontre du plan, du 1er juillet 2026 au 30 juin 2027 : 2."
    )
    three = compute(
        RuleSpec(
            kind=RuleKind.ACTIVITY_COUNT,
            scope=RuleScope.INDICATOR,
            activity_kinds=("meeting", "webinar", "atelier-maison"),
        )
    )
    assert three.explanation == (
        "Nombre d'activités de type rencontre, webinaire ou atelier-maison liées à cet "
        "indicateur, du 1er juillet 2026 au 30 juin 2027 : 1."
    )


def test_a_rule_on_two_kinds_counts_both():
    both = compute(RuleSpec(kind=RuleKind.ACTIVITY_COUNT, activity_kinds=("meeting", "webinar")))
    assert both.records == (3, 4)


def test_an_indicator_scope_reads_only_activities_linked_to_the_indicator():
    # Activity 3 is linked to the action only: the indicator scope leaves it out.
    result = compute(RuleSpec(kind=RuleKind.ACTIVITY_COUNT, scope=RuleScope.INDICATOR))
    assert result.records == (4,)


def test_nothing_linked_counts_zero_in_every_scope():
    for scope in (RuleScope.ACTION, RuleScope.INDICATOR):
        result = compute_year(
            RuleSpec(kind=RuleKind.ACTIVITY_COUNT, scope=scope),
            indicator_id=99,
            action_id=98,
            logs=logs(),
            year=YEAR,
            today=TODAY,
        )
        assert (result.value, result.records) == (Decimal(0), ())


def test_linked_to_the_indicator_and_the_action_counts_once_in_date_order():
    both = Logs(
        activities=(
            activity(1, D(2026, 9, 1), actions=[ACTION], indicators=[IND]),
            activity(2, D(2026, 8, 1), indicators=[IND]),
            activity(3, D(2026, 10, 1), actions=[ACTION]),
        ),
        contacts=(),
    )
    result = compute_year(
        RuleSpec(kind=RuleKind.ACTIVITY_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=both,
        year=YEAR,
        today=TODAY,
    )
    assert result.records == (2, 1, 3)


def test_change_of_participants_gives_the_whole_result():
    # 1 Jul–31 Dec 2026: 12 + 40 = 52; same span of 2025: 30 + 10 = 40 → +30 %.
    result = compute(RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.PARTICIPANTS))
    assert result == Computed(
        Decimal("30.0"),
        "activity",
        (3, 4, 6),
        (D(2026, 9, 10), D(2026, 10, 5), D(2026, 12, 1)),
        "Somme des participants aux activités liées : 52 du 1er juillet 2026 au 31 décembre 2026, "
        f"contre 40 à la même période l'année précédente : +30{NB}%.",
        True,
    )


def test_change_without_a_base_counts_activities():
    result = compute(RuleSpec(kind=RuleKind.CHANGE))
    assert result.value == Decimal("50.0")


def test_a_fall_has_no_plus_sign_and_no_change_none():
    fall = Logs(
        activities=(
            activity(1, D(2025, 8, 1), indicators=[IND]),  # linked to the indicator only
            activity(2, D(2025, 9, 1), indicators=[IND]),
            activity(3, D(2026, 8, 1), actions=[ACTION]),
            activity(4, D(2026, 9, 1), actions=[ACTION]),
        ),
        contacts=(
            ContactRow(id=1, date=D(2025, 8, 1), organization_id=100),
            ContactRow(id=2, date=D(2026, 8, 1), organization_id=100),
        ),
    )

    def change(base, kinds=()):
        return compute_year(
            RuleSpec(kind=RuleKind.CHANGE, base_kind=base, activity_kinds=kinds),
            indicator_id=IND,
            action_id=ACTION,
            logs=fall,
            year=YEAR,
            today=TODAY,
        )

    assert change(RuleKind.ACTIVITY_COUNT).explanation.endswith(
        f"contre 2 à la même période l'année précédente : 0{NB}%."
    )
    assert change(RuleKind.ACTIVITY_COUNT).value == Decimal("0.0")
    same = change(RuleKind.CONTACT_COUNT)
    assert (same.value, same.record_type, same.records) == (Decimal("0.0"), "contact", (2,))


def test_change_against_nothing_keeps_the_records_and_dashes_for_no_value():
    rated = Logs(
        activities=(
            activity(1, D(2025, 8, 1), actions=[ACTION], satisfaction=70),
            activity(2, D(2026, 8, 1), actions=[ACTION]),
        ),
        contacts=(),
    )
    result = compute_year(
        RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.LATEST_SATISFACTION),
        indicator_id=IND,
        action_id=ACTION,
        logs=rated,
        year=YEAR,
        today=TODAY,
    )
    assert result == Computed(
        None,
        "activity",
        (2,),
        (D(2026, 8, 1),),
        "Dernier taux de satisfaction mesuré : — du 1er juillet 2026 au 31 décembre 2026, contre "
        "70 à la même période l'année précédente ; la variation ne peut pas être calculée.",
        True,
    )
    nothing_before = compute(
        RuleSpec(
            kind=RuleKind.CHANGE, base_kind=RuleKind.ACTIVITY_COUNT, activity_kinds=("webinar",)
        )
    )
    assert nothing_before == Computed(
        None,
        "activity",
        (4,),
        (D(2026, 10, 5),),
        "Nombre d'activités liées : 1 du 1er juillet 2026 au 31 décembre 2026, contre 0 à la "
        "même période l'année précédente ; la variation ne peut pas être calculée.",
        True,
    )


def test_a_rise_under_one_percent_still_has_its_plus_sign():
    # 200 participants the year before, 201 this year: +0.5 %.
    small = Logs(
        activities=(
            activity(1, D(2025, 8, 1), actions=[ACTION], participants=200),
            activity(2, D(2026, 8, 1), actions=[ACTION], participants=201),
        ),
        contacts=(),
    )
    result = compute_year(
        RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.PARTICIPANTS),
        indicator_id=IND,
        action_id=ACTION,
        logs=small,
        year=YEAR,
        today=TODAY,
    )
    assert result.value == Decimal("0.5")
    assert result.explanation.endswith(f"l'année précédente : +0,5{NB}%.")


def test_change_when_only_this_year_is_measured_shows_a_dash_for_the_year_before():
    rated = Logs(
        activities=(activity(1, D(2026, 8, 1), actions=[ACTION], satisfaction=70),), contacts=()
    )
    result = compute_year(
        RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.LATEST_SATISFACTION),
        indicator_id=IND,
        action_id=ACTION,
        logs=rated,
        year=YEAR,
        today=TODAY,
    )
    assert result.value is None
    assert result.explanation == (
        "Dernier taux de satisfaction mesuré : 70 du 1er juillet 2026 au 31 décembre 2026, "
        "contre — à la même période l'année précédente ; la variation ne peut pas être calculée."
    )


def test_records_behind_lists_the_whole_years_records_of_the_base_measure():
    # The whole year (to 30 June 2027), not only to today; a change reads its base measure.
    assert records_behind(
        RuleSpec(kind=RuleKind.CHANGE, base_kind=RuleKind.CONTACT_COUNT),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=YEAR,
    ) == ("contact", (2, 3, 4))
    assert records_behind(
        RuleSpec(kind=RuleKind.PARTICIPANTS, activity_kinds=("webinar",)),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=YEAR,
    ) == ("activity", (4,))
    assert records_behind(
        RuleSpec(kind=RuleKind.ORGANIZATIONS_CONTACTED),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=YEAR,
    ) == ("contact", (2, 3, 4))
    assert records_behind(
        RuleSpec(kind=RuleKind.CHANGE),
        indicator_id=IND,
        action_id=ACTION,
        logs=logs(),
        year=Y1,
    ) == ("activity", (1, 2))


# Surviving mutant, explained: in `_in_scope`, `scope == ACTION and action_id in …` → `or`. The
# last line is reached only for the action scope (an indicator scope reads only activities
# linked to the indicator, which return earlier), where both give the same answer.
