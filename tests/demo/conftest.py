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
from django.utils import timezone

from jalon.demo.build import NETWORK_SLUG, build_demo
from jalon.network.models import Organization

from ..conftest import kept_transaction


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
