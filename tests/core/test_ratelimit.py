"""core.ratelimit.once: a key is let through once, then refused for the given seconds."""

from __future__ import annotations

import time

from jalon.core.ratelimit import once


def test_once_lets_a_key_through_once_then_refuses_it() -> None:
    assert once("test", "browser-1:7", seconds=30) is True
    assert once("test", "browser-1:7", seconds=30) is False
    assert once("test", "browser-2:7", seconds=30) is True
    assert once("other", "browser-1:7", seconds=30) is True


def test_once_forgets_the_key_when_its_time_is_up() -> None:
    assert once("test", "browser-1:7", seconds=1) is True
    assert once("test", "browser-1:7", seconds=1) is False
    time.sleep(1.1)
    assert once("test", "browser-1:7", seconds=1) is True
