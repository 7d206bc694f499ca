"""Writes of the follow-up: the only code that changes statuses, logs, values, rules and locks.

Every function is keyword-only, typed and atomic. Callers check permissions first (views use
`tracking.queries`; the demo, the importer and the CLI act as the system); services enforce
the rules that hold whoever calls them:

- nothing dated in a locked plan year changes (`YearLocked`);
- a save based on a stale copy is refused (`jalon.core.concurrency.StaleVersion`, carrying the
  row as saved and its last change; the views word it with tracking/includes/stale_version.txt):
  `expected_version` is the version the person saw (0 for "nothing yet");
- every history-tracked row written records `user` as its author (`jalon.core.history.stamp`),
  so the demo and the CLI (`user=None`, the system) are recorded as such;
- an action's current state (`Action.status`, `progress_note`, `status_changed_on`) is its
  latest update by date, rewritten in the same transaction as the update;
- followers of an action are notified when its current status changes (in-app at once,
  by e-mail through a background task once the transaction has committed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jalon.accounts.enums import Role
from jalon.accounts.models import Membership, User
from jalon.accounts.queries import forget_memberships
from jalon.core.concurrency import StaleVersion, locked_at_version
from jalon.core.fiscal import PlanYear, plan_year_of
from jalon.core.history import Change, stamp
from jalon.network.models import Organization
from jalon.plans import trash
from jalon.plans.enums import ActionStatus, PlanState
from jalon.plans.models import Action, DeletedItem, Indicator, Plan
from jalon.plans.queries import can_read_plan

from .enums import BASE_RULE_KINDS, SOURCE_RULE_KINDS, NotificationKind, RuleKind, RuleScope
from .formats import day_text
from .models import (
    Activity,
    Contact,
    Evidence,
    Follow,
    IndicatorRule,
    IndicatorValue,
    Notification,
    ReminderLog,
    StatusUpdate,
    YearLock,
)
from .queries import current_year, is_late, open_locks, scheduled_in, year_lock_for

__all__ = [
    "StaleVersion",
    "TrackingError",
    "YearLocked",
    "add_evidence",
    "add_occurrence",
    "bulk_update_status",
    "delete_activity",
    "delete_contact",
    "delete_indicator_value",
    "delete_status_update",
    "follow_action",
    "lock_year",
    "log_activity",
    "log_contact",
    "mark_notifications_read",
    "record_indicator_value",
    "record_initial_statuses",
    "remove_indicator_rule",
    "send_reminders",
    "set_indicator_rule",
    "unfollow_action",
    "unlock_year",
    "update_action_status",
    "update_activity",
    "update_contact",
]


class TrackingError(Exception):
    """A refusal to show the person as is: the message says what went wrong and what to do."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class YearLocked(TrackingError):
    pass


# --- helpers ---------------------------------------------------------------------------------------


def _refuse_if_locked(plan: Plan, *days: dt.date | None) -> None:
    for day in days:
        if day is None:
            continue
        year, lock = year_lock_for(plan, day)
        if year is not None and lock is not None:
            raise YearLocked(
                _(
                    "L'année %(year)s est verrouillée depuis le %(locked)s (bilan adopté) : "
                    "rien de daté du %(day)s ne peut plus être modifié. Un éditeur peut la "
                    "déverrouiller en donnant une raison."
                )
                % {
                    "year": year.label,
                    "locked": day_text(timezone.localtime(lock.locked_at).date()),
                    "day": day_text(day),
                }
            )


def _plan_year(plan: Plan, number: int) -> PlanYear | None:
    for year in plan.years:
        if year.number == number:
            return year
    return None


def _refuse_locked_year_number(plan: Plan, number: int) -> None:
    year = _plan_year(plan, number)
    if year is not None:
        _refuse_if_locked(plan, year.start)


# --- the corbeille: what a locked year refuses, what a restore puts back in step -----------------


