"""The choices of a resource: its type, its language, who may see it, how a list is sorted."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    RESEARCH = "research", _("Recherche")
    VIDEO = "video", _("Vidéo")
    PODCAST = "podcast", _("Balado")
    TEMPLATE = "template", _("Gabarit")
    LINK = "link", _("Lien")
    OTHER = "other", _("Autre")


class Language(models.TextChoices):
    FRENCH = "fr", _("Français")
    ENGLISH = "en", _("Anglais")
    OTHER = "other", _("Autre")


class Visibility(models.TextChoices):
    """Who may see a resource and download its file."""

    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Membres du réseau")
    ORGANIZATION = "organization", _("Organisation seulement")


class Sort(models.TextChoices):
    NEWEST = "newest", _("Plus récents")
    DOWNLOADS = "downloads", _("Plus téléchargés")
