"""Errors as RFC 9457 problem details (`application/problem+json`), in the caller's language.

Every refusal of the API comes out here: `type` (about:blank: the status says it all),
`title` (the status in words), `status`, `detail` (what happened and what to do) and, for bad
input, `errors` (field → messages). Nothing is written when one is returned: the services are
atomic and refuse before writing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

PROBLEM_JSON = "application/problem+json"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_code = "precondition_required"


class PreconditionFailed(exceptions.APIException):
    """A stale If-Match; `current_version` goes into the problem document for the client."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"

    def __init__(self, detail: str, *, current_version: int) -> None:
        super().__init__(detail)
        self.current_version = current_version


class Refused(exceptions.APIException):
    """A service refused the input (a locked year, an unknown status…): its message is the detail."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "refused"


def _titles() -> dict[int, str]:
    return {
        400: _("Requête invalide"),
        401: _("Authentification requise"),
        403: _("Accès refusé"),
        404: _("Introuvable"),
        405: _("Méthode non permise"),
        406: _("Format non disponible"),
        412: _("Version périmée"),
        415: _("Type de contenu non pris en charge"),
        422: _("Demande refusée"),
        428: _("En-tête If-Match requis"),
        429: _("Trop de requêtes"),
    }


def problem(status_code: int, detail: str, **extra: Any) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _titles().get(status_code, _("Erreur")),
        "status": status_code,
        "detail": detail,
        **extra,
    }
    return Response(body, status=status_code, content_type=PROBLEM_JSON)


def _flatten(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {key: _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(value) for value in detail]
    return str(detail)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Cette ressource n'existe pas ou vous n'y avez pas accès."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(_("Vous n'avez pas le droit de faire ce changement."))
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: Django's 500 page (and its log) tell it
    set_rollback()
    headers: dict[str, str] = {}
    wait = getattr(exc, "wait", None)
    if isinstance(exc, exceptions.Throttled) and wait is not None:
        headers["Retry-After"] = str(int(wait))
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        headers["WWW-Authenticate"] = auth_header
    extra: dict[str, Any] = {}
    if isinstance(exc, PreconditionFailed):
        extra["current_version"] = exc.current_version
    if isinstance(exc, exceptions.ValidationError):
        detail = _("Certaines valeurs sont invalides : voyez « errors ».")
        extra["errors"] = _flatten(exc.detail)
    else:
        detail = str(exc.detail)
    if isinstance(exc, exceptions.NotAuthenticated):
        detail = _("Connectez-vous ou envoyez un jeton personnel : Authorization: Bearer jalon_…")
    response = problem(exc.status_code, detail, **extra)
    for name, value in headers.items():
        response[name] = value
    return response
