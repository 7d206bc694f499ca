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
import re
import time
from dataclasses import dataclass, field
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
    # ruling lines seen on the scan, in PDF points: ("h" or "v", x0, x1, top, bottom)
    rules: list[tuple[str, float, float, float, float]] = field(default_factory=list)


# A table's borders on a scan: dark runs at least this long (points) — a word never is. A
# vertical border may be as short as one header row; it must then meet a horizontal one.
_RULE_MIN_POINTS = {"h": 40.0, "v": 12.0}
_RULE_BLOCK = 6  # pixels averaged along a rule to find it (a scan's rules are not perfect)
_STRAY = re.compile(r"^[|\[\]_]+$")  # a border read as a character


def ruling_lines(image: Any, scale: float) -> list[tuple[str, float, float, float, float, float]]:
    """Long straight dark lines of a grey page image (a scanned table's borders), in points:
    (orientation, x0, x1, top, bottom, half the line's thickness).

    The image is averaged over blocks along the direction sought (so a rule a pixel thick and
    slightly slanted stays dark, while text, with gaps between letters and words, does not),
    then each row of blocks is read for runs of dark blocks longer than any word.
    """
    from PIL import Image

    rules: list[tuple[str, float, float, float, float, float]] = []  # and half the thickness
    width, height = image.size
    block = _RULE_BLOCK
    dark = bytes.maketrans(bytes(range(256)), bytes(49 if v < 110 else 48 for v in range(256)))
    for orientation in ("h", "v"):
        min_blocks = max(3, int(_RULE_MIN_POINTS[orientation] * scale / block))
        run = re.compile(rb"1{%d,}" % min_blocks)
        if orientation == "h":
            small = image.resize((max(1, width // block), height), Image.Resampling.BOX)
        else:
            small = image.transpose(Image.Transpose.TRANSPOSE)
            small = small.resize((max(1, height // block), width), Image.Resampling.BOX)
        w, h = small.size
        data = small.tobytes().translate(dark)
        open_runs: dict[tuple[int, int], list[int]] = {}  # (start, end) -> [first row, last row]
        found: list[tuple[int, int, int, int]] = []
        for row in range(h):
            line = data[row * w : (row + 1) * w]
            current = {(m.start(), m.end()) for m in run.finditer(line)}
            still: dict[tuple[int, int], list[int]] = {}
            for span in current:
                # a rule several pixels thick: the same run on consecutive rows, give or take
                match = next(
                    (k for k in open_runs if abs(k[0] - span[0]) <= 2 and abs(k[1] - span[1]) <= 2),
                    None,
                )
                if match is not None:
                    rows = open_runs.pop(match)
                    rows[1] = row
                    still[span] = rows
                else:
                    still[span] = [row, row]
            for span, rows in open_runs.items():
                found.append((span[0], span[1], rows[0], rows[1]))
            open_runs = still
        for span, rows in open_runs.items():
            found.append((span[0], span[1], rows[0], rows[1]))
        for start, end, first, last in found:
            if last - first > 12:  # a dark band (a filled cell, a picture), not a rule
                continue
            a0, a1 = start * block / scale, end * block / scale
            middle = (first + last + 1) / 2 / scale
            half = (last - first + 1) / 2 / scale
            if orientation == "h":
                rules.append(("h", a0, a1, middle, middle, half))
            else:
                rules.append(("v", middle, middle, a0, a1, half))
    horizontal = [r for r in rules if r[0] == "h"]

    def meets(v: tuple[str, float, float, float, float, float]) -> bool:
        if v[4] - v[3] >= _RULE_MIN_POINTS["h"]:
            return True
        return any(
            h[1] - 3 <= v[1] <= h[2] + 3 and (abs(h[3] - v[3]) <= 4 or abs(h[3] - v[4]) <= 4)
            for h in horizontal
        )

    return horizontal + [r for r in rules if r[0] == "v" and meets(r)]


def _erase(
    image: Any, rules: list[tuple[str, float, float, float, float, float]], scale: float
) -> Any:
    """The image with the rules painted white: Tesseract drops text that touches a table's
    borders (a row squeezed between two rules is lost), and reads borders as "|"."""
    from PIL import ImageDraw

    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for orientation, x0, x1, top, bottom, half in rules:
        pad = half + 1.5 / scale * 2
        if orientation == "h":
            box = (x0 * scale, (top - pad) * scale, x1 * scale, (bottom + pad) * scale)
        else:
            box = ((x0 - pad) * scale, top * scale, (x1 + pad) * scale, bottom * scale)
        draw.rectangle(box, fill=255)
    return clean


def ocr_page(page: Any, *, languages: str, dpi: int, timeout: float) -> OcrResult:
    """The words of one PDF page read by Tesseract, in PDF points (top-left origin)."""
    import pytesseract

    from .pdf import Word

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    started = time.monotonic()
    scale = dpi / 72
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil().convert("L")
    finally:
        bitmap.close()
    found_rules = ruling_lines(image, scale)
    if found_rules:
        erased = _erase(image, found_rules, scale)
        image.close()
        image = erased
    rules = [r[:5] for r in found_rules]
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
        if rules:  # a table's borders read as "|", or glued to a word ("|An", "[Résultats")
            if _STRAY.match(text):
                continue
            text = text.strip("|").lstrip("‘`") or text  # a cell's corner read as a quote
            if text.startswith("[") and "]" not in text:
                text = text[1:] or text
            if text.endswith("]") and "[" not in text:
                text = text[:-1] or text
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
    return OcrResult(
        words=words, mean_confidence=mean, seconds=time.monotonic() - started, rules=rules
    )
