"""Writes of the follow-up: current state kept in step, locks, conflicts, notifications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail

from jalon.plans.models import Action
from jalon.tracking import services
from jalon.tracking.models import Activity, Notification, StatusUpdate, YearLock
from jalon.tracking.views.common import stale_message
from tests.factories import IndicatorFactory

from .conftest import make_actions

pytestmark = pytest.mark.django_db


def test_update_becomes_the_current_state_of_the_action(cast, carried, today):
    update = services.update_action_status(
        action=carried,
        user=cast["contributor_a"],
        status="in_progress",
        on_date=today,
        progress=40,
        note="6 régions visitées",
        expected_version=carried.version,
        links=["https://exemple.org/compte-rendu"],
    )
    carried.refresh_from_db()
    assert (carried.status, carried.progress_note, carried.status_changed_on) == (
        "in_progress",
        "6 régions visitées",
        today,
    )
    assert carried.version == 2
    assert update.author == cast["contributor_a"]
    assert [e.url for e in update.evidence.all()] == ["https://exemple.org/compte-rendu"]


def test_a_backdated_update_joins_the_timeline_without_replacing_the_latest(cast, carried, today):
    services.update_action_status(action=carried, user=None, status="in_progress", on_date=today)
    services.update_action_status(
        action=carried, user=None, status="in_preparation", on_date=today - dt.timedelta(days=20)
    )
    carried.refresh_from_db()
    assert carried.status == "in_progress"
    assert StatusUpdate.objects.filter(action=carried).count() == 2


def test_deleting_the_latest_update_falls_back_to_the_previous_one(cast, carried, today):
    services.update_action_status(
        action=carried, user=None, status="in_preparation", on_date=today - dt.timedelta(days=3)
    )
    latest = services.update_action_status(
        action=carried, user=None, status="completed", on_date=today
    )
    services.delete_status_update(update=latest, user=None)
    carried.refresh_from_db()
    assert carried.status == "in_preparation"
    assert carried.status_changed_on == today - dt.timedelta(days=3)


def test_second_save_on_a_stale_version_is_refused_with_the_other_change(cast, carried, today):
    seen = carried.version
    services.update_action_status(
        action=carried,
        user=cast["editor_a"],
        status="completed",
        on_date=today,
        note="Cadre adopté au CA",
        expected_version=seen,
    )
    stale = Action.objects.get(pk=carried.pk)
    stale.version = seen
    with pytest.raises(services.StaleVersion) as caught:
        services.update_action_status(
            action=stale,
            user=cast["contributor_a"],
            status="in_progress",
            on_date=today,
            expected_version=seen,
        )
    editor = cast["editor_a"]
    assert caught.value.change.who == editor
    message = stale_message(caught.value)
    assert message.startswith(f"Entre-temps, {editor} a inscrit l'état « Complété » daté du ")
    assert "(« Cadre adopté au CA »)" in message
    assert caught.value.current_version == seen + 1
    carried.refresh_from_db()
    assert carried.status == "completed"
    assert StatusUpdate.objects.filter(action=carried).count() == 1


def test_an_activity_conflict_says_when_in_montreal_time(cast, plan, today):
    activity = services.log_activity(
        plan=plan, user=cast["editor_a"], kind="meeting", date=today, title="Rencontre A"
    )
    services.update_activity(
        activity=activity,
        user=cast["editor_a"],
        expected_version=1,
        kind="meeting",
        date=today,
        title="Rencontre B",
    )
    Activity.history.filter(id=activity.pk).update(
        history_date=dt.datetime(2026, 10, 3, 18, 5, tzinfo=dt.UTC)
    )
    with pytest.raises(services.StaleVersion) as caught:
        services.update_activity(
            activity=activity,
            user=cast["contributor_a"],
            expected_version=1,
            kind="meeting",
            date=today,
            title="Rencontre C",
        )
    assert "a modifié cette activité (3 octobre 2026 à 14 h 05)" in stale_message(caught.value)


def test_record_initial_statuses_dates_the_documents_statuses(plan, today):
    done, note_only, _blank = make_actions(plan, 3)
    Action.objects.filter(pk=done.pk).update(status="completed")
    Action.objects.filter(pk=note_only.pk).update(
        status="in_progress", progress_note="5 tournages complétés"
    )
    day = dt.date(2013, 10, 11)
    assert services.record_initial_statuses(plan=plan, on_date=day) == 2
    assert services.record_initial_statuses(plan=plan, on_date=day) == 0
    updates = {u.action_id: u for u in StatusUpdate.objects.filter(plan=plan)}
    assert set(updates) == {done.pk, note_only.pk}
    assert updates[note_only.pk].note == "5 tournages complétés"
    assert updates[note_only.pk].is_initial
    assert updates[done.pk].date == day
    note_only.refresh_from_db()
    assert note_only.status_changed_on == day


def test_record_initial_statuses_defaults_to_the_document_date(plan):
    plan.document_updated_on = dt.date(2013, 10, 11)
    plan.save()
    action = make_actions(plan, 1)[0]
    Action.objects.filter(pk=action.pk).update(status="in_progress")
    services.record_initial_statuses(plan=plan)
    assert StatusUpdate.objects.get(action=action).date == dt.date(2013, 10, 11)


def test_a_locked_year_refuses_updates_dated_in_it_until_unlocked_with_a_reason(
    cast, plan, carried, today
):
    editor = cast["editor_a"]
    services.lock_year(plan=plan, year=1, user=editor, note="Bilan adopté à l'AGA")
    with pytest.raises(services.YearLocked) as caught:
        services.update_action_status(
            action=carried, user=editor, status="completed", on_date=today
        )
    assert "L'année" in caught.value.message and "est verrouillée depuis le" in caught.value.message
    with pytest.raises(services.YearLocked):
        services.log_activity(plan=plan, user=editor, kind="meeting", date=today, title="Rencontre")
    with pytest.raises(services.YearLocked):
        services.record_indicator_value(
            indicator=carried.indicators.get(), user=editor, plan_year=1, value=Decimal(3)
        )
    with pytest.raises(services.TrackingError):
        services.unlock_year(plan=plan, year=1, user=editor, reason="  ")
    services.unlock_year(plan=plan, year=1, user=editor, reason="Correction d'une date")
    services.update_action_status(action=carried, user=editor, status="completed", on_date=today)
    lock = YearLock.objects.get(plan=plan, year=1)
    assert (lock.unlock_reason, lock.unlocked_by) == ("Correction d'une date", editor)
    assert lock.note == "Bilan adopté à l'AGA"


def test_locking_twice_keeps_one_open_lock(cast, plan):
    first = services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    again = services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    assert first.pk == again.pk
    with pytest.raises(services.TrackingError):
        services.lock_year(plan=plan, year=9, user=cast["editor_a"])


def test_bulk_update_is_all_or_nothing(cast, plan, today):
    first, second = make_actions(plan, 2)
    versions = {first.pk: first.version, second.pk: second.version}
    services.update_action_status(action=second, user=None, status="in_progress", on_date=today)
    with pytest.raises(services.StaleVersion):
        services.bulk_update_status(
            plan=plan, user=cast["editor_a"], versions=versions, status="completed", on_date=today
        )
    first.refresh_from_db()
    assert first.status == ""
    second.refresh_from_db()
    versions[second.pk] = second.version
    updates = services.bulk_update_status(
        plan=plan, user=cast["editor_a"], versions=versions, status="completed", on_date=today
    )
    assert len(updates) == 2
    assert set(Action.objects.filter(plan=plan).values_list("status", flat=True)) == {"completed"}


def test_followers_are_notified_of_a_status_change_by_app_and_mail(
    cast, carried, today, django_capture_on_commit_callbacks
):
    reader = cast["reader_a"]
    services.follow_action(user=reader, action=carried)
    services.follow_action(user=cast["contributor_a"], action=carried)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_action_status(
            action=carried, user=cast["contributor_a"], status="in_progress", on_date=today
        )
    notes = list(Notification.objects.all())
    assert [(n.user, n.data["old"], n.data["new"]) for n in notes] == [(reader, "", "in_progress")]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reader.email]
    assert mail.outbox[0].subject == f"[Jalon] Nouvel état pour l'action {carried.code}"
    assert "de « sans état » à « En cours »" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.update_action_status(
            action=carried,
            user=cast["contributor_a"],
            status="in_progress",
            on_date=today,
            note="même état",
        )
    assert Notification.objects.count() == 1


def test_mark_notifications_read(cast, carried, today):
    reader = cast["reader_a"]
    services.follow_action(user=reader, action=carried)
    services.update_action_status(action=carried, user=None, status="completed", on_date=today)
    assert services.mark_notifications_read(user=reader) == 1
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_indicator_value_conflict_shows_the_other_value(cast, carried):
    indicator = carried.indicators.get()
    services.record_indicator_value(
        indicator=indicator,
        user=cast["editor_a"],
        plan_year=1,
        expected_version=0,
        value=Decimal(5),
        note="Registre des rencontres",
    )
    with pytest.raises(services.StaleVersion) as caught:
        services.record_indicator_value(
            indicator=indicator,
            user=cast["contributor_a"],
            plan_year=1,
            expected_version=0,
            value=Decimal(4),
        )
    assert stale_message(caught.value) == (
        f"Entre-temps, {cast['editor_a']} a inscrit pour cette année : valeur 5, note « Registre "
        "des rencontres ». Votre saisie n'a pas été enregistrée : relisez-la et enregistrez de "
        "nouveau pour la confirmer."
    )
    assert caught.value.current_version == 1
    entry = services.record_indicator_value(
        indicator=indicator,
        user=cast["contributor_a"],
        plan_year=1,
        expected_version=1,
        value=Decimal(4),
    )
    assert (entry.value, entry.version) == (Decimal(4), 2)


def test_hand_values_are_refused_once_a_rule_computes_them(cast, carried):
    indicator = carried.indicators.get()
    services.set_indicator_rule(indicator=indicator, user=cast["editor_a"], kind="activity_count")
    with pytest.raises(services.TrackingError):
        services.record_indicator_value(
            indicator=indicator, user=None, plan_year=1, value=Decimal(2)
        )
    baseline = services.record_indicator_value(
        indicator=indicator, user=None, plan_year=0, value=Decimal(6)
    )
    assert baseline.plan_year == 0


def test_rule_change_on_a_stale_version_is_refused(cast, carried):
    indicator = carried.indicators.get()
    rule = services.set_indicator_rule(
        indicator=indicator, user=cast["editor_a"], kind="activity_count", expected_version=0
    )
    services.set_indicator_rule(
        indicator=indicator,
        user=cast["editor_a"],
        kind="participants",
        expected_version=rule.version,
    )
    with pytest.raises(services.StaleVersion):
        services.set_indicator_rule(
            indicator=indicator,
            user=cast["admin_a"],
            kind="contact_count",
            expected_version=rule.version,
        )
    with pytest.raises(services.TrackingError):
        services.set_indicator_rule(indicator=indicator, user=None, kind="change")


def test_activity_edit_conflict_is_refused(cast, plan, carried, today):
    activity = services.log_activity(
        plan=plan, user=cast["editor_a"], kind="meeting", date=today, title="Rencontre A"
    )
    services.update_activity(
        activity=activity,
        user=cast["editor_a"],
        expected_version=1,
        kind="meeting",
        date=today,
        title="Rencontre B",
    )
    with pytest.raises(services.StaleVersion) as caught:
        services.update_activity(
            activity=activity,
            user=cast["contributor_a"],
            expected_version=1,
            kind="meeting",
            date=today,
            title="Rencontre C",
        )
    assert caught.value.current.title == "Rencontre B"
    assert caught.value.change.who == cast["editor_a"]
    assert "titre « Rencontre B »" in stale_message(caught.value)


def test_activity_links_must_belong_to_the_plan(cast, plan, org_b, today):
    from .conftest import make_plan

    elsewhere = make_actions(make_plan(org_b, today), 1)[0]
    with pytest.raises(services.TrackingError):
        services.log_activity(
            plan=plan, user=None, kind="meeting", date=today, title="X", actions=[elsewhere]
        )


def test_occurrences_are_dated_in_their_plan_year(cast, plan, today):
    action = make_actions(plan, 1)[0]
    indicator = IndicatorFactory(action=action, plan=plan, target={"form": "frequency"})
    entry = services.add_occurrence(indicator=indicator, user=None, on_date=today)
    assert (entry.plan_year, entry.occurrence) == (1, True)
    with pytest.raises(services.TrackingError):
        services.add_occurrence(indicator=indicator, user=None, on_date=dt.date(2001, 1, 1))


def test_importing_a_plan_turns_its_statuses_into_first_updates_at_the_document_date(org_a):
    from jalon.plans.interchange import loads
    from jalon.plans.services import create_plan_from_draft

    draft = loads(
        """{"organization": "Consortium A", "title": "Plan importé", "updated_on": "2013-10-11",
        "orientations": [{"title": "Orientation", "objectives": [{"title": "Objectif", "actions": [
          {"title": "Visiter les régions", "status": "in_progress", "progress_note": "6 régions visitées"},
          {"title": "Publier le guide", "status": "completed"},
          {"title": "Sans état"}]}]}]}"""
    )
    plan = create_plan_from_draft(draft=draft, organization=org_a)

    updates = {
        u.action.title: u for u in StatusUpdate.objects.filter(plan=plan).select_related("action")
    }
    assert set(updates) == {"Visiter les régions", "Publier le guide"}
    visit = updates["Visiter les régions"]
    assert (visit.date, visit.status, visit.note) == (
        dt.date(2013, 10, 11),
        "in_progress",
        "6 régions visitées",
    )
    assert updates["Publier le guide"].status == "completed"


def test_changes_and_deletions_of_log_entries_name_their_author_in_history(cast, plan, today):
    editor, admin = cast["editor_a"], cast["admin_a"]
    activity = services.log_activity(
        plan=plan, user=editor, kind="meeting", date=today, title="Rencontre A"
    )
    services.update_activity(
        activity=activity,
        user=admin,
        expected_version=1,
        kind="meeting",
        date=today,
        title="Rencontre B",
    )
    pk = activity.pk
    services.delete_activity(activity=activity, user=None)
    records = Activity.history.filter(id=pk).order_by("history_id")
    assert [(r.history_type, r.history_user) for r in records] == [
        ("+", editor),
        ("~", admin),
        ("-", None),
    ]
