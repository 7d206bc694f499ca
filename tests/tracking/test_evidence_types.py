"""Evidence files are refused, with a message, when their content is not what their name says."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jalon.tracking.models import Evidence, StatusUpdate


def test_a_web_page_renamed_pdf_is_refused_and_nothing_is_recorded(
    settings, tmp_path, login, cast, plan, carried, today
):
    settings.MEDIA_ROOT = tmp_path
    client = login(cast["contributor_a"])
    response = client.post(
        reverse("tracking:action", args=[plan.pk, carried.pk]),
        {
            "status": "completed",
            "date": today.isoformat(),
            "note": "Cadre adopté",
            "version": carried.version,
            "attachments": [
                SimpleUploadedFile("cadre.pdf", b"<!DOCTYPE html><script>alert(1)</script>")
            ],
        },
    )
    assert response.status_code == 200
    assert (
        "Le contenu du fichier « cadre.pdf » ne correspond pas à son extension"
        in response.content.decode().replace("&#x27;", "'").replace("&laquo;", "«")
    )
    assert not StatusUpdate.objects.filter(action=carried).exists()
    assert not Evidence.objects.exists()
    assert list(tmp_path.rglob("*.*")) == []
