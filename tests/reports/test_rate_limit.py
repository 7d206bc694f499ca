"""Report generations are rate-limited per person: a reader cannot queue PDFs without end."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jalon.reports.models import GeneratedReport


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_generations_past_the_hourly_limit_are_refused_per_person(cast, login, plan, settings):
    settings.REPORTS_PER_HOUR = 2
    url = reverse("reports:generate", args=[plan.pk, "plan"])
    reader = login(cast["reader_a"])
    answers = [reader.post(url, {"plan-format": "docx"}).status_code for _ in range(3)]
    assert answers == [302, 302, 429]
    refused = reader.post(url, {"plan-format": "docx"})
    assert "Trop de documents demandés" in refused.content.decode()
    assert GeneratedReport.objects.count() == 2
    # Another person keeps their own allowance.
    assert login(cast["editor_a"]).post(url, {"plan-format": "docx"}).status_code == 302
