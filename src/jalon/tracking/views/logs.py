"""The activity and contact logs: quick entry, filters, correction, CSV export."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest
from jalon.core.spreadsheet import safe_row
from jalon.plans.models import Plan

from .. import queries, services
from ..forms import (
    ActivityFilterForm,
    ActivityForm,
    ContactFilterForm,
    ContactForm,
    plain_decimal,
)
from .common import plan_context, plan_for, require, stale_message, today

PAGE_SIZE = 50


def _year(plan: Plan, raw: Any) -> Any:
    if not raw:
        return None
    return queries.chosen_year(plan, raw, today())


def _activity_filters(
    request: HttpRequest, plan: Plan, form: ActivityFilterForm
) -> tuple[queries.ActivityFilters, Any]:
    """The filters asked for, and the indicator whose computed value is being opened, if any."""
    filters = queries.ActivityFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = queries.ActivityFilters(
            kind=data["type"],
            year=_year(plan, data["annee"]),
            action_id=data["action"],
            indicator_id=data["indicateur"],
            organization_id=data["organisation"],
            text=data["q"].strip(),
        )
    behind = _behind(request, plan, filters)
    return filters, behind


def _behind(request: HttpRequest, plan: Plan, filters: Any) -> Any:
    """`?derriere=<indicator>&annee=<n>`: restrict the list to the records behind a computed value."""
    raw = request.GET.get("derriere", "")
    if not raw.isdigit() or filters.year is None:
        return None
    indicator = queries.get_indicator(plan, int(raw))
    row = queries.indicator_rows(plan, today(), indicator=indicator)[0]
    kind, ids = queries.records_for(row, filters.year, queries.load_logs(plan))
    filters.ids = ids
    return {"indicator": indicator, "kind": kind, "year": filters.year}


def _query_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


@login_required
def activities(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    may_log = queries.can_log(request.user, plan)
    form = None
    status = 200
    if request.method == "POST":
        require(may_log)
        form = ActivityForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity = services.log_activity(
                    plan=plan,
                    user=request.user,
                    kind=data["kind"],
                    date=data["date"],
                    title=data["title"],
                    participants=data["participants"],
                    organizations=list(data["organizations"]),
                    actions=list(data["actions"]),
                    indicators=list(data["indicators"]),
                    notes=data["notes"],
                    satisfaction=data["satisfaction"],
                )
            except services.TrackingError as exc:
                messages.error(request, exc.message)
                status = 400
            else:
                messages.success(
                    request, _("Activité inscrite : « %(title)s ».") % {"title": activity.title}
                )
                query = request.GET.urlencode()
                return redirect(
                    reverse("tracking:activities", args=[plan.pk])
                    + (f"?{query}" if query else "")
                    + "#saisie"
                )
        else:
            status = 400
    elif may_log:
        form = ActivityForm(plan=plan, initial={"date": today()})
    filter_form = ActivityFilterForm(request.GET or None, plan=plan)
    filters, behind = _activity_filters(request, plan, filter_form)
    page = Paginator(queries.activities(plan, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = plan_context(
        plan,
        "activities",
        form=form,
        filter_form=filter_form,
        page=page,
        behind=behind,
        query=_query_without_page(request),
        may_log=may_log,
        may_edit_all=queries.can_edit_tracking(request.user, plan),
        user_id=request.user.pk,
    )
    return render(request, "tracking/activities.html", context, status=status)


class _SafeWriter:
    """csv.writer whose cells cannot run as formulas in the reader's spreadsheet (core.spreadsheet)."""

    def __init__(self, response: HttpResponse) -> None:
        self._writer = csv.writer(response)

    def writerow(self, row: list[Any]) -> None:
        self._writer.writerow(safe_row(row))


