"""The plan's dashboard, its roll-ups of progress, and the locking of years."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.fiscal import PlanYear

from .. import queries, services
from ..enums import AssessmentStatus
from ..forms import LockForm, TrackingStartForm, UnlockForm
from ..rollups import rollup, rollups_by
from .common import plan_context, plan_for, require, today, year_for

CONCERNS = {
    AssessmentStatus.NOT_ACHIEVED,
    AssessmentStatus.AT_RISK,
    AssessmentStatus.OFF_TRACK,
    AssessmentStatus.NO_DATA,
}


@login_required
def dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    plan = plan_for(request, pk)
    day = today()
    year = year_for(request, plan)
    actions = list(queries.actions_with_state(plan))
    for action in actions:
        action.plan = plan
    year_actions = [a for a in actions if queries.scheduled_in(a, year)]
    states = queries.action_states(year_actions)
    by_orientation = rollups_by(states, "orientation_id")
    orientations = [
        (o, by_orientation[o.pk])
        for o in plan.orientations.order_by("order", "id")
        if o.pk in by_orientation
    ]
    locks = queries.open_locks(plan)
    logs = queries.load_logs(plan)
    start = queries.tracking_start(plan, logs)
    rows = queries.indicator_rows(
        plan, day, up_to=year.number if year else None, locks=locks, logs=logs, start=start
    )
    concerns = []
    counts: list[tuple[str, int]] = []
    if year is not None:
        counts = queries.assessment_counts(rows, year.number)
        for row in rows:
            result = row.for_year(year.number)
            if result is not None and result.assessment.status in CONCERNS:
                concerns.append((row, result))
        order = [
            AssessmentStatus.NOT_ACHIEVED,
            AssessmentStatus.OFF_TRACK,
            AssessmentStatus.AT_RISK,
            AssessmentStatus.NO_DATA,
        ]
        concerns.sort(key=lambda item: order.index(item[1].assessment.status))
    late = [
        (a, queries.days_since_update(a, day))
        for a in year_actions
        if queries.is_late(a, plan, day)
    ]
    context = plan_context(
        plan,
        "dashboard",
        year=year,
        years=plan.years,
        total=rollup(states),
        orientations=orientations,
        counts=counts,
        indicator_total=len(rows),
        concerns=concerns[:12],
        concern_count=len(concerns),
        late=late,
        recent_updates=queries.recent_updates(plan),
        recent_activities=queries.recent_activities(plan),
        lock=locks.get(year.number) if year else None,
        lock_history=queries.lock_history(plan),
        can_lock=queries.can_edit_tracking(request.user, plan),
        can_log=queries.can_log(request.user, plan),
        lock_form=LockForm(initial={"year": year.number}) if year else None,
        unlock_form=UnlockForm(initial={"year": year.number}) if year else None,
        tracking_start=start,
        start_form=TrackingStartForm(initial={"tracking_started_on": plan.tracking_started_on}),
    )
    return render(request, "tracking/dashboard.html", context)


@login_required
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Roll-ups of the actions' statuses per objective, orientation and plan."""
    plan = plan_for(request, pk)
    wanted = request.GET.get("annee", "")
    year: PlanYear | None = None
    if wanted:
        year = queries.chosen_year(plan, wanted, today())
    actions = [a for a in queries.actions_with_state(plan) if queries.scheduled_in(a, year)]
    states = queries.action_states(actions)
    per_objective = rollups_by(states, "objective_id")
    per_orientation = rollups_by(states, "orientation_id")
    objectives = list(
        plan.objectives.select_related("orientation").order_by("orientation__order", "order", "id")
    )
    sections = []
    for orientation in plan.orientations.order_by("order", "id"):
        items = [
            (o, per_objective[o.pk])
            for o in objectives
            if o.orientation_id == orientation.pk and o.pk in per_objective
        ]
        if items:
            sections.append((orientation, per_orientation[orientation.pk], items))
    context = plan_context(
        plan, "progress", year=year, years=plan.years, total=rollup(states), sections=sections
    )
    return render(request, "tracking/progress.html", context)


@login_required
@require_POST
def tracking_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors say when follow-up started in Jalon (empty: the first record's date)."""
    plan = plan_for(request, pk)
    require(queries.can_edit_tracking(request.user, plan))
    form = TrackingStartForm(request.POST)
    if form.is_valid():
        try:
            services.set_tracking_start(
                plan=plan,
                on_date=form.cleaned_data["tracking_started_on"],
                user=request.user if request.user.is_authenticated else None,
            )
            messages.success(request, _("Le début du suivi est enregistré."))
        except services.TrackingError as exc:
            messages.error(request, exc.message)
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect(f"{reverse('tracking:dashboard', args=[plan.pk])}#debut-suivi")


@login_required
@require_POST
def lock(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock (the year's report was adopted) or unlock (with a reason) a plan year."""
    plan = plan_for(request, pk)
    require(queries.can_edit_tracking(request.user, plan))
    user = request.user if request.user.is_authenticated else None
    if request.POST.get("do") == "unlock":
        form: LockForm | UnlockForm = UnlockForm(request.POST)
        if form.is_valid():
            try:
                services.unlock_year(
                    plan=plan,
                    year=form.cleaned_data["year"],
                    user=user,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, _("L'année est déverrouillée ; la raison est conservée."))
            except services.TrackingError as exc:
                messages.error(request, exc.message)
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, str(error))
    else:
        form = LockForm(request.POST)
        if form.is_valid():
            try:
                services.lock_year(
                    plan=plan,
                    year=form.cleaned_data["year"],
                    user=user,
                    note=form.cleaned_data["note"],
                )
                messages.success(
                    request,
                    _("L'année est verrouillée : plus rien de daté dans cette année ne change."),
                )
            except services.TrackingError as exc:
                messages.error(request, exc.message)
    year = request.POST.get("year", "")
    year = year if year.isdigit() else ""
    return redirect(f"{reverse('tracking:dashboard', args=[plan.pk])}?annee={year}#verrou")
