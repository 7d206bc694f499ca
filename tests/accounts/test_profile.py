"""The profile page: name, e-mail address, language, and the list of one's organizations."""

from __future__ import annotations

from html import unescape

from django.conf import settings

from ..factories import UserFactory


def text(response) -> str:
    """The page as a person reads it (HTML entities decoded)."""
    return unescape(response.content.decode())


def _post(client, **changes):
    data = {"first_name": "Josée", "last_name": "Tremblay", "email": "josee@exemple.org"}
    data["language"] = "fr-ca"
    data.update(changes)
    return client.post("/comptes/profil/", data)


def test_profile_lists_organizations_with_roles_and_positions(cast, login):
    page = text(login(cast["contributor_a"]).get("/comptes/profil/"))
    assert "Consortium A" in page
    assert "Rôle : Contributeur" in page
    assert "Poste : Agent de liaison" in page
    assert "Membre de Réseau test en développement social" in page


def test_profile_saves_name_and_email(cast, login):
    client = login(cast["reader_a"])
    response = _post(client, first_name="Lise", last_name="Bouchard", email="Lise@Exemple.org")
    assert response.status_code == 302
    user = cast["reader_a"]
    user.refresh_from_db()
    assert (user.first_name, user.last_name, user.email) == ("Lise", "Bouchard", "lise@exemple.org")


def test_profile_refuses_an_email_of_another_account(cast, login):
    client = login(cast["reader_a"])
    response = _post(client, email=cast["admin_a"].email.upper())
    assert response.status_code == 200
    assert f"L'adresse {cast['admin_a'].email} est déjà celle d'un autre compte." in (
        text(response)
    )
    cast["reader_a"].refresh_from_db()
    assert cast["reader_a"].email == "reader_a@exemple.org"


def test_profile_accepts_no_email(cast, login):
    client = login(cast["reader_a"])
    _post(client, email="")
    other = UserFactory(email=None)
    _post(login(other), email="")
    cast["reader_a"].refresh_from_db()
    assert cast["reader_a"].email is None


def test_profile_language_sets_the_cookie_and_speaks_english_at_once(cast, login):
    client = login(cast["reader_a"])
    response = _post(client, language="en")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    cast["reader_a"].refresh_from_db()
    assert cast["reader_a"].language == "en"
    page = text(client.get("/comptes/profil/"))
    assert "My profile" in page
    assert "Your profile is saved." in page


def test_profile_refuses_an_unknown_language(cast, login):
    response = _post(login(cast["reader_a"]), language="xx")
    assert response.status_code == 200
    assert response.context["form"].errors["language"]
