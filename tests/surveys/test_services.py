"""Building, inviting, answering, copying, purging: the services, read back from the database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import connection

from jalon.network.models import Region
from jalon.surveys import queries, services
from jalon.surveys.enums import QuestionKind, SurveyState
from jalon.surveys.models import Answer, Invitation, Response, Survey
from jalon.tracking.enums import RuleKind
from jalon.tracking.models import IndicatorRule
from tests.factories import ActionFactory, ObjectiveFactory, OrientationFactory

from .conftest import TODAY, answer_all, make_members, open_survey


def test_survey_refuses_a_k_below_3(cast, plan):
    with pytest.raises(services.SurveyError, match="au moins 3"):
        services.create_survey(
            by=cast["editor_a"],
            organization=plan.organization,
            plan=plan,
            plan_year=1,
            title_fr="S",
            purpose_fr="P",
            closes_on=TODAY,
            retention_until=TODAY,
            k_threshold=2,
        )


def test_survey_needs_a_purpose(cast, plan):
    with pytest.raises(services.SurveyError, match="finalité"):
        services.create_survey(
            by=cast["editor_a"],
            organization=plan.organization,
            plan=plan,
            plan_year=1,
            title_fr="S",
            purpose_fr=" ",
            closes_on=TODAY,
            retention_until=TODAY,
        )


def test_invite_members_filters_by_region_and_snapshots_them(cast, plan, org_a):
    make_members(org_a, 3, code="04")
    make_members(org_a, 2, code="03")
    make_members(org_a, 2, code="05")
    survey = open_survey(cast, plan)
    regions = list(Region.objects.filter(code__in=["04", "03"]).values_list("pk", flat=True))
    result = services.invite_members(by=cast["editor_a"], survey=survey, regions=regions)
    assert len(result.created) == 5
    assert sorted(survey.invitations.values_list("region", flat=True)) == sorted(
        [Region.objects.get(code="03").name] * 2 + [Region.objects.get(code="04").name] * 3
    )
    # Invited twice: the second time adds no one.
    again = services.invite_members(by=cast["editor_a"], survey=survey, regions=regions)
    assert again.created == [] and len(again.skipped) == 5


def test_the_token_is_stored_hashed_and_finds_its_invitation(cast, plan, org_a):
    make_members(org_a, 1)
    survey = open_survey(cast, plan)
    [(invitation, token)] = services.invite_members(by=cast["editor_a"], survey=survey).created
    stored = Invitation.objects.get(pk=invitation.pk)
    assert token not in stored.token_hash and stored.token_hash == queries.token_hash(token)
    assert queries.invitation_by_token(token).pk == invitation.pk
    assert queries.token_for(stored.nonce) == token  # reminders can send the same link


def test_launch_sends_the_invitations_by_email(
    cast, plan, org_a, django_capture_on_commit_callbacks
):
    make_members(org_a, 2)
    survey = open_survey(cast, plan)
    services.invite_members(by=cast["editor_a"], survey=survey)
    with django_capture_on_commit_callbacks(execute=True):
        services.launch(by=cast["editor_a"], survey=survey, today=TODAY)
    assert len(mail.outbox) == 2
    assert "/sondages/repondre/" in mail.outbox[0].body
    assert Invitation.objects.filter(survey=survey, sent_at__isnull=False).count() == 2


def _launched(cast, plan, org_a, n=6, **kwargs):
    make_members(org_a, n)
    survey = open_survey(cast, plan, **kwargs)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    survey.state = SurveyState.OPEN
    survey.launched_on = TODAY
    survey.save()
    return survey, created


def test_an_anonymous_response_cannot_be_tied_to_its_invitation_from_the_database(
    cast, plan, org_a
):
    survey, created = _launched(cast, plan, org_a, n=3)
    answer_all(survey, [(created[1][0], "2")])
    # Every column of the response, read raw from the table: nothing that names the invitation.
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM surveys_response")
        columns = [c[0] for c in cursor.description]
        [row] = cursor.fetchall()
    values = dict(zip(columns, row, strict=True))
    invitation = Invitation.objects.get(pk=created[1][0].pk)
    assert values["invitation_id"] is None
    assert set(columns) == {
        "id",
        "survey_id",
        "submitted_on",
        "region",
        "member_kind",
        "member_status",
        "invitation_id",
    }
    assert str(values["submitted_on"]) == "2018-03-01"  # the day, never the time
    for field in ("nonce", "token_hash", "email"):
        assert str(getattr(invitation, field)) not in [str(v) for v in values.values()]
    assert invitation.responded is True and invitation.draft == {}
    # The invitation tells only that its person answered: no time of the answer is stored.
    times = {
        f.name for f in Invitation._meta.get_fields() if f.get_internal_type() == "DateTimeField"
    }
    assert times == {"sent_at", "reminded_at"}  # both set before any answer, never by it
    assert not hasattr(Response, "history") and not hasattr(Invitation, "history")
    # The other two invitations look the same as far as the response is concerned: the
    # response's attributes (region, kind, status) are shared by all three members.
    same = Invitation.objects.filter(
        survey=survey,
        region=values["region"],
        member_kind=values["member_kind"],
        member_status=values["member_status"],
    ).count()
    assert same == 3


def test_a_named_survey_keeps_the_link(cast, plan, org_a):
    survey, created = _launched(cast, plan, org_a, n=1, anonymous=False)
    answer_all(survey, [(created[0][0], "4")])
    assert Response.objects.get(survey=survey).invitation_id == created[0][0].pk


def test_answers_are_saved_and_resumed_then_submitted_once(cast, plan, org_a):
    survey, created = _launched(cast, plan, org_a, n=1)
    invitation = created[0][0]
    first = survey.questions.order_by("order").first()
    services.save_draft(invitation=invitation, answers={str(first.pk): "4"}, today=TODAY)
    assert Invitation.objects.get(pk=invitation.pk).draft == {str(first.pk): "4"}
    assert Response.objects.count() == 0
    services.submit(survey=survey, answers={str(first.pk): "4"}, invitation=invitation, today=TODAY)
    with pytest.raises(services.SurveyError, match="déjà répondu"):
        services.submit(survey=survey, answers={}, invitation=invitation, today=TODAY)
    assert Answer.objects.get().choice == "4"


def test_answers_are_refused_after_the_closing_date(cast, plan, org_a):
    survey, created = _launched(cast, plan, org_a, n=1)
    with pytest.raises(services.SurveyError, match="fermé depuis le 2018-04-01"):
        services.submit(
            survey=survey, answers={}, invitation=created[0][0], today=dt.date(2018, 4, 2)
        )


def test_a_number_that_is_not_one_is_refused_with_its_text(cast, plan):
    survey = open_survey(cast, plan)
    question = services.add_question(
        by=cast["editor_a"], survey=survey, kind=QuestionKind.NUMBER, text_fr="Combien ?"
    )
    assert services.clean_answers([question], {str(question.pk): "3,5"}) == {
        str(question.pk): "3.5"
    }
    with pytest.raises(services.SurveyError, match="« trois » n'est pas un nombre"):
        services.clean_answers([question], {str(question.pk): "trois"})


def test_reminders_go_to_non_respondents_at_the_dates_chosen_at_launch(cast, plan, org_a):
    survey, created = _launched(cast, plan, org_a, n=3)
    answer_all(survey, [(created[0][0], "5")])
    assert services.due_reminders(today=TODAY + dt.timedelta(days=6)) == 0
    assert services.due_reminders(today=TODAY + dt.timedelta(days=7)) == 2
    assert services.due_reminders(today=TODAY + dt.timedelta(days=8)) == 0  # once per date
    assert services.due_reminders(today=TODAY + dt.timedelta(days=14)) == 2
    assert {m.to[0] for m in mail.outbox} == {created[1][0].email, created[2][0].email}


def test_the_annual_template_asks_about_each_objective_and_each_action_carried_out(cast, plan):
    orientation = OrientationFactory(plan=plan)
    first = ObjectiveFactory(orientation=orientation, title="Outiller les membres")
    second = ObjectiveFactory(orientation=orientation, title="Mobiliser les régions")
    ActionFactory(
        objective=first, title="Tenir 8 rencontres", status="in_progress", schedule_years=[1]
    )
    ActionFactory(objective=first, title="Plus tard", status="in_progress", schedule_years=[3])
    ActionFactory(objective=second, title="Pas commencée", status="not_started", schedule_years=[1])
    survey = services.annual_member_survey(
        by=cast["editor_a"], plan=plan, plan_year=1, closes_on=TODAY, retention_until=TODAY
    )
    texts = list(survey.questions.order_by("order").values_list("text_fr", flat=True))
    assert texts == [
        "Êtes-vous satisfait de l'atteinte de l'objectif « Outiller les membres » ?",
        "Êtes-vous satisfait de l'atteinte de l'objectif « Mobiliser les régions » ?",
        "Êtes-vous satisfait de l'action « Tenir 8 rencontres » ?",
        "Dans l'ensemble, êtes-vous satisfait du travail du réseau cette année ?",
        "Commentaires et suggestions",
    ]
    assert survey.title_fr == "Satisfaction annuelle des membres 2017-2018 (An 1)"
    assert survey.questions.first().objective_id == first.pk


def test_copying_last_years_survey_keeps_its_questions_in_the_same_series(cast, plan):
    survey = open_survey(cast, plan)
    copy = services.copy_survey(
        by=cast["editor_a"],
        survey=survey,
        plan_year=2,
        closes_on=dt.date(2019, 4, 1),
        retention_until=dt.date(2020, 6, 30),
    )
    assert copy.copied_from_id == survey.pk and copy.series == survey.pk
    old = list(survey.questions.order_by("order").values_list("series", "text_fr"))
    new = list(copy.questions.order_by("order").values_list("series", "text_fr"))
    assert old == new and copy.state == SurveyState.DRAFT


def test_a_copy_of_the_annual_survey_names_its_own_year(cast, plan):
    survey = services.annual_member_survey(
        by=cast["editor_a"], plan=plan, plan_year=1, closes_on=TODAY, retention_until=TODAY
    )
    copy = services.copy_survey(
        by=cast["editor_a"],
        survey=survey,
        plan_year=2,
        closes_on=dt.date(2019, 4, 1),
        retention_until=dt.date(2020, 6, 30),
    )
    assert copy.title_fr == "Satisfaction annuelle des membres 2018-2019 (An 2)"
    assert copy.title_en == "Annual member satisfaction 2018-2019 (Year 2)"


def test_the_purge_removes_free_text_and_invitations_and_keeps_the_aggregates(cast, plan, org_a):
    survey, created = _launched(cast, plan, org_a, n=5)
    text_q = survey.questions.get(kind=QuestionKind.LONG_TEXT)
    sat_q = survey.questions.get(kind=QuestionKind.SATISFACTION)
    for invitation, _token in created:
        services.submit(
            survey=survey,
            answers={str(sat_q.pk): "5", str(text_q.pk): "Merci Marie !"},
            invitation=invitation,
            today=TODAY,
        )
    assert services.purge_expired(today=dt.date(2019, 7, 1)) == 1
    survey = Survey.objects.get(pk=survey.pk)
    assert survey.invitations.count() == 0 and survey.invited_at_purge == 5
    assert set(Answer.objects.filter(question=text_q).values_list("text", flat=True)) == {""}
    results = queries.survey_results(survey, with_texts=True)
    assert results.questions[0].figures.satisfaction_rate == 100
    assert (results.invited, results.responded) == (5, 5)


def test_closing_blanks_what_would_single_out_a_respondent(cast, plan, org_a):
    # Five local members of Mauricie answer, and the one regional body of Capitale-Nationale:
    # her (region, kind) would point at the one invitation of that kind marked "responded".
    make_members(org_a, 5, code="04")
    make_members(org_a, 1, code="03", kind="regional", prefix="r")
    survey = open_survey(cast, plan)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    survey.state = SurveyState.OPEN
    survey.save()
    answer_all(survey, [(inv, "4") for inv, _t in created])
    services.close_survey(by=cast["editor_a"], survey=survey, today=TODAY)
    combos = sorted(Response.objects.values_list("region", "member_kind", "member_status"))
    assert combos == [("", "", "")] + [("Mauricie", "local", "member")] * 5


def test_deleting_a_question_returns_its_indicator_to_hand_entry(cast, plan, indicator):
    survey = open_survey(cast, plan)
    question = survey.questions.get(kind=QuestionKind.SATISFACTION)
    services.feed_indicator(
        by=cast["editor_a"],
        question=question,
        indicator_id=indicator.pk,
        kind=RuleKind.SURVEY_SATISFACTION,
    )
    services.delete_question(by=cast["editor_a"], question=question)
    assert not IndicatorRule.objects.filter(indicator=indicator).exists()
