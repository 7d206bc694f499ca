"""Views of the plan builder: the tree page and its in-place htmx fragments.

Every view finds the plan through `get_plan_for_user(..., write=True)` (editors of the plan's
organization only), reads input with a form, calls a service of builder.py and answers with a
fragment of plans/builder/tree.html. Each answer also says, in the HX-Trigger-After-Settle
header, where the keyboard focus goes (builder.js moves it), and puts a sentence in the page's
aria-live region. Without htmx, forms post normally and come back to the builder page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget, trigger_client_event

from jalon.core.concurrency import StaleVersion
from jalon.core.history import last_change
from jalon.core.http import HtmxRequest
from jalon.core.moments import moment_text

from . import builder
from .builder import KIND_LABELS, BuilderError
from .builder_forms import (
    ActionForm,
    BuilderForm,
    ExpectedResultForm,
    IndicatorForm,
    MoveForm,
    ObjectiveForm,
    OrientationForm,
    PasteForm,
    PlanCreateForm,
    PlanFrameForm,
    ReasonForm,
    StatementsForm,
)
from .builder_queries import (
    editable_organizations,
    get_item_for_user,
    history_records,
    history_title,
    item_history,
    loaded,
    move_targets,
    plan_tree,
    trash_entries,
    trash_entry,
)
from .enums import ActorKind, Numbering
from .models import Objective, Plan
from .queries import can_edit_plan, get_plan_for_user

TREE = "plans/builder/tree.html"
FORMS = "plans/builder/forms.html"

# What the aria-live region says after each change, per kind (French genders differ).
SAID: dict[str, dict[str, Any]] = {
    "orientation": {
        "added": gettext_lazy("Orientation ajoutée."),
        "updated": gettext_lazy("Orientation modifiée."),
        "deleted": gettext_lazy("Orientation supprimée"),
        "moved": gettext_lazy("Orientation déplacée."),
        "restored": gettext_lazy("Orientation rétablie."),
    },
    "objectif": {
        "added": gettext_lazy("Objectif ajouté."),
        "updated": gettext_lazy("Objectif modifié."),
        "deleted": gettext_lazy("Objectif supprimé"),
        "moved": gettext_lazy("Objectif déplacé."),
        "restored": gettext_lazy("Objectif rétabli."),
    },
    "action": {
        "added": gettext_lazy("Action ajoutée."),
        "updated": gettext_lazy("Action modifiée."),
        "deleted": gettext_lazy("Action supprimée"),
        "moved": gettext_lazy("Action déplacée."),
        "restored": gettext_lazy("Action rétablie."),
    },
    "indicateur": {
        "added": gettext_lazy("Indicateur ajouté."),
        "updated": gettext_lazy("Indicateur modifié."),
        "deleted": gettext_lazy("Indicateur supprimé"),
        "moved": gettext_lazy("Indicateur déplacé."),
        "restored": gettext_lazy("Indicateur rétabli."),
    },
    "resultat": {
        "added": gettext_lazy("Résultat attendu ajouté."),
        "updated": gettext_lazy("Résultat attendu modifié."),
        "deleted": gettext_lazy("Résultat attendu supprimé"),
        "moved": gettext_lazy("Résultat attendu déplacé."),
        "restored": gettext_lazy("Résultat attendu rétabli."),
    },
}

FORM_CLASSES: dict[str, type[BuilderForm]] = {
    "orientation": OrientationForm,
    "objectif": ObjectiveForm,
    "action": ActionForm,
    "indicateur": IndicatorForm,
    "resultat": ExpectedResultForm,
}

# Which children each kind takes, in the URL's words.
CHILD_KINDS = {
    "orientation": {"objectif"},
    "objectif": {"action", "indicateur"},  # an objective may carry indicators of its own
    "action": {"indicateur", "resultat"},
}


# --- Small helpers --------------------------------------------------------------------------------


def _reason_key(plan: Plan) -> str:
    return f"builder-reason-{plan.pk}"


def _session_reason(request: HtmxRequest, plan: Plan) -> str:
    return str(request.session.get(_reason_key(plan), ""))


def _remember_reason(request: HtmxRequest, plan: Plan, reason: str) -> None:
    if reason.strip():
        request.session[_reason_key(plan)] = reason.strip()


def _container_id(kind: str, item: Any) -> str:
    """The element that holds an item and its siblings, re-rendered after structural changes."""
    if kind == "orientation":
        return "builder-tree"
    field = builder.parent_field(item)
    parent_kind = {"orientation": "orientation", "objective": "objectif"}.get(field, "action")
    return f"{parent_kind}-{getattr(item, field + '_id')}"


def _base_context(request: HtmxRequest, plan: Plan) -> dict[str, Any]:
    return {
        "plan": plan,
        "years": plan.years,
        "auto_numbering": plan.numbering != Numbering.AS_WRITTEN,
        "reason_needed": builder.reason_required(plan),
        "current_reason": _session_reason(request, plan),
    }


def _render_container(request: HtmxRequest, plan: Plan, kind: str, item: Any) -> str:
    """The HTML of the element that holds `item` and its siblings, loaded the way the page loads it."""
    context = _base_context(request, plan)
    if kind == "orientation":
        context["orientations"] = plan_tree(plan)
        return render_to_string(f"{TREE}#tree", context, request)
    parent = builder.parent_of(item)
    parent_kind = builder.MODEL_KINDS[type(parent)]
    context[_context_name(parent_kind)] = loaded(parent)
    return render_to_string(f"{TREE}#{parent_kind}", context, request)


def _context_name(kind: str) -> str:
    return {
        "orientation": "orientation",
        "objectif": "objective",
        "action": "action",
        "indicateur": "indicator",
        "resultat": "result",
    }[kind]


def _live(
    request: HtmxRequest, message: str, *, undo_token: str = "", plan: Plan | None = None
) -> str:
    return render_to_string(
        f"{TREE}#live",
        {"message": message, "undo_token": undo_token, "plan": plan},
        request,
    )


def _answer(
    request: HtmxRequest,
    html: str,
    *,
    focus: str | list[str] | None = None,
    say: str = "",
    undo_token: str = "",
    plan: Plan | None = None,
) -> HttpResponse:
    if say:
        html += _live(request, say, undo_token=undo_token, plan=plan)
    response = HttpResponse(html)
    if focus:
        trigger_client_event(
            response,
            "builder:focus",
            {"focus": [focus] if isinstance(focus, str) else focus},
            after="settle",
        )
    return response


def _refusal(request: HtmxRequest, message: str, *, focus: str | None = None) -> HttpResponse:
    """A change refused: nothing swapped, the reason said in the live region."""
    response = _answer(request, "", say=message, focus=focus)
    return reswap(response, "none")


def _back_to_builder(plan: Plan, anchor: str = "") -> HttpResponse:
    url = reverse("plans:builder", args=[plan.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _form_focus(form_id: str) -> list[str]:
    return [
        f"#{form_id} [aria-invalid=true]",
        f"#{form_id} [role=alert]",
        f"#{form_id} textarea, #{form_id} input:not([type=hidden]), #{form_id} select",
    ]


def _form_answer(request: HtmxRequest, plan: Plan, *, form_id: str, **context: Any) -> HttpResponse:
    """A builder form: in place for htmx (focus on its first field or first error), else a page."""
    context = _base_context(request, plan) | context | {"form_id": form_id}
    if not request.htmx:
        return render(request, "plans/builder/form_page.html", context)
    html = render_to_string(f"{FORMS}#item-form", context, request)
    return _answer(request, html, focus=_form_focus(form_id))


def _user_reason(request: HtmxRequest, plan: Plan, form: Any = None) -> str:
    if form is not None and "reason" in getattr(form, "cleaned_data", {}):
        reason = str(form.cleaned_data["reason"])
        _remember_reason(request, plan, reason)
        return reason
    return _session_reason(request, plan)


# --- Pages ------------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_new(request: HtmxRequest) -> HttpResponse:
    """Create a plan from nothing, in an organization the user edits."""
    organizations = editable_organizations(request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = PlanCreateForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            plan = builder.create_plan(
                organization=data["organization"],
                title=data["title"],
                kind=data["kind"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                fiscal_year_start_month=data["fiscal_year_start_month"],
                numbering=data["numbering"],
                user=request.user,
            )
        except BuilderError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Plan créé. Ajoutez maintenant ses orientations."))
            return redirect("plans:builder", pk=plan.pk)
    return render(request, "plans/builder/new.html", {"form": form})


@login_required
@require_GET
def builder_page(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk, write=True)
    context = _base_context(request, plan)
    context["orientations"] = plan_tree(plan)
    context["reason_form"] = ReasonForm(initial={"reason": context["current_reason"]})
    return render(request, "plans/builder/page.html", context)


@login_required
@require_POST
def set_reason(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk, write=True)
    form = ReasonForm(request.POST)
    if form.is_valid():
        _remember_reason(request, plan, form.cleaned_data["reason"])
    if not request.htmx:
        return _back_to_builder(plan)
    context = _base_context(request, plan) | {"reason_form": form}
    html = render_to_string(f"{TREE}#reason-box", context, request)
    if form.is_valid():
        return _answer(request, html, say=_("Raison du changement enregistrée."))
    return _answer(request, html, focus="#builder-reason [aria-invalid=true]")


# --- The plan's frame and statements ---------------------------------------------------------------


def _frame_initial(plan: Plan, request: HtmxRequest) -> dict[str, Any]:
    return {
        "title": plan.title,
        "kind": plan.kind,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "fiscal_year_start_month": plan.fiscal_year_start_month,
        "numbering": plan.numbering,
        "version": plan.version,
        "reason": _session_reason(request, plan),
    }


@login_required
@require_GET
def frame_view(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk, write=True)
    html = render_to_string(f"{TREE}#frame", _base_context(request, plan), request)
    return _answer(request, html, focus="#builder-frame-edit")


@login_required
@require_http_methods(["GET", "POST"])
def frame_edit(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk, write=True)
    if request.method == "GET":
        form = PlanFrameForm(
            plan=plan, editing=True, initial=_frame_initial(plan, request), prefix="frame"
        )
        return _frame_form(request, plan, form)
    form = PlanFrameForm(request.POST, plan=plan, editing=True, prefix="frame")
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            builder.update_plan_frame(
                plan=plan,
                version=data["version"],
                title=data["title"],
                kind=data["kind"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                fiscal_year_start_month=data["fiscal_year_start_month"],
                numbering=data["numbering"],
                user=request.user,
                reason=_user_reason(request, plan, form),
            )
        except StaleVersion as exc:
            conflict = _conflict(exc, ["title", "period_start", "period_end"])
            form = _rebased(form, exc.current.version)
        except BuilderError as exc:
            form.add_error(None, exc.message)
        else:
            if not request.htmx:
                return _back_to_builder(plan)
            plan.refresh_from_db()
            # The numbering or the years may have changed: the whole page follows.
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
    return _frame_form(request, plan, form, conflict=conflict)


def _frame_form(
    request: HtmxRequest, plan: Plan, form: PlanFrameForm, *, conflict: Any = None
) -> HttpResponse:
    return _form_answer(
        request,
        plan,
        form=form,
        form_id="builder-frame",
        legend=_("Modifier le cadre du plan"),
        action_url=reverse("plans:builder_frame", args=[plan.pk]),
        cancel_url=reverse("plans:builder_frame_view", args=[plan.pk]),
        conflict=conflict,
        form_class="builder-frame",
    )


@login_required
@require_http_methods(["GET", "POST"])
def statements(request: HtmxRequest, pk: int) -> HttpResponse:
    """The plan's statements page: mission, vision, values, mandates, global objective, glossary, notes."""
    plan = get_plan_for_user(request.user, pk, write=True)
    initial = {
        "mission": plan.mission,
        "vision": plan.vision,
        "values": plan.values,
        "mandates": plan.mandates,
        "global_objective": plan.global_objective,
        "glossary": plan.glossary,
        "notes": plan.notes,
        "version": plan.version,
        "reason": _session_reason(request, plan),
    }
    form = StatementsForm(request.POST or None, plan=plan, editing=True, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            builder.update_statements(
                plan=plan,
                version=data["version"],
                mission=data["mission"],
                vision=data["vision"],
                values=data["values"],
                mandates=data["mandates"],
                global_objective=data["global_objective"],
                glossary=data["glossary"],
                notes=data["notes"],
                user=request.user,
                reason=_user_reason(request, plan, form),
            )
        except StaleVersion as exc:
            conflict = _conflict(
                exc,
                [
                    "mission",
                    "vision",
                    "values",
                    "mandates",
                    "global_objective",
                    "glossary",
                    "notes",
                ],
            )
            form = _rebased(form, exc.current.version)
        except BuilderError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Énoncés du plan enregistrés."))
            return redirect("plans:builder_statements", pk=plan.pk)
    return render(
        request,
        "plans/builder/statements.html",
        _base_context(request, plan) | {"form": form, "conflict": conflict},
    )


# --- Conflicts --------------------------------------------------------------------------------------


def _conflict(exc: StaleVersion, fields: list[str]) -> dict[str, Any]:
    """What the other person saved: their name, when, and the current value of each field."""
    current = exc.current
    change = exc.change or last_change(current)
    values = []
    for name in fields:
        value = getattr(current, name, None)
        if value in (None, "", [], {}):
            continue
        if isinstance(value, list):
            value = " ; ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = " ; ".join(f"{k} : {v}" for k, v in value.items())
        model_field: Any = type(current)._meta.get_field(name)
        label = str(model_field.verbose_name).capitalize()
        values.append((label, value))
    return {
        "message": _(
            "Quelqu'un d'autre a modifié cet élément pendant que vous le modifiiez. "
            "Rien n'a été enregistré : voici son texte actuel."
        ),
        "who": change.who_name if change else "",
        "when": moment_text(change.when) if change else None,
        "values": values,
    }


def _rebased(form: Any, version: int) -> Any:
    """The same form with the person's input kept, now based on the current version."""
    data = form.data.copy()
    data[form.add_prefix("version")] = str(version)
    rebased = type(form)(data, plan=form.plan, editing=True, prefix=form.prefix)
    rebased.is_valid()
    return rebased


# --- Items: show, edit ------------------------------------------------------------------------------


def _item_initial(kind: str, item: Any, request: HtmxRequest, plan: Plan) -> dict[str, Any]:
    initial: dict[str, Any] = {"version": item.version, "reason": _session_reason(request, plan)}
    if kind in {"orientation", "objectif", "action"}:
        initial |= {"code": item.code, "title": item.title}
    if kind == "objectif":
        initial["kind"] = item.kind
    if kind == "action":
        actors = list(item.actors.order_by("order", "id"))
        initial |= {
            "roles": [a.name for a in actors if a.kind == ActorKind.ROLE],
            "partners": [a.name for a in actors if a.kind == ActorKind.PARTNER],
            "schedule_years": item.schedule_years or [],
            "timing": item.timing,
            "themes": list(item.themes.all()),
        }
    if kind == "indicateur":
        initial |= {"kind": item.kind, "text": item.text}
    if kind == "resultat":
        initial |= {"text": item.text, "plan_year": item.plan_year}
    return initial


def _save_item(kind: str, item: Any, data: dict[str, Any], user: Any, reason: str) -> Any:
    common = {"version": data["version"], "user": user, "reason": reason}
    if kind == "orientation":
        return builder.update_orientation(
            orientation=item, title=data["title"], code=data.get("code", ""), **common
        )
    if kind == "objectif":
        return builder.update_objective(
            objective=item,
            title=data["title"],
            code=data.get("code", ""),
            kind=data["kind"],
            **common,
        )
    if kind == "action":
        return builder.update_action(
            action=item,
            title=data["title"],
            code=data.get("code", ""),
            roles=data["roles"],
            partners=data["partners"],
            schedule_years=data.get("schedule_years") or None,
            timing=data["timing"],
            themes=data.get("themes") if "themes" in data else None,
            **common,
        )
    if kind == "indicateur":
        return builder.update_indicator(
            indicator=item, text=data["text"], kind=data["kind"], **common
        )
    return builder.update_expected_result(
        result=item, text=data["text"], plan_year=data["plan_year"], **common
    )


def _conflict_fields(kind: str) -> list[str]:
    return {
        "orientation": ["code", "title"],
        "objectif": ["code", "kind", "title"],
        "action": ["code", "title", "timing"],
        "indicateur": ["kind", "text"],
        "resultat": ["text", "plan_year"],
    }[kind]


def _render_row(request: HtmxRequest, plan: Plan, kind: str, item: Any) -> str:
    context = _base_context(request, plan) | {"item": loaded(item), "kind": kind}
    return render_to_string(f"{TREE}#row", context, request)


@login_required
@require_GET
def item_row(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """An item's row as displayed (also how an edit form is cancelled)."""
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    if not request.htmx:
        return _back_to_builder(plan, f"{kind}-{item.pk}")
    return _answer(request, _render_row(request, plan, kind, item), focus=f"#{kind}-{item.pk}-row")


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    form_class = FORM_CLASSES[kind]
    prefix = f"{kind}-{item.pk}"
    if request.method == "GET":
        form = form_class(
            plan=plan, editing=True, prefix=prefix, initial=_item_initial(kind, item, request, plan)
        )
        return _item_form(request, plan, kind, item, form)
    form = form_class(request.POST, plan=plan, editing=True, prefix=prefix)
    conflict = None
    if form.is_valid():
        try:
            saved = _save_item(
                kind, item, form.cleaned_data, request.user, _user_reason(request, plan, form)
            )
        except StaleVersion as exc:
            conflict = _conflict(exc, _conflict_fields(kind))
            form = _rebased(form, exc.current.version)
        except BuilderError as exc:
            form.add_error(None, exc.message)
        else:
            if not request.htmx:
                return _back_to_builder(plan, f"{kind}-{item.pk}")
            return _answer(
                request,
                _render_row(request, plan, kind, saved),
                focus=f"#{kind}-{item.pk}-row",
                say=str(SAID[kind]["updated"]),
            )
    return _item_form(request, plan, kind, item, form, conflict=conflict)


def _item_form(
    request: HtmxRequest, plan: Plan, kind: str, item: Any, form: Any, *, conflict: Any = None
) -> HttpResponse:
    form_id = f"{kind}-{item.pk}-row"
    return _form_answer(
        request,
        plan,
        form=form,
        form_id=form_id,
        kind=kind,
        item=item,
        legend=_("Modifier : %(item)s") % {"item": builder.item_label(item)},
        action_url=reverse("plans:builder_edit", args=[plan.pk, kind, item.pk]),
        cancel_url=reverse("plans:builder_item", args=[plan.pk, kind, item.pk]),
        conflict=conflict,
        form_class="tree-row",
    )


# --- Items: add ---------------------------------------------------------------------------------------


def _add_label(kind: str) -> str:
    return {
        "orientation": _("Ajouter une orientation"),
        "objectif": _("Ajouter un objectif"),
        "action": _("Ajouter une action"),
        "indicateur": _("Ajouter un indicateur"),
        "resultat": _("Ajouter un résultat attendu"),
    }[kind]


def _create_child(child: str, parent: Any, data: dict[str, Any], user: Any, reason: str) -> Any:
    common = {"user": user, "reason": reason}
    if child == "orientation":
        return builder.add_orientation(
            plan=parent, title=data["title"], code=data.get("code", ""), **common
        )
    if child == "objectif":
        return builder.add_objective(
            orientation=parent,
            title=data["title"],
            code=data.get("code", ""),
            kind=data["kind"],
            **common,
        )
    if child == "action":
        return builder.add_action(
            objective=parent,
            title=data["title"],
            code=data.get("code", ""),
            roles=data["roles"],
            partners=data["partners"],
            schedule_years=data.get("schedule_years") or None,
            timing=data["timing"],
            **common,
        )
    if child == "indicateur":
        owner = {"objective": parent} if isinstance(parent, Objective) else {"action": parent}
        return builder.add_indicator(**owner, text=data["text"], kind=data["kind"], **common)
    return builder.add_expected_result(
        action=parent, text=data["text"], plan_year=data["plan_year"], **common
    )


def _add(
    request: HtmxRequest, plan: Plan, parent: Any, parent_kind: str, child: str
) -> HttpResponse:
    # an objective's own indicators have their add button beside its actions' ones: named apart
    parent_ref = (
        f"objectif-{parent.pk}"
        if child == "indicateur" and isinstance(parent, Objective)
        else str(parent.pk)
    )
    add_id = f"add-{child}-{parent_ref}"
    action_url = (
        reverse("plans:builder_add_orientation", args=[plan.pk])
        if child == "orientation"
        else reverse("plans:builder_add", args=[plan.pk, parent_kind, parent.pk, child])
    )
    if request.method == "GET" and request.GET.get("annuler"):
        context = {
            "add_kind": child,
            "add_parent_id": parent_ref,
            "objective_indicator": child == "indicateur" and isinstance(parent, Objective),
            "add_url": action_url,
            "plan": plan,
        }
        if child == "action":
            context["paste_url"] = reverse("plans:builder_paste", args=[plan.pk, parent.pk])
        html = render_to_string(f"{TREE}#add-button", context, request)
        return _answer(request, html, focus=f"#{add_id} a")
    form_class = FORM_CLASSES[child]
    initial = {"reason": _session_reason(request, plan)}
    form = form_class(request.POST or None, plan=plan, prefix=add_id, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = _create_child(
                child, parent, form.cleaned_data, request.user, _user_reason(request, plan, form)
            )
        except BuilderError as exc:
            form.add_error(None, exc.message)
        else:
            if not request.htmx:
                return _back_to_builder(plan, f"{child}-{created.pk}")
            response = _answer(
                request,
                _render_container(request, plan, child, created),
                focus=f"#{child}-{created.pk}-row",
                say=str(SAID[child]["added"]),
            )
            retarget(response, f"#{_container_id(child, created)}")
            return reswap(response, "outerHTML")
    return _form_answer(
        request,
        plan,
        form=form,
        form_id=add_id,
        legend=_add_label(child),
        action_url=action_url,
        cancel_url=f"{action_url}?annuler=1",
        form_class="tree-add",
        submit_label=_add_label(child),
    )


@login_required
@require_http_methods(["GET", "POST"])
def orientation_add(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk, write=True)
    return _add(request, plan, plan, "plan", "orientation")


@login_required
@require_http_methods(["GET", "POST"])
def child_add(request: HtmxRequest, pk: int, kind: str, item_pk: int, child: str) -> HttpResponse:
    plan, parent = get_item_for_user(request.user, pk, kind, item_pk)
    if child not in CHILD_KINDS.get(kind, set()):
        raise Http404
    return _add(request, plan, parent, kind, child)


@login_required
@require_http_methods(["GET", "POST"])
def actions_paste(request: HtmxRequest, pk: int, item_pk: int) -> HttpResponse:
    """Paste several lines under an objective: one action per line."""
    plan, objective = get_item_for_user(request.user, pk, "objectif", item_pk)
    paste_id = f"add-action-{objective.pk}"
    action_url = reverse("plans:builder_paste", args=[plan.pk, objective.pk])
    form = PasteForm(
        request.POST or None,
        plan=plan,
        prefix=f"paste-{objective.pk}",
        initial={"reason": _session_reason(request, plan)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = builder.add_actions_from_text(
                objective=objective,  # type: ignore[arg-type]
                text=form.cleaned_data["text"],
                user=request.user,
                reason=_user_reason(request, plan, form),
            )
        except BuilderError as exc:
            form.add_error("text", exc.message)
        else:
            if not request.htmx:
                return _back_to_builder(plan, f"objectif-{objective.pk}")
            count = len(created)
            said = (
                str(SAID["action"]["added"])
                if count == 1
                else _("%(count)s actions ajoutées.") % {"count": count}
            )
            response = _answer(
                request,
                _render_container(request, plan, "action", created[0]),
                focus=f"#action-{created[0].pk}-row",
                say=said,
            )
            retarget(response, f"#objectif-{objective.pk}")
            return reswap(response, "outerHTML")
    return _form_answer(
        request,
        plan,
        form=form,
        form_id=paste_id,
        legend=_("Coller plusieurs actions"),
        action_url=action_url,
        cancel_url=reverse("plans:builder_add", args=[plan.pk, "objectif", objective.pk, "action"])
        + "?annuler=1",
        form_class="tree-add",
        submit_label=_("Ajouter ces actions"),
    )


# --- Items: order, place, delete, undo ---------------------------------------------------------------


def _structural(
    request: HtmxRequest,
    plan: Plan,
    change: Callable[[str], Any],
    *,
    focus_if_refused: str = "",
) -> Any:
    """Run a structural change with the session's reason; a refusal becomes a spoken message."""
    try:
        return change(_session_reason(request, plan))
    except builder.ReasonRequired as exc:
        return _refusal(request, exc.message, focus="#builder-reason-input")
    except BuilderError as exc:
        return _refusal(request, exc.message, focus=focus_if_refused or None)


@login_required
@require_POST
def item_move(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """One step up or down among siblings (the keyboard's way to reorder)."""
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    direction = request.POST.get("direction")
    if direction not in {"up", "down"}:
        return _refusal(request, _("Indiquez s'il faut monter ou descendre l'élément."))
    offset = -1 if direction == "up" else 1
    moved = _structural(
        request,
        plan,
        lambda reason: builder.move_item(
            item=item, offset=offset, user=request.user, reason=reason
        ),
    )
    if isinstance(moved, HttpResponse):
        return moved
    if not request.htmx:
        return _back_to_builder(plan, f"{kind}-{item.pk}")
    if not moved:
        first = _("Cet élément est déjà le premier.")
        last = _("Cet élément est déjà le dernier.")
        return _refusal(
            request, first if offset < 0 else last, focus=f"#{kind}-{item.pk}-{direction}"
        )
    item.refresh_from_db()
    return _answer(
        request,
        _render_container(request, plan, kind, item),
        focus=f"#{kind}-{item.pk}-{direction}",
        say=str(SAID[kind]["moved"]),
    )


def _parent_from_post(plan: Plan, kind: str, raw: str | None) -> Any:
    """The new parent named in a move: it must be in the same plan (None: stay with the same parent)."""
    if not raw:
        return None
    parent_kind = {"orientation": None, "objectif": "orientation", "action": "objectif"}.get(
        kind, "action"
    )
    if parent_kind is None:
        return plan
    try:
        parent_pk = int(raw)
    except ValueError:
        raise Http404 from None
    model = builder.KIND_MODELS[parent_kind]
    filters = {"plan": plan}
    found = model._base_manager.filter(pk=parent_pk, **filters).first()
    if found is None:
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def item_place(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Put an item elsewhere: under another parent (form) or at a position (drag and drop)."""
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    targets = move_targets(plan, kind)
    if request.method == "GET":
        current_parent = getattr(item, builder.parent_field(item) + "_id")
        form = MoveForm(
            plan=plan,
            targets=targets,
            prefix=f"move-{kind}-{item.pk}",
            initial={"parent": current_parent, "reason": _session_reason(request, plan)},
        )
        return _move_form(request, plan, kind, item, form)
    if "position" in request.POST:
        # Drag and drop posts the new parent's id and a numeric position (the form's fields are prefixed).
        parent = _parent_from_post(plan, kind, request.POST.get("parent"))
        try:
            position = int(request.POST.get("position", "0"))
        except ValueError:
            return _refusal(request, _("La position demandée n'est pas un nombre."))
        return _placed(request, plan, kind, item, parent, position, reason=None)
    form = MoveForm(request.POST, plan=plan, targets=targets, prefix=f"move-{kind}-{item.pk}")
    if not form.is_valid():
        return _move_form(request, plan, kind, item, form)
    parent = _parent_from_post(plan, kind, str(form.cleaned_data["parent"]))
    position = 0 if form.cleaned_data["position"] == "start" else 10**6
    return _placed(
        request, plan, kind, item, parent, position, reason=_user_reason(request, plan, form)
    )


def _placed(
    request: HtmxRequest,
    plan: Plan,
    kind: str,
    item: Any,
    parent: Any,
    position: int,
    *,
    reason: str | None,
) -> HttpResponse:
    def change(session_reason: str) -> Any:
        return builder.place_item(
            item=item,
            parent=None if isinstance(parent, Plan) else parent,
            position=position,
            user=request.user,
            reason=reason if reason is not None else session_reason,
        )

    placed = _structural(request, plan, change)
    if isinstance(placed, HttpResponse):
        return placed
    if not request.htmx:
        return _back_to_builder(plan, f"{kind}-{item.pk}")
    context = _base_context(request, plan) | {"orientations": plan_tree(plan)}
    response = _answer(
        request,
        render_to_string(f"{TREE}#tree", context, request),
        focus=f"#{kind}-{item.pk}-row",
        say=str(SAID[kind]["moved"]),
    )
    retarget(response, "#builder-tree")
    return reswap(response, "outerHTML")


def _move_form(
    request: HtmxRequest, plan: Plan, kind: str, item: Any, form: MoveForm
) -> HttpResponse:
    form_id = f"{kind}-{item.pk}-row"
    action_url = reverse("plans:builder_place", args=[plan.pk, kind, item.pk])
    return _form_answer(
        request,
        plan,
        form=form,
        form_id=form_id,
        legend=_("Déplacer : %(item)s") % {"item": builder.item_label(item)},
        action_url=action_url,
        cancel_url=reverse("plans:builder_item", args=[plan.pk, kind, item.pk]),
        form_class="tree-row",
        submit_label=_("Déplacer"),
        submit_name="move",
    )


def _neighbour_focus(kind: str, item: Any) -> list[str]:
    """Where focus goes once an item is gone: the next sibling, else the previous, else its parent."""
    model = type(item)
    field = builder.parent_field(item)
    siblings = list(
        builder.siblings_of(model, getattr(item, field + "_id"), field).values_list("pk", flat=True)
    )
    index = siblings.index(item.pk)
    rest = siblings[index + 1 :] + list(reversed(siblings[:index]))
    focus = [f"#{kind}-{pk}-row" for pk in rest[:1]]
    container = _container_id(kind, item)
    if container != "builder-tree":
        focus.append(f"#{container}-row")
    focus.append("#builder-tree-title")
    return focus


@login_required
@require_POST
def item_delete(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    focus = _neighbour_focus(kind, item)
    deletion = _structural(
        request,
        plan,
        lambda reason: builder.delete_item(item=item, user=request.user, reason=reason),
    )
    if isinstance(deletion, HttpResponse):
        return deletion
    token = str(deletion.pk)
    if not request.htmx:
        messages.success(request, SAID[kind]["deleted"])
        return _back_to_builder(plan)
    return _answer(
        request,
        _render_container(request, plan, kind, item),
        focus=focus,
        say=str(SAID[kind]["deleted"]),
        undo_token=token,
        plan=plan,
    )


@login_required
@require_POST
def undo(request: HtmxRequest, pk: int) -> HttpResponse:
    """Put back what a deletion sent to the corbeille (the "Annuler" button)."""
    plan = get_plan_for_user(request.user, pk, write=True)
    entry = trash_entry(plan, request.POST.get("token", ""))
    if entry is None:
        return _refusal(request, _("Cette suppression ne peut plus être annulée."))
    kind = entry.kind
    restored = _structural(
        request,
        plan,
        lambda reason: builder.restore_item(entry=entry, user=request.user, reason=reason),
    )
    if isinstance(restored, HttpResponse):
        return restored
    if not request.htmx:
        return _back_to_builder(plan, f"{kind}-{restored.pk}")
    context = _base_context(request, plan) | {"orientations": plan_tree(plan)}
    response = _answer(
        request,
        render_to_string(f"{TREE}#tree", context, request),
        focus=f"#{kind}-{restored.pk}-row",
        say=str(SAID[kind]["restored"]),
    )
    retarget(response, "#builder-tree")
    return reswap(response, "outerHTML")


# --- Corbeille ------------------------------------------------------------------------------------


@login_required
@require_GET
def trash_page(request: HtmxRequest, pk: int) -> HttpResponse:
    """What the plan's corbeille holds, with what each entry takes with it, for its editors."""
    plan = get_plan_for_user(request.user, pk, write=True)
    context = {"plan": plan, "entries": trash_entries(plan), "days": settings.TRASH_DAYS}
    return render(request, "plans/builder/trash.html", context)


@login_required
@require_POST
def trash_restore(request: HtmxRequest, pk: int, entry_pk: int) -> HttpResponse:
    """Restore one entry of the corbeille to its place, with its follow-up."""
    plan = get_plan_for_user(request.user, pk, write=True)
    entry = trash_entry(plan, str(entry_pk))
    if entry is None:
        raise Http404
    reason = request.POST.get("reason", "").strip() or _session_reason(request, plan)
    try:
        restored = builder.restore_item(entry=entry, user=request.user, reason=reason)
    except BuilderError as exc:
        messages.error(request, exc.message)
        return redirect("plans:builder_trash", pk=plan.pk)
    messages.success(request, _("%(item)s : rétabli.") % {"item": entry.label})
    if entry.kind in builder.KIND_MODELS:
        return _back_to_builder(plan, f"{entry.kind}-{restored.pk}")
    return redirect("plans:builder_trash", pk=plan.pk)


# --- History ------------------------------------------------------------------------------------------


@login_required
@require_GET
def item_history_page(request: HtmxRequest, pk: int, kind: str, item_pk: int) -> HttpResponse:
    """Who changed an item, when, why, and each field before and after (also after its deletion).

    History is readable by whoever may read the plan, so the plan and action pages can link to it.
    """
    plan = get_plan_for_user(request.user, pk)
    if kind not in builder.KIND_MODELS:
        raise Http404
    return _history(request, plan, kind, int(item_pk))


@login_required
@require_GET
def plan_history_page(request: HtmxRequest, pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, pk)
    return _history(request, plan, "plan", plan.pk)


@login_required
@require_POST
def item_restore_version(
    request: HtmxRequest, pk: int, kind: str, item_pk: int, history_id: int
) -> HttpResponse:
    """ "Restaurer cette version": the item takes back the words of one history record."""
    plan, item = get_item_for_user(request.user, pk, kind, item_pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    reason = request.POST.get("reason", "").strip() or _session_reason(request, plan)
    history_url = reverse("plans:builder_history", args=[plan.pk, kind, item.pk])
    try:
        builder.restore_version(
            item=item, history_id=int(history_id), version=version, user=request.user, reason=reason
        )
    except StaleVersion:
        messages.error(
            request,
            _(
                "Quelqu'un a modifié cet élément entre-temps : relisez son historique et recommencez."
            ),
        )
        return redirect(history_url)
    except BuilderError as exc:
        messages.error(request, exc.message)
        return redirect(history_url)
    messages.success(request, _("Version rétablie."))
    return redirect(history_url)


def _history(request: HtmxRequest, plan: Plan, kind: str, item_pk: int) -> HttpResponse:
    records = history_records(plan, kind, item_pk)
    if not records:
        raise Http404
    current = None
    if kind != "plan":
        current = builder.KIND_MODELS[kind]._base_manager.filter(pk=item_pk).first()
    kind_label = _("Plan") if kind == "plan" else KIND_LABELS[kind]
    context = {
        "plan": plan,
        "kind": kind,
        "kind_label": kind_label,
        "title": history_title(plan, kind, records),
        "entries": item_history(plan, kind, item_pk),
        "exists": kind == "plan" or current is not None,
        "item_pk": item_pk,
        "current_version": getattr(current, "version", None),
        "can_restore": current is not None and can_edit_plan(request.user, plan),
        "reason_needed": builder.reason_required(plan),
    }
    return render(request, "plans/builder/history.html", context)
