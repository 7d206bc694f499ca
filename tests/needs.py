"""Tests that need a tool outside Python (LibreOffice…): skipped on a developer's machine that
lacks it, failed in CI (the `CI` environment variable set), where a skip would hide that the
test never ran — as the browser tests already do for Chromium."""

from __future__ import annotations

import os

import pytest


def require(available: bool, what: str) -> None:
    """Skip (or, in CI, fail) the calling test unless `available`; `what` says what is missing."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} — CI must run this test, not skip it.", pytrace=False)
    pytest.skip(what)
