"""Computed indicator values: arithmetic over the log rows, with the records behind each value."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from jalon.core.fiscal import PlanYear
from jalon.tracking.enums import RuleKind, RuleScope
from jalon.tracking.rules import ActivityRow, ContactRow, Logs, RuleSpec, compute_year

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


LOGS = Logs(
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
    return compute_year(rule, indicator_id=IND, action_id=ACTION, logs=LOGS, year=YEAR, today=TODAY)


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
        logs=LOGS,
        year=later,
        today=TODAY,
    )
    assert result.value is None
    assert result.explanation == "L'année 2027-2028 (An 3) n'est pas commencée."
