"""Signal receivers of the accounts app (connected in AccountsConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from .language import apply_language


@receiver(user_logged_in, dispatch_uid="jalon.accounts.language_at_login")
def language_at_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """The language saved in the profile is the one the interface speaks once signed in."""
    language = getattr(user, "language", "")
    if request is not None and language:
        apply_language(request, language)
