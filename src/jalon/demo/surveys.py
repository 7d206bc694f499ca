"""The demo's member surveys: last year's and this year's "satisfaction annuelle des membres"
on the national plan, answered by the demo network's members, feeding three indicators
(overall satisfaction, the members consulted — the response rate —, and participation in the
annual general meeting, a share answering "Oui")."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership
from jalon.plans.enums import PlanState
from jalon.plans.models import Indicator, Plan
from jalon.surveys import services
from jalon.surveys.enums import QuestionKind
from jalon.surveys.models import Survey
from jalon.tracking.enums import RuleKind
from jalon.tracking.queries import current_year

from .constants import NETWORK_SLUG

# How the demo members lean, by year: last year a little less satisfied than this one.
LEANINGS = {"previous": [2, 3, 3, 4, 4, 4, 5, 5], "current": [3, 4, 4, 4, 5, 5, 5, 2]}


def wipe() -> None:
    """The demo's surveys go before its plans and organizations (they protect them)."""
    Survey.objects.filter(organization__slug=NETWORK_SLUG).delete()
    Survey.objects.filter(organization__parent__slug=NETWORK_SLUG).delete()


def build(*, today: dt.date | None = None) -> None:
    today = today or timezone.localdate()
    plan = (
        Plan.objects.filter(organization__slug=NETWORK_SLUG, state=PlanState.ADOPTED)
        .select_related("organization")
        .order_by("pk")
        .first()
    )
    if plan is None:
        return
    year = current_year(plan, today)
    if year is None or year.number < 2:
        return
    lead = (
        Membership.objects.filter(
            organization=plan.organization, role__in=[Role.ADMIN, Role.EDITOR]
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    by = lead.user if lead else None
    rng = random.Random("jalon-demo:surveys")
    previous_close = year.start - dt.timedelta(days=45)
    last = services.annual_member_survey(
        by=by,
        plan=plan,
        plan_year=year.number - 1,
        closes_on=previous_close,
        retention_until=year.end + dt.timedelta(days=365),
    )
    services.add_question(
        by=by,
        survey=last,
        kind=QuestionKind.YES_NO,
        text_fr="Avez-vous participé à l'assemblée générale annuelle ?",
        text_en="Did you take part in the annual general meeting?",
    )
    _run(last, by, rng, "previous", previous_close - dt.timedelta(days=30), previous_close)
    services.close_survey(by=by, survey=last, today=previous_close)
    this_close = max(today + dt.timedelta(days=21), year.start + dt.timedelta(days=60))
    current = services.copy_survey(
        by=by,
        survey=last,
        plan_year=year.number,
        closes_on=this_close,
        retention_until=year.end + dt.timedelta(days=730),
    )
    _run(current, by, rng, "current", min(today, this_close) - dt.timedelta(days=10), today)
    _feed(plan, last, by)


def _run(
    survey: Survey, by: object, rng: random.Random, leaning: str, start: dt.date, end: dt.date
) -> None:
    invited = services.invite_members(by=by, survey=survey).created
    services.launch(by=by, survey=survey, today=start, send=False)
    questions = list(survey.questions.order_by("order"))
    share = 0.85 if leaning == "previous" else 0.7  # this year's survey is still open
    for invitation, _token in invited:
        if rng.random() > share:
            continue
        answers: dict[str, object] = {}
        for question in questions:
            if question.kind == QuestionKind.SATISFACTION:
                answers[str(question.pk)] = str(rng.choice(LEANINGS[leaning]))
            elif question.kind == QuestionKind.YES_NO:
                answers[str(question.pk)] = "yes" if rng.random() < 0.7 else "no"
        day = start + dt.timedelta(days=rng.randint(0, max((end - start).days, 0)))
        services.submit(survey=survey, answers=answers, invitation=invitation, today=day)


def _feed(plan: Plan, survey: Survey, by: object) -> None:
    """The plan's three indicators a member survey measures read it (and its copies)."""
    questions = list(survey.questions.order_by("order"))
    overall = next(q for q in questions if q.text_fr.startswith("Dans l'ensemble"))
    meeting = next(q for q in questions if q.kind == QuestionKind.YES_NO)
    wanted = [
        ("Taux de satisfaction globale", overall, RuleKind.SURVEY_SATISFACTION, ""),
        ("membres consultés", overall, RuleKind.SURVEY_RESPONSE_RATE, ""),
        (
            "Taux de participation de 75 % des membres à l'AGA",
            meeting,
            RuleKind.SURVEY_SHARE,
            "yes",
        ),
    ]
    for words, question, kind, answer in wanted:
        indicator = (
            Indicator.objects.filter(plan=plan, text__icontains=words).order_by("pk").first()
        )
        if indicator is not None:
            services.feed_indicator(
                by=by, question=question, indicator_id=indicator.pk, kind=kind, answer=answer
            )
