"""French first, English on request: the language switch, the cookie, the profile."""

from __future__ import annotations

from html import unescape

from django.conf import settings

from ..factories import UserFactory


def text(response) -> str:
    return unescape(response.content.decode())


def test_pages_are_in_french_by_default_whatever_the_browser_asks(client, db):
    response = client.get("/reseau/", headers={"Accept-Language": "en-US,en;q=0.9"})
    page = text(response)
    assert '<html lang="fr-CA">' in page
    assert "Répertoire des organisations" in page
    assert response["Content-Language"] == "fr-ca"


def test_language_switch_posts_and_comes_back_in_english(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/reseau/regions/"})
    assert response.status_code == 302
    assert response["Location"] == "/reseau/regions/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = text(client.get("/reseau/regions/"))
    assert '<html lang="en">' in page
    assert "Administrative regions" in page
    assert "orphan" in page
    assert (
        '<button type="submit" name="language" value="fr-ca" lang="fr-CA">Français</button>' in page
    )


def test_language_switch_back_to_french(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/i18n/setlang/", {"language": "fr-ca", "next": "/"})
    assert "Les régions administratives" in text(client.get("/reseau/regions/"))


def test_language_switch_is_a_form_that_works_without_javascript(client, db):
    page = text(client.get("/"))
    assert '<form action="/i18n/setlang/" method="post" class="lang-switch">' in page
    assert '<input type="hidden" name="next" value="/">' in page
    assert '<button type="submit" name="language" value="en" lang="en">English</button>' in page


def test_language_switch_refuses_an_unknown_language(client, db):
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    assert "Répertoire des organisations" in text(client.get("/reseau/"))


def test_signed_in_switch_is_remembered_in_the_profile(client, db):
    user = UserFactory(language="fr-ca")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user.refresh_from_db()
    assert user.language == "en"


def test_choice_survives_signing_out_and_in_again(client, db):
    user = UserFactory(username="lise")
    client.force_login(user)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    client.post("/comptes/deconnexion/")
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    client.post("/comptes/connexion/", {"username": "lise", "password": "mot-de-passe-test-1"})
    assert "Organization directory" in text(client.get("/reseau/"))


def test_english_interface_keeps_quebec_content_as_written(client, network):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = text(client.get(f"/reseau/organisations/{network.slug}/"))
    assert "Réseau test en développement social" in page
    assert "National network" in page
