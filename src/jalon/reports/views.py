"""Reports pages: what a plan can be exported as, the generated files, their status and download."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget

from jalon.accounts.enums import Role
from jalon.accounts.queries import has_role
from jalon.core.ratelimit import allow
from jalon.plans.models import Plan
from jalon.plans.queries import get_plan_for_user

from . import services
from .enums import GenerationStatus, ReportFormat
from .forms import ExportOptionsForm, LessonsForm, NarrativeForm, ShareLinkForm
from .models import GeneratedReport
from .queries import (
    get_report_for_user,
    get_shared_report,
    narrative_of,
    preflight,
    reports_of_plan,
    share_links_of,
)
from .registry import Exporter, ExportError, exporters_for, get_exporter
from .text import long_date


def _exporter_for(request: HttpRequest, plan: Plan, identifier: str) -> Exporter:
    exporter = get_exporter(identifier)
    if exporter is None or exporter not in exporters_for(request.user, plan):
        raise Http404
    return exporter


def _describe(plan: Plan, reports: list[GeneratedReport]) -> list[tuple[GeneratedReport, str, str]]:
    """Each report with its document name and a summary of its options."""
    out = []
    for report in reports:
        exporter = get_exporter(report.kind)
        name = str(exporter.name) if exporter else report.kind
        out.append((report, name, exporter.describe(plan, report.options) if exporter else ""))
    return out


def _page(
    request: HttpRequest,
    plan: Plan,
    *,
    bound: tuple[str, ExportOptionsForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    entries = []
    for exporter in exporters_for(request.user, plan):
        form = bound[1] if bound and bound[0] == exporter.identifier else exporter.form(plan)
        entries.append({"exporter": exporter, "form": form})
    listed = list(reports_of_plan(request.user, plan))
    editor = has_role(request.user, plan.organization_id, Role.EDITOR)
    links = share_links_of(listed) if editor else {}
    for report in listed:
        report.links = links.get(report.pk, [])  # type: ignore[attr-defined]
    reports = _describe(plan, listed)
    return render(
        request,
        "reports/plan_reports.html",
        {
            "plan": plan,
            "entries": entries,
            "reports": reports,
            "can_write_narratives": editor,
            "can_publish": editor,
            "preflight": preflight(plan, timezone.localdate())
            if has_role(request.user, plan.organization_id, Role.CONTRIBUTOR)
            else [],
            "today": timezone.localdate(),
            "default_expiry": timezone.localdate() + dt.timedelta(days=90),
        },
        status=status,
    )


@login_required
@require_GET
def plan_reports(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    return _page(request, plan)


@login_required
@require_POST
def generate(request: HttpRequest, pk: int, identifier: str) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    if not allow("reports", str(request.user.pk), limit=settings.REPORTS_PER_HOUR, seconds=3600):
        return HttpResponse(
            gettext("Trop de documents demandés : réessayez dans une heure."), status=429
        )
    exporter = _exporter_for(request, plan, identifier)
    form = exporter.form(plan, request.POST)
    if not form.is_valid():
        if request.htmx:  # type: ignore[attr-defined]
            # The form comes back with its messages in place of the one sent.
            response = render(
                request,
                "reports/plan_reports.html#export-form",
                {"plan": plan, "entry": {"exporter": exporter, "form": form}},
            )
            reswap(response, "outerHTML")
            return retarget(response, f"#export-{exporter.identifier}")
        return _page(request, plan, bound=(identifier, form), status=400)
    report = services.request_report(
        plan=plan,
        kind=exporter.identifier,
        fmt=form.cleaned_data["format"],
        options=form.options(),
        user=request.user,
        language=get_language() or "fr-ca",
    )
    if request.htmx:  # type: ignore[attr-defined]
        return _row_response(request, plan, report, created=True)
    messages.success(
        request, gettext("Votre demande est enregistrée : le document apparaît dans la liste.")
    )
    return redirect("reports:plan", pk=plan.pk)


def _row_response(
    request: HttpRequest, plan: Plan, report: GeneratedReport, *, created: bool = False
) -> HttpResponse:
    report.refresh_from_db()
    ((row, name, summary),) = _describe(plan, [report])
    return render(
        request,
        "reports/plan_reports.html#report-row",
        {
            "plan": plan,
            "report": row,
            "name": name,
            "summary": summary,
            "created": created,
            "can_publish": has_role(request.user, plan.organization_id, Role.EDITOR),
            "today": timezone.localdate(),
            "default_expiry": timezone.localdate() + dt.timedelta(days=90),
        },
    )


@login_required
@require_GET
def report_status(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = get_report_for_user(request.user, report_pk)
    return _row_response(request, report.plan, report)


@login_required
@require_GET
def download(request: HttpRequest, report_pk: int) -> HttpResponseBase:
    report = get_report_for_user(request.user, report_pk)
    return _file_response(report)


@require_GET
def shared(request: HttpRequest, token: str) -> HttpResponseBase:
    """A share link: the published file, for whoever holds the link until it expires."""
    return _file_response(get_shared_report(token, timezone.localdate()))


def _editable_report(request: HttpRequest, report_pk: int) -> GeneratedReport:
    report = get_report_for_user(request.user, report_pk)
    if not has_role(request.user, report.plan.organization_id, Role.EDITOR):
        raise Http404
    return report


@login_required
@require_POST
def publish(request: HttpRequest, report_pk: int) -> HttpResponse:
    """Publish a finished report (or, with `withdraw`, take its publication back)."""
    report = _editable_report(request, report_pk)
    try:
        if request.POST.get("withdraw"):
            services.withdraw_report(report=report, by=request.user)
            messages.success(request, gettext("La publication du document est retirée."))
        else:
            services.publish_report(report=report, by=request.user)
            messages.success(
                request,
                gettext(
                    "Le document est publié : les membres du réseau et les bailleurs de fonds "
                    "qui ont accès au plan peuvent le lire et le télécharger."
                ),
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:plan", pk=report.plan_id)


@login_required
@require_POST
def share(request: HttpRequest, report_pk: int) -> HttpResponse:
    """Create a read-only share link with an expiry date, or revoke one (`revoke` = its id)."""
    report = _editable_report(request, report_pk)
    revoke = request.POST.get("revoke")
    if revoke:
        link = report.share_links.filter(pk=revoke if revoke.isdigit() else 0).first()
        if link is None:
            raise Http404
        services.revoke_share_link(link=link, by=request.user)
        messages.success(request, gettext("Le lien de partage est révoqué."))
        return redirect("reports:plan", pk=report.plan_id)
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("reports:plan", pk=report.plan_id)
    try:
        link = services.create_share_link(
            report=report, expires_on=form.cleaned_data["expires_on"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        address = request.build_absolute_uri(reverse("reports:shared", args=[link.token]))
        messages.success(
            request,
            gettext("Lien de partage créé, valable jusqu'au %(date)s : %(address)s")
            % {"date": long_date(link.expires_on), "address": address},
        )
    return redirect("reports:plan", pk=report.plan_id)


def _file_response(report: GeneratedReport) -> HttpResponseBase:
    if report.status != GenerationStatus.DONE or not report.file:
        raise Http404
    try:
        handle = report.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=report.filename,
        content_type=report.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def preview(request: HttpRequest, pk: int, identifier: str) -> HttpResponseBase:
    """The document on screen: the same HTML the PDF is printed from.

    The reports page posts its options form here ("Voir à l'écran" is a second submit button of
    the form): the options are checked, then the browser is sent to the GET address that carries
    them (a page one can reload or bookmark, without the form's CSRF token in it). Options
    missing from the address take the form's defaults (today, the year in course)."""
    plan = get_plan_for_user(request.user, pk)
    exporter = _exporter_for(request, plan, identifier)
    if ReportFormat.HTML not in exporter.formats:
        raise Http404
    source = request.POST if request.method == "POST" else request.GET
    data: dict[str, Any] = {k.removeprefix(f"{identifier}-"): v for k, v in source.items()}
    data.pop("format", None)
    if request.method == "POST":
        try:
            form = exporter.clean(plan, data, ReportFormat.HTML)
        except ExportError as exc:
            messages.error(request, str(exc))
            return redirect("reports:plan", pk=plan.pk)
        query = urlencode({f"{identifier}-{k}": v for k, v in form.options().items() if v})
        address = reverse("reports:preview", args=[plan.pk, identifier])
        address += f"?{query}" if query else ""
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponseClientRedirect(address)
        return redirect(address)
    try:
        context = exporter.html_context(plan, data)
    except ExportError as exc:
        messages.error(request, str(exc))
        return redirect("reports:plan", pk=plan.pk)
    return render(
        request,
        "reports/preview.html",
        {**context, "exporter": exporter, "plan_object": plan},
    )


@login_required
def narrative(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """Write the introduction, the chair's word and the highlights of a yearly report."""
    plan = get_plan_for_user(request.user, pk)
    if not has_role(request.user, plan.organization_id, Role.EDITOR):
        raise Http404
    if year not in {y.number for y in plan.years}:
        raise Http404
    saved = narrative_of(plan.pk, "annual", year)
    initial = {
        "introduction": saved.introduction if saved else "",
        "chair_word": saved.chair_word if saved else "",
        "highlights": saved.highlights if saved else "",
        "version": saved.version if saved else 0,
    }
    status = 200
    if request.method == "POST":
        form = NarrativeForm(request.POST)
        if form.is_valid():
            try:
                services.save_narrative(
                    plan=plan,
                    kind="annual",
                    year=year,
                    texts={k: v for k, v in form.cleaned_data.items() if k != "version"},
                    version=form.cleaned_data["version"],
                    user=request.user,
                )
            except services.NarrativeConflict as exc:
                messages.error(request, str(exc))
                form = NarrativeForm(initial=initial)
                status = 409
            else:
                messages.success(request, gettext("Les textes du bilan annuel sont enregistrés."))
                return redirect("reports:plan", pk=plan.pk)
        else:
            status = 400
    else:
        form = NarrativeForm(initial=initial)
    year_item = next(y for y in plan.years if y.number == year)
    return render(
        request,
        "reports/narrative.html",
        {"plan": plan, "form": form, "year": year_item},
        status=status,
    )


@login_required
def lessons(request: HttpRequest, pk: int) -> HttpResponse:
    """Write what was learned over the whole plan, for the bilan global (editors)."""
    plan = get_plan_for_user(request.user, pk)
    if not has_role(request.user, plan.organization_id, Role.EDITOR):
        raise Http404
    saved = narrative_of(plan.pk, "global", 0)
    initial = {"lessons": saved.lessons if saved else "", "version": saved.version if saved else 0}
    status = 200
    if request.method == "POST":
        form = LessonsForm(request.POST)
        if form.is_valid():
            try:
                services.save_narrative(
                    plan=plan,
                    kind="global",
                    year=0,
                    texts={"lessons": form.cleaned_data["lessons"]},
                    version=form.cleaned_data["version"],
                    user=request.user,
                )
            except services.NarrativeConflict as exc:
                messages.error(request, str(exc))
                form = LessonsForm(initial=initial)
                status = 409
            else:
                messages.success(
                    request, gettext("Les enseignements du bilan global sont enregistrés.")
                )
                return redirect("reports:plan", pk=plan.pk)
        else:
            status = 400
    else:
        form = LessonsForm(initial=initial)
    return render(request, "reports/lessons.html", {"plan": plan, "form": form}, status=status)


@login_required
@require_POST
def next_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """Start the next plan from this one's structure (editors of its organization)."""
    plan = get_plan_for_user(request.user, pk)
    if not has_role(request.user, plan.organization_id, Role.EDITOR):
        raise Http404
    try:
        new = services.start_next_plan(plan=plan, user=request.user)
    except services.NextPlanError as exc:
        messages.error(request, str(exc))
        return redirect("reports:plan", pk=plan.pk)
    messages.success(
        request,
        gettext(
            "Le plan « %(title)s » est créé en brouillon à partir de la structure de « %(old)s »."
        )
        % {"title": new.title, "old": plan.title},
    )
    return redirect(new.get_absolute_url())
