"""Template helpers of the follow-up: status and assessment badges, the plan's tracking links."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from jalon.plans.enums import ActionStatus
from jalon.plans.models import Plan
from jalon.plans.queries import can_read_plan
from jalon.plans.target_text import describe_target

from ..enums import ActivityKind, AssessmentStatus, ContactChannel
from ..formats import day_text
from ..queries import can_log, can_read_contacts

register = template.Library()

STATUS_CLASSES = {
    ActionStatus.COMPLETED: "badge--ok",
    ActionStatus.IN_PROGRESS: "badge--brand",
    ActionStatus.IN_PREPARATION: "badge--brand",
    ActionStatus.NOT_STARTED: "badge--muted",
    ActionStatus.POSTPONED: "badge--warn",
    ActionStatus.ABANDONED: "badge--bad",
}
ASSESSMENT_CLASSES = {
    AssessmentStatus.ACHIEVED: "badge--ok",
    AssessmentStatus.ON_TRACK: "badge--brand",
    AssessmentStatus.AT_RISK: "badge--warn",
    AssessmentStatus.OFF_TRACK: "badge--bad",
    AssessmentStatus.NOT_ACHIEVED: "badge--bad",
    AssessmentStatus.FOLLOWED: "badge--muted",
    AssessmentStatus.NOT_TRACKED: "badge--muted",
    AssessmentStatus.NO_DATA: "badge--muted",
}


@register.filter
def status_class(status: str) -> str:
    return str(STATUS_CLASSES.get(status, "badge--muted"))  # type: ignore[call-overload]


@register.filter
def status_label(status: str) -> str:
    if not status:
        return _("Sans état")
    try:
        return str(ActionStatus(status).label)
    except ValueError:
        return status


@register.filter
def assessment_class(status: str) -> str:
    return str(ASSESSMENT_CLASSES.get(status, "badge--muted"))  # type: ignore[call-overload]


@register.filter
def assessment_label(status: str) -> str:
    try:
        return str(AssessmentStatus(status).label)
    except ValueError:
        return status


@register.filter
def activity_kind_label(kind: str) -> str:
    try:
        return str(ActivityKind(kind).label)
    except ValueError:
        return kind


@register.filter
def channel_label(channel: str) -> str:
    try:
        return str(ContactChannel(channel).label)
    except ValueError:
        return channel


@register.filter
def day(value: object) -> str:
    """A date as people write it: "1er octobre 2026", "3 octobre 2026"."""
    if not isinstance(value, dt.date):
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return day_text(value)


@register.filter
def amount(value: object) -> str:
    """A measured value as people write it: "12", "12,5", "1 250" (no trailing zeros)."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return str(value)
    if number == number.to_integral_value():
        return number_format(number.to_integral_value(), decimal_pos=0, force_grouping=True)
    places = 1 if number * 10 == (number * 10).to_integral_value() else 2
    return number_format(
        number.quantize(Decimal(1).scaleb(-places)), decimal_pos=places, force_grouping=True
    )


@register.filter
def target_text(target: Any) -> str:
    return describe_target(target if isinstance(target, dict) else None)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag(takes_context=True)
def tracking_links(context: template.Context, plan: Plan) -> list[dict[str, str]]:
    """The follow-up pages of a plan the signed-in person may open, for the plan's navigation."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not can_read_plan(user, plan):
        return []
    links = [
        {
            "key": "dashboard",
            "label": _("Tableau de bord"),
            "url": reverse("tracking:dashboard", args=[plan.pk]),
        },
        {
            "key": "progress",
            "label": _("Avancement"),
            "url": reverse("tracking:progress", args=[plan.pk]),
        },
        {
            "key": "indicators",
            "label": _("Indicateurs"),
            "url": reverse("tracking:indicators", args=[plan.pk]),
        },
        {
            "key": "activities",
            "label": _("Activités"),
            "url": reverse("tracking:activities", args=[plan.pk]),
        },
    ]
    if can_read_contacts(user, plan):
        links.append(
            {
                "key": "contacts",
                "label": _("Contacts"),
                "url": reverse("tracking:contacts", args=[plan.pk]),
            }
        )
    if can_log(user, plan):
        links.insert(
            1,
            {
                "key": "round",
                "label": _("Tournée de mise à jour"),
                "url": reverse("tracking:round", args=[plan.pk]),
            },
        )
    return links
