"""A signed-in person's language: applied at sign-in and when they change it in their profile.

The language lives in the user's profile and in the language cookie that Django's
LocaleMiddleware reads; `apply_language` activates it for the rest of the request and asks
`LanguageCookieMiddleware` to write the cookie on the response.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

REQUEST_ATTRIBUTE = "_jalon_language"


def apply_language(request: HttpRequest, language: str) -> None:
    if language not in {code for code, _name in settings.LANGUAGES}:
        return
    translation.activate(language)
    request.LANGUAGE_CODE = language
    setattr(request, REQUEST_ATTRIBUTE, language)


def set_language_cookie(response: HttpResponse, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LanguageCookieMiddleware:
    """Writes the language cookie when the request applied a person's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        language = getattr(request, REQUEST_ATTRIBUTE, None)
        if language:
            set_language_cookie(response, language)
        return response
