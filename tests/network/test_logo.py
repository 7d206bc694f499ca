"""An organization's administrators upload the logo its report covers print; nobody else can."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from jalon.network.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _image(fmt: str = "PNG") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (90, 30), "#1e6b3a").save(out, format=fmt)
    suffix = {"PNG": "png", "JPEG": "jpg", "GIF": "gif"}[fmt]
    return SimpleUploadedFile(f"logo.{suffix}", out.getvalue(), content_type=f"image/{suffix}")


def _url(org) -> str:
    return f"/reseau/organisations/{org.slug}/logo/"


def test_an_administrator_uploads_the_logo_and_sees_it_on_the_edit_page(cast, org_a, login):
    client = login(cast["admin_a"])
    response = client.post(_url(org_a), {"logo": _image()})
    assert response.status_code == 302
    org_a.refresh_from_db()
    assert org_a.logo.name.startswith("logos/") and org_a.logo.name.endswith("/logo.png")
    page = client.get(f"/reseau/organisations/{org_a.slug}/modifier/").content.decode()
    assert 'src="data:image/png;base64,' in page
    assert 'alt="Logo actuel de Consortium A"' in page


def test_replacing_the_logo_deletes_the_old_file_and_removing_it_clears_it(cast, org_a, login):
    client = login(cast["admin_a"])
    client.post(_url(org_a), {"logo": _image()})
    org_a.refresh_from_db()
    first = org_a.logo.path
    client.post(_url(org_a), {"logo": _image("JPEG")})
    org_a.refresh_from_db()
    assert org_a.logo.name.endswith(".jpg")
    assert not Path(first).exists()
    client.post(_url(org_a), {"remove": "on"})
    assert not Organization.objects.get(pk=org_a.pk).logo


@pytest.mark.parametrize("who", ["editor_a", "contributor_a", "reader_a", "member_b"])
def test_others_cannot_change_the_logo(cast, org_a, login, who):
    response = login(cast[who]).post(_url(org_a), {"logo": _image()})
    assert response.status_code == 403
    assert not Organization.objects.get(pk=org_a.pk).logo


def test_anonymous_visitors_are_sent_to_sign_in(org_a, client):
    response = client.post(_url(org_a), {"logo": _image()})
    assert response.status_code == 302
    assert f"next=/reseau/organisations/{org_a.slug}/logo/" in response["Location"]
    assert not Organization.objects.get(pk=org_a.pk).logo


def test_a_gif_or_a_text_file_is_refused_with_a_message(cast, org_a, login):
    client = login(cast["admin_a"])
    gif = client.post(_url(org_a), {"logo": _image("GIF")})
    assert gif.status_code == 400
    assert "Le logo doit être une image PNG ou JPEG." in gif.content.decode()
    text = SimpleUploadedFile("logo.png", b"pas une image", content_type="image/png")
    refused = client.post(_url(org_a), {"logo": text})
    assert refused.status_code == 400
    assert not Organization.objects.get(pk=org_a.pk).logo
