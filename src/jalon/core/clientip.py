"""The address a request really comes from, behind a configured number of trusted proxies.

Behind nginx every request reaches Jalon from the proxy's address; the login lockout, keyed on
the user name *and* the address, would then let anyone lock any account (the only
administrator's included) for everyone. With `JALON_TRUSTED_PROXIES=N`, the client is the
address N hops from the right of `X-Forwarded-For` + the connection's address: each trusted proxy
appends the address it received from, so whatever a client writes in the header itself stays to
the left and is ignored. With 0 (the default, no proxy), the header is never read.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR") or None
    hops = settings.TRUSTED_PROXIES
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    chain = [address for address in forwarded if address] + ([remote] if remote else [])
    if len(chain) <= hops:
        # Fewer hops than configured: the request did not come through every proxy.
        return chain[0] if chain else None
    candidate = chain[-(hops + 1)]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        # Not an address (a forged or garbled header): fall back on the connection's.
        return remote
