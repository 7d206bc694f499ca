from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PlanKind(models.TextChoices):
    STRATEGIC = "strategic", _("Plan stratégique")
    ACTION = "action", _("Plan d'action")


class PlanState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("plan state", "Brouillon")
    ADOPTED = "adopted", pgettext_lazy("plan state", "Adopté")
    CLOSED = "closed", pgettext_lazy("plan state", "Terminé")


class Numbering(models.TextChoices):
    """How codes are given: as the document wrote them, or computed from the tree."""

    AS_WRITTEN = "as_written", _("Comme dans le document")
    PRINCIPAL_SECONDARY = (
        "principal_secondary",
        _("P1 / S1 pour les objectifs, actions numérotées en continu"),
    )
    HIERARCHICAL = "hierarchical", _("Hiérarchique (1, 1.1, 1.1.1)")
    FLAT = "flat", _("Actions numérotées en continu (1, 2, 3…)")


class ObjectiveKind(models.TextChoices):
    PRINCIPAL = "principal", _("Principal")
    SECONDARY = "secondary", _("Secondaire")


class IndicatorKind(models.TextChoices):
    MO = "MO", _("Mise en œuvre")
    R = "R", pgettext_lazy("indicator kind", "Résultat")


class ActorKind(models.TextChoices):
    ROLE = "role", _("Rôle dans l'organisation")
    PARTNER = "partner", _("Partenaire")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("À venir")
    IN_PREPARATION = "in_preparation", _("En préparation")
    IN_PROGRESS = "in_progress", _("En cours")
    COMPLETED = "completed", _("Complété")
    POSTPONED = "postponed", _("Reporté")
    ABANDONED = "abandoned", _("Abandonné")
