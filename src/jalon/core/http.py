"""Typed requests for views: the signed-in person, and htmx's details.

`login_required` guarantees a real user; typing the request as `AuthenticatedHttpRequest`
says so to mypy, so `user=request.user` reaches typed services without a cast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

if TYPE_CHECKING:
    from jalon.accounts.models import User


class HtmxRequest(HttpRequest):
    """A request seen by django-htmx's middleware (`request.htmx` is falsy without htmx)."""

    htmx: HtmxDetails


class AuthenticatedHttpRequest(HttpRequest):
    """A request of a signed-in person (behind `login_required`)."""

    user: User


class AuthenticatedHtmxRequest(AuthenticatedHttpRequest):
    """A signed-in person's request, with htmx's details."""

    htmx: HtmxDetails
