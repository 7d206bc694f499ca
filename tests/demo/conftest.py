"""Fixtures of the demo tests: the whole demo (`jalon demo`), built once for the package.

Building it takes seconds (a network, three plans, a year of follow-up); every test here
reads the same one. It lives in a transaction kept open while the package runs: each test
rolls back to it, so one that wipes or rebuilds the demo leaves it whole for the next.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from jalon.demo.build import NETWORK_SLUG, build_demo
from jalon.network.models import Organization

from ..conftest import kept_transaction

# The demo's follow-up depends on today's date (the plan year under way, what is late): it is
# built and read on a fixed day mid-way through a fiscal year, the tracking tests' day, so that
# no assertion hangs on the day the suite runs. The clock still ticks from there.
FROZEN_NOW = dt.datetime(2026, 11, 16, 15, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="package", autouse=True)
def _frozen_clock() -> Iterator[None]:
    with time_machine.travel(FROZEN_NOW, tick=True):
        yield


@pytest.fixture(scope="package")
def built_demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[Organization]:
    """The demo as `jalon demo` builds it; its national organization."""
    with kept_transaction(django_db_blocker) as writing:
        with writing():
            build_demo()
            national = Organization.objects.get(slug=NETWORK_SLUG)
        yield national


@pytest.fixture
def built(built_demo: Organization, db: None) -> Organization:
    return built_demo


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()
