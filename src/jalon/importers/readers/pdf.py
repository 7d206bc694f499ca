"""PDF → lines: ruled tables as rows of cells, the rest as positioned lines.

Characters, their boxes and the page's drawn paths come from PDFium (through pypdfium2, which
pdfplumber itself depends on): it reads a page about fifteen times faster than pdfminer,
which matters for a 20-page plan. The table grid is then found by pdfplumber's table finder,
fed with the ruling lines drawn on the page; each cell's text is the characters inside it.

Outside tables, words are grouped into lines by their vertical position; a wide horizontal
gap between two words becomes a run of spaces, so columns that share a line stay apart (the
flow recognizer splits on such runs); the left position becomes the line's indentation in
character widths. A page that carries no text but shows an image is a scan: it is rendered
and read by optical character recognition (`ocr.py`, Tesseract), within the limits on pages
and seconds; a page with a text layer is never recognized, its characters are the truth.
"""

from __future__ import annotations

import ctypes
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...plans.interchange import OcrPage
from ..blocks import Document, Line
from ..errors import DocumentError
from ..limits import Limits


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool


SOFT_BREAK = "\u2028"  # a line the layout wrapped, or perhaps a paragraph that filled its line


class _PageBox:
    """What pdfplumber's table finder needs of a page when the ruling lines are given."""

    def __init__(self, width: float, height: float) -> None:
        self.bbox = (0.0, 0.0, width, height)


OcrProgress = Callable[[int, int, int], None]
"""Told before each scanned page is recognized: (pages done, pages to do, page number)."""


def read_pdf(data: bytes, limits: Limits, progress: OcrProgress | None = None) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise DocumentError(
                "ce PDF est protégé par un mot de passe : enregistrez-en une copie sans protection",
                "this PDF is password-protected: save an unprotected copy",
            ) from None
        raise DocumentError(
            "le fichier PDF est endommagé ou tronqué", "the PDF file is damaged or truncated"
        ) from None
    try:
        return _read(pdf, limits, progress)
    finally:
        pdf.close()


def _read(pdf: Any, limits: Limits, progress: OcrProgress | None) -> Document:
    import pypdfium2 as pdfium

    count = len(pdf)
    if count > limits.max_pages:
        raise DocumentError(
            f"le PDF compte {count} pages, plus que la limite de {limits.max_pages}",
            f"the PDF has {count} pages, more than the limit of {limits.max_pages}",
        )
    if count == 0:
        raise DocumentError("le PDF ne contient aucune page", "the PDF has no pages")
    warnings: list[str] = []
    chars = 0
    empty_pages: list[int] = []
    scanned: list[int] = []  # pages without text that show an image: read by OCR
    by_page: dict[int, list[Line]] = {}
    table_no = 0
    for pno in range(1, count + 1):
        try:
            page = pdf[pno - 1]
            try:
                page_lines, n_chars, n_tables = _page_lines(page, pno, table_no)
                has_image = n_chars == 0 and _has_image(page)
            finally:
                page.close()
        except DocumentError:
            raise
        except (pdfium.PdfiumError, ValueError, OSError) as exc:
            raise DocumentError(
                "cette page du PDF est endommagée et ne peut pas être lue",
                "this page of the PDF is damaged and cannot be read",
                f"page {pno}",
            ) from exc
        table_no += n_tables
        chars += n_chars
        if n_chars == 0:
            if has_image and limits.ocr:
                scanned.append(pno)
            else:
                empty_pages.append(pno)
        by_page[pno] = page_lines
    ocr_report: list[OcrPage] = []
    if scanned:
        ocr_report = _ocr(pdf, scanned, by_page, limits, progress, warnings, table_no)
        chars += sum(len(ln.text.strip()) for p in scanned for ln in by_page[p])
        empty_pages = sorted(empty_pages + [p.page for p in ocr_report if not p.words])
    lines: list[Line] = []
    for pno in range(1, count + 1):
        page_lines = by_page[pno]
        if page_lines:
            page_lines[0].page_break_before = pno > 1
        for ln in page_lines:
            ln.number = len(lines) + 1
            lines.append(ln)
            if len(lines) > limits.max_lines:
                raise DocumentError(
                    f"le PDF donne plus de {limits.max_lines} lignes de texte",
                    f"the PDF gives more than {limits.max_lines} lines of text",
                    f"page {pno}",
                )
    if chars == 0:
        if ocr_report:
            raise DocumentError(
                "ce PDF est numérisé et la reconnaissance de caractères (OCR) n'y a trouvé aucun texte "
                "lisible : copiez-collez son texte, ou numérisez-le à nouveau plus nettement",
                "this PDF is scanned and optical character recognition (OCR) found no readable text "
                "in it: paste its text, or scan it again more sharply",
            )
        raise DocumentError(
            "ce PDF ne contient pas de texte (c'est sans doute un document numérisé) : passez-le "
            "d'abord dans un logiciel de reconnaissance de caractères (OCR), ou copiez-collez son texte",
            "this PDF holds no text (it is probably a scanned document): run it through optical "
            "character recognition (OCR) first, or paste its text",
        )
    if empty_pages:
        listed = ", ".join(str(p) for p in empty_pages[:10])
        warnings.append(
            f"Pages sans texte (numérisées ?) : {listed} — leur contenu n'a pas pu être lu"
        )
    if ocr_report:
        listed = ", ".join(str(p.page) for p in ocr_report[:10])
        warnings.append(
            f"Pages numérisées lues par reconnaissance de caractères (OCR) : {listed} — "
            "vérifiez leur texte"
        )
    return Document(lines=lines, format="pdf", pages=count, warnings=warnings, ocr=ocr_report)


