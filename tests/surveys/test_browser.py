"""Answering on a phone-sized screen with the keyboard, and the survey pages under axe."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from jalon.surveys import services
from jalon.surveys.enums import SurveyState
from jalon.surveys.models import Response

from .conftest import answer_all, make_members, open_survey

pytestmark = pytest.mark.browser


def _open(cast, plan, org_a, n):
    make_members(org_a, n)
    survey = open_survey(cast, plan)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    today = timezone.localdate()
    survey.state = SurveyState.OPEN
    survey.launched_on = today
    survey.closes_on = today + dt.timedelta(days=30)
    survey.retention_until = today + dt.timedelta(days=400)
    survey.save()
    return survey, created


def test_an_invitee_answers_on_a_phone_with_the_keyboard(page, axe_check, cast, plan, org_a):
    survey, created = _open(cast, plan, org_a, 1)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(reverse("surveys:answer", kwargs={"token": created[0][1]}))
    axe_check(page)
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    first = page.locator("fieldset").first.locator("input[type=radio]").first
    first.focus()
    for _ in range(3):  # 1 → 4 with the arrow keys, as a screen-reader user moves in a group
        page.keyboard.press("ArrowDown")
    assert page.get_by_label("4 Satisfait", exact=True).is_checked()
    page.get_by_role("button", name="Enregistrer et continuer plus tard").click()
    page.get_by_text("Vos réponses sont enregistrées").wait_for()
    page.reload()
    assert page.get_by_label("4 Satisfait", exact=True).is_checked()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    page.get_by_text("Merci ! Vos réponses sont envoyées.").wait_for()
    axe_check(page)
    assert Response.objects.get(survey=survey).answers.get(question__order=1).choice == "4"


def test_the_editors_survey_pages_have_no_serious_accessibility_violation(
    page, browser_login, axe_check, cast, plan, org_a
):
    survey, created = _open(cast, plan, org_a, 6)
    answer_all(survey, [(inv, "5") for inv, _t in created], today=timezone.localdate())
    browser_login(page, cast["editor_a"])
    for url in [
        reverse("surveys:list"),
        reverse("surveys:detail", kwargs={"pk": survey.pk}),
        reverse("surveys:results", kwargs={"pk": survey.pk}),
        reverse("surveys:edit", kwargs={"pk": survey.pk}),
    ]:
        page.goto(url)
        axe_check(page)
