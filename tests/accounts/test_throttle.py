"""Throttles: one address guessing many accounts, and password-reset e-mails flooding a mailbox."""

from __future__ import annotations

from html import unescape

import pytest
from django.core import mail

from ..factories import PASSWORD, UserFactory

LOGIN_URL = "/comptes/connexion/"
RESET_URL = "/comptes/mot-de-passe/oublie/"


@pytest.fixture
def josee(db):
    return UserFactory(username="josee", email="josee@exemple.org")


def test_one_address_trying_many_accounts_is_stopped_in_french(client, josee, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 4
    for n in range(4):
        response = client.post(LOGIN_URL, {"username": f"personne{n}", "password": "devine"})
        assert response.status_code == 200
    response = client.post(LOGIN_URL, {"username": "josee", "password": PASSWORD})
    assert response.status_code == 429
    assert "<h1>Trop de tentatives</h1>" in unescape(response.content.decode())
    assert not client.get("/").context["user"].is_authenticated


def test_another_address_still_signs_in(client, josee, settings):
    settings.LOGIN_ATTEMPTS_PER_ADDRESS = 2
    for n in range(3):
        client.post(LOGIN_URL, {"username": f"p{n}", "password": "x"}, REMOTE_ADDR="198.51.100.9")
    response = client.post(
        LOGIN_URL, {"username": "josee", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert response.status_code == 302


def test_reset_emails_to_one_account_stop_without_telling_anything(client, josee, settings):
    settings.PASSWORD_RESETS_PER_ACCOUNT = 2
    settings.PASSWORD_RESETS_PER_ADDRESS = 100
    answers = [
        client.post(RESET_URL, {"email": "josee@exemple.org"}, REMOTE_ADDR=f"192.0.2.{n}")
        for n in range(4)
    ]
    # Every answer is the usual "sent" page, whether an e-mail left or not…
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/comptes/mot-de-passe/oublie/envoye/")
    }
    # …but the mailbox received two, not four.
    assert len(mail.outbox) == 2


def test_reset_requests_from_one_address_are_throttled(client, josee, settings):
    settings.PASSWORD_RESETS_PER_ADDRESS = 3
    for n in range(3):
        response = client.post(RESET_URL, {"email": f"inconnu{n}@exemple.org"})
        assert response.status_code == 302
    response = client.post(RESET_URL, {"email": "josee@exemple.org"})
    assert response.status_code == 429
    assert mail.outbox == []
