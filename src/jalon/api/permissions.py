"""Who may call the API at all: a signed-in person; a read-only token reads only.

What a person may see or change inside is decided by the apps' access queries
(`plans.queries`, `tracking.queries`), called by each endpoint: there is no second set of rules.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from .models import ApiToken


class SignedInWithScope(BasePermission):
    message = _("Ce jeton ne permet que la lecture : créez un jeton « lecture et écriture ».")

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user.is_authenticated:
            return False
        token = request.auth
        if isinstance(token, ApiToken) and request.method not in SAFE_METHODS:
            return token.can_write
        return True
