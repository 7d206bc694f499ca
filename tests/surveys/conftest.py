"""What the surveys tests share: a plan of organization A, its member organizations in two
regions, and a survey builder that answers through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from jalon.network.enums import MemberStatus, OrganizationKind
from jalon.plans.queries import parse_indicator_target
from jalon.surveys import services
from jalon.surveys.enums import QuestionKind
from tests.factories import (
    ActionFactory,
    IndicatorFactory,
    OrganizationFactory,
    PlanFactory,
    region,
)

TODAY = dt.date(2018, 3, 1)  # in year 1 (2017-2018) of the factories' plan


@pytest.fixture
def plan(cast, org_a):
    plan = PlanFactory(organization=org_a)
    return plan


@pytest.fixture
def indicator(plan):
    action = ActionFactory(objective__orientation__plan=plan, status="in_progress")
    text = "Taux de 75 % de satisfaction des membres"
    return IndicatorFactory(action=action, text=text, target=parse_indicator_target(text))


def make_members(
    org_a: Any,
    count: int,
    *,
    code: str = "04",
    kind: str = OrganizationKind.LOCAL,
    status: str = MemberStatus.MEMBER,
    prefix: str = "m",
) -> list[Any]:
    return [
        OrganizationFactory(
            parent=org_a,
            region=region(code),
            kind=kind,
            member_status=status,
            email=f"{prefix}{code}{i}@exemple.org",
            acronym=f"{prefix.upper()}{code}{i}",
        )
        for i in range(count)
    ]


def open_survey(cast: Any, plan: Any, *, anonymous: bool = True, k: int = 5) -> Any:
    survey = services.create_survey(
        by=cast["editor_a"],
        organization=plan.organization,
        plan=plan,
        plan_year=1,
        title_fr="Satisfaction des membres",
        purpose_fr="Mesurer la satisfaction pour le bilan annuel.",
        closes_on=dt.date(2018, 4, 1),
        retention_until=dt.date(2019, 6, 30),
        anonymous=anonymous,
        k_threshold=k,
    )
    services.add_question(
        by=cast["editor_a"],
        survey=survey,
        kind=QuestionKind.SATISFACTION,
        text_fr="Êtes-vous satisfait ?",
    )
    services.add_question(
        by=cast["editor_a"], survey=survey, kind=QuestionKind.YES_NO, text_fr="Reviendrez-vous ?"
    )
    services.add_question(
        by=cast["editor_a"], survey=survey, kind=QuestionKind.LONG_TEXT, text_fr="Commentaires"
    )
    return survey


def answer_all(
    survey: Any, tokens_and_scores: list[tuple[Any, str]], today: dt.date = TODAY
) -> None:
    """Each (invitation, score) answers the satisfaction question with the score."""
    questions = list(survey.questions.order_by("order"))
    for invitation, score in tokens_and_scores:
        answers = {
            str(questions[0].pk): score,
            str(questions[1].pk): "yes" if score >= "4" else "no",
        }
        services.submit(survey=survey, answers=answers, invitation=invitation, today=today)
