"""Writes of the reports app: ask for a document, and make it (in the background)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from jalon.core.history import stamp
from jalon.plans.models import Plan

from .enums import GenerationStatus
from .models import GeneratedReport, ReportNarrative
from .registry import ExportError, get_exporter

logger = logging.getLogger(__name__)


def request_report(
    *,
    plan: Plan,
    kind: str,
    fmt: str,
    options: Mapping[str, Any],
    user: Any,
    language: str,
) -> GeneratedReport:
    """Record the request, then hand it to the task backend (which may run it at once)."""
    from .tasks import generate_report_task

    report = GeneratedReport.objects.create(
        plan=plan,
        kind=kind,
        format=fmt,
        options=dict(options),
        language=language,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    # The row must be committed before a worker of the database backend looks for it.
    transaction.on_commit(lambda: generate_report_task.enqueue(report.pk))
    return report


def generate_report(*, report_id: int) -> GeneratedReport:
    """Make the file of a requested report; a failure is recorded on it, never half a file."""
    report = GeneratedReport.objects.select_related("plan").get(pk=report_id)
    if report.is_finished:
        return report
    GeneratedReport.objects.filter(pk=report.pk).update(status=GenerationStatus.RUNNING)
    exporter = get_exporter(report.kind)
    with translation.override(report.language):
        try:
            if exporter is None:
                raise ExportError(
                    gettext("Le type de document « %(kind)s » n'existe plus.")
                    % {"kind": report.kind}
                )
            rendered = exporter.render(report.plan, report.options, report.format)
        except ExportError as exc:
            return _fail(report, str(exc))
        except Exception:
            logger.exception("Report %s could not be generated", report.pk)
            return _fail(
                report,
                gettext(
                    "Le document n'a pas pu être produit à cause d'une erreur interne ; "
                    "l'équipe technique en a la trace. Réessayez plus tard."
                ),
            )
    with transaction.atomic():
        report.file.save(rendered.filename, ContentFile(rendered.content), save=False)
        report.filename = rendered.filename
        report.content_type = rendered.content_type
        report.size = len(rendered.content)
        report.status = GenerationStatus.DONE
        report.error = ""
        report.finished_at = timezone.now()
        report.save()
    return report


def _fail(report: GeneratedReport, message: str) -> GeneratedReport:
    report.status = GenerationStatus.FAILED
    report.error = message
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at"])
    return report


class NarrativeConflict(ValueError):
    """Someone saved these texts since the form was opened; the message shows their version."""


NARRATIVE_FIELDS = ("introduction", "chair_word", "highlights", "lessons")


@transaction.atomic
def save_narrative(
    *,
    plan: Plan,
    kind: str,
    year: int,
    texts: Mapping[str, str],
    version: int,
    user: Any,
) -> ReportNarrative:
    """Save the written parts of a report. `version` is the one the writer started from (0 for
    none): a newer saved version refuses the save, naming who changed it."""
    narrative, _created = ReportNarrative.objects.select_for_update().get_or_create(
        plan=plan, kind=kind, year=year, defaults={"version": 0}
    )
    if narrative.version != version:
        who = narrative.updated_by.get_full_name() if narrative.updated_by else ""
        raise NarrativeConflict(
            gettext(
                "%(who)s a modifié ces textes pendant que vous les rédigiez ; "
                "voici sa version, reprenez vos changements à partir d'elle."
            )
            % {"who": who or gettext("Quelqu'un")}
        )
    for name in NARRATIVE_FIELDS:
        if name in texts:
            setattr(narrative, name, texts[name].strip())
    narrative.version += 1
    narrative.updated_by = user if getattr(user, "is_authenticated", False) else None
    stamp(narrative, by=user)
    narrative.save()
    return narrative


class NextPlanError(ValueError):
    """The plan cannot be continued (no period); the message is for the person who asked."""


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def next_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same length that begins the day after `end` (whole years stay whole)."""
    new_start = end + dt.timedelta(days=1)
    for years in range(1, 21):
        if _add_years(start, years) == new_start:
            return new_start, _add_years(new_start, years) - dt.timedelta(days=1)
    return new_start, new_start + (end - start)


