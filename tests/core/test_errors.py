"""The error pages a visitor sees with DEBUG off: in French, with a way back."""

from __future__ import annotations

from html import unescape

import pytest
from django.test import Client


def text(response) -> str:
    return unescape(response.content.decode())


@pytest.fixture(autouse=True)
def _no_debug(settings):
    settings.DEBUG = False


def test_unknown_page_answers_404_in_french(client, db):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    page = text(response)
    assert "<h1>Page introuvable</h1>" in page
    assert "Retour à l'accueil" in page


def test_refused_page_answers_403_in_french(cast, org_b, login):
    response = login(cast["admin_a"]).get(f"/comptes/organisations/{org_b.slug}/personnes/")
    assert response.status_code == 403
    assert "<h1>Accès refusé</h1>" in text(response)


def test_server_error_answers_500_in_french(settings, db):
    settings.ROOT_URLCONF = "tests.core.urls_failing"
    client = Client(raise_request_exception=False)
    response = client.get("/en-panne/")
    assert response.status_code == 500
    page = text(response)
    assert "<h1>Erreur du serveur</h1>" in page
    assert "Rien n'a été enregistré à moitié" in page


def test_expired_form_answers_403_with_an_explanation(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/comptes/connexion/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "<h1>Formulaire expiré</h1>" in text(response)


def test_error_pages_follow_the_chosen_language(client, db, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "<h1>Page not found</h1>" in text(client.get("/nulle-part/"))
