"""The client address behind trusted proxies, and a lockout that cannot be turned against users."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import RequestFactory

from jalon.core.clientip import client_ip

from ..factories import PASSWORD, UserFactory

LOGIN_URL = "/comptes/connexion/"
PROXY = "10.0.0.2"


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", None, "203.0.113.7"),
        # Without a configured proxy the header is anybody's to write: never read.
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # One nginx: it appends the address it received from.
        (1, PROXY, "198.51.100.1", "198.51.100.1"),
        # A client forging the header: nginx appends the real address after the forgery.
        (1, PROXY, "1.2.3.4, 198.51.100.1", "198.51.100.1"),
        # Two proxies (a load balancer, then nginx).
        (2, PROXY, "1.2.3.4, 198.51.100.1, 10.0.0.1", "198.51.100.1"),
        # Garbage where the client's address should be: the connection's address.
        (1, PROXY, "pas-une-adresse", PROXY),
        # Fewer hops than configured: the leftmost address there is.
        (2, PROXY, None, PROXY),
    ],
)
def test_client_address_is_counted_from_the_right(settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    assert client_ip(_request(remote, forwarded)) == expected


def test_behind_a_proxy_an_attacker_cannot_lock_out_another_person(client, db, settings):
    settings.TRUSTED_PROXIES = 1
    UserFactory(username="admin")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN_URL,
            {"username": "admin", "password": "devine"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    locked = client.post(
        LOGIN_URL,
        {"username": "admin", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert locked.status_code == 429
    # The administrator, from her own address through the same proxy, still signs in.
    response = client.post(
        LOGIN_URL,
        {"username": "admin", "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="192.0.2.10",
    )
    assert response.status_code == 302


def test_without_a_proxy_a_forged_header_does_not_escape_the_lockout(client, db):
    assert settings.TRUSTED_PROXIES == 0
    UserFactory(username="admin")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN_URL,
            {"username": "admin", "password": "devine"},
            REMOTE_ADDR="198.51.100.66",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        LOGIN_URL,
        {"username": "admin", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.66",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert response.status_code == 429
