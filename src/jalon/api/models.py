"""Personal API tokens: a person's key for another tool (a website, a CRM, a spreadsheet).

Only a hash of the token is stored (SHA-256: the token is 256 random bits, so a slow hash adds
nothing); the clear token is shown once, when it is created. `prefix` (its first characters)
lets the person tell their tokens apart on the tokens page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import TokenScope


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("nom"), max_length=100)
    scope = models.CharField(
        _("portée"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    key_hash = models.CharField(_("empreinte"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("début du jeton"), max_length=16, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == TokenScope.WRITE

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
