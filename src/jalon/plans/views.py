"""Plan pages: the lists, the plan as its document shows it, one action, revisions, adoption, export.

Views are thin: access through `queries.get_plan_for_user`, reads through `queries`, writes
through `services`. The plan page serves its table alone to htmx when the filters change.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from jalon.core.concurrency import StaleVersion
from jalon.core.http import HtmxRequest

from . import queries, services
from .enums import PlanState
from .forms import (
    ActionPlaceForm,
    AdoptForm,
    AlignmentForm,
    CompareForm,
    PlanFilterForm,
    PlanListFilterForm,
    RevisionForm,
    SharingForm,
)
from .interchange import dumps
from .models import Plan


@login_required
@require_GET
def plan_list(request: HtmxRequest) -> HttpResponse:
    organizations = queries.organizations_with_visible_plans(request.user)
    form = PlanListFilterForm(request.GET or None, organizations=organizations)
    organization = None
    slug = request.GET.get("organisation", "")
    if slug:
        organization = queries.organization_by_slug(slug)
        if organization is None:
            raise Http404
    state = request.GET.get("etat", "")
    state = state if state in PlanState.values else ""
    plans = queries.plan_list(request.user, organization=organization, state=state)
    context = {
        "plans": plans,
        "form": form,
        "organization": organization,
        "can_create": queries.can_create_plans(request.user),
    }
    if request.htmx and request.htmx.target == "plan-list":
        return render(request, "plans/plan_list.html#plan-list", context)
    return render(request, "plans/plan_list.html", context)


def _plan_or_login(request: HttpRequest, pk: int) -> Plan | HttpResponse:
    """A public plan opens for anyone; otherwise an anonymous visitor is sent to sign in."""
    try:
        return queries.get_plan_for_user(request.user, pk)
    except Http404:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise


@require_GET
def plan_detail(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = _plan_or_login(request, pk)
    if isinstance(plan, HttpResponse):
        return plan
    tree = queries.plan_tree(plan)
    form = PlanFilterForm(request.GET or None, choices=queries.filter_choices(tree))
    filters = form.filters()
    shown = queries.filter_tree(tree, filters)
    columns = tree.columns
    context = {
        "plan": plan,
        "tree": tree,
        "shown": shown,
        "filters": filters,
        "form": form,
        "columns": columns,
        "column_count": 1
        + sum(1 for name, on in columns.items() if on and name != "years")
        + len(tree.year_columns),
        "can_edit": queries.can_edit_plan(request.user, plan),
        "status_counts": queries.status_counts(tree),
    }
    if request.htmx and request.htmx.target == "plan-body":
        return render(request, "plans/plan_detail.html#plan-body", context)
    return render(request, "plans/plan_detail.html", context)


@require_GET
def action_detail(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    plan = _plan_or_login(request, pk)
    if isinstance(plan, HttpResponse):
        return plan
    action = queries.get_action_in_plan(plan, action_pk)
    detail = queries.action_detail(plan, action)
    context = {
        "plan": plan,
        "action": action,
        "node": detail.node,
        "year_columns": detail.year_columns,
        "history": detail.history,
        "can_edit": queries.can_edit_plan(request.user, plan),
    }
    return render(request, "plans/action_detail.html", context)


@login_required
@require_GET
def plan_export_json(request: HttpRequest, pk: int) -> HttpResponse:
    plan = queries.get_plan_for_user(request.user, pk)
    content = dumps(queries.plan_as_draft(plan))
    name = slugify(f"{plan.organization.short_name} {plan.title}")[:80] or f"plan-{plan.pk}"
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def plan_revisions(request: HttpRequest, pk: int) -> HttpResponse:
    plan = queries.get_plan_for_user(request.user, pk)
    can_edit = queries.can_edit_plan(request.user, plan)
    revision_form = RevisionForm(request.POST or None)
    if request.method == "POST":
        plan = queries.get_plan_for_user(request.user, pk, write=True)
        if revision_form.is_valid():
            try:
                revision = services.record_revision(
                    plan=plan, reason=revision_form.cleaned_data["reason"], user=request.user
                )
            except ValidationError as exc:
                revision_form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("Révision %(number)s enregistrée.") % {"number": revision.number},
                )
                return redirect("plans:revisions", pk=plan.pk)
    revisions = queries.plan_revisions(plan)
    by_number = {r.number: r for r in revisions}
    compare = CompareForm(request.GET or None, revisions=revisions)
    before = after = None
    if compare.is_bound and compare.is_valid():
        before = by_number[compare.cleaned_data["avant"]]
        after = by_number[compare.cleaned_data["apres"]]
    elif len(revisions) >= 2:
        before, after = revisions[-2], revisions[-1]
        compare = CompareForm(
            initial={"avant": before.number, "apres": after.number}, revisions=revisions
        )
    diff = services.revision_diff(before, after) if before and after else None
    pending = (
        services.changes_since_last_revision(plan)
        if can_edit and plan.state == PlanState.ADOPTED
        else None
    )
    context = {
        "plan": plan,
        "revisions": revisions,
        "compare": compare,
        "before": before,
        "after": after,
        "diff": diff,
        "pending": pending,
        "revision_form": revision_form,
        "can_edit": can_edit,
    }
    return render(request, "plans/plan_revisions.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def plan_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    plan = queries.get_plan_for_user(request.user, pk, write=True)
    if plan.state != PlanState.DRAFT:
        messages.info(request, _("Ce plan a déjà été adopté."))
        return redirect(plan)
    form = AdoptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.adopt_plan(
                plan=plan,
                adopted_on=form.cleaned_data["adopted_on"],
                adopted_by=form.cleaned_data["adopted_by"],
                user=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Le plan est adopté : c'est sa révision 1."))
            return redirect(plan)
    return render(request, "plans/plan_adopt.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_sharing(request: HttpRequest, pk: int) -> HttpResponse:
    """Who outside the organization reads the plan: its editors choose."""
    plan = queries.get_plan_for_user(request.user, pk, write=True)
    form = SharingForm(request.POST or None, initial={"sharing": plan.sharing})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_plan_sharing(
                plan=plan, sharing=form.cleaned_data["sharing"], user=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Le partage du plan est enregistré."))
            return redirect(plan)
    return render(request, "plans/plan_sharing.html", {"plan": plan, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def plan_alignment(request: HttpRequest, pk: int) -> HttpResponse:
    """A member's editors say which objectives of the network's plan each objective serves."""
    plan = queries.get_plan_for_user(request.user, pk, write=True)
    objectives = list(plan.objectives.order_by("orientation__order", "order", "pk"))
    network_objectives = queries.network_objectives_for(plan)
    current = queries.plan_contributions(plan)
    form = AlignmentForm(
        # Not `request.POST or None`: a form with nothing chosen is an empty POST, still sent.
        request.POST if request.method == "POST" else None,
        objectives=objectives,
        network_objectives=network_objectives,
        initial={f"o{oid}": sorted(ids) for oid, ids in current.items()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_plan_contributions(plan=plan, links=form.links(), user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("L'alignement sur le plan du réseau est enregistré."))
            return redirect("plans:alignment", pk=plan.pk)
    return render(
        request,
        "plans/plan_alignment.html",
        {"plan": plan, "form": form, "has_network_objectives": bool(network_objectives)},
    )


@login_required
@require_GET
def plan_contributors(request: HttpRequest, pk: int) -> HttpResponse:
    """A network's plan: who, among the members whose plans the reader sees, contributes to each objective."""
    plan = queries.get_plan_for_user(request.user, pk)
    return render(
        request,
        "plans/plan_contributors.html",
        {"plan": plan, "contributors": queries.contributors_to(plan, request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_place(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Where an action happens, typed by the plan's editors, for the network's map."""
    plan = queries.get_plan_for_user(request.user, pk, write=True)
    action = queries.get_action_in_plan(plan, action_pk)
    form = ActionPlaceForm(
        request.POST or None,
        initial={
            "place": action.place,
            "latitude": action.latitude,
            "longitude": action.longitude,
            "version": action.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_action_place(
                action=action,
                place=data["place"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                user=request.user,
                seen_version=data["version"],
            )
        except StaleVersion:
            form.add_error(
                None, _("Quelqu'un a modifié cette action entre-temps : rechargez la page.")
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Le lieu de l'action est enregistré."))
            return redirect("plans:action", pk=plan.pk, action_pk=action.pk)
    return render(
        request, "plans/action_place.html", {"plan": plan, "action": action, "form": form}
    )


@require_GET
def actions_geojson(request: HttpRequest) -> HttpResponse:
    """The geolocated actions of the plans the visitor reads, as GeoJSON for the map."""
    actions = queries.geolocated_actions(request.user, status=request.GET.get("statut", ""))
    return JsonResponse(
        queries.actions_geojson(actions),
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
