"""Fixtures of the plans tests: the hand-written plan files, drafts and plans of a given size,
the builder's editor and empty plan, and a browser page that can sign a user in.

Plain HTTP and fast password hashing are set once for the whole suite, in tests/conftest.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jalon.plans.interchange import (
    ActionDraft,
    IndicatorDraft,
    ObjectiveDraft,
    OrientationDraft,
    PlanDraft,
)

ROOT = Path(__file__).resolve().parents[2]


PLAN_FILES = ROOT / "tests" / "fixtures" / "plans"


def plan_files() -> list[Path]:
    """The jalon-plan/1 files written for the tests (fictional organizations, every field)."""
    return sorted(PLAN_FILES.glob("*.jalon.json"))


def sized_draft(actions: int, *, organization: str = "Consortium A") -> PlanDraft:
    """A plan of `actions` actions over 2 orientations of 2 objectives, every field filled."""
    orientations = []
    base, extra = divmod(actions, 4)
    made = 0
    for oi in range(2):
        objectives = []
        for bi in range(2):
            count = base + (1 if oi * 2 + bi < extra else 0)
            objective_actions = []
            for _ in range(count):
                made += 1
                objective_actions.append(
                    ActionDraft(
                        code=str(made),
                        title=f"Organiser la rencontre régionale no {made}",
                        actors=["Coordination", "Agent de liaison", "Centraide"],
                        expected_results=["An 1 : Les membres se rencontrent", "Liens renforcés"],
                        indicators=[
                            IndicatorDraft(kind="MO", text="8 rencontres annuelles"),
                            IndicatorDraft(kind="R", text="Taux de 75 % de satisfaction"),
                        ],
                        schedule_years=[1, 2],
                        timing="Automne 2018",
                        status="in_progress",
                        progress_note="3 régions visitées",
                    )
                )
            objectives.append(
                ObjectiveDraft(
                    code=f"P{oi * 2 + bi + 1}",
                    kind="principal",
                    title=f"Outiller les membres {oi}.{bi}",
                    actions=objective_actions,
                )
            )
        orientations.append(
            OrientationDraft(code=str(oi + 1), title=f"Orientation {oi + 1}", objectives=objectives)
        )
    return PlanDraft(
        organization=organization,
        title=f"Plan d'action de {actions} actions",
        period_start=dt.date(2017, 7, 1),
        period_end=dt.date(2022, 6, 30),
        fiscal_year_start_month=7,
        orientations=orientations,
    )


@pytest.fixture
def make_plan(org_a):
    """make_plan(actions=5, state=...) creates a plan of org A through the service."""
    from jalon.plans.enums import PlanState
    from jalon.plans.services import create_plan_from_draft

    def _make(actions: int = 5, state: str = PlanState.DRAFT, organization=None):
        return create_plan_from_draft(
            draft=sized_draft(actions), organization=organization or org_a, state=state
        )

    return _make


@pytest.fixture
def editor(cast):
    """The editor of organization A, who builds the plans of the builder tests."""
    return cast["editor_a"]


@pytest.fixture
def plan(org_a, editor):
    """An empty plan of organization A, created through the builder by `editor`."""
    from jalon.plans import builder

    return builder.create_plan(
        organization=org_a,
        title="Plan d'action 2017-2022",
        period_start=dt.date(2017, 7, 1),
        period_end=dt.date(2022, 6, 30),
        user=editor,
    )


@pytest.fixture
def page(page, live_server):
    """The shared browser page (tests/browser/fixtures.py), plus `page.login(user)`: signs a
    user in by handing the browser a session cookie, without the sign-in form."""
    from django.conf import settings
    from django.test import Client

    def login(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )

    page.login = login
    return page
