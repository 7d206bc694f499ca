"""Neutral blocks: what every reader produces and every recognizer reads.

A document becomes a list of `Line`s in reading order. A line of running text carries its
indentation (spaces in a text file, horizontal position in a PDF) and, where the format
knows them, its style, heading level, list level and page. A table row is a `Line` whose
`cells` hold one string per column (paragraphs inside a cell separated by newlines) and
whose `table` numbers the table it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..plans.interchange import OcrPage


@dataclass
class Line:
    text: str
    number: int  # 1-based position in the reader's output (the source line in a text file)
    where: str = ""  # human location: "ligne 12", "page 3", "feuille Plan, ligne 4"
    page: int | None = None
    indent: int = 0  # leading spaces, or horizontal position in character widths
    cells: list[str] | None = None  # a table row: one string per column
    table: int | None = None  # which table the row belongs to
    style: str | None = None  # paragraph style name (DOCX)
    heading: int | None = None  # heading level when the format says so
    list_level: int | None = None  # list nesting when the format says so (0 = top)
    bullet: bool = False  # the format marks it as a list item
    bold: bool = False
    page_break_before: bool = False

    @property
    def blank(self) -> bool:
        return self.cells is None and not self.text.strip()


@dataclass
class Document:
    lines: list[Line]
    format: str  # "text", "pdf", "docx", "xlsx", "csv"
    pages: int = 0
    warnings: list[str] = field(default_factory=list)
    ocr: list[OcrPage] = field(default_factory=list)  # scanned pages read by OCR
