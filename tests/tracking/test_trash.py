"""The corbeille with a plan's follow-up: deleting in the builder loses nothing, restoring gives it
all back, purging after the delay removes it (files only once that has committed), and a locked
year's records refuse to go by any path until the year is unlocked.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from jalon.plans import builder, trash
from jalon.plans.builder import BuilderError
from jalon.plans.models import Action, DeletedItem, Indicator
from jalon.tracking import services
from jalon.tracking.enums import ActivityKind, RuleKind
from jalon.tracking.models import (
    Activity,
    Contact,
    Evidence,
    IndicatorRule,
    IndicatorValue,
    StatusUpdate,
)
from tests.factories import IndicatorFactory

from .conftest import make_actions

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def followed(plan, carried, cast, today, media):
    """An action of an adopted plan with two updates (one with a file), a value, a rule, a log."""
    editor = cast["editor_a"]
    services.update_action_status(
        action=carried, user=editor, status="in_progress", on_date=today, note="Début"
    )
    update = services.update_action_status(
        action=carried, user=editor, status="in_progress", on_date=today, note="6 régions"
    )
    services.add_evidence(
        update=update, file=SimpleUploadedFile("compte-rendu.pdf", b"%PDF-1.4\n%%EOF\n")
    )
    counted = carried.indicators.get()
    services.set_indicator_rule(indicator=counted, user=editor, kind=RuleKind.ACTIVITY_COUNT)
    entered = IndicatorFactory(action=carried, plan=plan, text="Membres satisfaits")
    services.record_indicator_value(indicator=entered, user=editor, plan_year=1, value=Decimal(80))
    services.log_activity(
        plan=plan,
        user=editor,
        kind=ActivityKind.MEETING,
        date=today,
        title="Rencontre régionale",
        actions=[carried],
    )
    return Action.objects.get(pk=carried.pk)


def _follow_up_counts() -> tuple[int, int, int, int]:
    return (
        StatusUpdate.objects.count(),
        Evidence.objects.count(),
        IndicatorValue.objects.count(),
        IndicatorRule.objects.count(),
    )


def test_deleting_a_followed_action_keeps_its_follow_up_in_the_corbeille(followed, cast):
    evidence = Evidence.objects.get()
    assert default_storage.exists(evidence.file.name)
    entry = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    assert _follow_up_counts() == (0, 0, 0, 0)
    assert not Action.objects.filter(pk=followed.pk).exists()
    assert entry.counts["tracking.statusupdate"] == 2
    assert entry.counts["tracking.evidence"] == 1
    assert entry.counts["tracking.indicatorvalue"] == 1
    assert entry.counts["tracking.indicatorrule"] == 1
    assert entry.deleted_by == cast["editor_a"]
    # The file waits in storage for as long as the entry waits in the corbeille.
    assert default_storage.exists(evidence.file.name)


def test_another_editor_restores_the_action_with_all_its_follow_up(followed, cast):
    before = _follow_up_counts()
    update_ids = set(StatusUpdate.objects.values_list("pk", flat=True))
    entry = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    restored = builder.restore_item(entry=entry, user=cast["admin_a"], reason="Erreur")
    assert restored.pk == followed.pk
    assert _follow_up_counts() == before == (2, 1, 1, 1)
    assert set(StatusUpdate.objects.values_list("pk", flat=True)) == update_ids
    restored_action = Action.objects.get(pk=followed.pk)
    assert (restored_action.status, restored_action.progress_note) == ("in_progress", "6 régions")
    assert list(Activity.objects.get().actions.all()) == [restored_action]
    assert not DeletedItem.objects.exists()


def test_status_updates_and_evidence_have_history(followed, cast):
    update = StatusUpdate.objects.filter(note="6 régions").get()
    assert update.history.count() == 1
    assert Evidence.objects.get().history.count() == 1
    builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    assert update.history.first().history_type == "-"
    assert update.history.first().history_user == cast["editor_a"]


def test_deleting_an_update_sends_it_to_the_corbeille_and_restoring_resyncs_the_action(
    followed, cast, django_capture_on_commit_callbacks
):
    latest = StatusUpdate.objects.filter(note="6 régions").get()
    name = Evidence.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.delete_status_update(update=latest, user=cast["editor_a"])
    assert default_storage.exists(name)
    assert Action.objects.get(pk=followed.pk).progress_note == "Début"
    assert entry.kind == "miseajour"
    builder.restore_item(entry=entry, user=cast["admin_a"])
    assert Action.objects.get(pk=followed.pk).progress_note == "6 régions"
    assert Evidence.objects.get().file.name == name


def test_purge_removes_entries_after_the_delay_and_their_files_once_committed(
    followed, cast, settings, django_capture_on_commit_callbacks
):
    settings.TRASH_DAYS = 90
    name = Evidence.objects.get().file.name
    entry = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    now = timezone.now()
    assert trash.purge(now=now + dt.timedelta(days=89)) == 0
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert trash.purge(now=now + dt.timedelta(days=91)) == 1
        # Until the transaction commits, the file is still there.
        assert default_storage.exists(name)
    assert not DeletedItem.objects.filter(pk=entry.pk).exists()
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)


# --- A locked year stays as adopted ----------------------------------------------------------------


def test_a_locked_years_updates_refuse_every_deletion_path(followed, plan, cast):
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    indicator = Indicator.objects.get(text="Membres satisfaits")
    for item in (followed, followed.objective, followed.objective.orientation, indicator):
        with pytest.raises(BuilderError, match="verrouillée"):
            builder.delete_item(item=item, user=cast["editor_a"], reason="Réajustement")
    with pytest.raises(services.YearLocked):
        services.delete_status_update(update=StatusUpdate.objects.first(), user=cast["editor_a"])
    with pytest.raises(services.YearLocked):
        services.delete_indicator_value(entry=IndicatorValue.objects.get(), user=cast["editor_a"])
    assert _follow_up_counts() == (2, 1, 1, 1)
    assert not DeletedItem.objects.exists()


def test_a_locked_years_computed_figures_refuse_rule_changes(followed, plan, cast):
    counted = Indicator.objects.get(rule__isnull=False)
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    with pytest.raises(BuilderError, match="verrouillée"):
        builder.delete_item(item=counted, user=cast["editor_a"], reason="Réajustement")
    with pytest.raises(services.YearLocked):
        services.remove_indicator_rule(indicator=counted, user=cast["editor_a"])
    with pytest.raises(services.YearLocked):
        services.set_indicator_rule(
            indicator=counted, user=cast["editor_a"], kind=RuleKind.CONTACT_COUNT
        )
    assert IndicatorRule.objects.get().kind == RuleKind.ACTIVITY_COUNT


def test_unlocking_the_year_lets_the_deletion_through(followed, plan, cast):
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    services.unlock_year(plan=plan, year=1, user=cast["editor_a"], reason="Correction")
    builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    assert _follow_up_counts() == (0, 0, 0, 0)


def test_restoring_into_a_year_locked_meanwhile_is_refused(followed, plan, cast):
    entry = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    with pytest.raises(BuilderError, match="verrouillée"):
        builder.restore_item(entry=entry, user=cast["editor_a"], reason="Erreur")
    assert DeletedItem.objects.filter(pk=entry.pk).exists()
    assert not Action.objects.filter(pk=followed.pk).exists()


def test_purge_command_removes_only_what_waited_past_the_delay(followed, cast, settings):
    settings.TRASH_DAYS = 90
    old = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    DeletedItem.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - dt.timedelta(days=91))
    other = make_actions(followed.plan, 1)[0]
    recent = builder.delete_item(item=other, user=cast["editor_a"], reason="Réajustement")
    out = io.StringIO()
    call_command("purge_trash", "--dry-run", stdout=out)
    assert out.getvalue() == "1 élément(s) seraient retirés (plus de 90 jours).\n"
    assert DeletedItem.objects.count() == 2
    out = io.StringIO()
    call_command("purge_trash", stdout=out)
    assert out.getvalue() == "1 élément(s) retirés des corbeilles.\n"
    assert list(DeletedItem.objects.values_list("pk", flat=True)) == [recent.pk]


# --- The logs and values deleted in tracking go to the corbeille too ---------------------------------


def test_a_deleted_activity_comes_back_with_its_links(followed, cast):
    activity = Activity.objects.get()
    entry = services.delete_activity(activity=activity, user=cast["editor_a"])
    assert not Activity.objects.exists()
    assert entry.label.startswith("Activité du ")
    builder.restore_item(entry=entry, user=cast["admin_a"])
    assert list(Activity.objects.get().actions.all()) == [followed]


def test_an_activity_restored_after_its_action_was_deleted_loses_only_that_link(followed, cast):
    activity = Activity.objects.get()
    logged = services.delete_activity(activity=activity, user=cast["editor_a"])
    builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    builder.restore_item(entry=logged, user=cast["admin_a"])
    assert Activity.objects.get().title == "Rencontre régionale"
    assert not Activity.objects.get().actions.exists()


def test_an_action_restored_after_its_activity_was_deleted_comes_back_without_that_link(
    followed, cast
):
    entry = builder.delete_item(item=followed, user=cast["editor_a"], reason="Réajustement")
    services.delete_activity(activity=Activity.objects.get(), user=cast["editor_a"])
    builder.restore_item(entry=entry, user=cast["admin_a"], reason="Erreur")
    assert Action.objects.get(pk=followed.pk).activities.count() == 0
    assert StatusUpdate.objects.count() == 2


def test_a_deleted_value_comes_back(followed, cast):
    value = IndicatorValue.objects.get()
    entry = services.delete_indicator_value(entry=value, user=cast["editor_a"])
    assert not IndicatorValue.objects.exists()
    builder.restore_item(entry=entry, user=cast["admin_a"])
    assert IndicatorValue.objects.get().value == Decimal(80)


def test_a_deleted_contact_comes_back(plan, cast, org_b, today):
    contact = services.log_contact(
        plan=plan,
        user=cast["editor_a"],
        date=today,
        channel="phone",
        subject="Préparation",
        organization=org_b,
    )
    entry = services.delete_contact(contact=contact, user=cast["editor_a"])
    builder.restore_item(entry=entry, user=cast["admin_a"])
    assert Contact.objects.get().subject == "Préparation"


def test_an_action_whose_link_counts_in_a_locked_year_refuses_to_go(plan, carried, cast, today):
    """Its activity's link feeds the locked year's computed figures, even with no update."""
    services.log_activity(
        plan=plan,
        user=cast["editor_a"],
        kind=ActivityKind.MEETING,
        date=today,
        title="Rencontre régionale",
        actions=[carried],
    )
    services.lock_year(plan=plan, year=1, user=cast["editor_a"])
    with pytest.raises(BuilderError, match="verrouillée"):
        builder.delete_item(item=carried, user=cast["editor_a"], reason="Réajustement")
    assert list(Activity.objects.get().actions.all()) == [carried]


def test_deleting_an_update_from_its_page_says_where_it_went(followed, login, cast):
    update = StatusUpdate.objects.filter(note="6 régions").get()
    client = login(cast["editor_a"])
    url = reverse("tracking:delete_update", args=[followed.plan_id, update.pk])
    page = client.post(url, follow=True).content.decode()
    assert "La mise à jour est dans la corbeille du plan : un éditeur peut la rétablir" in page
    trash_page = client.get(reverse("plans:builder_trash", args=[followed.plan_id])).content
    assert "Mise à jour du " in trash_page.decode()
    assert "1 pièce justificative" in trash_page.decode()
