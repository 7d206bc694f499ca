"""A missing tool skips a test on a developer's machine and fails it in CI."""

from __future__ import annotations

import pytest

from tests.needs import require


def test_a_missing_tool_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="LibreOffice"):
        require(False, "LibreOffice (soffice) is not installed")


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run this test"):
        require(False, "LibreOffice (soffice) is not installed")


def test_a_present_tool_lets_the_test_run(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require(True, "LibreOffice (soffice) is not installed")
