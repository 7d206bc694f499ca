"""Bad input gets a clear refusal, not a server error; headers that say little to strangers."""

from __future__ import annotations

import re
from html import unescape

import pytest

from ..factories import PASSWORD, UserFactory


@pytest.fixture(autouse=True)
def _no_debug(settings):
    settings.DEBUG = False


def test_nul_character_in_a_form_is_refused_in_french_and_nothing_is_saved(client, db):
    user = UserFactory(username="josee", first_name="Josée")
    client.force_login(user)
    response = client.post(
        "/comptes/profil/",
        {"first_name": "Jo\x00sée", "last_name": "Tremblay", "language": "fr-ca"},
    )
    assert response.status_code == 400
    page = unescape(response.content.decode())
    assert "<h1>Demande refusée</h1>" in page
    assert "Rien n'a été enregistré." in page
    user.refresh_from_db()
    assert user.first_name == "Josée"


def test_nul_character_in_the_address_is_refused(client, db):
    response = client.get("/reseau/", {"q": "a\x00b"})
    assert response.status_code == 400


def test_login_with_a_nul_character_is_refused_not_a_server_error(client, db):
    response = client.post("/comptes/connexion/", {"username": "a\x00", "password": PASSWORD})
    assert response.status_code == 400


def test_every_page_says_which_browser_features_it_does_not_use(client, db):
    assert "camera=()" in client.get("/healthz")["Permissions-Policy"]
    assert "geolocation=()" in client.get("/nulle-part/")["Permissions-Policy"]


def test_a_refused_page_carries_no_timing_for_strangers(client, db):
    response = client.get("/plans/999999/")
    assert response.status_code in {302, 404}
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Server-Timing" not in response


def test_signed_in_people_see_times_but_not_query_counts(client, db):
    client.force_login(UserFactory())
    header = client.get("/reseau/")["Server-Timing"]
    assert re.fullmatch(r"total;dur=\d+\.\d, db;dur=\d+\.\d", header), header
    assert "Server-Timing" not in client.get("/plans/999999/")


def test_staff_see_the_query_count(client, db):
    client.force_login(UserFactory(is_staff=True))
    assert 'queries;desc="' in client.get("/reseau/")["Server-Timing"]


def test_an_oversized_body_is_refused_before_it_is_read(client, db, settings):
    settings.MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    client.force_login(UserFactory())
    response = client.generic(
        "POST",
        "/importer/",
        b"x" * 10,  # what is sent does not matter: the declared length is refused at once
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert response.status_code == 413
    page = unescape(response.content.decode())
    assert "<h1>Fichier trop volumineux</h1>" in page
    assert "2 Mo au plus" in page
