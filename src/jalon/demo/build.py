"""Builds the demo network, step by step, through the apps' services.

Each step is a module of this package that adds its part (the network and its people, then
plans, then a year of tracking) and is idempotent only through `reset`: `build_demo` is run on
an empty demo or after wiping it.
"""

from __future__ import annotations

from django.db import transaction

from jalon.network.models import Organization

from . import network, plans, resources, surveys, tracking
from .constants import DEMO_PASSWORD as DEMO_PASSWORD  # re-exported for the CLI and tests
from .constants import NETWORK_SLUG as NETWORK_SLUG
from .constants import DemoAccount


def demo_exists() -> bool:
    return Organization.objects.filter(slug=NETWORK_SLUG).exists()


def demo_accounts() -> list[DemoAccount]:
    return network.ACCOUNTS


@transaction.atomic
def build_demo(*, reset: bool = False) -> None:
    if reset:
        resources.wipe()
        plans.wipe()  # the demo's surveys first
        network.wipe()
    network.build()
    plans.build()
    tracking.build()
    surveys.build()
    resources.build()
    tracking.lock_closed_years()