def refuse_locked_rows(*, plan: Plan, rows: Sequence[Any]) -> None:
    """Refuse (TrashRefused) to move or bring back rows of a locked year (plans.signals)."""
    locks = open_locks(plan)
    if not locks:
        return
    years = plan.years

    def year_of(day: dt.date) -> int | None:
        found = plan_year_of(day, years)
        return found.number if found else None

    numbers: set[int | None] = set()
    for row in rows:
        if isinstance(row, StatusUpdate):
            numbers.add(year_of(row.date))
        elif isinstance(row, IndicatorValue):
            numbers.add(row.plan_year)
        elif isinstance(row, IndicatorRule):
            numbers.add(min(locks))  # a rule computes every year, the locked ones too
    # An activity's link to an action or an indicator counts in the figures of its year.
    links = (Activity.actions.through, Activity.indicators.through)
    linked = {row.activity_id for row in rows if isinstance(row, links)}
    if linked:
        days = Activity.objects.filter(pk__in=linked).values_list("date", flat=True)
        numbers.update(year_of(day) for day in days)
    locked = sorted(n for n in numbers if n is not None and n in locks)
    if locked:
        found = _plan_year(plan, locked[0])
        label = found.label if found else str(locked[0])
        raise trash.TrashRefused(_locked_figures_message(label, locks[locked[0]]))


def resync_restored(*, plan: Plan, rows: Sequence[Any], user: Any) -> None:
    """Restored status updates: their actions' current state is their latest update again."""
    refuse_locked_rows(plan=plan, rows=rows)
    whole = {row.pk for row in rows if isinstance(row, Action)}  # restored as they were
    action_ids = {row.action_id for row in rows if isinstance(row, StatusUpdate)} - whole
    for action in Action.objects.select_for_update().filter(pk__in=action_ids):
        _sync_current_state(action, user if getattr(user, "is_authenticated", False) else None)


# --- status updates --------------------------------------------------------------------------------


def _status_conflict(action: Action) -> StaleVersion:
    """The action moved on: by a status update saved meanwhile (its `cause`), or by another edit."""
    latest = (
        StatusUpdate.objects.filter(action=action)
        .select_related("author")
        .order_by("-created_at", "-id")
        .first()
    )
    if latest is not None and latest.created_at >= action.updated_at - dt.timedelta(seconds=1):
        return StaleVersion(
            action, change=Change(who=latest.author, when=latest.created_at), cause=latest
        )
    return StaleVersion(action)


def _sync_current_state(action: Action, user: User | None) -> tuple[str, str]:
    """Rewrite the action's current state from its latest update; return (old, new) status."""
    old = action.status
    latest = StatusUpdate.objects.filter(action=action).order_by("-date", "-id").first()
    if latest is None:
        action.status = ""
        action.progress_note = ""
        action.status_changed_on = None
    else:
        action.status = latest.status
        action.progress_note = latest.note
        action.status_changed_on = latest.date
    action.version += 1
    stamp(action, by=user)
    action.save(
        update_fields=["status", "progress_note", "status_changed_on", "version", "updated_at"]
    )
    return old, action.status


@transaction.atomic
def update_action_status(
    *,
    action: Action,
    user: User | None,
    status: str,
    on_date: dt.date,
    progress: int | None = None,
    note: str = "",
    expected_version: int | None = None,
    links: Sequence[str] = (),
    files: Sequence[UploadedFile[Any]] = (),
) -> StatusUpdate:
    """Record a dated status of an action; it becomes the current one unless an update is later."""
    if status not in ActionStatus.values:
        raise TrackingError(_("« %(status)s » n'est pas un état connu.") % {"status": status})
    if progress is not None and not 0 <= progress <= 100:
        raise TrackingError(_("L'avancement doit être entre 0 et 100 %."))
    locked = Action.objects.select_for_update().get(pk=action.pk)
    if expected_version is not None and locked.version != expected_version:
        raise _status_conflict(locked)
    plan = action.plan
    _refuse_if_locked(plan, on_date)
    update = StatusUpdate.objects.create(
        plan=plan,
        action=locked,
        date=on_date,
        status=status,
        progress=progress,
        note=note.strip(),
        author=user,
    )
    for link in links:
        if link.strip():
            Evidence.objects.create(update=update, url=link.strip(), name=link.strip()[:255])
    for upload in files:
        Evidence.objects.create(update=update, file=upload, name=(upload.name or "")[:255])
    old, new = _sync_current_state(locked, user)
    _copy_state(locked, action)
    if old != new:
        _notify_followers(action=locked, update=update, old=old, author=user)
    return update


