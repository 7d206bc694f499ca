"""Scanned pages → words: render a PDF page with PDFium, recognize it with Tesseract.

A page without a text layer (a scan, a photo, a slide exported as an image) holds no
characters for the PDF reader; here it is rendered to a grey image and read by Tesseract
(`pytesseract` runs the `tesseract` program, Debian's `tesseract-ocr` and `tesseract-ocr-fra`),
French first (`fra+eng`). Each word comes back with its box and its confidence (0–100); the
words become the same `Word`s the PDF reader makes of characters, so the lines, their
indentation and the runs of spaces between columns are built the same way for both.

Why pytesseract rather than OCRmyPDF: we need words with their positions and confidence, page
by page, to show progress and to say how sure the reading is; OCRmyPDF rewrites a whole PDF
(through Ghostscript and pikepdf) and gives back a text layer without confidences, at several
times the cost. Tesseract is run with one thread (`OMP_THREAD_LIMIT=1`): a server reads one
page at a time per worker and does not starve the web requests.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DocumentError

if TYPE_CHECKING:
    from .pdf import Word


class OcrTimeout(Exception):
    """Tesseract did not finish a page in the time it was given."""


@dataclass(frozen=True)
class OcrResult:
    words: list[Word]
    mean_confidence: float | None  # mean word confidence 0–100; None when no word was found
    seconds: float


def ocr_page(page: Any, *, languages: str, dpi: int, timeout: float) -> OcrResult:
    """The words of one PDF page read by Tesseract, in PDF points (top-left origin)."""
    import pytesseract

    from .pdf import Word

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.monotonic()
    scale = dpi / 72
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    try:
        data = pytesseract.image_to_data(
            image,
            lang=languages,
            config="--psm 3",  # the page's own layout: columns, blocks, lines
            output_type=pytesseract.Output.DICT,
            timeout=max(0.01, timeout),  # 0 would mean no limit to pytesseract
        )
    except pytesseract.TesseractNotFoundError:
        raise DocumentError(
            "ce PDF est numérisé et la reconnaissance de caractères (Tesseract) n'est pas "
            "installée sur ce serveur : copiez-collez son texte, ou demandez à l'administrateur "
            "d'installer tesseract-ocr et tesseract-ocr-fra",
            "this PDF is scanned and optical character recognition (Tesseract) is not installed "
            "on this server: paste its text, or ask the administrator to install tesseract-ocr "
            "and tesseract-ocr-fra",
        ) from None
    except RuntimeError as exc:  # pytesseract's way of saying the process was killed on time
        if "timeout" in str(exc).lower():
            raise OcrTimeout from None
        raise
    except pytesseract.TesseractError as exc:
        raise DocumentError(
            f"la reconnaissance de caractères a échoué ({exc.message or exc.status})",
            f"optical character recognition failed ({exc.message or exc.status})",
        ) from None
    finally:
        image.close()
    # Words of one Tesseract line share the line's top, so that the PDF reader's grouping by
    # vertical position keeps them on one line (their boxes move with ascenders and descenders).
    line_top: dict[tuple[int, int, int], float] = {}
    found: list[tuple[tuple[int, int, int], str, float, float, float, float]] = []
    confidences: list[float] = []
    for i, raw_text in enumerate(data["text"]):
        text = str(raw_text).strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        x0 = data["left"][i] / scale
        top = data["top"][i] / scale
        x1 = x0 + data["width"][i] / scale
        bottom = top + data["height"][i] / scale
        line_top[key] = min(line_top.get(key, top), top)
        found.append((key, text, x0, x1, top, bottom))
        confidences.append(conf)
    words = [
        Word(text, x0, x1, line_top[key], max(bottom, line_top[key] + 1), False)
        for key, text, x0, x1, _top, bottom in found
    ]
    mean = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrResult(words=words, mean_confidence=mean, seconds=time.monotonic() - started)
