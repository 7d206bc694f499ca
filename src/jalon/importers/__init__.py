"""Documents → draft plans (pure Python: knows nothing of Django models).

`import_document(data, filename)` reads a plan from the bytes of a file (text, PDF, DOCX,
XLSX or CSV) and returns a `PlanDraft` in the `jalon-plan/1` interchange, with an
`import_report` saying which layout was recognized, what looked odd, and every line that
could not be placed. A file it cannot read raises `DocumentError`, with a message in French
and English saying what went wrong and where; no other exception escapes.
"""

from __future__ import annotations

from ..plans.interchange import PlanDraft
from .errors import DocumentError
from .limits import Limits
from .pipeline import FORMATS, detect_format, import_document, read_document, recognize_document

__all__ = [
    "FORMATS",
    "DocumentError",
    "Limits",
    "PlanDraft",
    "detect_format",
    "import_document",
    "read_document",
    "recognize_document",
]
