"""Text out of the generated documents, the way real documents' text is got out of them.

    EXTRACTIONS["pdf"]   pdf:reader (Jalon's own PDF reader on the file), pdf:layout
                         (`pdftotext -layout`), pdf:raw (plain `pdftotext`), pdf:pdfium
                         (PDFium's text, as a browser's PDF viewer copies it), pdf:ocr
                         (`pdftoppm -r 150` then `tesseract -l fra`, page by page)
    EXTRACTIONS["docx"]  docx:reader, docx:copy (the document saved as plain text: cells
                         separated by tabs, paragraphs of a cell on their own lines)
    EXTRACTIONS["html"]  html:reader (the page's source given to Jalon), html:copy (the text
                         a browser copies from the page: menus, breadcrumbs, footer and all)
    EXTRACTIONS["txt"]   txt:reader

`text_of()` returns the text an extraction gives, or None for a `reader` extraction (the file
itself goes to the importer). OCR is slow: its text is cached by the PDF's hash.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

EXTRACTIONS: dict[str, list[str]] = {
    "pdf": ["pdf:reader", "pdf:layout", "pdf:raw", "pdf:pdfium", "pdf:ocr"],
    "docx": ["docx:reader", "docx:copy"],
    "html": ["html:reader", "html:copy"],
    "txt": ["txt:reader"],
}


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def pdftotext(path: Path, *, layout: bool) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, timeout=120).stdout.decode()


def pdfium_text(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for page in doc:
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
            # PDFium marks a hyphen where a line broke as U+FFFE; a viewer copies it as "-"
            pages.append(text.replace("\ufffe", "-"))
            textpage.close()
            page.close()
        return "\n\f".join(pages)
    finally:
        doc.close()


def ocr_text(pdf: bytes, cache_dir: Path, *, dpi: int = 150) -> str:
    """Each page rendered at `dpi` and read by Tesseract in French; cached by the PDF's hash."""
    key = hashlib.sha256(pdf).hexdigest()[:20]
    cached = cache_dir / f"{key}-{dpi}.txt"
    if cached.exists():
        return cached.read_text("utf-8")
    with tempfile.TemporaryDirectory(prefix="jalon-ocr-") as tmp:
        src = Path(tmp) / "doc.pdf"
        src.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", str(src), str(Path(tmp) / "p")],
            check=True,
            timeout=300,
            capture_output=True,
        )
        pages = []
        for img in sorted(Path(tmp).glob("p-*.png")):
            out = subprocess.run(
                ["tesseract", str(img), "stdout", "-l", "fra"],
                capture_output=True,
                check=True,
                timeout=300,
            )
            pages.append(out.stdout.decode("utf-8", "replace"))
    text = "".join(p if p.endswith("\f") else p + "\f" for p in pages)
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, "utf-8")
    return text


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_copy_text(data: bytes) -> str:
    """The DOCX as Word saves it in plain text: paragraphs, then table rows with tab-separated
    cells; a cell merged from above comes out empty, a cell's paragraphs on their own lines."""
    import io

    import docx

    body = docx.Document(io.BytesIO(data)).element.body

    def para_text(p: object) -> str:
        return "".join(t.text or "" for t in p.iter(f"{_W}t"))  # type: ignore[attr-defined]

    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(para_text(child))
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                cells = []
                for tc in tr.iterchildren(f"{_W}tc"):
                    vmerge = tc.find(f"{_W}tcPr/{_W}vMerge")
                    if vmerge is not None and vmerge.get(f"{_W}val") != "restart":
                        cells.append("")
                        continue
                    cells.append("\n".join(para_text(p) for p in tc.iter(f"{_W}p")).strip())
                lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)


class _InnerText(HTMLParser):
    """Roughly what `document.body.innerText` gives (what a browser copies after Ctrl+A): a
    block starts and ends a line, a paragraph or heading leaves a blank line, and breaks that
    meet count once (the larger wins); table cells are separated by tabs."""

    BLOCKS = {
        "div", "section", "article", "header", "footer", "nav", "main", "aside", "ul", "ol",
        "li", "table", "tr", "dl", "dt", "dd", "figure", "figcaption", "blockquote", "form",
    }  # fmt: skip
    PARAGRAPHS = {"p", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str | int] = []  # text, or a number of line breaks required here
        self.skip = 0
        self.cell = 0

    def _break(self, n: int) -> None:
        self.out.append(n)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head", "template"):
            self.skip += 1
        elif tag in ("td", "th"):
            if self.cell:
                self.out.append("\t")
            self.cell += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in self.PARAGRAPHS:
            self._break(2)
        elif tag in self.BLOCKS:
            self._break(1)
            if tag == "tr":
                self.cell = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "template"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.PARAGRAPHS:
            self._break(2)
        elif tag in self.BLOCKS:
            self._break(1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            text = re.sub(r"\s+", " ", data)
            if text.strip() or (self.out and isinstance(self.out[-1], str)):
                self.out.append(text)

    def text(self) -> str:
        parts: list[str] = []
        pending = 0
        for piece in self.out:
            if isinstance(piece, int):
                pending = max(pending, piece)
                continue
            if pending and parts:
                parts.append("\n" * pending)
            pending = 0
            parts.append(piece)
        return "".join(parts)


def browser_copy_text(page: bytes) -> str:
    parser = _InnerText()
    parser.feed(page.decode("utf-8"))
    text = "\n".join(line.strip(" ") for line in parser.text().split("\n"))
    return text.strip() + "\n"


def text_of(method: str, path: Path, *, ocr_cache: Path) -> str | None:
    """The text the extraction `method` gives of the file at `path` (None: give the file)."""
    if method.endswith(":reader"):
        return None
    data = path.read_bytes()
    if method == "pdf:layout":
        return pdftotext(path, layout=True)
    if method == "pdf:raw":
        return pdftotext(path, layout=False)
    if method == "pdf:pdfium":
        return pdfium_text(data)
    if method == "pdf:ocr":
        return ocr_text(data, ocr_cache)
    if method == "docx:copy":
        return docx_copy_text(data)
    if method == "html:copy":
        return browser_copy_text(data)
    raise ValueError(f"unknown extraction {method}")
