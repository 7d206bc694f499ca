"""A shared resource and its daily download counters.

`DownloadDay` holds one count per resource and day and nothing about who downloaded: the
indicator "Nombre de téléchargements" sums it over a plan's fiscal year. `downloads` on the
resource is the total of those counters, kept with them in the same transaction, so the
"most downloaded" sort reads one column. `search_text` is the casefolded, accent-folded text
searched on SQLite; on PostgreSQL `search_vector` (French stemming, unaccented) is searched.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import Language, ResourceKind, Visibility


def resource_upload_to(instance: Any, filename: str) -> str:
    return f"resources/{instance.organization_id}/{filename}"


class Resource(models.Model):
    title = models.CharField(_("titre"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=ResourceKind.choices, db_index=True)
    themes = models.ManyToManyField(
        "network.Theme", verbose_name=_("thèmes"), blank=True, related_name="resources"
    )
    region = models.ForeignKey(
        "network.Region",
        verbose_name=_("région"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resources",
    )
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("organisation autrice"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    language = models.CharField(
        _("langue"), max_length=10, choices=Language.choices, default=Language.FRENCH
    )
    published_on = models.DateField(_("date"))
    file = models.FileField(_("fichier"), upload_to=resource_upload_to, max_length=300, blank=True)
    link = models.URLField(_("lien"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibilité"), max_length=20, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    produced_by = models.ForeignKey(
        "plans.Action",
        verbose_name=_("produit par l'action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    # Indicators that count this resource's downloads besides those of its producing action.
    indicators = models.ManyToManyField(
        "plans.Indicator",
        verbose_name=_("compté par les indicateurs"),
        blank=True,
        related_name="resources",
    )
    downloads = models.PositiveIntegerField(_("téléchargements"), default=0, db_index=True)
    search_text = models.TextField(blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["downloads", "search_text", "search_vector"])

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name = _("outil")
        verbose_name_plural = _("outils")
        indexes = [models.Index(fields=["-published_on", "-id"], name="resource_newest")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", kwargs={"pk": self.pk})


class DownloadDay(models.Model):
    """How many times a resource was downloaded on a day (robots and repeated clicks left out)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="download_days")
    day = models.DateField(_("jour"))
    count = models.PositiveIntegerField(_("téléchargements"), default=0)

    class Meta:
        verbose_name = _("téléchargements du jour")
        verbose_name_plural = _("téléchargements par jour")
        constraints = [
            models.UniqueConstraint(fields=["resource", "day"], name="one_counter_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} {self.day}: {self.count}"
