"""Personal API tokens: stored hashed, scoped, revocable, throttled, made from the profile or the CLI."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.management import call_command

from jalon.api.enums import TokenScope
from jalon.api.models import ApiToken
from jalon.api.services import create_token, revoke_token

from .conftest import Api

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_only_as_its_hash(cast):
    created = create_token(user=cast["reader_a"], name="Site web")
    token = ApiToken.objects.get()
    assert created.key.startswith("jalon_")
    assert token.key_hash == hashlib.sha256(created.key.encode()).hexdigest()
    assert token.prefix == created.key[:10]
    stored = [str(getattr(token, f.attname)) for f in ApiToken._meta.concrete_fields]
    assert not any(created.key in value for value in stored)


def test_a_token_signs_its_person_in_and_notes_its_use(client, cast, plan):
    created = create_token(user=cast["reader_a"], name="Tableau de bord")
    response = Api(client, token=created.key).get(f"plans/{plan.pk}/")
    assert response.status_code == 200
    created.token.refresh_from_db()
    assert created.token.last_used_at is not None


def test_a_revoked_or_unknown_token_is_refused_with_401(client, cast, plan):
    created = create_token(user=cast["reader_a"], name="Ancien outil")
    revoke_token(token=created.token, by=cast["reader_a"])
    for key in [created.key, "jalon_pas-un-jeton", "autre-chose"]:
        response = Api(client, token=key).get("plans/")
        assert response.status_code == 401
        assert response["Content-Type"] == "application/problem+json"
    assert Api(client, token=created.key).get("plans/").json()["detail"] == (
        "Ce jeton est inconnu ou révoqué."
    )


def test_only_its_owner_revokes_a_token(cast):
    created = create_token(user=cast["reader_a"], name="Site web")
    with pytest.raises(ValueError, match="pas le vôtre"):
        revoke_token(token=created.token, by=cast["editor_a"])
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


def test_tokens_are_throttled_each_on_its_own(client, cast, plan, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/hour"},
    }
    from rest_framework.settings import api_settings
    from rest_framework.throttling import SimpleRateThrottle

    api_settings.reload()
    SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    try:
        first = Api(client, token=create_token(user=cast["reader_a"], name="Un").key)
        second = Api(client, token=create_token(user=cast["reader_a"], name="Deux").key)
        assert [first.get("plans/").status_code for _ in range(4)] == [200, 200, 200, 429]
        refused = first.get("plans/")
        assert refused["Content-Type"] == "application/problem+json"
        assert int(refused["Retry-After"]) > 0
        assert second.get("plans/").status_code == 200
    finally:
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK}
        api_settings.reload()
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_the_tokens_page_creates_shows_once_and_revokes(login, cast):
    client = login(cast["contributor_a"])
    profile = client.get("/comptes/profil/")
    assert b'href="/api/v1/jetons/"' in profile.content
    page = client.post("/api/v1/jetons/", {"name": "Infolettre", "scope": TokenScope.WRITE})
    assert page.status_code == 200
    token = ApiToken.objects.get(user=cast["contributor_a"])
    key = page.context["new_key"]
    assert key.encode() in page.content
    assert token.scope == TokenScope.WRITE
    assert key.encode() not in client.get("/api/v1/jetons/").content  # shown once
    revoked = client.post(f"/api/v1/jetons/{token.pk}/revoquer/")
    assert revoked.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_nobody_revokes_another_persons_token_from_the_page(login, cast):
    created = create_token(user=cast["reader_a"], name="Site web")
    client = login(cast["admin_a"])
    assert client.post(f"/api/v1/jetons/{created.token.pk}/revoquer/").status_code == 404
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


def test_the_tokens_page_asks_for_a_sign_in(client):
    response = client.get("/api/v1/jetons/")
    assert response.status_code == 302
    assert "/comptes/" in response["Location"]


def test_the_token_command_prints_the_token_once(cast, client, plan):
    out, err = io.StringIO(), io.StringIO()
    call_command("token", "create", "editor_a", "--name", "CRM", "--write", stdout=out, stderr=err)
    key = out.getvalue().strip()
    token = ApiToken.objects.get(user=cast["editor_a"])
    assert token.scope == TokenScope.WRITE
    assert token.name == "CRM"
    assert "CRM" in err.getvalue()
    assert Api(client, token=key).get(f"plans/{plan.pk}/").status_code == 200
    listing = io.StringIO()
    call_command("token", "list", "editor_a", stdout=listing)
    assert key not in listing.getvalue()
    assert f"{token.pk}\tCRM\twrite\t{token.prefix}…" in listing.getvalue()


def test_the_token_command_defaults_to_read_only(cast):
    call_command(
        "token",
        "create",
        "reader_a",
        "--name",
        "Power BI",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert ApiToken.objects.get().scope == TokenScope.READ


def test_jalon_token_is_a_subcommand_of_the_cli(capsys):
    """`jalon token …` reaches the command (its help: running it for real from the test would
    close the test's database connection, as every management command does when it ends)."""
    from jalon.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["token", "create", "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--write" in out
    assert "--name" in out


def test_the_token_of_a_deactivated_person_no_longer_works(client, cast, plan):
    created = create_token(user=cast["reader_a"], name="Site web")
    cast["reader_a"].is_active = False
    cast["reader_a"].save(update_fields=["is_active"])
    assert Api(client, token=created.key).get("plans/").status_code == 401
