"""The demo's library: thirty resources with two years of downloads, read by the national
plan's download indicators."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Sum

from jalon.demo.resources import GUIDE, LIBRARY
from jalon.plans.models import Indicator
from jalon.resources.models import DownloadDay, Resource
from jalon.tracking.enums import RuleKind
from jalon.tracking.queries import current_year, indicator_rows


def test_demo_library_has_its_resources_and_downloads(built: Any) -> None:
    assert Resource.objects.count() == len(LIBRARY) == 30
    for resource in Resource.objects.all():
        total = resource.download_days.aggregate(n=Sum("count"))["n"] or 0
        assert resource.downloads == total
    assert DownloadDay.objects.count() > 1000


def test_guide_downloads_feed_the_national_indicator(built: Any, today: dt.date) -> None:
    guide = Resource.objects.get(title=GUIDE)
    indicator = Indicator.objects.get(plan__organization=built, text__icontains="du guide")
    assert indicator.rule.kind == RuleKind.DOWNLOADS
    assert guide.produced_by_id == indicator.action_id
    plan = indicator.plan
    year = current_year(plan, today)
    assert year is not None
    row = indicator_rows(plan, today, indicator=indicator)[0]
    expected = (
        guide.download_days.filter(day__gte=year.start, day__lte=year.end).aggregate(
            n=Sum("count")
        )["n"]
        or 0
    )
    assert row.for_year(year.number).value == expected
