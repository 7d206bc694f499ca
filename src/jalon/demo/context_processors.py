"""What every page of a demo site knows: the demo accounts' password (shown on the home page)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from .constants import DEMO_PASSWORD


def demo(request: HttpRequest) -> dict[str, object]:
    return {"DEMO_PASSWORD": DEMO_PASSWORD} if settings.DEMO else {}
