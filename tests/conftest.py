"""Shared fixtures: a cast of users around two organizations, used by every app's tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    settings.LANGUAGE_CODE = "fr-ca"
