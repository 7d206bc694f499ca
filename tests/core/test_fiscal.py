"""Fiscal years and plan years: where a year starts and ends, its label, how much of it is gone."""

from __future__ import annotations

import datetime as dt

import pytest

from jalon.core.fiscal import PlanYear, fiscal_year_start, plan_year_of, plan_years

D = dt.date


@pytest.mark.parametrize(
    ("day", "month", "expected"),
    [
        (D(2026, 7, 1), 7, D(2026, 7, 1)),  # the first day is in its own year
        (D(2026, 6, 30), 7, D(2025, 7, 1)),  # the last day belongs to the year before
        (D(2026, 12, 31), 7, D(2026, 7, 1)),
        (D(2026, 3, 31), 4, D(2025, 4, 1)),
        (D(2026, 4, 1), 4, D(2026, 4, 1)),
        (D(2026, 1, 1), 1, D(2026, 1, 1)),  # calendar years
        (D(2026, 12, 31), 1, D(2026, 1, 1)),
    ],
)
def test_fiscal_year_start_is_the_first_day_of_the_year_holding_the_day(day, month, expected):
    assert fiscal_year_start(day, month) == expected


def test_plan_years_of_a_july_plan_run_from_july_to_june():
    years = plan_years(D(2017, 7, 1), D(2022, 6, 30))
    assert [(y.number, y.start, y.end) for y in years] == [
        (1, D(2017, 7, 1), D(2018, 6, 30)),
        (2, D(2018, 7, 1), D(2019, 6, 30)),
        (3, D(2019, 7, 1), D(2020, 6, 30)),
        (4, D(2020, 7, 1), D(2021, 6, 30)),
        (5, D(2021, 7, 1), D(2022, 6, 30)),
    ]
    assert [y.label for y in years[:2]] == ["2017-2018 (An 1)", "2018-2019 (An 2)"]
    assert years[0].short_label == "An 1"


def test_plan_years_follow_the_fiscal_month_not_the_period_start():
    # An April fiscal year, a plan that starts in July: its years run April to March.
    years = plan_years(D(2025, 7, 1), D(2028, 3, 31), 4)
    assert [(y.start, y.end) for y in years] == [
        (D(2025, 4, 1), D(2026, 3, 31)),
        (D(2026, 4, 1), D(2027, 3, 31)),
        (D(2027, 4, 1), D(2028, 3, 31)),
    ]


def test_calendar_years_are_labelled_with_one_year():
    years = plan_years(D(2024, 1, 1), D(2025, 12, 31), 1)
    assert [y.label for y in years] == ["2024 (An 1)", "2025 (An 2)"]
    assert years[1].end == D(2025, 12, 31)


def test_plan_years_without_a_start_are_none_and_without_an_end_one_or_count():
    assert plan_years(None, D(2022, 6, 30)) == []
    assert [y.number for y in plan_years(D(2017, 7, 1), None)] == [1]
    assert [y.end for y in plan_years(D(2017, 7, 1), None, count=3)] == [
        D(2018, 6, 30),
        D(2019, 6, 30),
        D(2020, 6, 30),
    ]
    # an end before the start still gives one year
    assert len(plan_years(D(2017, 7, 1), D(2016, 1, 1))) == 1


def test_a_period_ending_mid_year_counts_that_last_year():
    years = plan_years(D(2017, 7, 1), D(2019, 12, 31))
    assert [y.number for y in years] == [1, 2, 3]
    assert years[-1].start == D(2019, 7, 1)


def test_elapsed_share_counts_days_gone_by_including_today():
    year = PlanYear(number=1, start=D(2026, 1, 1), end=D(2026, 12, 31))
    assert year.elapsed_share(D(2025, 12, 31)) == 0.0
    assert year.elapsed_share(D(2026, 1, 1)) == 1 / 365
    assert year.elapsed_share(D(2026, 7, 2)) == 183 / 365
    assert year.elapsed_share(D(2026, 12, 31)) == 1.0
    assert year.elapsed_share(D(2027, 1, 1)) == 1.0


def test_contains_includes_both_ends_and_plan_year_of_finds_the_year():
    years = plan_years(D(2017, 7, 1), D(2019, 6, 30))
    first, second = years
    assert first.contains(D(2017, 7, 1)) and first.contains(D(2018, 6, 30))
    assert not first.contains(D(2018, 7, 1)) and not first.contains(D(2017, 6, 30))
    assert plan_year_of(D(2018, 7, 1), years) == second
    assert plan_year_of(D(2018, 6, 30), years) == first
    assert plan_year_of(D(2019, 7, 1), years) is None


# Surviving mutant, explained: in `elapsed_share`, `today > self.end` → `today >= self.end`. On
# the last day both branches give 1.0 (the formula counts every day of the year), so no test
# can tell them apart.
