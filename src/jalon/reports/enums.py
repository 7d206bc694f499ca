"""Choices of the reports app: the formats a document comes in and the state of a generation."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportFormat(models.TextChoices):
    HTML = "html", _("Page web (HTML)")
    PDF = "pdf", _("PDF")
    DOCX = "docx", _("Word (DOCX)")
    XLSX = "xlsx", _("Excel (XLSX)")
    CSV = "csv", _("CSV")


class GenerationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("generation", "En attente")
    RUNNING = "running", pgettext_lazy("generation", "En préparation")
    DONE = "done", pgettext_lazy("generation", "Prêt")
    FAILED = "failed", pgettext_lazy("generation", "Échec")


CONTENT_TYPES = {
    ReportFormat.HTML: "text/html; charset=utf-8",
    ReportFormat.PDF: "application/pdf",
    ReportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.CSV: "text/csv; charset=utf-8",
}
