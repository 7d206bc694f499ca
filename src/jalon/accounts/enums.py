from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """A user's role in one organization, from most to least powerful."""

    ADMIN = "admin", _("Administrateur")
    EDITOR = "editor", _("Éditeur")
    CONTRIBUTOR = "contributor", _("Contributeur")
    READER = "reader", _("Lecteur")


ROLE_RANK = {Role.ADMIN: 4, Role.EDITOR: 3, Role.CONTRIBUTOR: 2, Role.READER: 1}


def role_at_least(role: str, minimum: str) -> bool:
    return ROLE_RANK.get(Role(role), 0) >= ROLE_RANK[Role(minimum)]
