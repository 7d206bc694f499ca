"""Reads of generated reports, and who may see them: those who may run the exporter that made them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from jalon.core import fiscal
from jalon.plans.models import Plan
from jalon.plans.queries import can_read_plan

from .data import Narratives
from .document import DocumentFrame, Logo
from .models import GeneratedReport, ReportNarrative
from .registry import exporters_for, get_exporter

RECENT_REPORTS = 50


def reports_of_plan(user: Any, plan: Plan) -> QuerySet[GeneratedReport]:
    """The plan's generated reports this user may download, newest first: those of the
    documents they may make, and every published one (the user may read the plan)."""
    kinds = [e.identifier for e in exporters_for(user, plan)]
    return (
        GeneratedReport.objects.filter(plan=plan)
        .filter(Q(kind__in=kinds) | Q(published_at__isnull=False))
        .select_related("created_by", "published_by")
        .order_by("-created_at", "-id")[:RECENT_REPORTS]
    )


def may_read_report(user: Any, report: GeneratedReport) -> bool:
    """Who may see and download a generated report:
    - whoever may run the exporter that made it (the organization's members for the bilans);
    - once it is published, whoever may read the plan: members of the network and the
      funders (partner organizations of the network) for the network's adopted plans."""
    exporter = get_exporter(report.kind)
    if exporter is None or not can_read_plan(user, report.plan):
        return False
    return report.published_at is not None or exporter.may_run(user, report.plan)


def share_links_of(reports: list[GeneratedReport]) -> dict[int, list[Any]]:
    """The share links of these reports (one query), by report id, newest first."""
    from .models import ReportShareLink

    out: dict[int, list[Any]] = {r.pk: [] for r in reports}
    for link in ReportShareLink.objects.filter(report_id__in=list(out)).order_by("-created_at"):
        out[link.report_id].append(link)
    return out


def get_shared_report(token: str, today: Any) -> GeneratedReport:
    """The report a share link opens: 404 for an unknown, revoked or expired link, or when the
    report is no longer published or not finished."""
    from .enums import GenerationStatus
    from .models import ReportShareLink

    link = (
        ReportShareLink.objects.select_related("report")
        .filter(token=token, revoked_at__isnull=True, expires_on__gte=today)
        .first()
    )
    if link is None:
        raise Http404
    report = link.report
    if report.published_at is None or report.status != GenerationStatus.DONE or not report.file:
        raise Http404
    return report


def get_report_for_user(user: Any, pk: int) -> GeneratedReport:
    """The report if the user may read its plan and run its exporter; 404 otherwise."""
    try:
        report = GeneratedReport.objects.select_related(
            "plan", "plan__organization", "created_by"
        ).get(pk=pk)
    except (GeneratedReport.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not may_read_report(user, report):
        raise Http404
    return report


def narrative_of(plan_id: int, kind: str, year: int) -> ReportNarrative | None:
    """The saved texts of one report (one query), or None when nobody wrote any yet."""
    return ReportNarrative.objects.filter(plan_id=plan_id, kind=kind, year=year).first()


def narratives_of(plan_id: int, kind: str, year: int) -> Narratives:
    saved = narrative_of(plan_id, kind, year)
    if saved is None:
        return Narratives()
    return Narratives(
        introduction=saved.introduction,
        chair_word=saved.chair_word,
        highlights=saved.highlights,
        lessons=saved.lessons,
    )


def document_frame(
    plan: Plan, year: int | None = None, *, plan_document: bool = False
) -> DocumentFrame:
    """What the document says about itself (two queries: the organization's logo, and with a
    `year` that year's lock and its AGA note)."""
    from jalon.network.models import Organization
    from jalon.network.queries import organization_logo
    from jalon.plans.enums import PlanState
    from jalon.tracking.models import YearLock

    from . import text

    organization = Organization.objects.only("id", "name", "acronym", "logo").get(
        pk=plan.organization_id
    )
    found = organization_logo(organization)
    note = ""
    locked = False
    if year is not None:
        lock = (
            YearLock.objects.filter(plan_id=plan.pk, year=year, unlocked_at__isnull=True)
            .only("note")
            .first()
        )
        locked = lock is not None
        note = lock.note if lock else ""
    return DocumentFrame(
        organization=organization.name,
        draft=plan.state == PlanState.DRAFT,
        adopted_on_text=text.long_date(plan.adopted_on),
        adopted_by=plan.adopted_by,
        year_note=note,
        year_locked=locked,
        logo=Logo(found[0], found[1]) if found else None,
        plan_document=plan_document,
    )


@dataclass(frozen=True)
class PreflightItem:
    """Something missing before a bilan is printed, with the page where it is fixed."""

    message: str
    url: str


def preflight(plan: Plan, today: dt.date) -> list[PreflightItem]:
    """What the bilan of the year in course (else the last one ended) will lack: actions of
    the year with no dated status, indicators with no value. Two queries.

    A stand-in until the tracking roll-ups offer the same list (issue 10, h10numbers): the
    page only shows what this returns."""
    from django.urls import reverse
    from django.utils.translation import ngettext

    from jalon.plans.models import Action, Indicator
    from jalon.tracking.models import IndicatorValue, StatusUpdate

    from . import text

    number = default_year(plan, today)
    year = next((y for y in plan.years if y.number == number), None)
    if year is None:
        return []
    label = text.year_label(year)
    items: list[PreflightItem] = []
    updated = StatusUpdate.objects.filter(
        plan_id=plan.pk, date__gte=year.start, date__lte=year.end
    ).values("action_id")
    scheduled = [
        schedule
        for schedule in Action.objects.filter(plan_id=plan.pk)
        .exclude(pk__in=updated)
        .values_list("schedule_years", flat=True)
        if schedule is None or year.number in schedule
    ]
    if scheduled:
        items.append(
            PreflightItem(
                ngettext(
                    "%(count)s action sans état pour %(year)s",
                    "%(count)s actions sans état pour %(year)s",
                    len(scheduled),
                )
                % {"count": text.number(len(scheduled)), "year": label},
                reverse("tracking:round", args=[plan.pk]),
            )
        )
    measured = IndicatorValue.objects.filter(plan_year=year.number).values("indicator_id")
    missing = Indicator.objects.filter(plan_id=plan.pk).exclude(pk__in=measured).count()
    if missing:
        items.append(
            PreflightItem(
                ngettext(
                    "%(count)s indicateur sans valeur pour %(year)s",
                    "%(count)s indicateurs sans valeur pour %(year)s",
                    missing,
                )
                % {"count": text.number(missing), "year": label},
                reverse("tracking:indicators", args=[plan.pk]),
            )
        )
    return items


def value_notes(plan: Plan, year: int) -> dict[int, tuple[str, ...]]:
    """The notes people typed with the year's indicator values, by indicator id (one query),
    printed under each indicator in the bilan annuel."""
    from jalon.tracking.models import IndicatorValue

    found: dict[int, list[str]] = {}
    for indicator_id, note in (
        IndicatorValue.objects.filter(indicator__plan_id=plan.pk, plan_year=year)
        .exclude(note="")
        .order_by("on_date", "id")
        .values_list("indicator_id", "note")
    ):
        notes = found.setdefault(indicator_id, [])
        if note.strip() not in notes:
            notes.append(note.strip())
    return {k: tuple(v) for k, v in found.items()}


def default_year(plan: Plan, today: dt.date) -> int | None:
    """The number of the plan year a report is about by default (core.fiscal.default_year)."""
    year = fiscal.default_year(plan.years, today)
    return year.number if year else None
