"""The pages: answering through a link without an account, the editors' pages, the exports."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from jalon.network.enums import OrganizationKind
from jalon.surveys import services
from jalon.surveys.enums import QuestionKind, SurveyState
from jalon.surveys.models import Invitation, Response
from jalon.surveys.views import neutral

from .conftest import TODAY, answer_all, make_members, open_survey


@pytest.fixture
def launched(cast, plan, org_a):
    make_members(org_a, 6)
    survey = open_survey(cast, plan)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    # The answer pages read the real day: the survey closes in a month, is kept a year more.
    today = timezone.localdate()
    survey.state = SurveyState.OPEN
    survey.launched_on = today
    survey.closes_on = today + dt.timedelta(days=30)
    survey.retention_until = today + dt.timedelta(days=400)
    survey.save()
    return survey, created


def test_an_invitee_answers_without_an_account_through_plain_html(client, launched):
    survey, created = launched
    token = created[0][1]
    url = reverse("surveys:answer", kwargs={"token": token})
    page = client.get(url).content.decode()
    assert "<fieldset" in page and "<legend>" in page and "<script>" not in page
    assert "Très insatisfait" in page and "Très satisfait" in page
    kept = date_format(survey.retention_until, "j F Y")
    assert "Qui voit quoi" in page and kept in page  # the retention date is stated
    sat = survey.questions.get(kind=QuestionKind.SATISFACTION)
    text = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    saved = client.post(url, {str(sat.pk): "4", "save": "1"})
    assert "Vos réponses sont enregistrées" in saved.content.decode()
    # Coming back on the same link: the answer is checked again.
    again = client.get(url).content.decode()
    assert f'name="{sat.pk}" value="4" checked' in again
    done = client.post(url, {str(sat.pk): "5", str(text.pk): "Merci", "submit": "1"})
    assert "Merci ! Vos réponses sont envoyées." in done.content.decode()
    assert Response.objects.get().answers.get(question=sat).choice == "5"
    assert "déjà répondu" in client.get(url).content.decode()


def test_a_link_after_the_closing_date_says_so_in_french(client, launched):
    survey, created = launched
    survey.closes_on = timezone.localdate() - dt.timedelta(days=1)
    survey.save()
    response = client.get(reverse("surveys:answer", kwargs={"token": created[0][1]}))
    assert response.status_code == 410
    closed = date_format(survey.closes_on, "j F Y")
    assert f"Ce sondage est fermé depuis le {closed}" in response.content.decode()


def test_an_unknown_link_is_not_found(client, db):
    assert client.get(reverse("surveys:answer", kwargs={"token": "nope"})).status_code == 404


def test_a_bad_number_comes_back_with_a_message_and_nothing_recorded(client, cast, launched):
    survey, created = launched
    survey.state = SurveyState.DRAFT
    survey.save()
    number = services.add_question(
        by=cast["editor_a"],
        survey=survey,
        kind=QuestionKind.NUMBER,
        text_fr="Combien de rencontres ?",
    )
    survey.state = SurveyState.OPEN
    survey.save()
    url = reverse("surveys:answer", kwargs={"token": created[0][1]})
    response = client.post(url, {str(number.pk): "douze", "submit": "1"})
    assert response.status_code == 400
    assert "« douze » n&#x27;est pas un nombre" in response.content.decode()
    assert Response.objects.count() == 0
    assert not Invitation.objects.get(pk=created[0][0].pk).responded


def test_results_are_for_the_organizations_members_only(login, cast, launched):
    survey, _created = launched
    url = reverse("surveys:results", kwargs={"pk": survey.pk})
    assert login(cast["reader_a"]).get(url).status_code == 200
    assert login(cast["member_b"]).get(url).status_code == 404
    assert login(None).get(url).status_code == 302
    edit = reverse("surveys:edit", kwargs={"pk": survey.pk})
    assert login(cast["reader_a"]).get(edit).status_code == 404


def test_free_text_shows_to_editors_only(login, cast, launched):
    survey, created = launched
    today = timezone.localdate()
    answer_all(survey, [(inv, "5") for inv, _t in created[:5]], today=today)
    text = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    services.submit(survey=survey, answers={str(text.pk): "Un mot pour l'équipe"}, today=today)
    url = reverse("surveys:results", kwargs={"pk": survey.pk})
    assert "Un mot pour l&#x27;équipe" in login(cast["editor_a"]).get(url).content.decode()
    assert "Un mot" not in login(cast["reader_a"]).get(url).content.decode()


def test_csv_cells_cannot_become_formulas():
    assert [neutral(v) for v in ["=1+1", "+33", "-2", "@SUM", "\tx", "\rx", "Bien", 4]] == [
        "'=1+1",
        "'+33",
        "'-2",
        "'@SUM",
        "'\tx",
        "'\rx",
        "Bien",
        "4",
    ]


def test_the_results_csv_holds_aggregates_and_hides_small_groups(
    login, cast, plan, org_a, launched
):
    survey, created = launched
    answer_all(survey, [(inv, "4") for inv, _t in created], today=timezone.localdate())
    response = login(cast["editor_a"]).get(reverse("surveys:results_csv", kwargs={"pk": survey.pk}))
    text = response.content.decode("utf-8-sig")
    assert "Êtes-vous satisfait ?,Ensemble,,,,6,4.00,100.0" in text
    assert "Satisfait,6,100.0" in text
    assert "Reviendrez-vous ?,Région : Mauricie,Oui,,100.0,6,," in text
    raw = login(cast["editor_a"]).get(reverse("surveys:answers_csv", kwargs={"pk": survey.pk}))
    assert raw.status_code == 404  # anonymous: no raw answers


@pytest.mark.parametrize("size", [10, 200])
def test_survey_and_results_pages_run_a_fixed_number_of_queries(
    login, cast, plan, org_a, size, django_assert_num_queries
):
    make_members(org_a, size, kind=OrganizationKind.LOCAL)
    survey = open_survey(cast, plan)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    survey.state = SurveyState.OPEN
    survey.launched_on = TODAY
    survey.save()
    answer_all(survey, [(inv, "4") for inv, _t in created[: size // 2]])
    client = login(cast["editor_a"])
    detail = reverse("surveys:detail", kwargs={"pk": survey.pk})
    results = reverse("surveys:results", kwargs={"pk": survey.pk})
    client.get(detail)  # warm the session and the memberships cache
    # session, user, memberships, survey, questions, invitations per region, regions (form),
    # the plan's objectives, actions and indicators (the question form)
    with django_assert_num_queries(10):
        assert client.get(detail).status_code == 200
    # session, user, memberships, survey, the four of survey_results, the plan's indicators
    with django_assert_num_queries(9):
        assert client.get(results).status_code == 200


def test_an_editor_generates_the_annual_survey_from_the_list(login, cast, plan):
    client = login(cast["editor_a"])
    page = client.get(reverse("surveys:list")).content.decode()
    assert "Générer la satisfaction annuelle des membres" in page
    response = client.post(reverse("surveys:annual", kwargs={"plan_pk": plan.pk}))
    survey = plan.surveys.get()
    assert response.status_code == 302 and response["Location"] == survey.get_absolute_url()
    assert survey.questions.count() >= 2  # the general question and the comments at least
    assert (
        login(cast["reader_a"])
        .post(reverse("surveys:annual", kwargs={"plan_pk": plan.pk}))
        .status_code
        == 403
    )


def test_the_open_link_takes_answers_without_an_invitation(client, cast, plan):
    survey = services.create_survey(
        by=cast["editor_a"],
        organization=plan.organization,
        plan=plan,
        plan_year=1,
        title_fr="Fin de rencontre",
        purpose_fr="Évaluer la rencontre.",
        closes_on=timezone.localdate() + dt.timedelta(days=3),
        retention_until=timezone.localdate() + dt.timedelta(days=90),
        open_link=True,
    )
    question = services.add_question(
        by=cast["editor_a"], survey=survey, kind=QuestionKind.SATISFACTION, text_fr="Satisfait ?"
    )
    services.launch(by=cast["editor_a"], survey=survey, send=False)
    url = reverse("surveys:answer_open", kwargs={"key": survey.open_key})
    page = client.get(url).content.decode()
    assert (
        "Enregistrer et continuer plus tard" not in page
    )  # nothing to resume without a link of one's own
    client.post(url, {str(question.pk): "5"})
    response = Response.objects.get(survey=survey)
    assert (response.region, response.invitation_id) == ("", None)
    assert client.get(reverse("surveys:answer_open", kwargs={"key": "inconnue"})).status_code == 404


def test_an_editor_adds_a_question_that_names_an_action_of_the_plan(login, cast, plan, indicator):
    survey = open_survey(cast, plan)
    action = indicator.action
    client = login(cast["editor_a"])
    assert f'value="action:{action.pk}"' in client.get(survey.get_absolute_url()).content.decode()
    client.post(
        reverse("surveys:question_add", kwargs={"pk": survey.pk}),
        {"kind": "satisfaction", "text_fr": "Et cette action ?", "target": f"action:{action.pk}"},
    )
    question = survey.questions.get(text_fr="Et cette action ?")
    assert (question.action_id, question.order) == (action.pk, 4)
