"""The surveys app: it registers its indicator values with tracking when it loads."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "jalon.surveys"
    label = "surveys"
    verbose_name = _("Sondages")

    def ready(self) -> None:
        # tracking sits below surveys: it asks for survey values through its sources seam.
        from jalon.tracking.enums import SOURCE_RULE_KINDS  # noqa: PLC0415 (app-loading)
        from jalon.tracking.sources import register  # noqa: PLC0415 (app-loading)

        from .queries import indicator_values  # noqa: PLC0415 (app-loading)

        register(SOURCE_RULE_KINDS, indicator_values)
