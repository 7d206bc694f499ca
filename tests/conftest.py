"""Shared fixtures: a cast of users around two organizations, used by every app's tests.

Organization A is a regional member of network N; organization B is another member of N.
The cast: `admin_a`, `editor_a`, `contributor_a` (position "Agent de liaison"), `reader_a`,
`member_b` (an editor of B) and `anonymous`. `cast` maps each name to a user (None for anonymous).
"""

from __future__ import annotations

import pytest

from jalon.accounts.enums import Role
from jalon.network.enums import OrganizationKind

from .factories import PASSWORD, MembershipFactory, OrganizationFactory, UserFactory

# Browser fixtures (Debian's Chromium through Playwright, one per session) for every app's tests.
pytest_plugins = ["tests.browser.fixtures"]

CAST = ["admin_a", "editor_a", "contributor_a", "reader_a", "member_b", "anonymous"]


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


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    settings.LANGUAGE_CODE = "fr-ca"
    settings.AXES_ENABLED = True
    # Argon2 is slow on purpose (about half a second a password on a busy machine); the tests
    # create many users. tests/test_settings.py checks that Argon2 is what Jalon really uses.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def network(db):
    return OrganizationFactory(
        name="Réseau test en développement social",
        acronym="RTDS",
        kind=OrganizationKind.NATIONAL,
        region=None,
    )


@pytest.fixture
def org_a(network):
    return OrganizationFactory(name="Consortium A", acronym="CA-A", parent=network)


@pytest.fixture
def org_b(network):
    return OrganizationFactory(name="Table B", acronym="TB-B", parent=network)


def _member(org, role, username, position=""):
    user = UserFactory(username=username)
    MembershipFactory(user=user, organization=org, role=role, position=position)
    return user


@pytest.fixture
def cast(org_a, org_b):
    return {
        "admin_a": _member(org_a, Role.ADMIN, "admin_a", "Coordination"),
        "editor_a": _member(org_a, Role.EDITOR, "editor_a", "Direction"),
        "contributor_a": _member(org_a, Role.CONTRIBUTOR, "contributor_a", "Agent de liaison"),
        "reader_a": _member(org_a, Role.READER, "reader_a"),
        "member_b": _member(org_b, Role.EDITOR, "member_b", "Coordination"),
        "anonymous": None,
    }


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
