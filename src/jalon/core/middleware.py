"""Request-wide middleware: Server-Timing, the language of the interface, refusals of bad input."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_supported_language_variant


class _QueryMeter:
    """Execute wrapper that counts SQL queries and the time spent in them."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


class ServerTimingMiddleware:
    """Adds `Server-Timing: total;dur=12.5, db;dur=3.1, queries;desc="7"` to every response.

    Measured on every database connection; turned off with JALON_SERVER_TIMING=0.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not settings.SERVER_TIMING:
            return self.get_response(request)
        meter = _QueryMeter()
        start = time.perf_counter()
        wrappers = [conn.execute_wrapper(meter) for conn in connections.all()]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        total_ms = (time.perf_counter() - start) * 1000
        user = getattr(request, "user", None)
        staff = bool(user is not None and user.is_authenticated and user.is_staff)
        if 400 <= response.status_code < 500 and not staff:
            # A refusal says nothing of what stands behind it: the time and the number of
            # queries of a 404 would tell a hidden plan from one that does not exist.
            return response
        timing = f"total;dur={total_ms:.1f}, db;dur={meter.seconds * 1000:.1f}"
        if staff or not (user is not None and user.is_authenticated):
            # The query count is for the operators (staff) and for the bench and monitoring,
            # which read it from anonymous pages such as /healthz.
            timing += f', queries;desc="{meter.count}"'
        response["Server-Timing"] = timing
        return response


class RequestGuardMiddleware:
    """Refuses with a clear 400 what the database would answer with a 500.

    A NUL character in a form field or the address is refused by PostgreSQL ("A string literal
    cannot contain NUL") deep inside a save; a person pasting it gets an explanation instead.
    Also sets Permissions-Policy: Jalon uses no camera, microphone, location or payment.
    """

    PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._too_large(request):
            # Refused before the body is read: a 200 MB upload costs nothing but its headers.
            response = render(
                request,
                "errors/413.html",
                {"limit_mb": settings.MAX_UPLOAD_BYTES // (1024 * 1024)},
                status=413,
            )
        elif self._has_nul(request):
            response = render(request, "errors/400.html", status=400)
        else:
            response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _too_large(request: HttpRequest) -> bool:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        # The largest accepted file plus room for the form around it.
        return length > settings.MAX_UPLOAD_BYTES + 1024 * 1024

    @staticmethod
    def _has_nul(request: HttpRequest) -> bool:
        if "\x00" in request.path:
            return True
        sources = [request.GET]
        if request.method == "POST":
            # The same parse the CSRF check and the view make (Django keeps it): uploads are
            # bounded by DATA_UPLOAD_MAX_MEMORY_SIZE and the views' own limits.
            sources.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for source in sources
            for key, values in source.lists()
        )


class LocaleMiddleware(DjangoLocaleMiddleware):
    """French unless the person chose another language (the language cookie).

    Django's own middleware also follows the browser's Accept-Language; Jalon speaks the language
    of the network (Quebec French) to everyone first, and English to those who ask for it with the
    language switch or their profile — both of which set the cookie.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = get_supported_language_variant(language) if language else ""
        except LookupError:
            language = ""
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        # No language prefix in URLs and no Accept-Language: only the cookie varies the page.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response
