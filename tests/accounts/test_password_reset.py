"""Password reset by e-mail, and changing one's password."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.conf import settings
from django.core import mail

from ..factories import PASSWORD, UserFactory


def text(response) -> str:
    """The page as a person reads it (HTML entities decoded)."""
    return unescape(response.content.decode())


NEW_PASSWORD = "Nouveau-mot-de-passe-2024"


@pytest.fixture
def josee(db):
    return UserFactory(username="josee", email="josee@exemple.org", first_name="Josée")


def _reset_link(message) -> str:
    match = re.search(r"http://testserver(/comptes/mot-de-passe/nouveau/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_sends_a_french_email_with_a_working_link(client, josee):
    response = client.post("/comptes/mot-de-passe/oublie/", {"email": "josee@exemple.org"})
    assert response.status_code == 302
    assert response["Location"] == "/comptes/mot-de-passe/oublie/envoye/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["josee@exemple.org"]
    assert message.subject == "Jalon : choisir un nouveau mot de passe"
    assert "Votre nom d'utilisateur est : josee" in message.body

    link = _reset_link(message)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert form_page.context["validlink"] is True
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/comptes/mot-de-passe/nouveau/termine/"
    josee.refresh_from_db()
    assert josee.check_password(NEW_PASSWORD)


def test_password_reset_link_works_only_once(client, josee):
    client.post("/comptes/mot-de-passe/oublie/", {"email": "josee@exemple.org"})
    link = _reset_link(mail.outbox[0])
    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    again = client.get(link, follow=True)
    assert again.context["validlink"] is False
    assert "Ce lien n'est plus valide" in text(again)


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(client, josee):
    response = client.post("/comptes/mot-de-passe/oublie/", {"email": "personne@exemple.org"})
    assert response.status_code == 302
    assert response["Location"] == "/comptes/mot-de-passe/oublie/envoye/"
    assert mail.outbox == []


def test_new_password_ends_a_lockout(client, josee):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/comptes/connexion/", {"username": "josee", "password": "mauvais"})
    assert (
        client.post("/comptes/connexion/", {"username": "josee", "password": PASSWORD}).status_code
        == 429
    )
    client.post("/comptes/mot-de-passe/oublie/", {"email": "josee@exemple.org"})
    page = client.get(_reset_link(mail.outbox[0]), follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    response = client.post("/comptes/connexion/", {"username": "josee", "password": NEW_PASSWORD})
    assert response.status_code == 302


def test_password_reset_email_is_in_english_for_an_english_interface(client, josee):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post("/comptes/mot-de-passe/oublie/", {"email": "josee@exemple.org"})
    assert mail.outbox[0].subject == "Jalon: choose a new password"


def test_password_change_needs_the_current_password(client, josee):
    client.force_login(josee)
    response = client.post(
        "/comptes/mot-de-passe/changer/",
        {"old_password": "faux", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    response = client.post(
        "/comptes/mot-de-passe/changer/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/comptes/profil/"
    josee.refresh_from_db()
    assert josee.check_password(NEW_PASSWORD)
