"""An action's timeline: its dated updates with their evidence, a form for the next one, following."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest
from jalon.plans.queries import can_update_action

from .. import queries, services
from ..forms import EvidenceForm, StatusWithFilesForm
from .common import plan_context, plan_for, require, stale_message, today


@login_required
def action_page(request: AuthenticatedHttpRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    action = queries.get_action(plan, action_pk)
    action.plan = plan
    may_update = can_update_action(request.user, action)
    updates = queries.timeline(action)
    form = None
    if may_update:
        progress = next((u.progress for u in updates if u.progress is not None), None)
        initial = {
            "status": action.status,
            "progress": progress,
            "date": today(),
            "note": action.progress_note,
            "version": action.version,
        }
        if request.method == "POST":
            form = StatusWithFilesForm(request.POST, request.FILES, initial=initial)
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
                        files=data["attachments"],
                    )
                except services.StaleVersion as exc:
                    post = request.POST.copy()
                    post["version"] = str(exc.current_version)
                    form = StatusWithFilesForm(post, initial=initial)
                    messages.error(request, stale_message(exc))
                except services.TrackingError as exc:
                    messages.error(request, exc.message)
                else:
                    messages.success(request, _("La mise à jour est enregistrée."))
                    return redirect("tracking:action", pk=plan.pk, action_pk=action.pk)
        else:
            form = StatusWithFilesForm(initial=initial)
    elif request.method == "POST":
        require(False)
    context = plan_context(
        plan,
        "action",
        action=action,
        actors=[a.name for a in action.actors.all()],
        updates=updates,
        form=form,
        may_update=may_update,
        may_edit=queries.can_edit_tracking(request.user, plan),
        following=queries.is_following(request.user, action),
        evidence_form=EvidenceForm() if may_update else None,
        user_id=request.user.pk,
    )
    return render(request, "tracking/action.html", context)


@login_required
@require_POST
def follow(request: AuthenticatedHttpRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    action = queries.get_action(plan, action_pk)
    user = request.user
    if request.POST.get("do") == "unfollow":
        services.unfollow_action(user=user, action=action)
        messages.success(request, _("Vous ne suivez plus cette action."))
    else:
        services.follow_action(user=user, action=action)
        messages.success(
            request, _("Vous suivez cette action : vous serez avisé de chaque changement d'état.")
        )
    return redirect("tracking:action", pk=plan.pk, action_pk=action.pk)


@login_required
@require_POST
def delete_update(request: AuthenticatedHttpRequest, pk: int, update_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    update = queries.get_update(plan, update_pk)
    require(queries.can_delete_update(request.user, update))
    try:
        services.delete_status_update(update=update, user=request.user)
        messages.success(
            request,
            _(
                "La mise à jour est dans la corbeille du plan : un éditeur peut la rétablir pendant %(days)s jours."
            )
            % {"days": settings.TRASH_DAYS},
        )
    except services.TrackingError as exc:
        messages.error(request, exc.message)
    return redirect("tracking:action", pk=plan.pk, action_pk=update.action_id)


@login_required
@require_POST
def add_evidence(request: HttpRequest, pk: int, update_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    update = queries.get_update(plan, update_pk)
    update.action.plan = plan
    require(can_update_action(request.user, update.action))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(
                update=update, url=form.cleaned_data["link"] or "", file=form.cleaned_data["file"]
            )
            messages.success(request, _("La pièce justificative est ajoutée."))
        except services.TrackingError as exc:
            messages.error(request, exc.message)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect(
        reverse("tracking:action", args=[plan.pk, update.action_id]) + f"#maj-{update.pk}"
    )


@login_required
def evidence_file(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponseBase:
    """A file of evidence, for those who read the plan (files are never served publicly)."""
    plan = plan_for(request, pk)
    evidence = queries.get_evidence(plan, evidence_pk)
    if evidence.url and not evidence.file:
        return HttpResponseRedirect(evidence.url)
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = evidence.name or Path(evidence.file.name or "").name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(handle, as_attachment=True, filename=name, content_type=content_type)
