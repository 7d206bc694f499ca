from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def jalon(request: HttpRequest) -> dict[str, object]:
    return {"JALON_DEMO": settings.DEMO}
