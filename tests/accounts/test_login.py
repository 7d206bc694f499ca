"""Signing in and out, the lockout after repeated failures, the language applied at sign-in."""

from __future__ import annotations

from html import unescape

import pytest
from django.conf import settings

from ..factories import PASSWORD, UserFactory


def text(response) -> str:
    """The page as a person reads it (HTML entities decoded)."""
    return unescape(response.content.decode())


LOGIN_URL = "/comptes/connexion/"


@pytest.fixture
def josee(db):
    return UserFactory(username="josee", email="josee@exemple.org", first_name="Josée")


def test_login_with_username_signs_in_and_goes_home(client, josee):
    response = client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").context["user"] == josee


def test_login_with_email_signs_in(client, josee):
    response = client.post(LOGIN_URL, {"username": "JOSEE@exemple.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/").context["user"] == josee


def test_login_follows_next_on_the_same_site_only(client, josee):
    response = client.post(
        LOGIN_URL, {"username": "josee", "password": PASSWORD, "next": "/reseau/regions/"}
    )
    assert response["Location"] == "/reseau/regions/"
    client.logout()
    response = client.post(
        LOGIN_URL, {"username": "josee", "password": PASSWORD, "next": "https://ailleurs.example/"}
    )
    assert response["Location"] == "/"


def test_wrong_password_says_so_in_french(client, josee):
    response = client.post(LOGIN_URL, {"username": "josee", "password": "pas-le-bon"})
    assert response.status_code == 200
    assert "ne correspondent pas" in text(response)
    assert not response.context["user"].is_authenticated


def test_logout_signs_out(client, josee):
    client.force_login(josee)
    response = client.post("/comptes/deconnexion/")
    assert response.status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_lockout_refuses_the_right_password_after_the_failure_limit(client, josee):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(LOGIN_URL, {"username": "josee", "password": "mauvais"})
    assert response.status_code == 429
    response = client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert response.status_code == 429
    page = text(response)
    assert "Connexion temporairement bloquée" in page
    assert "pendant 15 minutes" in page
    assert not client.get("/").context["user"].is_authenticated


def test_lockout_does_not_block_another_account(client, josee):
    UserFactory(username="marc")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": "josee", "password": "mauvais"})
    response = client.post(LOGIN_URL, {"username": "marc", "password": PASSWORD})
    assert response.status_code == 302


def test_failures_below_the_limit_do_not_lock(client, josee):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(LOGIN_URL, {"username": "josee", "password": "mauvais"})
    response = client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert response.status_code == 302


def test_login_applies_the_language_of_the_profile(client, josee):
    josee.language = "en"
    josee.save()
    response = client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = text(client.get("/reseau/"))
    assert "Organization directory" in page
    assert '<html lang="en">' in page


def test_login_in_french_profile_replaces_an_english_cookie(client, josee):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr-ca"
    assert "Répertoire des organisations" in text(client.get("/reseau/"))
