"""The recognizers, as plug-ins behind one protocol.

Each recognizer says whether it applies to a view of the document and, if so, what tree it
reads there. `RECOGNIZERS` lists them; `recognize()` tries every one that applies and keeps
the reading that explains the document best (`select.py`). Adding a layout is one module
with one class, and one line here; no recognizer calls another's private helpers (shared
vocabulary lives in `fields.py`, `columns.py`, `items.py` and `..lexicon`).
"""

from __future__ import annotations

from typing import Protocol

from .columnar import ColumnsRecognizer
from .flow import FlowRecognizer
from .outline import OutlineRecognizer
from .tables import TablesRecognizer
from .twocolumn import TwoColumnRecognizer
from .view import Reading, View


class Recognizer(Protocol):
    name: str  # exact name used to force it ("tables", "flow", "columns", "outline")
    # added to a reading's score: cells known from the file or from column positions beat
    # cells inferred from order, which beat an outline
    prefers_known_cells: float

    def applies(self, view: View) -> bool: ...

    def recognize(self, view: View) -> Reading | None: ...


RECOGNIZERS: tuple[Recognizer, ...] = (
    TablesRecognizer(),
    FlowRecognizer(),
    ColumnsRecognizer(),
    TwoColumnRecognizer(),
    OutlineRecognizer(),
)

NAMES: tuple[str, ...] = tuple(r.name for r in RECOGNIZERS)


def by_name(name: str) -> Recognizer:
    """The recognizer of that exact name; KeyError for an unknown one."""
    for r in RECOGNIZERS:
        if r.name == name:
            return r
    raise KeyError(name)
