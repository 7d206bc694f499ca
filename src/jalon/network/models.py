"""Regions, themes and organizations.

Organizations nest: a national network, its regional members, territorial bodies and local
committees. Regions are Quebec's 17 administrative regions, loaded as data by a migration; a
network may add sub-territories as regions with a parent.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import Coordination, MemberStatus, OrganizationKind


def logo_upload_to(instance: Any, filename: str) -> str:
    """A random folder per upload: a new logo never overwrites a report's cached old one."""
    return f"logos/{uuid.uuid4().hex}/{filename}"


class Region(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("région parente"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("network:region", kwargs={"slug": self.slug})


class Theme(models.Model):
    """An issue members work on (sécurité alimentaire, logement…): used to connect them."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self) -> str:
        return self.name


class Organization(models.Model):
    name = models.CharField(_("nom"), max_length=255)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True, db_index=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    kind = models.CharField(
        _("type"), max_length=20, choices=OrganizationKind.choices, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("réseau parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("région administrative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    member_status = models.CharField(
        _("statut de membre"),
        max_length=20,
        choices=MemberStatus.choices,
        default=MemberStatus.NON_MEMBER,
        db_index=True,
    )
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    city = models.CharField(_("municipalité"), max_length=120, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    website = models.URLField(_("site Web"), blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Printed on the covers of the organization's reports (PNG or JPEG, checked by the form).
    logo = models.ImageField(_("logo"), upload_to=logo_upload_to, blank=True, max_length=300)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thèmes"), blank=True, related_name="organizations"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Bumped by every change made through the services; a form carries the version it saw.
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [models.Index(fields=["parent", "kind"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse("network:organization", kwargs={"slug": self.slug})

    @property
    def short_name(self) -> str:
        return self.acronym or self.name


class SituationReport(models.Model):
    """An état de situation des démarches: where a regional body stands, filed twice a year.

    One per organization and half-year (`year`, `half`: 1 = January–June, 2 = July–December);
    filing again in the same half-year updates it, and its history keeps every version.
    """

    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="situation_reports",
    )
    year = models.PositiveSmallIntegerField(_("année"))
    half = models.PositiveSmallIntegerField(_("semestre"), choices=[(1, "1"), (2, "2")])
    structure = models.TextField(
        _("structure"),
        help_text=_("Qui porte la démarche : organisme, comité, personnes en poste."),
    )
    coordination = models.CharField(
        _("coordination régionale"), max_length=20, choices=Coordination.choices
    )
    funding = models.TextField(_("financement"), help_text=_("Sources, montants, échéances."))
    issues = models.TextField(_("principaux enjeux"))
    support_needs = models.TextField(_("besoins de soutien"), blank=True)
    filed_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("rempli par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    filed_at = models.DateTimeField(_("rempli le"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-half"]
        verbose_name = _("état de situation")
        verbose_name_plural = _("états de situation")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "half"], name="one_situation_report_per_half_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} — {self.period_label}"

    @property
    def period_label(self) -> str:
        if self.half == 1:
            return _("janvier à juin %(year)s") % {"year": self.year}
        return _("juillet à décembre %(year)s") % {"year": self.year}
