"""/api/v1/docs/ (Swagger UI) and /api/v1/redoc/ render in Chromium from Jalon's own files:
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


def test_redoc_renders_and_the_csp_stops_its_one_outside_image(page, live_server):
    """Redoc's bundle always adds the Redocly logo from its CDN (no option turns it off): the
    CSP (img-src 'self') refuses it, so nothing reaches another site. Redoc also needs inline
    styles, allowed on this page only."""
    outside, violations = _watch(page, live_server)
    answered: list[str] = []
    page.on(
        "response",
        lambda response: (
            answered.append(response.url)
            if urlparse(response.url).netloc != urlparse(live_server.url).netloc
            else None
        ),
    )
    page.goto(f"{live_server.url}/api/v1/redoc/")
    page.get_by_text("Jalon API").first.wait_for()
    page.locator("text=/api/v1/plans/").first.wait_for()
    assert answered == []
    assert set(outside) <= {"https://cdn.redoc.ly/redoc/logo-mini.svg"}
    # Besides the logo, Redoc tries to start its search in a blob: worker, which the CSP also
    # refuses (it searches in the page instead).
    refused = [m for m in violations if "cdn.redoc.ly" not in m and "blob:" not in m]
    assert refused == [], violations