def _copy_state(source: Action, target: Action) -> None:
    for name in ("status", "progress_note", "status_changed_on", "version", "updated_at"):
        setattr(target, name, getattr(source, name))


@transaction.atomic
def bulk_update_status(
    *,
    plan: Plan,
    user: User | None,
    versions: dict[int, int],
    status: str,
    on_date: dt.date,
    note: str = "",
) -> list[StatusUpdate]:
    """The same status for a selection of actions (id → version seen); all or nothing."""
    if not versions:
        raise TrackingError(_("Cochez au moins une action."))
    _refuse_if_locked(plan, on_date)
    actions = {
        a.pk: a for a in Action.objects.select_for_update().filter(plan=plan, pk__in=list(versions))
    }
    stale = [a for pk, a in actions.items() if a.version != versions[pk]]
    if stale:
        # Several rows moved on: `current` is the list of them, sorted by code.
        raise StaleVersion(sorted(stale, key=lambda a: a.code or str(a.pk)))
    updates = []
    for pk in versions:
        action = actions.get(pk)
        if action is None:
            continue
        action.plan = plan
        updates.append(
            update_action_status(
                action=action, user=user, status=status, on_date=on_date, note=note
            )
        )
    return updates


@transaction.atomic
def delete_status_update(*, update: StatusUpdate, user: User | None) -> DeletedItem:
    """Move a mistaken update (with its evidence) to the plan's corbeille.

    The action's current state falls back to the one before; its files stay until the entry is
    purged from the corbeille.
    """
    _refuse_if_locked(update.plan, update.date)
    action = Action.objects.select_for_update().get(pk=update.action_id)
    label = _("Mise à jour du %(day)s — action %(action)s") % {
        "day": day_text(update.date),
        "action": action.code or action.title[:60],
    }
    entry = trash.trash(plan=update.plan, root=update, kind="miseajour", label=label, user=user)
    _sync_current_state(action, user)
    return entry


@transaction.atomic
def add_evidence(
    *, update: StatusUpdate, url: str = "", file: UploadedFile[Any] | None = None
) -> Evidence:
    _refuse_if_locked(update.plan, update.date)
    if not url.strip() and file is None:
        raise TrackingError(_("Donnez un lien ou un fichier."))
    return Evidence.objects.create(
        update=update,
        url=url.strip(),
        file=file or "",
        name=(url.strip() or (file.name if file else "") or "")[:255],
    )


@transaction.atomic
def record_initial_statuses(*, plan: Plan, on_date: dt.date | None = None) -> int:
    """Turn the statuses and progress notes an imported document gave into first updates.

    Dated at `on_date`, else the document's update date, its adoption, or today. Actions that
    already have updates are left alone, so calling it twice changes nothing. Returns the
    number of updates created.
    """
    day = on_date or plan.document_updated_on or plan.adopted_on or timezone.localdate()
    done = set(
        StatusUpdate.objects.filter(plan=plan).values_list("action_id", flat=True).distinct()
    )
    created = []
    for action in Action.objects.filter(plan=plan).order_by("pk"):
        if action.pk in done or not (action.status or action.progress_note):
            continue
        created.append(
            StatusUpdate(
                plan=plan,
                action=action,
                date=day,
                status=action.status,
                note=action.progress_note,
                is_initial=True,
            )
        )
    StatusUpdate.objects.bulk_create(created)
    Action.objects.filter(pk__in=[u.action_id for u in created]).update(status_changed_on=day)
    return len(created)


# --- notifications ---------------------------------------------------------------------------------


