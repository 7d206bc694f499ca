"""Builds the demo network, step by step, through the apps' services.

Each step is a module of this package that adds its part (the network and its people, then
plans, then a year of tracking) and is idempotent only through `reset`: `build_demo` is run on
an empty demo or after wiping it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

DEMO_PASSWORD = "demo-jalon-2024"
NETWORK_SLUG = "rqds-demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    description: str


def demo_exists() -> bool:
    from jalon.network.models import Organization

    return Organization.objects.filter(slug=NETWORK_SLUG).exists()


def demo_accounts() -> list[DemoAccount]:
    from . import network

    return network.ACCOUNTS


@transaction.atomic
def build_demo(*, reset: bool = False) -> None:
    from . import network, plans, tracking

    if reset:
        plans.wipe()
        network.wipe()
    network.build()
    plans.build()
    tracking.build()
