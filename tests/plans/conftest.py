"""Fixtures of the plans tests: the hand-written plan files, drafts and plans of a given size."""

from __future__ import annotations

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
    import datetime as dt

    return PlanDraft(
        organization=organization,
        title=f"Plan d'action de {actions} actions",
        period_start=dt.date(2017, 7, 1),
        period_end=dt.date(2022, 6, 30),
        fiscal_year_start_month=7,
        orientations=orientations,
    )


@pytest.fixture(autouse=True, scope="session")
def _plain_http_for_the_live_server():
    """The live server speaks plain HTTP: its middleware reads these once, when it starts."""
    from django.conf import settings

    names = ["SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]
    saved = {name: getattr(settings, name) for name in names}
    for name in names:
        setattr(settings, name, False)
    yield
    for name, value in saved.items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client speaks plain HTTP; production settings would redirect it to HTTPS."""
    settings.SECURE_SSL_REDIRECT = False
    # The cast's passwords need no real hashing here (argon2 makes each user cost ~0.1 s).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
