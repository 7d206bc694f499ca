"""Documents generated from a plan, kept with their options, author and date.

The file lives in the default storage under a random folder and is only ever served through
the permission-checked download view: MEDIA_URL is not routed.
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .enums import GenerationStatus, ReportFormat


def _empty_options() -> dict[str, object]:
    return {}


def report_upload_to(instance: Any, filename: str) -> str:
    return f"reports/{instance.plan_id}/{uuid.uuid4().hex}/{filename}"


class GeneratedReport(models.Model):
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="generated_reports",
    )
    kind = models.CharField(_("document"), max_length=40)  # the exporter's identifier
    format = models.CharField(_("format"), max_length=10, choices=ReportFormat.choices)
    options = models.JSONField(_("options"), default=_empty_options, blank=True)
    language = models.CharField(_("langue"), max_length=10, default="fr-ca")
    status = models.CharField(
        _("état"),
        max_length=10,
        choices=GenerationStatus.choices,
        default=GenerationStatus.PENDING,
        db_index=True,
    )
    error = models.TextField(_("erreur"), blank=True)
    file = models.FileField(_("fichier"), upload_to=report_upload_to, blank=True, max_length=500)
    filename = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    content_type = models.CharField(max_length=120, blank=True)
    size = models.PositiveIntegerField(_("taille"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("demandé le"), auto_now_add=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    # A published file is the version the organization stands behind: members of the network
    # and the plan's funders may read it (see `queries.may_read_report`). Its file never
    # changes: a new version is a new report.
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publié par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects: ClassVar[models.Manager[GeneratedReport]] = models.Manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document produit")
        verbose_name_plural = _("documents produits")
        indexes = [models.Index(fields=["plan", "-created_at"])]

    def __str__(self) -> str:
        return self.filename or f"{self.kind}.{self.format}"

    @property
    def is_finished(self) -> bool:
        return self.status in {GenerationStatus.DONE, GenerationStatus.FAILED}

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class ReportShareLink(models.Model):
    """A read-only link to one published report, for a funder without an account.

    Whoever holds the token downloads the file until `expires_on` (included), unless an editor
    revokes it or withdraws the report's publication. The token is kept (not only a hash) so
    editors can copy the link again from the reports page."""

    report = models.ForeignKey(
        GeneratedReport,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    token = models.CharField(max_length=64, unique=True)
    expires_on = models.DateField(_("expire le"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("révoqué le"), null=True, blank=True)

    objects: ClassVar[models.Manager[ReportShareLink]] = models.Manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lien de partage")
        verbose_name_plural = _("liens de partage")

    def __str__(self) -> str:
        return f"{self.report_id} → {self.expires_on}"


class ReportNarrative(models.Model):
    """The parts of a yearly or global report only people can write, kept with the plan.

    One per plan, kind ("annual" or "global") and plan year (0 for the global report);
    `version` refuses a second person's save made over an older text.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan"),
        on_delete=models.CASCADE,
        related_name="report_narratives",
    )
    kind = models.CharField(_("rapport"), max_length=20)
    year = models.PositiveSmallIntegerField(_("année du plan"), default=0)
    introduction = models.TextField(_("introduction"), blank=True)
    chair_word = models.TextField(_("mot de la présidence"), blank=True)
    highlights = models.TextField(_("faits saillants"), blank=True)
    lessons = models.TextField(_("ce que nous avons appris"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifié par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    # Who wrote what, and the texts as they were: a narrative overwritten can be read back.
    history = HistoricalRecords()

    objects: ClassVar[models.Manager[ReportNarrative]] = models.Manager()

    class Meta:
        verbose_name = _("texte de rapport")
        verbose_name_plural = _("textes de rapport")
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind", "year"], name="reports_narrative_one_per_report"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}"
