"""Settings come from the environment; a value Jalon cannot understand stops it with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from jalon import settings as jalon_settings
from jalon.settings import database_from_url, email_from_url, env_bool, env_int

SRC = Path(__file__).resolve().parents[1] / "src"


def test_bad_debug_value_names_the_variable_and_the_accepted_words(monkeypatch):
    monkeypatch.setenv("DEBUG", "peut-être")
    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("DEBUG", False)
    assert "DEBUG='peut-être' n'est pas compris : utilisez 1/0, true/false ou oui/non." in str(
        error.value
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("oui", True), ("TRUE", True), ("0", False), ("non", False), ("", False)],
)
def test_debug_understands_french_and_english_words(monkeypatch, raw, expected):
    monkeypatch.setenv("DEBUG", raw)
    assert env_bool("DEBUG", not expected) is expected


def test_missing_boolean_takes_its_default(monkeypatch):
    monkeypatch.delenv("DEBUG", raising=False)
    assert env_bool("DEBUG", True) is True


def test_bad_whole_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("JALON_INVITATION_DAYS", "deux semaines")
    with pytest.raises(
        ImproperlyConfigured,
        match="JALON_INVITATION_DAYS='deux semaines' doit être un nombre entier",
    ):
        env_int("JALON_INVITATION_DAYS", 14)


def test_unsupported_database_url_says_what_to_write():
    with pytest.raises(ImproperlyConfigured) as error:
        database_from_url("mysql://jalon@localhost/jalon")
    message = str(error.value)
    assert "DATABASE_URL : le type de base « mysql » n'est pas pris en charge" in message
    assert "postgres://usager:motdepasse@hôte:5432/base" in message


def test_database_url_without_a_scheme_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("localhost:5432/jalon")


def test_postgres_database_url_is_read():
    config = database_from_url("postgres://jalon:secret@db.exemple.org:5433/jalon")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.exemple.org",
        5433,
        "jalon",
        "jalon",
    )


def test_sqlite_database_url_is_read():
    config = database_from_url("sqlite:////var/lib/jalon/jalon.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/var/lib/jalon/jalon.sqlite3"


def test_unsupported_email_url_says_what_to_write():
    with pytest.raises(ImproperlyConfigured) as error:
        email_from_url("pigeon://colombier")
    assert (
        "EMAIL_URL : le type « pigeon » n'est pas pris en charge ; utilisez console://, smtp://"
        in str(error.value)
    )


def test_smtp_email_url_without_a_server_is_refused():
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL doit nommer un serveur"):
        email_from_url("smtp://")


def test_smtp_email_url_is_read():
    config = email_from_url("smtp+tls://jalon%40exemple.org:mot%20secret@smtp.exemple.org")
    assert config == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.exemple.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "jalon@exemple.org",
        "EMAIL_HOST_PASSWORD": "mot secret",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 20,
    }


def test_console_email_is_the_default():
    assert email_from_url("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }


def test_passwords_are_hashed_with_argon2():
    assert jalon_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_quebec_time_zone_and_language():
    assert jalon_settings.TIME_ZONE == "America/Montreal"
    assert jalon_settings.LANGUAGE_CODE == "fr-ca"


def _run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(SRC), **env}
    return subprocess.run(
        [sys.executable, "-m", "jalon", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_bad_value_stops_the_start_with_its_message(tmp_path):
    result = _run_with({"JALON_DATA_DIR": str(tmp_path), "DEBUG": "peut-être"}, "manage", "check")
    assert result.returncode == 2
    assert "jalon : configuration invalide — DEBUG='peut-être' n'est pas compris" in result.stderr


def test_a_bad_database_url_stops_the_start_with_its_message(tmp_path):
    result = _run_with(
        {"JALON_DATA_DIR": str(tmp_path), "DATABASE_URL": "oracle://x@y/z"}, "manage", "check"
    )
    assert result.returncode == 2
    assert "le type de base « oracle » n'est pas pris en charge" in result.stderr
