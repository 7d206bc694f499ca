"""The states an import goes through, and what an unplaced line may become."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("En attente")
    READING = "reading", _("Lecture en cours")
    READY = "ready", _("Prêt à réviser")
    FAILED = "failed", _("Échec")
    SAVED = "saved", _("Enregistré")


class SourceKind(models.TextChoices):
    FILE = "file", _("Fichier")
    TEXT = "text", _("Texte collé")


class PlaceAs(models.TextChoices):
    ACTION = "action", _("Nouvelle action")
    RESULT = "result", _("Résultat attendu")
    INDICATOR = "indicator", _("Indicateur")
    NOTE = "note", _("Note du plan")
