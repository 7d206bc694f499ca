"""Personal tokens in `Authorization: Bearer jalon_…` (sessions are DRF's own class)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from .models import ApiToken
from .queries import active_token
from .services import note_use


class TokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode(errors="replace")
        parts = header.split()
        if not parts or parts[0].lower() != self.keyword.lower():
            return None  # no token: the session (or nobody) is tried next
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("L'en-tête Authorization doit être « Bearer » suivi du jeton.")
            )
        token = active_token(parts[1])
        if token is None:
            raise exceptions.AuthenticationFailed(_("Ce jeton est inconnu ou révoqué."))
        note_use(token=token)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        # A 401 (not a 403) for a missing or bad token, with the scheme to use.
        return self.keyword
