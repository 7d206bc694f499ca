"""/api/v1/docs/ (Swagger UI) renders in Chromium from Jalon's own files:
no request leaves the site and the Content-Security-Policy refuses nothing."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser


def _watch(page, live_server):
    origin = urlparse(live_server.url).netloc
    outside: list[str] = []
    violations: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if urlparse(request.url).netloc not in {origin, ""}
            and not request.url.startswith("data:")
            else None
        ),
    )
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )
    return outside, violations


def test_swagger_ui_renders_the_schema_from_our_own_files(page, live_server):
    outside, violations = _watch(page, live_server)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".opblock-tag", has_text="plans").first.wait_for()
    assert page.locator(".info .title", has_text="Jalon API").count() == 1
    assert page.locator(".opblock-summary-path", has_text="/api/v1/plans/").count() >= 1
    assert outside == []
    assert violations == []
