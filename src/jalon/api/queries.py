"""Reads of API tokens: a person's own tokens, and the token a request presents."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .models import ApiToken

#: Every token starts with this, so that a leaked one is easy to recognize (secret scanners).
TOKEN_PREFIX = "jalon_"


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """The person's tokens, revoked ones included (they say when they were revoked)."""
    return ApiToken.objects.filter(user=user).order_by("revoked_at", "-created_at", "-id")


def get_token_of(user: Any, pk: int) -> ApiToken:
    """One of the person's own tokens; 404 for anybody else's."""
    try:
        return ApiToken.objects.get(pk=pk, user=user)
    except (ApiToken.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def active_token(key: str) -> ApiToken | None:
    """The live token this key is, with its user, in one query; None for an unknown or revoked one."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    return (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