def _notify_followers(
    *, action: Action, update: StatusUpdate, old: str, author: User | None
) -> None:
    # Only those who may read the plan now: a draft reaches its organization, not the network.
    followers = [
        follow.user_id
        for follow in Follow.objects.filter(action=action)
        .exclude(user=author)
        .select_related("user")
        if follow.user.is_active and can_read_plan(follow.user, action.plan)
    ]
    notes = [
        Notification(
            user_id=user_id,
            kind=NotificationKind.STATUS_CHANGED,
            action=action,
            update=update,
            actor=author,
            data={"old": old, "new": update.status, "date": update.date.isoformat()},
        )
        for user_id in followers
    ]
    if not notes:
        return
    Notification.objects.bulk_create(notes)
    ids = list(
        Notification.objects.filter(
            update=update, kind=NotificationKind.STATUS_CHANGED
        ).values_list("pk", flat=True)
    )

    def _send() -> None:
        from .tasks import send_notification_emails  # noqa: PLC0415 (task)

        send_notification_emails.enqueue(ids)

    transaction.on_commit(_send)


def email_notifications(notification_ids: Iterable[int]) -> int:
    """E-mail each notification to its person, in their language; returns how many were sent."""
    sent = 0
    for note in Notification.objects.filter(pk__in=list(notification_ids)).select_related(
        "user", "action__plan", "actor", "update"
    ):
        if not note.user.email or not note.user.is_active or note.action is None:
            continue
        if not can_read_plan(note.user, note.action.plan):
            continue  # removed from the organization (or the plan went back to draft) meanwhile
        with translation.override(note.user.language or settings.LANGUAGE_CODE):
            context = {
                "note": note,
                "action": note.action,
                "plan": note.action.plan,
                "old_label": _status_name(note.data.get("old", "")),
                "new_label": _status_name(note.data.get("new", "")),
                "url": settings.SITE_URL
                + reverse(
                    "tracking:action",
                    kwargs={"pk": note.action.plan_id, "action_pk": note.action.pk},
                ),
            }
            subject = _("[Jalon] Nouvel état pour l'action %(code)s") % {
                "code": note.action.code or note.action.pk
            }
            body = render_to_string("tracking/email/status_changed.txt", context)
        send_mail(subject, body, None, [note.user.email])
        sent += 1
    return sent


def _status_name(status: str) -> str:
    if not status:
        return _("sans état")
    try:
        return str(ActionStatus(status).label)
    except ValueError:
        return status


@transaction.atomic
def follow_action(*, user: User, action: Action) -> Follow:
    follow, _created = Follow.objects.get_or_create(user=user, action=action)
    return follow


@transaction.atomic
def unfollow_action(*, user: User, action: Action) -> None:
    Follow.objects.filter(user=user, action=action).delete()


@transaction.atomic
def drop_lost_access(*, user: User) -> tuple[int, int]:
    """After a membership ends: the person's follows and notices of plans they no longer read go.

    Returns (follows ended, notifications removed).
    """
    forget_memberships(user)
    follows = Follow.objects.filter(user=user).select_related("action__plan")
    lost_follows = [f.pk for f in follows if not can_read_plan(user, f.action.plan)]
    notes = Notification.objects.filter(user=user, action__isnull=False).select_related(
        "action__plan"
    )
    lost_notes = [n.pk for n in notes if n.action and not can_read_plan(user, n.action.plan)]
    Follow.objects.filter(pk__in=lost_follows).delete()
    Notification.objects.filter(pk__in=lost_notes).delete()
    return len(lost_follows), len(lost_notes)


