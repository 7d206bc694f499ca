"""An import: the document a user brought, the draft read from it, and its review until saved.

The draft lives here as `jalon-plan/1` JSON while it is reviewed; `version` grows with each
change so that two people reviewing the same import cannot overwrite each other. The file is
kept in the default storage under imports/ and is never served (MEDIA_URL is not routed).
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import ImportStatus, SourceKind


def import_upload_to(instance: Any, filename: str) -> str:
    return f"imports/{instance.organization_id}/{uuid.uuid4().hex}/{filename}"


def _empty_list() -> list[Any]:
    return []


class ImportJob(models.Model):
    organization = models.ForeignKey(
        "network.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    source_kind = models.CharField(
        _("provenance"), max_length=10, choices=SourceKind.choices, default=SourceKind.FILE
    )
    file = models.FileField(_("fichier"), upload_to=import_upload_to, max_length=300, blank=True)
    pasted_text = models.TextField(_("texte collé"), blank=True)
    filename = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    format = models.CharField(_("format"), max_length=10, blank=True)
    status = models.CharField(
        _("état"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progression (%)"), default=0)
    # While scanned pages are read by OCR: how many are done, of how many, and which is read.
    ocr_done = models.PositiveSmallIntegerField(_("pages reconnues"), default=0)
    ocr_total = models.PositiveSmallIntegerField(_("pages à reconnaître"), default=0)
    ocr_page = models.PositiveSmallIntegerField(_("page en reconnaissance"), default=0)
    error_message = models.TextField(_("message d'erreur"), blank=True)
    error_message_en = models.TextField(_("message d'erreur (anglais)"), blank=True)
    error_where = models.CharField(_("endroit de l'erreur"), max_length=200, blank=True)
    draft = models.JSONField(_("brouillon"), null=True, blank=True)
    source_lines = models.JSONField(_("lignes du document"), default=_empty_list, blank=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    last_change = models.CharField(_("dernière modification"), max_length=300, blank=True)
    last_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modifié par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_jobs",
    )
    created_at = models.DateTimeField(_("importé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("plan enregistré"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects: ClassVar[models.Manager[ImportJob]] = models.Manager()

    class Meta:
        verbose_name = _("importation de plan")
        verbose_name_plural = _("importations de plans")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return self.filename or str(_("texte collé"))

    @property
    def is_running(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.READING)
