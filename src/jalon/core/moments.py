"""A moment written the way our users say it: "3 octobre 2026 à 14 h 05", in Quebec's time.

Conflict messages ("Entre-temps, Marie a modifié cette action (3 octobre 2026 à 14 h 05)") and
history reasons use it. The time is always the one of `settings.TIME_ZONE` (America/Montreal),
whatever zone the process or the request runs in; French writes the first of the month "1er".
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def moment_text(value: dt.datetime) -> str:
    """ "3 octobre 2026 à 14 h 05" (French), "October 3, 2026 at 14:05" (English)."""
    local = timezone.localtime(value, ZoneInfo(settings.TIME_ZONE))
    day = date_format(local.date())
    if local.day == 1 and (get_language() or "fr").startswith("fr") and day.startswith("1 "):
        day = "1er " + day[2:]
    return _("%(day)s à %(hour)s h %(minute)s") % {
        "day": day,
        "hour": local.hour,
        "minute": f"{local.minute:02d}",
    }
