"""Views of the import: upload, progress, review (with its htmx edits) and save.

Access goes through queries.get_job_for_user (editors of the import's organization). Every
review change posts one small form to `edit`; the answer is the whole review region again
(positions of items change with each edit) plus, in HX-Trigger-After-Settle, the element that
gets the keyboard focus back. Without htmx the forms post normally and come back to the page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jalon.plans.interchange import InterchangeError

from . import edits
from .enums import ImportStatus
from .forms import (
    EditForm,
    FrameForm,
    ItemForm,
    KindForm,
    MoveForm,
    PlaceForm,
    RenameForm,
    SplitForm,
    UploadForm,
)
from .models import ImportJob
from .queries import editable_organizations, get_job_for_user, recent_jobs, review_of
from .services import (
    AlreadySaved,
    NotReady,
    StaleDraft,
    edit_draft,
    save_import_as_plan,
    start_import,
)

REVIEW = "imports/review.html"


def _error_of(job: ImportJob) -> str:
    english = (get_language() or "").startswith("en")
    message = job.error_message_en if english and job.error_message_en else job.error_message
    message = message[:1].upper() + message[1:]
    if job.error_where:
        return f"{job.error_where} : {message}" if not english else f"{job.error_where}: {message}"
    return message


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    organizations = editable_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        job = start_import(
            organization=form.cleaned_data["organization"],
            user=request.user,
            upload=form.cleaned_data.get("file"),
            text=form.cleaned_data.get("text") or "",
            fmt=form.cleaned_data.get("format") or "",
        )
        return redirect("imports:job", pk=job.pk)
    jobs = list(recent_jobs(request.user))
    return render(
        request,
        "imports/upload.html",
        {"form": form, "jobs": jobs},
        status=400 if form.errors else 200,
    )


def _review_context(job: ImportJob, **extra: Any) -> dict[str, Any]:
    return {"job": job, "review": review_of(job), "error": _error_of(job), **extra}


@login_required
@require_GET
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, pk)
    if job.status == ImportStatus.READY:
        return render(request, REVIEW, _review_context(job))
    return render(request, "imports/job.html", {"job": job, "error": _error_of(job)})


@login_required
@require_GET
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment polled while the document is read; done, it sends the page on."""
    job = get_job_for_user(request.user, pk)
    response = render(request, "imports/job.html#progress", {"job": job, "error": _error_of(job)})
    if not job.is_running and getattr(request, "htmx", False):
        response["HX-Redirect"] = reverse("imports:job", kwargs={"pk": job.pk})
    return response


def _changes(
    op: str, data: Any, draft_user: Any
) -> tuple[EditForm, Callable[[dict[str, Any]], str]]:
    """The form of a review change and the change itself, once the form is valid."""
    forms_by_op: dict[str, type[EditForm]] = {
        "renommer": RenameForm,
        "deplacer": MoveForm,
        "fusionner": ItemForm,
        "diviser": SplitForm,
        "type": KindForm,
        "supprimer": ItemForm,
        "placer": PlaceForm,
        "cadre": FrameForm,
    }
    form_class = forms_by_op.get(op)
    if form_class is None:
        raise Http404
    form = form_class(data)
    if not form.is_valid():
        return form, _invalid
    d = form.cleaned_data
    path = edits.parse_path(d["path"]) if "path" in d else None

    def change(draft: dict[str, Any]) -> str:
        assert path is not None or op in ("placer", "cadre")
        if op == "renommer":
            return edits.rename(draft, path, title=d["title"], code=d.get("code") or "")  # type: ignore[arg-type]
        if op == "deplacer":
            return edits.move(draft, path, parent=edits.parse_path(d["parent"]))  # type: ignore[arg-type]
        if op == "fusionner":
            return edits.merge_with_previous(draft, path)  # type: ignore[arg-type]
        if op == "diviser":
            return edits.split(draft, path, first_part=d["first_part"])  # type: ignore[arg-type]
        if op == "type":
            return edits.set_indicator_kind(draft, path, kind=d.get("kind") or "")  # type: ignore[arg-type]
        if op == "supprimer":
            return edits.delete(draft, path)  # type: ignore[arg-type]
        if op == "placer":
            target = edits.parse_path(d["target"]) if d.get("target") else None
            return edits.place(draft, index=d["index"], as_=d["place_as"], target=target)
        return edits.set_frame(
            draft,
            title=d["title"],
            organization=d.get("organization") or "",
            period_start=d.get("period_start"),
            period_end=d.get("period_end"),
            fiscal_year_start_month=d.get("fiscal_year_start_month"),
        )

    return form, change


