"""In-app notifications: the list, marking them read, and the unread count in the header."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jalon.core.http import AuthenticatedHttpRequest

from .. import queries, services


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    items = queries.notifications_for(request.user)
    unread = sum(1 for n in items if n.read_at is None)
    return render(request, "tracking/notifications.html", {"items": items, "unread": unread})


@login_required
@require_POST
def notifications_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    ids = [int(raw) for raw in request.POST.getlist("ids") if raw.isdigit()]
    count = services.mark_notifications_read(
        user=request.user,
        ids=ids or None,
    )
    messages.success(request, _("%(n)s notification(s) marquée(s) comme lue(s).") % {"n": count})
    return redirect("tracking:notifications")


@login_required
def notifications_count(request: HttpRequest) -> HttpResponse:
    """The header's link with the unread count, loaded by htmx so pages keep their own queries."""
    count = queries.unread_count(request.user)
    return render(
        request, "tracking/includes/notifications_link.html", {"count": count, "loaded": True}
    )
