"""Indicators: values per year (entered or computed), their assessment and why, and their rules."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest
from jalon.plans.models import Indicator, Plan

from .. import queries, services
from ..enums import AssessmentStatus
from ..forms import OccurrenceForm, RuleForm, ValueForm, plain_decimal
from .common import plan_context, plan_for, require, stale_message, today, year_for


@login_required
def indicators(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    year = year_for(request, plan)
    rows = queries.indicator_rows(plan, today(), up_to=year.number if year else None)
    wanted = request.GET.get("appreciation", "")
    if wanted not in AssessmentStatus.values:
        wanted = ""
    items = []
    for row in rows:
        result = row.for_year(year.number) if year else None
        if wanted and (result is None or result.status != wanted):
            continue
        items.append((row, result))
    context = plan_context(
        plan,
        "indicators",
        year=year,
        years=plan.years,
        items=items,
        total=len(rows),
        counts=queries.assessment_counts(rows, year.number) if year else [],
        wanted=wanted,
        keep=[("appreciation", wanted)] if wanted else [],
        assessments=AssessmentStatus.choices,
    )
    return render(request, "tracking/indicators.html", context)


def _value_years(plan: Plan, has_rule: bool) -> list[tuple[int, str]]:
    years = [(0, _("Valeur de référence (avant le plan)"))]
    if not has_rule:
        years += [(y.number, y.label) for y in plan.years]
    return years


def _indicator_page(
    request: HttpRequest,
    plan: Plan,
    indicator: Indicator,
    *,
    value_form: ValueForm | None = None,
    rule_form: RuleForm | None = None,
    occurrence_form: OccurrenceForm | None = None,
    status: int = 200,
) -> HttpResponse:
    day = today()
    logs = queries.load_logs(plan)
    row = queries.indicator_rows(plan, day, indicator=indicator, logs=logs)[0]
    may_update = queries.can_update_indicator(request.user, indicator)
    may_set_rule = queries.can_set_rule(request.user, plan)
    years = _value_years(plan, row.rule is not None)
    numbers = [n for n, _label in years]
    current = queries.current_year(plan, day)
    try:
        editing = int(request.GET.get("saisie", ""))
    except ValueError:
        editing = current.number if current and row.rule is None else 0
    if editing not in numbers:
        editing = 0
    if value_form is not None:
        editing = (
            int(value_form.data.get("plan_year") or editing) if value_form.is_bound else editing
        )
    if editing == 0:
        entry = row.baseline
    else:
        result = row.for_year(editing)
        entry = result.entry if result else None
    if may_update and value_form is None:
        initial: dict[str, Any] = {"plan_year": editing, "version": entry.version if entry else 0}
        if entry is not None:
            initial.update(
                value=plain_decimal(entry.value),
                done="yes" if entry.done else "no" if entry.done is False else "",
                on_date=entry.on_date,
                narrative=entry.narrative,
                judgement=entry.judgement,
                note=entry.note,
                source=entry.source,
            )
        value_form = ValueForm(initial=initial, years=years)
    if may_set_rule and rule_form is None:
        rule = row.rule
        rule_form = RuleForm(
            initial={
                "kind": rule.kind if rule else "",
                "base_kind": rule.base_kind if rule else "",
                "activity_kinds": rule.activity_kinds if rule else [],
                "scope": rule.scope if rule else "action",
                "version": rule.version if rule else 0,
            }
        )
    target = row.target or {}
    if (
        may_update
        and occurrence_form is None
        and target.get("form") == "frequency"
        and row.rule is None
    ):
        occurrence_form = OccurrenceForm(initial={"on_date": day})
    behind = []
    for result in row.years:
        kind, ids = queries.records_for(row, result.year, logs)
        behind.append((result, kind, len(ids)))
    labels = dict(years)
    context = plan_context(
        plan,
        "indicators",
        row=row,
        indicator=indicator,
        action=indicator.action,
        behind=behind,
        may_update=may_update,
        may_set_rule=may_set_rule,
        value_form=value_form,
        editing=editing,
        editing_label=labels.get(editing, ""),
        rule_form=rule_form,
        occurrence_form=occurrence_form,
        target=target,
    )
    return render(request, "tracking/indicator.html", context, status=status)


@login_required
def indicator(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    ind = queries.get_indicator(plan, indicator_pk)
    return _indicator_page(request, plan, ind)


def _back(plan: Plan, indicator: Indicator, anchor: str = "") -> str:
    return reverse("tracking:indicator", args=[plan.pk, indicator.pk]) + anchor


@login_required
@require_POST
def indicator_value(request: AuthenticatedHttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    ind = queries.get_indicator(plan, indicator_pk)
    require(queries.can_update_indicator(request.user, ind))
    has_rule = hasattr(ind, "rule") and ind.rule is not None
    form = ValueForm(request.POST, years=_value_years(plan, has_rule))
    if not form.is_valid():
        messages.error(
            request, _("La valeur n'a pas été enregistrée : vérifiez les champs signalés.")
        )
        return _indicator_page(request, plan, ind, value_form=form, status=400)
    data = form.cleaned_data
    try:
        services.record_indicator_value(
            indicator=ind,
            user=request.user,
            plan_year=data["plan_year"],
            expected_version=data["version"] or 0,
            value=data["value"],
            done=data["done"],
            on_date=data["on_date"],
            narrative=data["narrative"],
            judgement=data["judgement"],
            note=data["note"],
            source=data["source"],
        )
    except services.StaleVersion as exc:
        post = request.POST.copy()
        post["version"] = str(exc.current_version)
        messages.error(request, stale_message(exc))
        form = ValueForm(post, years=_value_years(plan, has_rule))
        return _indicator_page(request, plan, ind, value_form=form, status=409)
    except services.TrackingError as exc:
        messages.error(request, exc.message)
        return _indicator_page(request, plan, ind, value_form=form, status=400)
    messages.success(request, _("La valeur est enregistrée."))
    return redirect(_back(plan, ind, "#valeurs"))


@login_required
@require_POST
def indicator_rule(request: AuthenticatedHttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    ind = queries.get_indicator(plan, indicator_pk)
    require(queries.can_set_rule(request.user, plan))
    form = RuleForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("La règle n'a pas été enregistrée : vérifiez les champs signalés.")
        )
        return _indicator_page(request, plan, ind, rule_form=form, status=400)
    data = form.cleaned_data
    try:
        if not data["kind"]:
            services.remove_indicator_rule(indicator=ind, user=request.user)
            messages.success(
                request, _("La valeur de cet indicateur se saisit maintenant à la main.")
            )
        else:
            services.set_indicator_rule(
                indicator=ind,
                user=request.user,
                kind=data["kind"],
                base_kind=data["base_kind"],
                activity_kinds=data["activity_kinds"],
                scope=data["scope"],
                expected_version=data["version"] or 0,
            )
            messages.success(request, _("La règle de calcul est enregistrée."))
    except services.StaleVersion as exc:
        post = request.POST.copy()
        post["version"] = str(exc.current_version)
        messages.error(request, stale_message(exc))
        return _indicator_page(request, plan, ind, rule_form=RuleForm(post), status=409)
    except services.TrackingError as exc:
        messages.error(request, exc.message)
        return _indicator_page(request, plan, ind, rule_form=form, status=400)
    return redirect(_back(plan, ind, "#regle"))


@login_required
@require_POST
def indicator_occurrence(
    request: AuthenticatedHttpRequest, pk: int, indicator_pk: int
) -> HttpResponse:
    plan = plan_for(request, pk)
    ind = queries.get_indicator(plan, indicator_pk)
    require(queries.can_update_indicator(request.user, ind))
    form = OccurrenceForm(request.POST)
    if not form.is_valid():
        return _indicator_page(request, plan, ind, occurrence_form=form, status=400)
    try:
        services.add_occurrence(
            indicator=ind,
            user=request.user,
            on_date=form.cleaned_data["on_date"],
            note=form.cleaned_data["note"],
            source=form.cleaned_data["source"],
        )
    except services.TrackingError as exc:
        messages.error(request, exc.message)
        return _indicator_page(request, plan, ind, occurrence_form=form, status=400)
    messages.success(request, _("L'occurrence est inscrite."))
    return redirect(_back(plan, ind, "#occurrences"))


@login_required
@require_POST
def indicator_value_delete(
    request: AuthenticatedHttpRequest, pk: int, indicator_pk: int, value_pk: int
) -> HttpResponse:
    plan = plan_for(request, pk)
    ind = queries.get_indicator(plan, indicator_pk)
    require(queries.can_update_indicator(request.user, ind))
    entry = queries.get_value(ind, value_pk)
    entry.indicator = ind
    try:
        services.delete_indicator_value(entry=entry, user=request.user)
        messages.success(
            request,
            _(
                "La valeur est dans la corbeille du plan : un éditeur peut la rétablir pendant %(days)s jours."
            )
            % {"days": settings.TRASH_DAYS},
        )
    except services.TrackingError as exc:
        messages.error(request, exc.message)
    return redirect(_back(plan, ind, "#valeurs"))
