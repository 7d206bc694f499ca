"""Fixtures of the builder's tests: plain HTTP and fast hashing, and a Playwright page.

They live here rather than in tests/plans/conftest.py, which the plans app's own tests fill:
each builder test module imports what it uses. The page builds on the shared browser fixtures
(tests/browser/fixtures.py) and adds `page.login(user)`.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def builder_client_settings(settings):
    # The cast's six users are created for most tests: argon2 would dominate their run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The test client and the live server speak plain HTTP.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


@pytest.fixture(scope="session", name="_plain_http_server")
def plain_http_server():
    """The live server speaks plain HTTP: its middleware reads these settings once, when it starts."""
    from django.test.utils import override_settings

    override = override_settings(
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        SECURE_HSTS_SECONDS=0,
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(name="page")
def page_fixture(page, _plain_http_server, live_server):
    """A French browser page on the live server; `page.login(user)` signs a user in."""
    from django.conf import settings
    from django.test import Client

    context = page.context

    def login(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )

    page.login = login
    return page
