"""One reading of a document that recognizers work on: its lines (as read, or rebuilt from
columns), the page furniture found on them, and the frame (title, statements, glossary)."""

from __future__ import annotations

from dataclasses import dataclass

from ..blocks import Line
from .frame import Frame, extract_frame
from .layout import Layout, analyse
from .result import Recognized


@dataclass
class View:
    lines: list[Line]
    layout: Layout
    frame: Frame
    fmt: str  # the file format the lines came from: text, pdf, docx, xlsx, csv

    @property
    def used(self) -> set[int]:
        """Lines the frame took (title, statements, glossary, notes)."""
        return set(self.frame.used)

    def content(self) -> set[int]:
        """Lines left for the plan's tree: not empty, not frame, not page furniture."""
        return {
            i
            for i, line in enumerate(self.lines)
            if (line.text.strip() or line.cells)
            and i not in self.frame.used
            and not self.layout.skipped(i)
        }


def make_view(lines: list[Line], fmt: str) -> View:
    layout = analyse(lines)
    frame = extract_frame(layout)
    if frame.title:
        # a running header repeating the title is furniture, not content
        layout = analyse(lines, title=frame.title)
        frame = extract_frame(layout)
    return View(lines, layout, frame, fmt)


@dataclass
class Reading:
    """What one recognizer made of a document, and the view it read (a recognizer that
    rebuilds the lines, such as columns by position, reads a view of its own)."""

    recognizer: str  # the recognizer's registry name
    rec: Recognized
    view: View