def _has_image(page: Any) -> bool:
    """Whether the page shows an image (a scan) — a blank page is not worth recognizing."""
    import pypdfium2.raw as raw

    return any(True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=4))


def _page_size(pdf: Any, pno: int) -> tuple[float, float]:
    page = pdf[pno - 1]
    try:
        width, height = page.get_size()
        return float(width), float(height)
    finally:
        page.close()


def _ocr(
    pdf: Any,
    scanned: list[int],
    by_page: dict[int, list[Line]],
    limits: Limits,
    progress: OcrProgress | None,
    warnings: list[str],
    tables_before: int = 0,
) -> list[OcrPage]:
    """Recognize the scanned pages in place (`by_page`); what each gave, for the report."""
    from .ocr import OcrTimeout, ocr_page

    total = len(scanned)
    if total > limits.ocr_max_pages:
        raise DocumentError(
            f"ce PDF compte {total} pages numérisées (sans texte) à lire par reconnaissance de "
            f"caractères, plus que la limite de {limits.ocr_max_pages} : importez-le en "
            "plusieurs parties, ou copiez-collez son texte",
            f"this PDF has {total} scanned pages (without text) to read by optical character "
            f"recognition, more than the limit of {limits.ocr_max_pages}: import it in several "
            "parts, or paste its text",
        )
    report: list[OcrPage] = []
    started = time.monotonic()
    table_base = [tables_before]  # scanned tables are numbered after the text pages' ones
    for done, pno in enumerate(scanned):
        left = limits.ocr_total_seconds - (time.monotonic() - started)
        if left <= 0:
            raise _total_exceeded(limits, done, total, pno)
        if progress is not None:
            progress(done, total, pno)
        page = pdf[pno - 1]
        try:
            result = ocr_page(
                page,
                languages=limits.ocr_languages,
                dpi=limits.ocr_dpi,
                timeout=min(limits.ocr_page_seconds, left),
            )
        except OcrTimeout:
            if limits.ocr_page_seconds >= left:
                raise _total_exceeded(limits, done, total, pno) from None
            warnings.append(
                f"Page {pno} : la reconnaissance de caractères a dépassé "
                f"{limits.ocr_page_seconds:g} s ; son contenu n'a pas été lu"
            )
            report.append(
                OcrPage(page=pno, mean_confidence=None, words=0, seconds=limits.ocr_page_seconds)
            )
            continue
        finally:
            page.close()
        width, height = _page_size(pdf, pno)
        tables = _tables_of_edges([_edge(*r) for r in result.rules], width, height)
        by_page[pno] = _assemble(result.words, tables, pno, table_base[0])
        table_base[0] += len(tables)
        report.append(
            OcrPage(
                page=pno,
                mean_confidence=result.mean_confidence,
                words=len(result.words),
                seconds=round(result.seconds, 2),
            )
        )
    if progress is not None:
        progress(total, total, scanned[-1])
    return report


def _total_exceeded(limits: Limits, done: int, total: int, pno: int) -> DocumentError:
    return DocumentError(
        f"la reconnaissance de caractères a dépassé la limite de {limits.ocr_total_seconds:g} s "
        f"pour ce document ({done} pages lues sur {total}) : importez-le en plusieurs parties, "
        "ou copiez-collez son texte",
        f"optical character recognition went past the limit of {limits.ocr_total_seconds:g} s "
        f"for this document ({done} of {total} pages read): import it in several parts, or "
        "paste its text",
        f"page {pno}",
    )


