"""Access follows membership: who leaves an organization stops hearing about its actions, and
every notice and reminder is checked against the reader's access when it is sent or shown.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from jalon.accounts.models import Membership
from jalon.accounts.services import remove_membership
from jalon.plans.enums import PlanState
from jalon.plans.models import Plan
from jalon.tracking import services
from jalon.tracking.models import Follow, Notification
from jalon.tracking.queries import notifications_for, unread_count

pytestmark = pytest.mark.django_db


def _change(action, today, note, capture):
    with capture(execute=True):
        services.update_action_status(
            action=action, user=None, status="in_progress", on_date=today, note=note
        )


def test_removing_a_membership_ends_its_follows_and_its_notices(
    cast, carried, today, django_capture_on_commit_callbacks
):
    reader = cast["reader_a"]
    services.follow_action(user=reader, action=carried)
    _change(carried, today, "Première", django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=reader).count() == 1
    mail.outbox.clear()
    membership = Membership.objects.get(user=reader)
    remove_membership(membership=membership, by=cast["admin_a"])
    assert not Follow.objects.filter(user=reader).exists()
    assert not Notification.objects.filter(user=reader).exists()
    _change(carried, today, "Après son départ", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(user=reader).exists()
    assert mail.outbox == []


def test_a_membership_elsewhere_keeps_the_follows_it_still_grants(
    cast, network_plan, today, django_capture_on_commit_callbacks
):
    """A member of two organizations of the network keeps following the network's plan."""
    member = cast["member_b"]
    action = network_plan.actions.get()
    services.follow_action(user=member, action=action)
    Membership.objects.create(
        user=member, organization=cast["reader_a"].memberships.get().organization
    )
    remove_membership(
        membership=Membership.objects.get(user=member, organization__acronym="TB-B"), by=member
    )
    assert Follow.objects.filter(user=member, action=action).exists()


def test_a_notice_waiting_to_be_mailed_is_checked_when_sent(
    cast, network_plan, today, django_capture_on_commit_callbacks
):
    member = cast["member_b"]  # reads the network's adopted plans
    action = network_plan.actions.get()
    services.follow_action(user=member, action=action)
    with django_capture_on_commit_callbacks(execute=False):
        services.update_action_status(action=action, user=None, status="in_progress", on_date=today)
    ids = list(Notification.objects.filter(user=member).values_list("pk", flat=True))
    assert len(ids) == 1
    # The plan goes back to draft before the mail task runs: its drafts are not the member's.
    Plan.objects.filter(pk=network_plan.pk).update(state=PlanState.DRAFT)
    assert services.email_notifications(ids) == 0
    assert notifications_for(member) == []
    assert unread_count(member) == 0


def test_a_draft_plans_changes_reach_only_who_may_see_the_draft(
    cast, network, network_plan, today, django_capture_on_commit_callbacks
):
    member = cast["member_b"]
    action = network_plan.actions.get()
    services.follow_action(user=member, action=action)
    Plan.objects.filter(pk=network_plan.pk).update(state=PlanState.DRAFT)
    action.refresh_from_db()
    _change(action, today, "En brouillon", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(user=member).exists()
    assert mail.outbox == []


def test_a_deactivated_account_gets_nothing(
    cast, carried, today, django_capture_on_commit_callbacks
):
    reader = cast["reader_a"]
    services.follow_action(user=reader, action=carried)
    reader.is_active = False
    reader.save(update_fields=["is_active"])
    _change(carried, today, "Pendant l'absence", django_capture_on_commit_callbacks)
    assert not Notification.objects.filter(user=reader).exists()
    assert mail.outbox == []


def test_a_removed_carrier_gets_no_reminder(cast, carried, today):
    services.update_action_status(
        action=carried, user=None, status="in_progress", on_date=today - dt.timedelta(days=40)
    )
    assert [r.user for r in services.due_reminders(today=today)] == [cast["contributor_a"]]
    remove_membership(
        membership=Membership.objects.get(user=cast["contributor_a"]), by=cast["admin_a"]
    )
    assert services.send_reminders(today=today) == []
    assert mail.outbox == []
