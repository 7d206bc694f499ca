"""Fixtures of the plans tests: plain HTTP and fast hashing for the test client, and a browser page."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_client_settings(settings):
    # The cast's six users are created for most tests: argon2 would dominate their run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client and the live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
