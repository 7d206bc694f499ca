"""Counting attempts per key in fixed windows, in Django's cache: the one throttle of Jalon.

Used where repeated requests cost someone else: password guesses from one address (the lockout
counts per account and address; this caps an address trying many accounts) and password-reset
e-mails (per address and per account, so nobody can flood a mailbox). The cache is the
process's memory by default; with several servers, a shared cache must be configured
(docs/deployment.md), or each server counts on its own.
"""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache


def allow(scope: str, key: str, *, limit: int, seconds: int) -> bool:
    """Counts one attempt for `key`; False once more than `limit` were made in this window."""
    digest = hashlib.sha256(key.casefold().encode()).hexdigest()[:32]
    window = int(time.time() // seconds)
    cache_key = f"jalon:rate:{scope}:{digest}:{window}"
    if cache.add(cache_key, 1, timeout=seconds):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=seconds)
        count = 1
    return count <= limit


def once(scope: str, key: str, *, seconds: int) -> bool:
    """True the first time `key` is seen, then False for `seconds` after it (not a window: a
    repeat 2 s later is refused even across a window's edge). Only a hash of the key is kept."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return bool(cache.add(f"jalon:once:{scope}:{digest}", 1, timeout=seconds))
