"""Answering on a phone-sized screen with the keyboard, and the survey pages under axe."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from jalon.plans.queries import parse_indicator_target
from jalon.surveys import services
from jalon.surveys.enums import SurveyState
from jalon.surveys.models import Response
from tests.factories import ActionFactory, IndicatorFactory

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


def test_the_yearly_survey_from_the_plan_to_the_indicator(
    page, browser, live_server, browser_login, cast, plan, org_a
):
    text = "Taux de 60 % des membres consultés"
    action = ActionFactory(
        objective__orientation__plan=plan, status="in_progress", schedule_years=[5]
    )
    indicator = IndicatorFactory(action=action, text=text, target=parse_indicator_target(text))
    make_members(org_a, 2, code="04")  # Mauricie
    make_members(org_a, 1, code="03", kind="regional", prefix="r")  # Capitale-Nationale
    make_members(org_a, 2, code="05", prefix="e")  # Estrie: not invited
    browser_login(page, cast["editor_a"])
    page.goto(reverse("surveys:list"))
    page.get_by_role("button", name="Générer la satisfaction annuelle des membres").click()
    page.get_by_role("heading", level=1).wait_for()
    survey = plan.surveys.get()
    page.get_by_label("Mauricie").check()
    page.get_by_label("Capitale-Nationale").check()
    page.get_by_role("button", name="Inviter", exact=True).click()
    page.get_by_text("3 invitations ajoutées").wait_for()
    page.get_by_role("button", name="Lancer le sondage et envoyer les invitations").click()
    page.get_by_text("Sondage lancé").wait_for()
    links = [re.search(r"/sondages/repondre/[^/]+/", m.body).group(0) for m in mail.outbox]
    assert len(links) == 3
    # Two invitees answer, one of them on a phone.
    for n, link in enumerate(links[:2]):
        size = {"width": 375, "height": 740} if n == 0 else {"width": 1280, "height": 900}
        context = browser.new_context(base_url=live_server.url, locale="fr-CA", viewport=size)
        invitee = context.new_page()
        invitee.goto(link)
        for fieldset in invitee.locator("fieldset").all()[:-1]:
            fieldset.get_by_label("5 Très satisfait").check()
        invitee.get_by_role("button", name="Envoyer mes réponses").click()
        invitee.get_by_text("Merci ! Vos réponses sont envoyées.").wait_for()
        context.close()
    mail.outbox.clear()
    page.goto(reverse("surveys:detail", kwargs={"pk": survey.pk}))
    page.get_by_role("button", name="Envoyer un rappel maintenant").click()
    page.get_by_text("1 rappels envoyés").wait_for()
    assert len(mail.outbox) == 1 and mail.outbox[0].body.find(links[2]) > 0
    page.get_by_role("button", name="Fermer le sondage").click()
    page.get_by_text("Sondage fermé.").wait_for()
    page.goto(reverse("surveys:results", kwargs={"pk": survey.pk}))
    page.locator("details summary").first.click()
    form = page.locator("details form").first
    form.get_by_label("Mesure").select_option(label="Taux de réponse d'un sondage")
    form.get_by_role("button", name="Relier").click()
    page.get_by_text("L'indicateur lit désormais sa valeur de cette question.").wait_for()
    page.goto(reverse("tracking:indicator", args=[plan.pk, indicator.pk]))
    body = page.locator("main").inner_text()
    assert "lue d'un sondage : Taux de réponse d'un sondage" in body
    year = re.search(r"2021-2022 \(An 5\)\t(.*?)\tAtteint", body, re.S)
    assert year is not None  # the year the survey was held: 2 of 3 = 66.7 % ≥ 60 %, achieved
    assert re.search(r"2 réponses sur 3 invitations \(66,7\s%\)", year.group(1))