@transaction.atomic
def mark_notifications_read(*, user: User, ids: Sequence[int] | None = None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


# --- year locks --------------------------------------------------------------------------------------


@transaction.atomic
def lock_year(*, plan: Plan, year: int, user: User | None, note: str = "") -> YearLock:
    """Close a plan year (its report was adopted): nothing dated in it changes any more."""
    if _plan_year(plan, year) is None:
        raise TrackingError(_("Le plan n'a pas d'année %(year)s.") % {"year": year})
    existing = YearLock.objects.filter(plan=plan, year=year, unlocked_at__isnull=True).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return YearLock.objects.create(
                plan=plan, year=year, note=note.strip(), locked_at=timezone.now(), locked_by=user
            )
    except IntegrityError:
        return YearLock.objects.get(plan=plan, year=year, unlocked_at__isnull=True)


@transaction.atomic
def set_tracking_start(*, plan: Plan, on_date: dt.date | None, user: User | None) -> Plan:
    """Say when follow-up started in Jalon (a plan adopted before Jalon was); None goes back
    to the date of the first record. Years that ended before it are "pas de suivi"."""
    locked = Plan.objects.select_for_update().get(pk=plan.pk)
    if on_date is not None and locked.period_end and on_date > locked.period_end:
        raise TrackingError(
            _("Le suivi ne peut pas commencer après la fin du plan (%(end)s).")
            % {"end": day_text(locked.period_end)}
        )
    locked.tracking_started_on = on_date
    locked._history_user = user  # type: ignore[attr-defined]
    locked._change_reason = "Début du suivi"  # type: ignore[attr-defined]
    locked.save(update_fields=["tracking_started_on", "updated_at"])
    plan.tracking_started_on = on_date
    return locked


@transaction.atomic
def unlock_year(*, plan: Plan, year: int, user: User | None, reason: str) -> YearLock:
    """Reopen a locked year; the reason is kept on the lock, which stays in the history."""
    if not reason.strip():
        raise TrackingError(_("Donnez la raison du déverrouillage : elle est conservée."))
    lock = (
        YearLock.objects.select_for_update()
        .filter(plan=plan, year=year, unlocked_at__isnull=True)
        .first()
    )
    if lock is None:
        raise TrackingError(_("L'année %(year)s n'est pas verrouillée.") % {"year": year})
    lock.unlocked_at = timezone.now()
    lock.unlocked_by = user
    lock.unlock_reason = reason.strip()
    lock.save(update_fields=["unlocked_at", "unlocked_by", "unlock_reason"])
    return lock


# --- activities and contacts -------------------------------------------------------------------------


def _check_links(
    plan: Plan,
    actions: Sequence[Action],
    indicators: Sequence[Indicator],
) -> None:
    if any(a.plan_id != plan.pk for a in actions) or any(i.plan_id != plan.pk for i in indicators):
        raise TrackingError(_("Une action ou un indicateur lié n'appartient pas à ce plan."))


@transaction.atomic
def log_activity(
    *,
    plan: Plan,
    user: User | None,
    kind: str,
    date: dt.date,
    title: str,
    participants: int | None = None,
    organizations: Sequence[Organization] = (),
    actions: Sequence[Action] = (),
    indicators: Sequence[Indicator] = (),
    notes: str = "",
    satisfaction: Decimal | None = None,
) -> Activity:
    _refuse_if_locked(plan, date)
    _check_links(plan, actions, indicators)
    activity = Activity(
        plan=plan,
        kind=kind,
        date=date,
        title=title.strip(),
        participants=participants,
        notes=notes.strip(),
        satisfaction=satisfaction,
        created_by=user,
    )
    stamp(activity, by=user)
    activity.save()
    activity.organizations.set(organizations)
    activity.actions.set(actions)
    activity.indicators.set(indicators)
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    user: User | None,
    expected_version: int,
    kind: str,
    date: dt.date,
    title: str,
    participants: int | None = None,
    organizations: Sequence[Organization] = (),
    actions: Sequence[Action] = (),
    indicators: Sequence[Indicator] = (),
    notes: str = "",
    satisfaction: Decimal | None = None,
) -> Activity:
    current = locked_at_version(activity, expected_version)
    plan = activity.plan
    _refuse_if_locked(plan, current.date, date)
    _check_links(plan, actions, indicators)
    current.kind = kind
    current.date = date
    current.title = title.strip()
    current.participants = participants
    current.notes = notes.strip()
    current.satisfaction = satisfaction
    current.version += 1
    stamp(current, by=user)
    current.save()
    current.organizations.set(organizations)
    current.actions.set(actions)
    current.indicators.set(indicators)
    return current


