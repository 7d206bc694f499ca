"""Fiscal years and plan years, the way our users write them.

A plan's years are fiscal years that start on the first day of a month (July by default):
"An 1 = 2017/07/01 au 2018/06/30", shown as "2017-2018 (An 1)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlanYear:
    number: int  # 1 = the first fiscal year of the plan
    start: dt.date
    end: dt.date  # inclusive

    @property
    def label(self) -> str:
        if self.start.year == self.end.year:
            return f"{self.start.year} (An {self.number})"
        return f"{self.start.year}-{self.end.year} (An {self.number})"

    @property
    def short_label(self) -> str:
        return f"An {self.number}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def elapsed_share(self, today: dt.date) -> float:
        """Share of the year gone by at `today`: 0 before it starts, 1 once it has ended."""
        if today < self.start:
            return 0.0
        if today > self.end:
            return 1.0
        total = (self.end - self.start).days + 1
        return ((today - self.start).days + 1) / total


def fiscal_year_start(day: dt.date, start_month: int) -> dt.date:
    """First day of the fiscal year containing `day`."""
    year = day.year if day.month >= start_month else day.year - 1
    return dt.date(year, start_month, 1)


def _add_years(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years)


def plan_years(
    start: dt.date | None, end: dt.date | None, start_month: int = 7, *, count: int | None = None
) -> list[PlanYear]:
    """The plan years of a period; `count` years when the end is unknown."""
    if start is None:
        return []
    first = fiscal_year_start(start, start_month)
    if count is None:
        if end is None:
            count = 1
        else:
            last = fiscal_year_start(end, start_month)
            count = max(1, last.year - first.year + 1)
    years = []
    for i in range(count):
        y_start = _add_years(first, i)
        y_end = _add_years(first, i + 1) - dt.timedelta(days=1)
        years.append(PlanYear(number=i + 1, start=y_start, end=y_end))
    return years


def plan_year_of(day: dt.date, years: list[PlanYear]) -> PlanYear | None:
    for year in years:
        if year.contains(day):
            return year
    return None


def default_year(years: list[PlanYear], today: dt.date) -> PlanYear | None:
    """The year a report is about by default: the one in course, else the last one ended, else
    the first (a plan that has not started yet)."""
    if not years:
        return None
    for year in years:
        if year.contains(today):
            return year
    ended = [y for y in years if y.end < today]
    return ended[-1] if ended else years[0]
