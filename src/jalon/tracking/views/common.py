"""What every follow-up page needs: the plan the person may see, today, the year asked for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from jalon.core.concurrency import StaleVersion
from jalon.core.fiscal import PlanYear
from jalon.core.moments import moment_text
from jalon.plans.models import Plan
from jalon.plans.queries import get_plan_for_user

from ..formats import day_text
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


# --- conflicts ------------------------------------------------------------------------------


def value_text(entry: Any) -> str:
    """What an indicator value holds, in words ("valeur 5, note « Registre »")."""
    parts = []
    if entry.value is not None:
        parts.append(_("valeur %(value)s") % {"value": entry.value.normalize()})
    if entry.done is not None:
        parts.append(_("réalisé") if entry.done else _("non réalisé"))
    if entry.narrative:
        parts.append(_("constat « %(text)s »") % {"text": entry.narrative[:80]})
    if entry.note:
        parts.append(_("note « %(text)s »") % {"text": entry.note[:80]})
    return ", ".join(parts) or _("aucune valeur")


def _status_text(row: Any) -> str:
    return str(row.get_status_display()) if row.status else _("sans état")


def stale_message(exc: StaleVersion) -> str:
    """The sentence that tells the person why their save was refused and what to do.

    The wording is tracking/includes/stale_version.txt's; this gathers its facts: who saved
    meanwhile, when, and what the row says now.
    """
    current, cause, change = exc.current, exc.cause, exc.change
    context: dict[str, Any] = {"kind": exc.subject}
    if change is not None:
        context["when"] = moment_text(change.when)
    context["who"] = str(change.who) if change is not None and change.who else _("quelqu'un")
    if isinstance(current, list):
        context["kind"] = "bulk"
        context["names"] = ", ".join(a.code or str(a.pk) for a in current)
    elif current is None and cause is not None:
        context["kind"] = f"{cause._meta.model_name}-gone"
    elif cause is not None:  # a status update moved the action on
        context |= {
            "kind": cause._meta.model_name,
            "status": _status_text(cause),
            "date": day_text(cause.date),
            "note": f" (« {cause.note} »)" if cause.note else "",
        }
    elif exc.subject == "action":
        context["status"] = _status_text(current)
    elif exc.subject == "activity":
        context |= {"title": current.title, "date": day_text(current.date)}
    elif exc.subject == "contact":
        context |= {"subject": current.subject, "date": day_text(current.date)}
    elif exc.subject == "indicatorrule":
        context["rule"] = current.get_kind_display()
    elif exc.subject == "indicatorvalue":
        context["value"] = value_text(current)
    return render_to_string("tracking/includes/stale_version.txt", context).strip()
