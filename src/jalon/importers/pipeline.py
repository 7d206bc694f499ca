"""From bytes to a draft plan: check the limits, pick the reader, recognize, report."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from ..plans.interchange import ImportReport, PlanDraft
from .blocks import Document
from .errors import DocumentError
from .limits import Limits
from .readers.pdf import OcrProgress

FORMATS = ("text", "pdf", "docx", "xlsx", "csv")
T = TypeVar("T")
logger = logging.getLogger(__name__)

_EXTENSIONS = {
    "txt": "text", "text": "text", "md": "text", "html": "text", "htm": "text",
    "pdf": "pdf",
    "docx": "docx", "docm": "docx",
    "xlsx": "xlsx", "xlsm": "xlsx",
    "csv": "csv", "tsv": "csv",
}  # fmt: skip


def detect_format(data: bytes, filename: str) -> str:
    """The format of a file from its first bytes, its extension as a tie-breaker."""
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    head = data[:8]
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        from .readers.zipsafe import office_kind

        kind = office_kind(data)
        if kind:
            return kind
        if _EXTENSIONS.get(ext) in ("docx", "xlsx"):
            return _EXTENSIONS[ext]
        raise DocumentError(
            "ce fichier est une archive ZIP qui n'est ni un document Word (DOCX) ni un classeur Excel (XLSX)",
            "this file is a ZIP archive that is neither a Word document (DOCX) nor an Excel workbook (XLSX)",
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            "les anciens formats Word et Excel (.doc, .xls) ne sont pas lus : enregistrez le fichier "
            "en .docx ou .xlsx, ou collez son texte",
            "old Word and Excel formats (.doc, .xls) are not read: save the file as .docx or .xlsx, "
            "or paste its text",
        )
    if head.startswith(b"{\\rtf"):
        raise DocumentError(
            "le format RTF n'est pas lu : enregistrez le fichier en .docx ou collez son texte",
            "RTF is not read: save the file as .docx or paste its text",
        )
    if _EXTENSIONS.get(ext) == "csv":
        return "csv"
    return "text"


def import_document(
    data: bytes,
    filename: str,
    *,
    fmt: str | None = None,
    limits: Limits | None = None,
    progress: OcrProgress | None = None,
    recognizer: str | None = None,
) -> PlanDraft:
    """Read a plan from a file's bytes; raises DocumentError (only) when the file is unusable.

    `progress` is told before each scanned page of a PDF is recognized (OCR is slow).
    `recognizer` forces one recognizer by its exact name ("tables", "flow", "columns",
    "outline") instead of keeping the reading that explains the document best.
    """
    _check_recognizer(recognizer)
    doc = read_document(data, filename, fmt=fmt, limits=limits, progress=progress)
    return recognize_document(doc, filename, recognizer=recognizer)


def _check_recognizer(recognizer: str | None) -> None:
    from .recognize import NAMES

    if recognizer is not None and recognizer not in NAMES:
        raise DocumentError(
            f"reconnaissance « {recognizer} » inconnue : choisissez parmi {', '.join(NAMES)}",
            f"unknown recognizer {recognizer!r}: choose among {', '.join(NAMES)}",
        )


def read_document(
    data: bytes,
    filename: str,
    *,
    fmt: str | None = None,
    limits: Limits | None = None,
    progress: OcrProgress | None = None,
) -> Document:
    """The document's lines, read once (a caller may both recognize and show them)."""
    limits = limits or Limits()
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise DocumentError("aucun contenu de fichier reçu", "no file content received")
    data = bytes(data)
    if len(data) > limits.max_bytes:
        raise DocumentError(
            f"le fichier pèse {_size(len(data))}, plus que la limite de {_size(limits.max_bytes)}",
            f"the file is {_size(len(data))}, more than the limit of {_size(limits.max_bytes)}",
        )
    if not data.strip():
        raise DocumentError("le fichier est vide", "the file is empty")
    if fmt is not None and fmt not in FORMATS:
        raise DocumentError(
            f"format « {fmt} » inconnu : choisissez parmi {', '.join(FORMATS)}",
            f"unknown format {fmt!r}: choose among {', '.join(FORMATS)}",
        )
    kind = fmt or detect_format(data, filename)
    doc = _guarded(lambda: _read(kind, data, limits, progress), filename, reading=True)
    if not any(line.text.strip() or line.cells for line in doc.lines):
        raise DocumentError(
            "aucun texte n'a été trouvé dans ce fichier", "no text was found in this file"
        )
    return doc


def recognize_document(doc: Document, filename: str, *, recognizer: str | None = None) -> PlanDraft:
    """The draft plan recognized in a document read by `read_document`."""
    from .recognize import recognize

    _check_recognizer(recognizer)
    draft = _guarded(
        lambda: recognize(doc, source=filename or None, recognizer=recognizer),
        filename,
        reading=False,
    )
    if doc.ocr:
        if draft.import_report is None:
            draft.import_report = ImportReport()
        draft.import_report.ocr = list(doc.ocr)
    return draft


def _guarded(step: Callable[[], T], filename: str, *, reading: bool) -> T:
    """Run a step; any failure other than DocumentError becomes one (never another exception)."""
    try:
        return step()
    except DocumentError:
        raise
    except RecursionError:
        raise DocumentError(
            "le document est trop profondément imbriqué pour être lu",
            "the document is nested too deeply to be read",
        ) from None
    except MemoryError:
        raise DocumentError(
            "le document est trop gros pour être lu", "the document is too large to be read"
        ) from None
    except Exception as exc:
        logger.warning("import of %r failed: %r", filename, exc, exc_info=True)
        if reading:  # a reader library failing on a malformed file
            raise DocumentError(
                f"le fichier est endommagé ou n'est pas dans le format annoncé ({type(exc).__name__})",
                f"the file is damaged or not in the format it claims ({type(exc).__name__})",
            ) from exc
        raise DocumentError(
            f"la reconnaissance du plan a échoué sur ce document ({type(exc).__name__}) : "
            "collez son texte ou essayez un autre format",
            f"recognizing the plan failed on this document ({type(exc).__name__}): paste its text "
            "or try another format",
        ) from exc


def _read(kind: str, data: bytes, limits: Limits, progress: OcrProgress | None = None) -> Document:
    if kind == "text":
        from .readers.text import read_text

        return read_text(data, limits)
    if kind == "csv":
        from .readers.csv import read_csv

        return read_csv(data, limits)
    if kind == "pdf":
        from .readers.pdf import read_pdf

        return read_pdf(data, limits, progress)
    if kind == "docx":
        from .readers.docx import read_docx

        return read_docx(data, limits)
    from .readers.xlsx import read_xlsx

    return read_xlsx(data, limits)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} Mo".replace(".", ",")
    if n >= 1024:
        return f"{n / 1024:.0f} Ko"
    return f"{n} octets"