@transaction.atomic
def delete_activity(*, activity: Activity, user: User | None) -> DeletedItem:
    """Move an activity to the plan's corbeille (its links to actions and indicators with it)."""
    _refuse_if_locked(activity.plan, activity.date)
    label = _("Activité du %(day)s « %(title)s »") % {
        "day": day_text(activity.date),
        "title": activity.title[:120],
    }
    return trash.trash(plan=activity.plan, root=activity, kind="activite", label=label, user=user)


@transaction.atomic
def log_contact(
    *,
    plan: Plan,
    user: User | None,
    date: dt.date,
    channel: str,
    subject: str,
    organization: Organization,
    made_by: User | None = None,
    notes: str = "",
) -> Contact:
    _refuse_if_locked(plan, date)
    contact = Contact(
        plan=plan,
        date=date,
        channel=channel,
        subject=subject.strip(),
        organization=organization,
        made_by=made_by,
        notes=notes.strip(),
        created_by=user,
    )
    stamp(contact, by=user)
    contact.save()
    return contact


@transaction.atomic
def update_contact(
    *,
    contact: Contact,
    user: User | None,
    expected_version: int,
    date: dt.date,
    channel: str,
    subject: str,
    organization: Organization,
    made_by: User | None = None,
    notes: str = "",
) -> Contact:
    current = locked_at_version(contact, expected_version)
    _refuse_if_locked(contact.plan, current.date, date)
    current.date = date
    current.channel = channel
    current.subject = subject.strip()
    current.organization = organization
    current.made_by = made_by
    current.notes = notes.strip()
    current.version += 1
    stamp(current, by=user)
    current.save()
    return current


@transaction.atomic
def delete_contact(*, contact: Contact, user: User | None) -> DeletedItem:
    """Move a contact to the plan's corbeille."""
    _refuse_if_locked(contact.plan, contact.date)
    label = _("Contact du %(day)s « %(subject)s »") % {
        "day": day_text(contact.date),
        "subject": contact.subject[:120],
    }
    return trash.trash(plan=contact.plan, root=contact, kind="contact", label=label, user=user)


# --- indicator rules and values ----------------------------------------------------------------------


@transaction.atomic
def set_indicator_rule(
    *,
    indicator: Indicator,
    user: User | None,
    kind: str,
    base_kind: str = "",
    activity_kinds: Sequence[str] = (),
    scope: str = RuleScope.ACTION,
    expected_version: int | None = None,
    source_question: int | None = None,
    source_answer: str = "",
) -> IndicatorRule:
    """Choose how the indicator's value is computed from the logs (replaces hand entry).

    Survey rules (`SOURCE_RULE_KINDS`) name the question they read (`source_question`, and the
    answer counted for "share answering X"); the surveys app checks the question exists.
    """
    if kind not in RuleKind.values:
        raise TrackingError(
            _("« %(kind)s » n'est pas une règle de calcul connue.") % {"kind": kind}
        )
    if kind == RuleKind.CHANGE and base_kind not in BASE_RULE_KINDS:
        raise TrackingError(_("Choisissez la mesure dont la variation est calculée."))
    _refuse_rule_change_if_locked(indicator.plan)
    if kind in SOURCE_RULE_KINDS and source_question is None:
        raise TrackingError(_("Choisissez la question de sondage que l'indicateur lit."))
    rule = IndicatorRule.objects.select_for_update().filter(indicator=indicator).first()
    if rule is not None and expected_version is not None and rule.version != expected_version:
        raise StaleVersion(rule)
    if rule is None:
        if expected_version not in (None, 0):
            raise StaleVersion(None, cause=IndicatorRule)  # removed meanwhile
        rule = IndicatorRule(indicator=indicator)
    else:
        rule.version += 1
    rule.kind = kind
    rule.base_kind = base_kind if kind == RuleKind.CHANGE else ""
    rule.activity_kinds = list(activity_kinds)
    rule.scope = scope
    rule.source_question = source_question if kind in SOURCE_RULE_KINDS else None
    rule.source_answer = source_answer if kind == RuleKind.SURVEY_SHARE else ""
    rule.updated_by = user
    stamp(rule, by=user)
    rule.save()
    return rule


