"""The tokens page, as a person uses it: from the profile, create a token, see it once, revoke it."""

from __future__ import annotations

import pytest

from jalon.api.models import ApiToken
from tests.browser.fixtures import assert_no_serious_axe_violations
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_a_person_creates_and_revokes_a_token_from_the_profile(page, live_server, browser_login):
    person = UserFactory(username="marie")
    browser_login(page, person)
    page.goto(f"{live_server.url}/comptes/profil/")
    page.get_by_role("link", name="Mes jetons d'API (pour relier un autre outil)").click()
    page.get_by_label("Nom du jeton").fill("Infolettre")
    page.get_by_label("Lecture et écriture").check()
    page.get_by_role("button", name="Créer le jeton").click()
    key = page.locator("code.token-key").inner_text()
    token = ApiToken.objects.get(user=person)
    assert key.startswith(token.prefix)
    assert token.scope == "write"
    assert_no_serious_axe_violations(page)
    page.get_by_role("button", name="Révoquer le jeton Infolettre").click()
    page.get_by_text("Le jeton « Infolettre » est révoqué.").wait_for()
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert page.locator("code.token-key").count() == 0