def next_title(title: str, start: dt.date, end: dt.date, new: tuple[dt.date, dt.date]) -> str:
    """ "Plan d'action 2017-2022" → "Plan d'action 2022-2027"; other titles get the new period."""
    for old in (f"{start.year}-{end.year}", f"{start.year}–{end.year}"):
        if old in title:
            return title.replace(old, f"{new[0].year}-{new[1].year}")
    return f"{title} ({new[0].year}-{new[1].year})"


@transaction.atomic
def start_next_plan(*, plan: Plan, user: Any) -> Plan:
    """A new draft plan for the next period with this plan's structure: orientations,
    objectives, actions with their actors and expected results, indicators with their targets.
    Nothing of the follow-up is copied: no status, note, schedule, timing or measure."""
    from jalon.plans.queries import plan_as_draft
    from jalon.plans.services import create_plan_from_draft

    if plan.period_start is None or plan.period_end is None:
        raise NextPlanError(
            gettext("Le plan n'a pas de période : impossible de calculer celle du plan suivant.")
        )
    draft = plan_as_draft(plan)
    new_start, new_end = next_period(plan.period_start, plan.period_end)
    draft.title = next_title(plan.title, plan.period_start, plan.period_end, (new_start, new_end))
    draft.period_start, draft.period_end = new_start, new_end
    draft.updated_on = None
    draft.import_report = None
    draft.source = None
    for action in draft.iter_actions():
        action.status = None
        action.progress_note = None
        action.schedule_years = None
        action.timing = None
    return create_plan_from_draft(draft=draft, organization=plan.organization, user=user)


# --- Publication and share links ------------------------------------------------------------

SHARE_LINK_MAX_DAYS = 366


def _check_editor(report: GeneratedReport, by: Any) -> None:
    from django.core.exceptions import PermissionDenied

    from jalon.accounts.enums import Role
    from jalon.accounts.queries import has_role

    if not has_role(by, report.plan.organization_id, Role.EDITOR):
        raise PermissionDenied


@transaction.atomic
def publish_report(*, report: GeneratedReport, by: Any) -> GeneratedReport:
    """Publish a finished report: the file as it is becomes the version members of the network
    and the plan's funders read. Editors of the plan's organization only."""
    from django.core.exceptions import ValidationError

    _check_editor(report, by)
    current = GeneratedReport.objects.select_for_update().get(pk=report.pk)
    if current.status != GenerationStatus.DONE or not current.file:
        raise ValidationError(gettext("Seul un document terminé peut être publié."))
    if current.published_at is None:
        current.published_at = timezone.now()
        current.published_by = by
        current.save(update_fields=["published_at", "published_by"])
    return current


@transaction.atomic
def withdraw_report(*, report: GeneratedReport, by: Any) -> GeneratedReport:
    """Withdraw a publication: readers outside the organization and share links lose access."""
    _check_editor(report, by)
    current = GeneratedReport.objects.select_for_update().get(pk=report.pk)
    current.published_at = None
    current.published_by = None
    current.save(update_fields=["published_at", "published_by"])
    return current


@transaction.atomic
def create_share_link(
    *, report: GeneratedReport, expires_on: dt.date, by: Any, today: dt.date | None = None
) -> Any:
    """A read-only link to a published report, valid until `expires_on` (at most a year)."""
    import secrets

    from django.core.exceptions import ValidationError

    from .models import ReportShareLink

    _check_editor(report, by)
    today = today or timezone.localdate()
    report = GeneratedReport.objects.get(pk=report.pk)  # published since it was read?
    if report.published_at is None:
        raise ValidationError(gettext("Publiez le document avant de le partager par un lien."))
    if expires_on < today:
        raise ValidationError(gettext("La date d'expiration est passée."))
    if expires_on > today + dt.timedelta(days=SHARE_LINK_MAX_DAYS):
        raise ValidationError(gettext("Un lien de partage vaut un an au plus."))
    return ReportShareLink.objects.create(
        report=report, token=secrets.token_urlsafe(32), expires_on=expires_on, created_by=by
    )


@transaction.atomic
def revoke_share_link(*, link: Any, by: Any) -> None:
    _check_editor(link.report, by)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