def _refuse_rule_change_if_locked(plan: Plan) -> None:
    """A rule computes every year's figure: while a year is locked, its figures stay as adopted."""
    locks = open_locks(plan)
    if locks:
        first = min(locks)
        year = _plan_year(plan, first)
        raise YearLocked(_locked_figures_message(year.label if year else str(first), locks[first]))


def _locked_figures_message(year_label: str, lock: YearLock) -> str:
    return _(
        "L'année %(year)s est verrouillée depuis le %(locked)s (bilan adopté) : ses mises à "
        "jour, ses valeurs et ses résultats calculés ne peuvent être ni modifiés ni supprimés. "
        "Un éditeur peut la déverrouiller en donnant une raison."
    ) % {"year": year_label, "locked": day_text(timezone.localtime(lock.locked_at).date())}


@transaction.atomic
def remove_indicator_rule(*, indicator: Indicator, user: User | None) -> None:
    _refuse_rule_change_if_locked(indicator.plan)
    for rule in IndicatorRule.objects.filter(indicator=indicator):
        stamp(rule, by=user)
        rule.delete()


def _value_conflict(entry: IndicatorValue) -> StaleVersion:
    """Someone entered this year's value meanwhile: `entered_by` is who, even without history."""
    return StaleVersion(entry, change=Change(who=entry.entered_by, when=entry.entered_at))


@transaction.atomic
def record_indicator_value(
    *,
    indicator: Indicator,
    user: User | None,
    plan_year: int,
    expected_version: int | None = None,
    value: Decimal | None = None,
    done: bool | None = None,
    on_date: dt.date | None = None,
    narrative: str = "",
    judgement: str = "",
    note: str = "",
    source: str = "",
) -> IndicatorValue:
    """Enter (or correct) an indicator's value for a plan year (0 = the baseline before the plan).

    `expected_version` is the version of the value the person saw, 0 when there was none.
    """
    plan = indicator.plan
    if plan_year != 0 and _plan_year(plan, plan_year) is None:
        raise TrackingError(_("Le plan n'a pas d'année %(year)s.") % {"year": plan_year})
    if plan_year != 0 and IndicatorRule.objects.filter(indicator=indicator).exists():
        raise TrackingError(
            _(
                "La valeur de cet indicateur est calculée à partir des activités et contacts "
                "inscrits ; retirez la règle de calcul pour la saisir à la main."
            )
        )
    _refuse_locked_year_number(plan, plan_year)
    entry = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=indicator, plan_year=plan_year, occurrence=False)
        .first()
    )
    seen = expected_version or 0
    if expected_version is not None and (entry.version if entry else 0) != seen:
        if entry is None:
            raise StaleVersion(None, cause=IndicatorValue)  # deleted meanwhile
        raise _value_conflict(entry)
    if entry is None:
        entry = IndicatorValue(indicator=indicator, plan_year=plan_year)
    else:
        entry.version += 1
    entry.value = value
    entry.done = done
    entry.on_date = on_date
    entry.narrative = narrative.strip()
    entry.judgement = judgement
    entry.note = note.strip()
    entry.source = source.strip()
    entry.entered_by = user
    stamp(entry, by=user)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        other = IndicatorValue.objects.select_related("entered_by").get(
            indicator=indicator, plan_year=plan_year, occurrence=False
        )
        raise _value_conflict(other) from None
    return entry


@transaction.atomic
def add_occurrence(
    *,
    indicator: Indicator,
    user: User | None,
    on_date: dt.date,
    note: str = "",
    source: str = "",
) -> IndicatorValue:
    """A dated occurrence for a frequency target ("plateforme mise à jour le 3 octobre")."""
    plan = indicator.plan
    year = plan_year_of(on_date, plan.years)
    if year is None:
        raise TrackingError(
            _("Le %(date)s n'est dans aucune année du plan.") % {"date": day_text(on_date)}
        )
    _refuse_if_locked(plan, on_date)
    entry = IndicatorValue(
        indicator=indicator,
        plan_year=year.number,
        occurrence=True,
        on_date=on_date,
        note=note.strip(),
        source=source.strip(),
        entered_by=user,
    )
    stamp(entry, by=user)
    entry.save()
    return entry