def _page_lines(page: Any, pno: int, table_base: int) -> tuple[list[Line], int, int]:
    """The lines of one page, tables and text in reading order; and its number of characters."""
    width, height = page.get_size()
    words = _words(page, height)
    n_chars = sum(len(w.text) for w in words)
    tables = _tables(page, width, height) if words else []
    return _assemble(words, tables, pno, table_base), n_chars, len(tables)


def _assemble(words: list[Word], tables: list[Any], pno: int, table_base: int) -> list[Line]:
    """Words and the tables found around them as lines in reading order (rows for tables)."""
    boxes = [t.bbox for t in tables]

    def inside(w: Word) -> bool:
        cx = (w.x0 + w.x1) / 2
        cy = (w.top + w.bottom) / 2
        return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)

    free = [w for w in words if not inside(w)]
    items: list[tuple[float, Line]] = list(_text_lines(free, pno))
    for k, table in enumerate(tables, start=1):
        for r, row in enumerate(table.rows, start=1):
            cells = [_cell_text(words, box) if box is not None else "" for box in row.cells]
            if not any(cells):
                continue
            items.append(
                (
                    row.bbox[1],
                    Line(
                        text=" ".join(
                            c.replace("\n", " ").replace(SOFT_BREAK, " ") for c in cells if c
                        ),
                        number=0,
                        where=f"page {pno}, tableau {k}, ligne {r}",
                        page=pno,
                        cells=cells,
                        table=table_base + k,
                    ),
                )
            )
    items.sort(key=lambda it: it[0])
    return [ln for _, ln in items]


