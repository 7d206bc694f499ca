"""Who receives a reminder: people who may update the late action — not readers who share the
position, not deactivated accounts, not a position that is only part of the actor's name."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from jalon.accounts.enums import Role
from jalon.tracking import services
from tests.factories import MembershipFactory, UserFactory

from .conftest import make_actions

pytestmark = pytest.mark.django_db


def member(org, role, username, position):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=org, role=role, position=position)
    return user


@pytest.fixture
def late(plan, today):
    """An action carried by "Agent de liaison", last updated 40 days ago (the delay is 30)."""
    action = make_actions(plan, 1)[0]
    services.update_action_status(
        action=action, user=None, status="in_progress", on_date=today - dt.timedelta(days=40)
    )
    return action


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_the_contributor_holding_the_position_is_reminded(cast, plan, late, today):
    services.send_reminders(today=today)
    assert recipients() == [cast["contributor_a"].email]


def test_a_reader_holding_the_same_position_is_not_reminded(cast, org_a, plan, late, today):
    member(org_a, Role.READER, "lecteur_liaison", "Agent de liaison")
    services.send_reminders(today=today)
    assert recipients() == [cast["contributor_a"].email]


def test_a_deactivated_account_is_not_reminded(cast, plan, late, today):
    contributor = cast["contributor_a"]
    contributor.is_active = False
    contributor.save()
    reminders = services.send_reminders(today=today)
    assert reminders == []
    assert mail.outbox == []


def test_a_deactivated_account_named_as_the_actor_is_not_reminded(cast, org_a, plan, today):
    gone = member(org_a, Role.CONTRIBUTOR, "parti", "")
    action = make_actions(plan, 1, actor="Responsable parti")[0]
    action.actors.update(user=gone)
    services.update_action_status(
        action=action, user=None, status="in_progress", on_date=today - dt.timedelta(days=40)
    )
    gone.is_active = False
    gone.save()
    services.send_reminders(today=today)
    assert mail.outbox == []


def test_a_position_that_is_part_of_the_actors_name_is_not_the_actor(cast, plan, today):
    action = make_actions(plan, 1, actor="Agent de liaison principal")[0]
    services.update_action_status(
        action=action, user=None, status="in_progress", on_date=today - dt.timedelta(days=40)
    )
    services.send_reminders(today=today)
    assert mail.outbox == []
