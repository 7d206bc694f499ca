"""The daily tasks: reminders at the dates chosen at launch, and the purge after retention."""

from __future__ import annotations

import datetime as dt

from django.core import mail

from jalon.surveys import services
from jalon.surveys.enums import SurveyState
from jalon.surveys.models import Invitation, Survey
from jalon.surveys.tasks import purge_task, send_due_reminders_task

from .conftest import TODAY, answer_all, make_members, open_survey


def test_the_reminder_task_writes_to_those_who_have_not_answered(cast, plan, org_a):
    make_members(org_a, 2)
    survey = open_survey(cast, plan)
    created = services.invite_members(by=cast["editor_a"], survey=survey).created
    services.launch(by=cast["editor_a"], survey=survey, today=TODAY, send=False)
    answer_all(survey, [(created[0][0], "4")])
    result = send_due_reminders_task.enqueue((TODAY + dt.timedelta(days=7)).isoformat())
    assert result.return_value == 1
    assert [m.to for m in mail.outbox] == [[created[1][0].email]]
    assert mail.outbox[0].subject == "Rappel : Satisfaction des membres"
    assert Invitation.objects.get(pk=created[1][0].pk).reminders_sent == 1


def test_the_purge_task_runs_once_the_retention_date_has_passed(cast, plan, org_a):
    make_members(org_a, 1)
    survey = open_survey(cast, plan)
    services.invite_members(by=cast["editor_a"], survey=survey)
    assert purge_task.enqueue("2019-06-30").return_value == 0  # the last day kept
    assert purge_task.enqueue("2019-07-01").return_value == 1
    survey = Survey.objects.get(pk=survey.pk)
    assert (survey.state, survey.purged_on, survey.invited_at_purge) == (
        SurveyState.CLOSED,
        dt.date(2019, 7, 1),
        1,
    )