def _invalid(draft: dict[str, Any]) -> str:
    raise edits.EditError("")


def _form_errors(form: EditForm) -> str:
    parts = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = f"{field.label} : " if field is not None and field.label else ""
        parts.append(label + " ".join(str(e) for e in errors))
    return " ".join(parts)


def _focus_of(op: str, data: Any) -> str:
    """Where the keyboard goes after a change: the item changed, else the review's heading."""
    path = str(data.get("path") or "")
    if op in ("renommer", "type", "diviser") and path:
        return "item-" + "-".join(path.split(".")[:3])
    if op == "placer":
        return "unplaced-heading"
    if op == "cadre":
        return "frame-heading"
    return "tree-heading"


@login_required
@require_POST
def edit(request: HttpRequest, pk: int, op: str) -> HttpResponse:
    job = get_job_for_user(request.user, pk)
    if job.status == ImportStatus.SAVED:
        return _after_save_refused(request, job)
    form, change = _changes(op, request.POST, request.user)
    problem = ""
    status = "ok"
    said = ""
    if form.errors:
        problem, status = _form_errors(form), "invalid"
    else:
        try:
            job = edit_draft(
                job=job, version=form.cleaned_data["version"], user=request.user, change=change
            )
            said = job.last_change
        except StaleDraft as stale:
            job = stale.job
            who = job.last_changed_by
            name = (who.get_full_name() or who.get_username()) if who else _("quelqu'un")
            problem = _(
                "Votre modification n'a pas été appliquée : %(name)s a changé ce brouillon entre-"
                "temps (« %(change)s »). Le brouillon à jour est affiché ; refaites votre "
                "modification si elle est toujours utile."
            ) % {"name": name, "change": job.last_change}
            status = "stale"
        except edits.EditError as exc:
            problem, status = str(exc), "invalid"
        except NotReady:
            return redirect("imports:job", pk=job.pk)
        except AlreadySaved as saved:
            return _after_save_refused(request, saved.job)
    if not getattr(request, "htmx", False):
        if problem:
            messages.error(request, problem)
        elif said:
            messages.success(request, said)
        return redirect("imports:job", pk=job.pk)
    context = _review_context(
        job,
        problem=problem,
        said=said,
        kept=(request.POST.get("title") or request.POST.get("first_part") or "")
        if status == "stale"
        else "",
    )
    response = render(request, f"{REVIEW}#review", context)
    focus = "review-problem" if problem else _focus_of(op, request.POST)
    response["HX-Trigger-After-Settle"] = json.dumps(
        {"imports:focus": focus, "imports:said": problem or said}
    )
    return response


def _after_save_refused(request: HttpRequest, job: ImportJob) -> HttpResponse:
    messages.info(request, _("Cette importation est déjà enregistrée comme plan."))
    target = (
        job.plan.get_absolute_url() if job.plan else reverse("imports:job", kwargs={"pk": job.pk})
    )
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = target
        return response
    return redirect(target)


@login_required
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, pk)
    form = EditForm(request.POST)
    version = form.cleaned_data["version"] if form.is_valid() else None
    try:
        plan = save_import_as_plan(job=job, user=request.user, version=version)
    except AlreadySaved as saved:
        return _after_save_refused(request, saved.job)
    except NotReady:
        return redirect("imports:job", pk=job.pk)
    except StaleDraft:
        messages.error(
            request,
            _(
                "Le brouillon a changé depuis que vous l'avez ouvert : relisez-le, puis "
                "enregistrez de nouveau."
            ),
        )
        return redirect("imports:job", pk=job.pk)
    except InterchangeError as exc:
        english = (get_language() or "").startswith("en")
        messages.error(
            request,
            _("Le plan n'a pas été enregistré : %(problem)s")
            % {"problem": exc.message_en if english else exc.message},
        )
        return redirect("imports:job", pk=job.pk)
    messages.success(request, _("Le plan importé est enregistré comme brouillon."))
    if getattr(request, "htmx", False):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = plan.get_absolute_url()
        return response
    return redirect(plan.get_absolute_url())