def _csv_response(filename: str) -> tuple[HttpResponse, _SafeWriter]:
    """A CSV download Excel opens with its accents: UTF-8 with a byte-order mark, commas."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, _SafeWriter(response)


@login_required
def activities_csv(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    filter_form = ActivityFilterForm(request.GET or None, plan=plan)
    filters, _behind_info = _activity_filters(request, plan, filter_form)
    stamp = timezone.localdate().isoformat()
    response, writer = _csv_response(f"activites-{slugify(plan.title)[:40]}-{stamp}.csv")
    writer.writerow(
        [
            _("Date"),
            _("Type"),
            _("Titre"),
            _("Participants"),
            _("Taux de satisfaction (%)"),
            _("Organisations présentes"),
            _("Actions liées"),
            _("Indicateurs liés"),
            _("Notes"),
            _("Inscrite par"),
        ]
    )
    for activity in queries.activities(plan, filters):
        writer.writerow(
            [
                activity.date.isoformat(),
                activity.get_kind_display(),
                activity.title,
                "" if activity.participants is None else activity.participants,
                "" if activity.satisfaction is None else f"{activity.satisfaction.normalize():f}",
                " ; ".join(o.short_name for o in activity.organizations.all()),
                " ; ".join(a.code or str(a.pk) for a in activity.actions.all()),
                " ; ".join(i.text for i in activity.indicators.all()),
                activity.notes,
                str(activity.created_by) if activity.created_by else "",
            ]
        )
    return response


def _save_edit(
    request: HttpRequest,
    plan: Any,
    form_class: Any,
    save: Callable[[dict[str, Any]], None],
    done_message: str,
    list_view: str,
) -> tuple[HttpResponse | None, Any, int]:
    """Validate a log entry's edit form and save it: (redirect when saved, form to show, status).

    A stale version is refused (409) and the form comes back with the person's input and the
    current version, so saving again is a deliberate choice; nothing is overwritten silently.
    """
    form = form_class(request.POST, plan=plan)
    if not form.is_valid():
        return None, form, 400
    try:
        save(form.cleaned_data)
    except services.StaleVersion as exc:
        post = request.POST.copy()
        post["version"] = str(exc.current_version)
        messages.error(request, stale_message(exc))
        return None, form_class(post, plan=plan), 409
    except services.TrackingError as exc:
        messages.error(request, exc.message)
        return None, form, 400
    messages.success(request, done_message)
    return redirect(list_view, pk=plan.pk), form, 200


@login_required
def activity_edit(request: AuthenticatedHttpRequest, pk: int, activity_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    activity = queries.get_activity(plan, activity_pk)
    activity.plan = plan
    require(queries.can_change_entry(request.user, plan, activity.created_by_id))
    status = 200
    if request.method == "POST":

        def save(data: dict[str, Any]) -> None:
            services.update_activity(
                activity=activity,
                user=request.user,
                expected_version=data["version"] or 0,
                kind=data["kind"],
                date=data["date"],
                title=data["title"],
                participants=data["participants"],
                organizations=list(data["organizations"]),
                actions=list(data["actions"]),
                indicators=list(data["indicators"]),
                notes=data["notes"],
                satisfaction=data["satisfaction"],
            )

        done, form, status = _save_edit(
            request, plan, ActivityForm, save, _("L'activité est modifiée."), "tracking:activities"
        )
        if done is not None:
            return done
    else:
        form = ActivityForm(
            plan=plan,
            initial={
                "kind": activity.kind,
                "date": activity.date,
                "title": activity.title,
                "participants": activity.participants,
                "satisfaction": plain_decimal(activity.satisfaction),
                "organizations": list(activity.organizations.values_list("pk", flat=True)),
                "actions": list(activity.actions.values_list("pk", flat=True)),
                "indicators": list(activity.indicators.values_list("pk", flat=True)),
                "notes": activity.notes,
                "version": activity.version,
            },
        )
    context = plan_context(plan, "activities", form=form, activity=activity)
    return render(request, "tracking/activity_edit.html", context, status=status)


@login_required
@require_POST
def activity_delete(request: AuthenticatedHttpRequest, pk: int, activity_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    activity = queries.get_activity(plan, activity_pk)
    activity.plan = plan
    require(queries.can_change_entry(request.user, plan, activity.created_by_id))
    try:
        services.delete_activity(activity=activity, user=request.user)
        messages.success(
            request,
            _(
                "L'activité est dans la corbeille du plan : un éditeur peut la rétablir pendant %(days)s jours."
            )
            % {"days": settings.TRASH_DAYS},
        )
    except services.TrackingError as exc:
        messages.error(request, exc.message)
    return redirect("tracking:activities", pk=plan.pk)


# --- contacts ----------------------------------------------------------------------------------------


def _contact_filters(
    request: HttpRequest, plan: Plan, form: ContactFilterForm
) -> queries.ContactFilters:
    if not form.is_valid():
        return queries.ContactFilters()
    data = form.cleaned_data
    return queries.ContactFilters(
        channel=data["moyen"],
        year=_year(plan, data["annee"]),
        organization_id=data["organisation"],
        made_by_id=data["par"],
        text=data["q"].strip(),
    )


def _contact_behind(request: HttpRequest, plan: Plan, filters: queries.ContactFilters) -> Any:
    return _behind(request, plan, filters)


@login_required
def contacts(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    require(queries.can_read_contacts(request.user, plan))
    may_log = queries.can_log(request.user, plan)
    form = None
    status = 200
    if request.method == "POST":
        require(may_log)
        form = ContactForm(request.POST, plan=plan)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.log_contact(
                    plan=plan,
                    user=request.user,
                    date=data["date"],
                    channel=data["channel"],
                    subject=data["subject"],
                    organization=data["organization"],
                    made_by=data["made_by"],
                    notes=data["notes"],
                )
            except services.TrackingError as exc:
                messages.error(request, exc.message)
                status = 400
            else:
                messages.success(request, _("Contact inscrit."))
                query = request.GET.urlencode()
                return redirect(
                    reverse("tracking:contacts", args=[plan.pk])
                    + (f"?{query}" if query else "")
                    + "#saisie"
                )
        else:
            status = 400
    elif may_log:
        form = ContactForm(plan=plan, initial={"date": today(), "made_by": request.user.pk})
    filter_form = ContactFilterForm(request.GET or None, plan=plan)
    filters = _contact_filters(request, plan, filter_form)
    behind = _contact_behind(request, plan, filters)
    page = Paginator(queries.contacts(plan, filters), PAGE_SIZE).get_page(request.GET.get("page"))
    context = plan_context(
        plan,
        "contacts",
        form=form,
        filter_form=filter_form,
        page=page,
        behind=behind,
        query=_query_without_page(request),
        may_log=may_log,
        may_edit_all=queries.can_edit_tracking(request.user, plan),
        user_id=request.user.pk,
    )
    return render(request, "tracking/contacts.html", context, status=status)


@login_required
def contacts_csv(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    require(queries.can_read_contacts(request.user, plan))
    filter_form = ContactFilterForm(request.GET or None, plan=plan)
    filters = _contact_filters(request, plan, filter_form)
    _contact_behind(request, plan, filters)
    stamp = timezone.localdate().isoformat()
    response, writer = _csv_response(f"contacts-{slugify(plan.title)[:40]}-{stamp}.csv")
    writer.writerow(
        [
            _("Date"),
            _("Organisation"),
            _("Moyen"),
            _("Objet"),
            _("Par"),
            _("Notes"),
            _("Inscrit par"),
        ]
    )
    for contact in queries.contacts(plan, filters):
        writer.writerow(
            [
                contact.date.isoformat(),
                contact.organization.name,
                contact.get_channel_display(),
                contact.subject,
                str(contact.made_by) if contact.made_by else "",
                contact.notes,
                str(contact.created_by) if contact.created_by else "",
            ]
        )
    return response


@login_required
def contact_edit(request: AuthenticatedHttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    contact = queries.get_contact(plan, contact_pk)
    contact.plan = plan
    require(queries.can_change_entry(request.user, plan, contact.created_by_id))
    status = 200
    if request.method == "POST":

        def save(data: dict[str, Any]) -> None:
            services.update_contact(
                contact=contact,
                user=request.user,
                expected_version=data["version"] or 0,
                date=data["date"],
                channel=data["channel"],
                subject=data["subject"],
                organization=data["organization"],
                made_by=data["made_by"],
                notes=data["notes"],
            )

        done, form, status = _save_edit(
            request, plan, ContactForm, save, _("Le contact est modifié."), "tracking:contacts"
        )
        if done is not None:
            return done
    else:
        form = ContactForm(
            plan=plan,
            initial={
                "date": contact.date,
                "organization": contact.organization_id,
                "channel": contact.channel,
                "subject": contact.subject,
                "made_by": contact.made_by_id,
                "notes": contact.notes,
                "version": contact.version,
            },
        )
    context = plan_context(plan, "contacts", form=form, contact=contact)
    return render(request, "tracking/contact_edit.html", context, status=status)


@login_required
@require_POST
def contact_delete(request: AuthenticatedHttpRequest, pk: int, contact_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    contact = queries.get_contact(plan, contact_pk)
    contact.plan = plan
    require(queries.can_change_entry(request.user, plan, contact.created_by_id))
    try:
        services.delete_contact(contact=contact, user=request.user)
        messages.success(
            request,
            _(
                "Le contact est dans la corbeille du plan : un éditeur peut le rétablir pendant %(days)s jours."
            )
            % {"days": settings.TRASH_DAYS},
        )
    except services.TrackingError as exc:
        messages.error(request, exc.message)
    return redirect("tracking:contacts", pk=plan.pk)
