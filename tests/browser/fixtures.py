"""Fixtures for browser tests, shared by every app: Debian's Chromium driven by Playwright.

- `browser`: one Chromium for the whole session. When Chromium is missing the tests FAIL: a
  browser test that silently skips proves nothing (set JALON_CHROMIUM to use another binary).
- `page`: a fresh browser context (French, desktop size) per test, on pytest-django's live server.
- `browser_login(page, user)`: signs `user` in through the real sign-in form.
- `assert_no_serious_axe_violations(page)`: injects axe-core (bundled by axe-playwright-python),
  runs it, prints every violation and fails on those of impact serious or critical.

Mark browser tests with `@pytest.mark.browser`. They use `live_server`, hence a transactional
database: what a test creates is visible to the server thread. A transactional test empties every
table when it ends, the 17 regions loaded by a migration included; `page` asks for a *serialized
rollback*, which puts the migrations' data back before each test. So: use `page`, and do not add a
`django_db` marker to browser tests (a marker without `serialized_rollback=True` turns that off).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses database calls from a
# thread with a running loop unless told that this is a test that knows what it is doing.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.factories import PASSWORD

CHROMIUM = os.environ.get("JALON_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(
            f"Chromium est introuvable à {CHROMIUM} : installez le paquet Debian « chromium » "
            "(ou donnez son chemin dans JALON_CHROMIUM). Les tests du navigateur ne sont pas facultatifs.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def _migration_data_kept(browser: Browser, django_db_setup: None, django_db_blocker: Any) -> None:
    """Make sure the serialized rollback has the migrations' data to put back.

    Once Playwright runs its event loop in this thread, Django keeps the thread's database
    connections in a context variable: the tests then use another connection object than the
    one pytest-django created the database with, and that object lacks the serialized copy of
    the migrations' data. The database still holds only that data here (earlier tests rolled
    back, transactional tests run last), so serialize it again on the connection in use.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all(initialized_only=False):
            if not hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def page(
    browser: Browser,
    _migration_data_kept: None,
    live_server: Any,
    django_db_serialized_rollback: None,
) -> Iterator[Page]:
    context = browser.new_context(
        base_url=live_server.url, locale="fr-CA", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    new_page = context.new_page()
    yield new_page
    context.close()


@pytest.fixture
def browser_login(live_server: Any) -> Callable[..., None]:
    """browser_login(page, user, password=PASSWORD): sign in with the form, as a person would."""

    def _login(page: Page, user: Any, password: str = PASSWORD) -> None:
        page.goto(f"{live_server.url}/comptes/connexion/")
        page.locator("#id_username").fill(user.get_username())
        page.locator("#id_password").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        if "/comptes/connexion/" in page.url:
            raise AssertionError(f"{user.get_username()} n'a pas pu se connecter : {page.url}")

    return _login


def axe_violations(page: Page) -> list[dict[str, Any]]:
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    violations: list[dict[str, Any]] = results.response["violations"]
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"      {line}" for line in summary.splitlines())
    return "\n".join(lines)


def assert_no_serious_axe_violations(page: Page) -> None:
    """Fail on axe-core violations of impact serious or critical; print all of them.

    The page must first have loaded as asked: an error page (403, 404, 500) or the login page
    passes axe too, and a check of it would prove nothing about the page meant.
    """
    status = page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    assert status == 200, f"axe-core : {page.url} a répondu {status}, pas la page voulue"
    assert not ("/comptes/connexion/" in page.url and "next=" in page.url), (
        f"axe-core : {page.url} renvoie à la page de connexion"
    )
    violations = axe_violations(page)
    if violations:
        print(f"axe-core sur {page.url} :\n{describe(violations)}")
    serious = [v for v in violations if v["impact"] in SERIOUS]
    assert not serious, f"axe-core : violations graves sur {page.url}\n{describe(serious)}"


@pytest.fixture
def axe_check() -> Callable[[Page], None]:
    """The same check as a fixture, for tests that prefer not to import from conftest."""
    return assert_no_serious_axe_violations


#: Collects the Content-Security-Policy violations of a page, from its first script on.
_CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def watch_csp(page: Page) -> Callable[[], list[str]]:
    """Start watching a page for CSP violations (before `goto`); call the result to read them.

    Both the DOM's `securitypolicyviolation` events and the console's reports are kept: an
    inline style blocked before the listener runs still shows in the console.
    """
    console: list[str] = []
    page.add_init_script(_CSP_LISTENER)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def violations() -> list[str]:
        seen: list[str] = page.evaluate("window.__cspViolations || []")
        return seen + console

    return violations
