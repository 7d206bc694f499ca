"""What every follow-up page needs: the plan the person may see, today, the year asked for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils import timezone

from jalon.core.fiscal import PlanYear
from jalon.plans.models import Plan
from jalon.plans.queries import get_plan_for_user

from ..queries import chosen_year


def today() -> dt.date:
    return timezone.localdate()


def plan_for(request: HttpRequest, pk: int) -> Plan:
    """The plan if the person may read it; 404 otherwise (its existence does not leak)."""
    return get_plan_for_user(request.user, pk)


def year_for(request: HttpRequest, plan: Plan) -> PlanYear | None:
    return chosen_year(plan, request.GET.get("annee"), today())


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def plan_context(plan: Plan, section: str, **extra: Any) -> dict[str, Any]:
    return {"plan": plan, "tracking_section": section, **extra}
