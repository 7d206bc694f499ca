"""The language of the API's answers: French, unless the caller asks for English.

The site's pages follow only the language cookie (core.middleware.LocaleMiddleware); another tool
has no cookie, so the API also honours Accept-Language. The cookie, when sent, wins.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header


def language_of(request: HttpRequest) -> str:
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    candidates = [cookie] if cookie else []
    candidates += [
        lang for lang, _q in parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    ]
    for candidate in candidates:
        if candidate == "*":
            break
        try:
            return get_supported_language_variant(candidate)
        except LookupError:
            continue
    return str(settings.LANGUAGE_CODE)


def activate_for(request: HttpRequest) -> str:
    language = language_of(request)
    translation.activate(language)
    request.LANGUAGE_CODE = language
    return language
