"""Users and their place in organizations.

A user holds a membership in one or more organizations, with a role in each (administrator,
editor, contributor, reader) and, optionally, a position ("Agent de liaison"): the position is
how a plan's actors ("Coordination", "Agent de liaison") are matched to the people who carry
the actions.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import Role


class User(AbstractUser):
    # Unique when given; NULL (not "") when missing, so that many accounts may have none.
    email = models.EmailField(_("courriel"), unique=True, null=True, blank=True)  # type: ignore[assignment]
    language = models.CharField(
        _("langue"), max_length=10, choices=settings.LANGUAGES, default="fr-ca"
    )

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.READER)
    position = models.CharField(
        _("poste"),
        max_length=120,
        blank=True,
        help_text=_(
            "Le titre du poste tel qu'il apparaît dans les plans, p. ex. « Agent de liaison »."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Who gave whom which role, and when: the administrators' changes are kept.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("appartenance")
        verbose_name_plural = _("appartenances")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    email = models.EmailField(_("courriel"))
    organization = models.ForeignKey(
        "network.Organization",
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("rôle"), max_length=20, choices=Role.choices, default=Role.READER)
    position = models.CharField(_("poste"), max_length=120, blank=True)
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.expires_at is None:  # not given: the default delay
            self.expires_at = timezone.now() + timedelta(days=settings.INVITATION_DAYS)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at
