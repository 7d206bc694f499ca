"""How much an import may read before it refuses the document (all configurable)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds on what one import reads, so a hostile or huge file costs little.

    The defaults suit real plans (a few pages to a few dozen) with a wide margin.
    """

    max_bytes: int = 20 * MB  # size of the file as uploaded
    max_pages: int = 300  # PDF pages
    max_uncompressed_bytes: int = 100 * MB  # DOCX/XLSX: total size of the zip's members
    max_compression_ratio: int = 200  # DOCX/XLSX: uncompressed / compressed, per member
    max_zip_members: int = 2000  # DOCX/XLSX: number of files inside the container
    max_lines: int = 50_000  # lines of text after reading (any format)
    max_rows: int = 50_000  # spreadsheet and CSV rows
    max_columns: int = 200  # spreadsheet and CSV columns read per row
    max_cell_chars: int = 100_000  # characters kept from one cell
    # Scanned pages (no text layer) are read by OCR: slow (seconds a page), so bounded apart.
    ocr: bool = True  # False: a page without text is reported, not read
    ocr_max_pages: int = 30  # pages to OCR in one document; more is refused before starting
    ocr_page_seconds: float = 60.0  # one page; past it the page is left unread (warning)
    ocr_total_seconds: float = 600.0  # the whole document; past it the import is refused
    ocr_languages: str = "fra+eng"  # Tesseract languages, French first
    ocr_dpi: int = 300  # resolution pages are rendered at for recognition
