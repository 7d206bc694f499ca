"""Shared fixtures: a cast of users around two organizations, used by every app's tests.

Organization A is a regional member of network N; organization B is another member of N.
The cast: `admin_a`, `editor_a`, `contributor_a` (position "Agent de liaison"), `reader_a`,
`member_b` (an editor of B) and `anonymous`. `cast` maps each name to a user (None for anonymous).

The permission tables try every member of the cast on every page: hundreds of cases on the
same people. `module_cast` builds that world once for a module (`module_db` keeps it in a
transaction that every test rolls back to, and that is rolled back when the module ends).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from django.db import transaction
from django.test.utils import override_settings

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind

from .factories import PASSWORD, MembershipFactory, OrganizationFactory, UserFactory

# Browser fixtures (Debian's Chromium through Playwright, one per session) for every app's tests.
pytest_plugins = ["tests.browser.fixtures"]

CAST = ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]
FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session", autouse=True)
def _plain_http():
    """The test client and the live server speak plain HTTP, in every test of the suite.

    With DEBUG off, settings.py turns on the HTTPS-only settings a deployment needs (redirect
    to https://, secure cookies); a browser would then drop the session cookie on http://.
    Set once for the session, before the live server builds its middleware (which reads them
    once). This is the only place that sets them: no app's conftest repeats it.
    """
    from django.conf import settings as django_settings

    django_settings.SECURE_SSL_REDIRECT = False
    django_settings.SESSION_COOKIE_SECURE = False
    django_settings.CSRF_COOKIE_SECURE = False
    # WhiteNoise otherwise lists every static file of every app each time a test client or the
    # live server builds its middleware: a quarter of the CPU time of a view test. Autorefresh
    # looks a file up when it is asked for, as in development.
    django_settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    settings.LANGUAGE_CODE = "fr-ca"
    settings.AXES_ENABLED = True
    # Argon2 is slow on purpose (about half a second a password on a busy machine); the tests
    # create many users. tests/test_settings.py checks that Argon2 is what Jalon really uses.
    settings.PASSWORD_HASHERS = FAST_HASHING


def _network():
    return OrganizationFactory(
        name="Réseau test en développement social",
        acronym="RTDS",
        kind=OrganizationKind.NATIONAL,
        region=None,
    )


def _org_a(network):
    return OrganizationFactory(name="Consortium A", acronym="CA-A", parent=network)


def _org_b(network):
    return OrganizationFactory(name="Table B", acronym="TB-B", parent=network)


def _member(org, role, username, position=""):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=org, role=role, position=position)
    return user


def _cast(org_a, org_b):
    return {
        "admin_a": _member(org_a, Role.ADMIN, "admin_a", "Coordination"),
        "editor_a": _member(org_a, Role.EDITOR, "editor_a", "Direction"),
        "contributor_a": _member(org_a, Role.CONTRIBUTOR, "contributor_a", "Agent de liaison"),
        "reader_a": _member(org_a, Role.READER, "reader_a"),
        "member_b": _member(org_b, Role.EDITOR, "member_b", "Coordination"),
        "anonymous": None,
    }


@pytest.fixture
def network(db):
    return _network()


@pytest.fixture
def org_a(network):
    return _org_a(network)


@pytest.fixture
def org_b(network):
    return _org_b(network)


@pytest.fixture
def cast(org_a, org_b):
    return _cast(org_a, org_b)


@contextmanager
def kept_transaction(
    django_db_blocker: Any,
) -> Iterator[Callable[[], AbstractContextManager[None]]]:
    """A transaction open for as long as the block runs, for fixtures broader than a test.

    Inside it, `with writing():` lets a module- or package-scoped fixture write to the
    database; what it writes is there for every test (each, marked `django_db`, rolls back to
    it) and is rolled back when the block ends. Not for transactional tests (browser tests,
    `transaction=True`): they empty the tables, which the open transaction cannot allow.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()

    @contextmanager
    def writing() -> Iterator[None]:
        with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHING):
            yield

    try:
        yield writing
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_db(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[Callable[[], AbstractContextManager[None]]]:
    """A transaction open for a whole module (see `kept_transaction`)."""
    with kept_transaction(django_db_blocker) as writing:
        yield writing


@pytest.fixture(scope="module")
def module_cast(module_db: Callable[[], AbstractContextManager[None]]) -> dict[str, Any]:
    """The network, organizations A and B and the cast, built once for the module:
    {"network", "org_a", "org_b", "cast"}. Tests must not change these objects in memory."""
    with module_db():
        network = _network()
        org_a, org_b = _org_a(network), _org_b(network)
        return {"network": network, "org_a": org_a, "org_b": org_b, "cast": _cast(org_a, org_b)}


@pytest.fixture
def login(client):
    """login(user) signs the test client in (None stays anonymous) and returns it."""

    def _login(user):
        client.logout()
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: throttles count attempts there (core.ratelimit)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
