"""The update round: the actions a person carries this year, updated one after the other.

Each row is its own form, posted with htmx: the answer replaces the row and announces the
save in the live region; `tracking/round.js` then moves the focus to the next row. Without
JavaScript the same forms post normally and come back to the page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest
from jalon.plans.enums import ActionStatus
from jalon.plans.models import Action, Plan
from jalon.plans.queries import can_update_action

from .. import queries, services
from ..forms import BulkStatusForm, StatusForm
from .common import plan_context, plan_for, require, stale_message, today

EMPTY_CHOICE = ("", "—")


def _row_form(action: Action, data: Any = None) -> StatusForm:
    form = StatusForm(
        data,
        prefix=f"a{action.pk}",
        initial={
            "status": action.status,
            "progress": getattr(action, "latest_progress", None),
            "date": today(),
            "note": action.progress_note,
            "version": action.version,
        },
    )
    form.fields["note"].help_text = ""  # said once above the list
    field: Any = form.fields["status"]
    if not action.status:
        field.choices = [EMPTY_CHOICE, *field.choices]
    return form


def _row(action: Action, form: StatusForm, **extra: Any) -> dict[str, Any]:
    actors = list(action.actors.all())
    return {
        "action": action,
        "form": form,
        "actors": [a.name for a in actors],
        "updated_today": action.status_changed_on == today(),
        **extra,
    }


def _everything(request: HttpRequest, plan: Plan) -> bool:
    return request.GET.get("tout") == "1" and queries.can_edit_tracking(request.user, plan)


@login_required
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    require(queries.can_log(request.user, plan))
    day = today()
    year = queries.current_year(plan, day)
    everything = _everything(request, plan)
    actions = queries.round_actions(request.user, plan, year, everything=everything)
    rows = [_row(a, _row_form(a)) for a in actions]
    locks = queries.open_locks(plan)
    context = plan_context(
        plan,
        "round",
        year=year,
        rows=rows,
        everything=everything,
        can_see_everything=queries.can_edit_tracking(request.user, plan),
        lock=locks.get(year.number) if year else None,
        bulk_form=BulkStatusForm(initial={"date": day}),
        done_count=sum(1 for r in rows if r["updated_today"]),
    )
    return render(request, "tracking/round.html", context)


@login_required
@require_POST
def round_save(request: AuthenticatedHttpRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    action = queries.get_action(plan, action_pk)
    action.plan = plan
    require(can_update_action(request.user, action))
    form = _row_form(action, request.POST)
    extra: dict[str, Any] = {}
    announce = ""
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.update_action_status(
                action=action,
                user=request.user,
                status=data["status"],
                on_date=data["date"],
                progress=data["progress"],
                note=data["note"],
                expected_version=data["version"],
                links=[data["link"]] if data["link"] else [],
            )
        except services.StaleVersion as exc:
            post = request.POST.copy()
            post[f"a{action.pk}-version"] = str(exc.current_version)
            action.refresh_from_db()
            form = _row_form(action, post)
            extra["error"] = stale_message(exc)
            extra["conflict"] = True
            announce = _(
                "Action %(code)s : non enregistrée, quelqu'un l'a modifiée entre-temps."
            ) % {"code": action.code}
        except services.TrackingError as exc:
            extra["error"] = exc.message
            announce = _("Action %(code)s : non enregistrée.") % {"code": action.code}
        else:
            action.latest_progress = (  # type: ignore[attr-defined]
                data["progress"]
                if data["progress"] is not None
                else getattr(action, "latest_progress", None)
            )
            form = _row_form(action)
            extra["saved"] = True
            announce = _("Action %(code)s enregistrée : %(status)s, %(date)s.") % {
                "code": action.code,
                "status": action.get_status_display(),
                "date": date_format(data["date"]),
            }
    else:
        extra["error"] = _("Vérifiez les champs signalés.")
        announce = _("Action %(code)s : non enregistrée, vérifiez les champs signalés.") % {
            "code": action.code
        }
    if not request.htmx:  # type: ignore[attr-defined]
        if extra.get("saved"):
            messages.success(request, announce)
        else:
            messages.error(request, extra.get("error") or announce)
        return redirect(reverse("tracking:round", args=[plan.pk]) + f"#row-{action.pk}")
    context = plan_context(plan, "round", row=_row(action, form, **extra), announce=announce)
    html = render_to_string("tracking/round.html#round-row", context, request=request)
    html += render_to_string("tracking/round.html#round-announce", context, request=request)
    return HttpResponse(html)


@login_required
@require_POST
def round_bulk(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One status for the selected actions of the round; all are saved or none."""
    plan = plan_for(request, pk)
    require(queries.can_log(request.user, plan))
    back = reverse("tracking:round", args=[plan.pk])
    if request.POST.get("tout") == "1":
        back += "?tout=1"
    chosen: set[int] = set()
    for raw in request.POST.getlist("actions"):
        if raw.isdigit():
            chosen.add(int(raw))
    actions = [a for a in queries.actions_with_state(plan) if a.pk in chosen]
    for action in actions:
        action.plan = plan
    if any(not can_update_action(request.user, a) for a in actions):
        require(False)
    form = BulkStatusForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    versions: dict[int, int] = {}
    for action in actions:
        raw = request.POST.get(f"version-{action.pk}", "")
        versions[action.pk] = int(raw) if raw.isdigit() else -1
    try:
        updates = services.bulk_update_status(
            plan=plan,
            user=request.user,
            versions=versions,
            status=form.cleaned_data["status"],
            on_date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
        )
    except services.StaleVersion as exc:
        messages.error(request, stale_message(exc))
    except services.TrackingError as exc:
        messages.error(request, exc.message)
    else:
        status_text = str(ActionStatus(form.cleaned_data["status"]).label)
        messages.success(
            request,
            _("%(n)s action(s) mises à jour : %(status)s.")
            % {
                "n": len(updates),
                "status": status_text,
            },
        )
    return redirect(back)
