"""`jalon remind` and its task: who is reminded of which late actions, and not twice in a row."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from jalon.plans.models import Action
from jalon.tracking import services
from jalon.tracking.models import ReminderLog
from jalon.tracking.tasks import send_reminders_task

from .conftest import make_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(plan, carried, other_action, today):
    """The contributor's action last updated 40 days ago; the direction's never updated."""
    services.update_action_status(
        action=carried, user=None, status="in_progress", on_date=today - dt.timedelta(days=40)
    )
    done = make_actions(plan, 1, objective=carried.objective)[0]
    services.update_action_status(
        action=done, user=None, status="completed", on_date=today - dt.timedelta(days=90)
    )
    return carried


def run(*args):
    out = io.StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_remind_mails_each_carrier_their_late_actions_with_the_round_link(
    settings, cast, plan, late, other_action
):
    settings.SITE_URL = "https://jalon.exemple.org"
    output = run()
    assert "2 rappel(s) envoyé(s)." in output
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {cast["contributor_a"].email, cast["editor_a"].email}
    message = by_person[cast["contributor_a"].email]
    assert message.subject == f"[Jalon] 1 action(s) à mettre à jour — {plan.title}"
    assert f"- {late.code} {late.title}" in message.body
    assert "dernière mise à jour :" in message.body
    assert f"https://jalon.exemple.org/suivi/plans/{plan.pk}/tournee/" in message.body
    assert "jamais mise à jour" in by_person[cast["editor_a"].email].body


def test_remind_does_not_write_twice_within_the_plans_delay(cast, plan, late, other_action):
    run()
    mail.outbox.clear()
    assert "0 rappel(s) envoyé(s)." in run()
    assert mail.outbox == []
    assert ReminderLog.objects.count() == 2


def test_remind_dry_run_sends_nothing(cast, plan, late, other_action):
    output = run("--dry-run")
    assert "2 rappel(s) à envoyer (essai : rien n'a été envoyé)." in output
    assert mail.outbox == []
    assert not ReminderLog.objects.exists()


def test_recent_and_finished_actions_are_not_reminded(cast, plan, carried, today):
    services.update_action_status(
        action=carried, user=None, status="in_progress", on_date=today - dt.timedelta(days=5)
    )
    run()
    assert mail.outbox == []


def test_draft_plans_are_not_reminded(cast, plan, late):
    plan.state = "draft"
    plan.save()
    run()
    assert mail.outbox == []


def test_remind_for_one_plan_and_a_given_date(cast, plan, late, today):
    Action.objects.exclude(pk=late.pk).delete()
    run("--plan", str(plan.pk), "--date", (today - dt.timedelta(days=20)).isoformat())
    assert mail.outbox == []  # 20 days earlier, the update was 20 days old: not late yet
    run("--plan", str(plan.pk))
    assert [m.to for m in mail.outbox] == [[cast["contributor_a"].email]]


def test_remind_refuses_bad_arguments(plan):
    with pytest.raises(CommandError, match="AAAA-MM-JJ"):
        run("--date", "21/11/2026")
    with pytest.raises(CommandError, match="Aucun plan numéro 999999"):
        run("--plan", "999999")


def test_the_reminder_task_sends_the_same_mails(cast, plan, late, other_action):
    result = send_reminders_task.enqueue()
    assert result.return_value == 2
    assert len(mail.outbox) == 2
