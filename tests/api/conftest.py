"""Fixtures of the API tests: organization A's adopted plan (from tests/tracking), a draft plan
only A reads, a contact in A's log, tokens of each scope for the cast, and a client that calls
the API as a member of the cast (session), with a token, or as nobody.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from jalon.api.enums import TokenScope
from jalon.api.services import create_token
from jalon.plans.enums import PlanState
from jalon.tracking.enums import ContactChannel
from jalon.tracking.models import Contact
from tests.factories import IndicatorFactory
from tests.tracking.conftest import count_target, make_actions, make_plan


class Api:
    """Calls /api/v1/ as one person: `api.get("plans/")` → (status, body as data)."""

    def __init__(self, client: Client, *, token: str = "", headers: dict[str, str] | None = None):
        self.client = client
        self.headers = dict(headers or {})
        if token:
            self.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **headers: str) -> Any:
        return self.client.get(f"/api/v1/{path}", headers={**self.headers, **headers})

    def post(self, path: str, data: Any, **headers: str) -> Any:
        return self.client.post(
            f"/api/v1/{path}",
            data=json.dumps(data),
            content_type="application/json",
            headers={**self.headers, **headers},
        )


@pytest.fixture
def api(client, login):
    """api(user) for a session of that member of the cast (None: nobody)."""

    def _api(user: Any, **headers: str) -> Api:
        return Api(login(user), headers=headers)

    return _api


@pytest.fixture
def token_api(client):
    """token_api(user, write=False) for a fresh token of that person."""

    def _api(user: Any, *, write: bool = False) -> Api:
        client.logout()
        scope = TokenScope.WRITE if write else TokenScope.READ
        key = create_token(user=user, name="Intégration", scope=scope).key
        return Api(client, token=key)

    return _api


@pytest.fixture
def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def plan(org_a, today):
    """A's adopted plan: A's members read it, and so do the network's (member_b)."""
    return make_plan(org_a, today)


@pytest.fixture
def carried(plan):
    """An action the contributor carries (by position), with a count indicator."""
    action = make_actions(plan, 1)[0]
    IndicatorFactory(
        action=action, plan=plan, text="8 rencontres annuelles", target=count_target(8)
    )
    return action


@pytest.fixture
def other_action(plan, carried):
    """An action of the same plan carried by the direction only."""
    return make_actions(plan, 1, actor="Direction", objective=carried.objective)[0]


@pytest.fixture
def network_plan(network, today):
    """An adopted plan of the network itself, which members of the network (B's too) read."""
    plan = make_plan(network, today, title="Plan du réseau")
    make_actions(plan, 1, actor="Coordination")
    return plan


@pytest.fixture
def draft_plan(org_a, today):
    """A draft plan of A: its members read it, the network's members do not."""
    draft = make_plan(org_a, today, state=PlanState.DRAFT, title="Plan en préparation")
    make_actions(draft, 1)
    return draft


@pytest.fixture
def contact(plan, org_b, cast):
    return Contact.objects.create(
        plan=plan,
        date=plan.period_start + dt.timedelta(days=10),
        channel=ContactChannel.values[0],
        subject="Arrimage des calendriers",
        organization=org_b,
        made_by=cast["editor_a"],
    )


@pytest.fixture
def indicator(carried):
    return carried.indicators.get()
