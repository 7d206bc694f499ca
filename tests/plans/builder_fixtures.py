"""Fixtures of the builder's tests: plain HTTP and fast hashing, and a Playwright page.

They live here rather than in tests/plans/conftest.py, which the plans app's own tests fill:
each builder test module imports what it uses. Once tests/browser/conftest.py (foundation)
lands, `browser` and `page` can give way to its fixtures.
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


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(name="browser")
def browser_fixture():
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django's ORM calls from the test stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=BROWSER_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


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
def page_fixture(browser, _plain_http_server, live_server):
    """A French browser page on the live server; `page.login(user)` signs a user in."""
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(locale="fr-CA", base_url=live_server.url)
    context.set_default_timeout(10_000)
    page = context.new_page()

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
    yield page
    context.close()