@transaction.atomic
def delete_indicator_value(*, entry: IndicatorValue, user: User | None) -> DeletedItem:
    """Move a value entered by hand to the plan's corbeille."""
    plan = entry.indicator.plan
    _refuse_locked_year_number(plan, entry.plan_year)
    label = _("Valeur de l'an %(year)s — indicateur « %(indicator)s »") % {
        "year": entry.plan_year,
        "indicator": entry.indicator.text[:120],
    }
    return trash.trash(plan=plan, root=entry, kind="valeur", label=label, user=user)


# --- reminders -----------------------------------------------------------------------------------------


@dataclass
class Reminder:
    user: User
    plan: Plan
    actions: list[Action]
    sent: bool


def _carriers(plan: Plan, action: Action, members: list[Membership]) -> set[int]:
    actors = list(action.actors.all())
    ids = {a.user_id for a in actors if a.user_id}
    names = {a.name.casefold().strip() for a in actors}
    for membership in members:
        if membership.position and membership.position.casefold().strip() in names:
            ids.add(membership.user_id)
    return ids


def due_reminders(*, today: dt.date, plan: Plan | None = None) -> list[Reminder]:
    """Who should be reminded today, per plan: people carrying late actions of the current year."""
    plans = Plan.objects.filter(state=PlanState.ADOPTED).select_related("organization")
    if plan is not None:
        plans = plans.filter(pk=plan.pk)
    reminders: list[Reminder] = []
    for each in plans:
        year = current_year(each, today)
        if year is None or not year.contains(today):
            continue
        members = list(
            Membership.objects.filter(
                organization_id=each.organization_id,
                role__in=[Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR],
                user__is_active=True,
            ).select_related("user")
        )
        users = {m.user_id: m.user for m in members}
        late: dict[int, list[Action]] = {}
        actions = Action.objects.filter(plan=each).prefetch_related("actors")
        for action in actions:
            action.plan = each
            if not scheduled_in(action, year) or not is_late(action, each, today):
                continue
            for user_id in _carriers(each, action, members):
                if user_id in users:
                    late.setdefault(user_id, []).append(action)
        recent = set(
            ReminderLog.objects.filter(
                plan=each, sent_on__gt=today - dt.timedelta(days=each.reminder_days)
            ).values_list("user_id", flat=True)
        )
        for user_id, items in late.items():
            user = users[user_id]
            if user_id in recent or not user.email:
                continue
            reminders.append(Reminder(user=user, plan=each, actions=items, sent=False))
    return reminders


def send_reminders(
    *, today: dt.date | None = None, plan: Plan | None = None, dry_run: bool = False
) -> list[Reminder]:
    """E-mail each person the late actions they carry, with a link to their update round."""
    day = today or timezone.localdate()
    reminders = due_reminders(today=day, plan=plan)
    if dry_run:
        return reminders
    for reminder in reminders:
        with transaction.atomic():
            with translation.override(reminder.user.language or settings.LANGUAGE_CODE):
                context = {
                    "user": reminder.user,
                    "plan": reminder.plan,
                    "actions": [
                        (a, day_text(a.status_changed_on) if a.status_changed_on else "")
                        for a in reminder.actions
                    ],
                    "days": reminder.plan.reminder_days,
                    "url": settings.SITE_URL
                    + reverse("tracking:round", kwargs={"pk": reminder.plan.pk}),
                }
                subject = _("[Jalon] %(n)s action(s) à mettre à jour — %(plan)s") % {
                    "n": len(reminder.actions),
                    "plan": reminder.plan.title,
                }
                body = render_to_string("tracking/email/reminder.txt", context)
            send_mail(subject, body, None, [str(reminder.user.email)])
            ReminderLog.objects.create(
                user=reminder.user,
                plan=reminder.plan,
                sent_on=day,
                action_count=len(reminder.actions),
            )
            reminder.sent = True
    return reminders
