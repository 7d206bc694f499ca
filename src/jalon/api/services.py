"""Writes of API tokens: create one (the clear token is returned once), revoke one, note its use."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .enums import TokenScope
from .models import ApiToken
from .queries import TOKEN_PREFIX, hash_token

if TYPE_CHECKING:
    from jalon.accounts.models import User

#: A token's last use is written at most this often: not one UPDATE per request.
LAST_USED_PRECISION = dt.timedelta(minutes=1)


class TokenError(ValueError):
    """A token that cannot be created as asked (the message says why, in the interface's language)."""


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    key: str  # the clear token: shown once, never stored


@transaction.atomic
def create_token(*, user: User, name: str, scope: str = TokenScope.READ) -> NewToken:
    name = name.strip()
    if not name:
        raise TokenError(_("Donnez un nom au jeton (l'outil qui s'en servira, par exemple)."))
    if scope not in TokenScope.values:
        raise TokenError(_("« %(scope)s » n'est pas une portée connue.") % {"scope": scope})
    key = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        scope=scope,
        key_hash=hash_token(key),
        prefix=key[: len(TOKEN_PREFIX) + 4],
    )
    return NewToken(token=token, key=key)


@transaction.atomic
def revoke_token(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke a token of `by` (idempotent: a revoked token keeps its first revocation date)."""
    if token.user_id != by.pk:
        raise TokenError(_("Ce jeton n'est pas le vôtre."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def note_use(*, token: ApiToken, now: dt.datetime | None = None) -> None:
    """Record that the token was just used (at most once a minute)."""
    now = now or timezone.now()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_PRECISION:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
