from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class OrganizationKind(models.TextChoices):
    NATIONAL = "national", _("Réseau national")
    REGIONAL = "regional", _("Instance régionale")
    TERRITORIAL = "territorial", _("Instance territoriale")
    LOCAL = "local", _("Comité local")
    PARTNER = "partner", _("Partenaire ou bailleur de fonds")


class MemberStatus(models.TextChoices):
    MEMBER = "member", pgettext_lazy("member status", "Membre")
    OBSERVER = "observer", _("Membre observateur")
    NON_MEMBER = "non_member", _("Non-membre")


class Coordination(models.TextChoices):
    """Whether a regional body has its regional coordination in place (état de situation)."""

    IN_PLACE = "in_place", _("En place")
    STARTING = "starting", _("En démarrage")
    NONE = "none", _("Pas de coordination")
