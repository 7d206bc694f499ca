from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "jalon.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self) -> None:
        from . import signals  # noqa: F401, PLC0415 (app-loading) the import connects the receivers
