"""PDF with WeasyPrint, from the same HTML as the page, with the machine's own fonts.

Nothing is fetched over the network: the URL fetcher only serves `data:` URIs and files of the
reports' static folder, so a hostile link in plan text cannot make the server call out.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext

from .html import STATIC_CSS, stylesheet

# WeasyPrint reports each layout step at INFO; a report server logs only what goes wrong.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


class RemoteResourceRefused(ValueError):
    pass


def _local_only() -> Any:
    """A fetcher that serves `data:` URIs (the logo) and the reports' own static files, and
    refuses everything else: plan text cannot make the server call out."""
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file://") and url[len("file://") :].startswith(
                str(STATIC_CSS.parent)
            ):
                return super().fetch(url, headers)
            raise RemoteResourceRefused(url)

    return LocalOnly(allowed_protocols=("data", "file"))


def _page_css() -> str:
    """Page numbers in the reader's language: « Page 3 de 12 »."""
    words = gettext("Page %(page)s de %(pages)s")
    before, _, rest = words.partition("%(page)s")
    middle, _, after = rest.partition("%(pages)s")

    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    content = f"{quote(before)} counter(page) {quote(middle)} counter(pages) {quote(after)}"
    return (
        "@page { @bottom-right { content: "
        + content
        + '; font: 8pt "Liberation Sans", "DejaVu Sans", sans-serif; color: #4a5560;'
        # Near the text, not the paper's edge, where printers cannot print.
        + " vertical-align: top; padding-top: 0.35cm; } }"
    )


_per_thread = threading.local()


def _fonts_and_styles(page_css: str) -> tuple[Any, list[Any]]:
    """A font configuration and the parsed stylesheets, kept per thread (Pango's font map is
    not shared between threads): fontconfig is asked about the machine's fonts and the
    stylesheets are parsed once, not for every document."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    cached = getattr(_per_thread, "styles", None)
    if cached is None or cached[0] != page_css:
        fonts = FontConfiguration()
        styles = [
            CSS(string=stylesheet("document.css"), font_config=fonts),
            CSS(string=stylesheet("pdf.css"), font_config=fonts),
            CSS(string=page_css, font_config=fonts),
        ]
        cached = (page_css, fonts, styles)
        _per_thread.styles = cached
    return cached[1], cached[2]


def render_pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = render_to_string("reports/documents/standalone.html", context)
    document = HTML(string=html, base_url=STATIC_CSS.as_uri() + "/", url_fetcher=_local_only())
    fonts, styles = _fonts_and_styles(_page_css())
    # Tagged PDF (structure tree, reading order, alt text of the charts) for screen readers and
    # reflow; the title comes from the document's <title>, which WeasyPrint writes to the info.
    return bytes(document.write_pdf(stylesheets=styles, font_config=fonts, pdf_tags=True) or b"")