def _words(page: Any, height: float) -> list[Word]:
    """Words from PDFium's characters: split on spaces and on horizontal gaps."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        n = textpage.count_chars()
        left, right, bottom, top = (
            ctypes.c_double(),
            ctypes.c_double(),
            ctypes.c_double(),
            ctypes.c_double(),
        )
        loose = raw.FS_RECTF()
        loose_ref = ctypes.byref(loose)
        words: list[Word] = []
        cur: list[str] = []
        box: list[float] = []
        bold = True
        last_right = 0.0
        last_size = 0.0
        for i in range(n):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            ch = chr(code) if 0 < code < 0x110000 else ""
            if ch == "\x02":  # PDFium's mark for a hyphen ending a line
                ch = "-"
            generated = raw.FPDFText_IsGenerated(textpage.raw, i) == 1
            if generated or not ch.strip() or ch in "\ufffe\uffff":
                if cur:
                    words.append(Word("".join(cur), box[0], box[1], box[2], box[3], bold))
                    cur, box, bold = [], [], True
                continue
            # the loose box spans the font's whole line height: a full stop or a hyphen sits
            # on the same line as the letters around it (the tight glyph box would not)
            if raw.FPDFText_GetLooseCharBox(textpage.raw, i, loose_ref):
                x0, x1 = loose.left, loose.right
                t, b = height - loose.top, height - loose.bottom
            else:
                raw.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
                x0, x1 = left.value, right.value
                t, b = height - top.value, height - bottom.value
            size = raw.FPDFText_GetFontSize(textpage.raw, i) or 10.0
            if cur and (
                x0 - last_right > size * 0.2
                or x0 < last_right - size
                or abs(t - box[2]) > size * 0.6
            ):
                words.append(Word("".join(cur), box[0], box[1], box[2], box[3], bold))
                cur, box, bold = [], [], True
            weight = raw.FPDFText_GetFontWeight(textpage.raw, i)
            if not cur:
                box = [x0, x1, t, b]
            else:
                box = [min(box[0], x0), max(box[1], x1), min(box[2], t), max(box[3], b)]
            cur.append(ch)
            bold = bold and weight >= 600
            last_right = x1
            last_size = size
        if cur:
            words.append(Word("".join(cur), box[0], box[1], box[2], box[3], bold))
        del last_size
        return words
    finally:
        textpage.close()


def _tables(page: Any, width: float, height: float) -> list[Any]:
    """Tables found by pdfplumber's table finder on the page's ruling lines."""
    import pypdfium2.raw as raw

    edges: list[dict[str, Any]] = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=4):
        try:
            x0, y0, x1, y1 = obj.get_bounds()
        except Exception:
            continue
        top, bottom = height - y1, height - y0
        w, h = x1 - x0, bottom - top
        if w < 0 or h < 0 or w > width * 2 or h > height * 2:
            continue
        if h <= 2.5 and w > 2.5:
            edges.append(_edge("h", x0, x1, (top + bottom) / 2, (top + bottom) / 2))
        elif w <= 2.5 and h > 2.5:
            edges.append(_edge("v", (x0 + x1) / 2, (x0 + x1) / 2, top, bottom))
        elif w > 2.5 and h > 2.5 and len(edges) < 20000:
            edges.append(_edge("h", x0, x1, top, top))
            edges.append(_edge("h", x0, x1, bottom, bottom))
            edges.append(_edge("v", x0, x0, top, bottom))
            edges.append(_edge("v", x1, x1, top, bottom))
        if len(edges) > 20000:
            break
    return _tables_of_edges(edges, width, height)


def _tables_of_edges(edges: list[dict[str, Any]], width: float, height: float) -> list[Any]:
    """Tables whose grid the given ruling lines draw (drawn in the PDF, or seen on a scan)."""
    from pdfplumber.table import TableFinder

    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
        "snap_tolerance": 3,
        "join_tolerance": 3,
        "intersection_tolerance": 3,
    }
    finder = TableFinder(_PageBox(width, height), settings)  # type: ignore[arg-type]
    return [t for t in finder.tables if t.rows and len(t.rows[0].cells) >= 2]


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, Any]:
    return {
        "object_type": "line_edge",
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def _cell_text(words: list[Word], box: tuple[float, float, float, float]) -> str:
    """The text of a cell: its lines joined where the text only wrapped, paragraphs kept.

    A line ends a paragraph when the first word of the next line would have fitted in the
    room left at its end: the writer broke the line, not the layout.
    """
    x0, top, x1, bottom = box
    inside = [
        w
        for w in words
        if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1 and top - 1 <= (w.top + w.bottom) / 2 <= bottom + 1
    ]
    rows: list[list[Word]] = []
    for w in sorted(inside, key=lambda w: (w.top, w.x0)):
        if rows and abs(rows[-1][0].top - w.top) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    if not rows:
        return ""
    right = max(x1 - 3, max(max(w.x1 for w in r) for r in rows))
    out = ""
    for k, r in enumerate(rows):
        r.sort(key=lambda w: w.x0)
        text = " ".join(w.text for w in r)
        if k == 0:
            out = text
            continue
        prev = rows[k - 1]
        room = right - max(w.x1 for w in prev)
        first = r[0]
        space = (first.x1 - first.x0) / max(1, len(first.text))
        wrapped = room < (first.x1 - first.x0) + space * 1.5
        if wrapped and re.search(r"[^\W\d_]-$", out):
            out += text  # a word hyphenated at the end of the line: keep it whole
        else:
            out += (SOFT_BREAK if wrapped else "\n") + text
    return out


def _text_lines(words: list[Word], pno: int) -> list[tuple[float, Line]]:
    if not words:
        return []
    words = sorted(words, key=lambda w: (round(w.top), w.x0))
    rows: list[list[Word]] = []
    for w in words:
        if rows and abs(rows[-1][0].top - w.top) <= 3:
            rows[-1].append(w)
        else:
            rows.append([w])
    sizes = sorted((w.x1 - w.x0) / max(1, len(w.text)) for w in words)
    char_w = sizes[len(sizes) // 2] or 5.0
    left = min(w.x0 for w in words)
    heights = sorted(w.bottom - w.top for w in words)
    line_h = heights[len(heights) // 2] or 10.0
    out: list[tuple[float, Line]] = []
    previous_bottom: float | None = None
    for k, row in enumerate(rows, start=1):
        row.sort(key=lambda w: w.x0)
        text = ""
        last_x1: float | None = None
        for w in row:
            if last_x1 is None:
                text = w.text
            else:
                gap = w.x0 - last_x1
                text += ("   " if gap > char_w * 2.5 else " ") + w.text
            last_x1 = w.x1
        indent = max(0, round((row[0].x0 - left) / char_w))
        top = min(w.top for w in row)
        bottom = max(w.bottom for w in row)
        if previous_bottom is not None and top - previous_bottom > line_h * 1.1:
            out.append((top - 0.5, Line(text="", number=0, where=f"page {pno}", page=pno)))
        previous_bottom = bottom
        out.append(
            (
                top,
                Line(
                    text=" " * indent + text,
                    number=0,
                    where=f"page {pno}, ligne {k}",
                    page=pno,
                    indent=indent,
                    bold=all(w.bold for w in row),
                ),
            )
        )
    return out
