"""The plans' choices for Django (models, forms): plans.vocabulary's values with their labels.

Each value is taken from the pure enum of plans.vocabulary, so the two cannot drift apart
(tests/plans/test_vocabulary.py checks that every value has a label, and no more).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from . import vocabulary as v


class PlanKind(models.TextChoices):
    STRATEGIC = v.PlanKind.STRATEGIC.value, _("Plan stratégique")
    ACTION = v.PlanKind.ACTION.value, _("Plan d'action")


class PlanState(models.TextChoices):
    DRAFT = v.PlanState.DRAFT.value, pgettext_lazy("plan state", "Brouillon")
    ADOPTED = v.PlanState.ADOPTED.value, pgettext_lazy("plan state", "Adopté")
    CLOSED = v.PlanState.CLOSED.value, pgettext_lazy("plan state", "Terminé")


class PlanSharing(models.TextChoices):
    PRIVATE = v.PlanSharing.PRIVATE.value, _("Privé à l'organisation")
    NETWORK = v.PlanSharing.NETWORK.value, _("Visible par le réseau")
    PUBLIC = v.PlanSharing.PUBLIC.value, _("Public")


class Numbering(models.TextChoices):
    """How codes are given: as the document wrote them, or computed from the tree."""

    AS_WRITTEN = v.Numbering.AS_WRITTEN.value, _("Comme dans le document")
    PRINCIPAL_SECONDARY = (
        v.Numbering.PRINCIPAL_SECONDARY.value,
        _("P1 / S1 pour les objectifs, actions numérotées en continu"),
    )
    HIERARCHICAL = v.Numbering.HIERARCHICAL.value, _("Hiérarchique (1, 1.1, 1.1.1)")
    FLAT = v.Numbering.FLAT.value, _("Actions numérotées en continu (1, 2, 3…)")


class ObjectiveKind(models.TextChoices):
    PRINCIPAL = v.ObjectiveKind.PRINCIPAL.value, _("Principal")
    SECONDARY = v.ObjectiveKind.SECONDARY.value, _("Secondaire")


class IndicatorKind(models.TextChoices):
    MO = v.IndicatorKind.MO.value, _("Mise en œuvre")
    R = v.IndicatorKind.R.value, pgettext_lazy("indicator kind", "Résultat")


class ActorKind(models.TextChoices):
    ROLE = v.ActorKind.ROLE.value, _("Rôle dans l'organisation")
    PARTNER = v.ActorKind.PARTNER.value, _("Partenaire")


class ActionStatus(models.TextChoices):
    NOT_STARTED = v.ActionStatus.NOT_STARTED.value, _("À venir")
    IN_PREPARATION = v.ActionStatus.IN_PREPARATION.value, _("En préparation")
    IN_PROGRESS = v.ActionStatus.IN_PROGRESS.value, _("En cours")
    COMPLETED = v.ActionStatus.COMPLETED.value, _("Complété")
    POSTPONED = v.ActionStatus.POSTPONED.value, _("Reporté")
    ABANDONED = v.ActionStatus.ABANDONED.value, _("Abandonné")
