"""The source document as numbered lines, for showing it beside the draft read from it.

A review screen shows each line of the document with the number the recognizers put in
`extra["source_lines"]`, so an item of the draft can point at the lines it came from. The lines
come from the same readers as `import_document`; a table row shows its cells joined by " | ".
"""

from __future__ import annotations

from dataclasses import dataclass

from . import pipeline
from .blocks import Document
from .errors import DocumentError
from .limits import Limits


@dataclass(frozen=True)
class SourceLine:
    number: int  # the number the drafts' `source_lines` refer to
    where: str  # "ligne 12", "page 3", "feuille Plan, ligne 4"
    text: str


def source_lines(
    data: bytes, filename: str, *, fmt: str | None = None, limits: Limits | None = None
) -> list[SourceLine]:
    """The document's lines in reading order; raises DocumentError (only) when it is unusable."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise DocumentError(
            "le fichier dépasse la taille permise", "the file is larger than allowed"
        )
    if fmt is not None and fmt not in pipeline.FORMATS:
        raise DocumentError(f"format « {fmt} » inconnu", f"unknown format {fmt!r}")
    kind = fmt or pipeline.detect_format(data, filename)
    doc = pipeline._guarded(lambda: pipeline._read(kind, data, limits), filename, reading=True)
    return document_lines(doc)


def document_lines(doc: Document) -> list[SourceLine]:
    """The lines of a document already read (`pipeline.read_document`), numbered as read."""
    lines: list[SourceLine] = []
    for line in doc.lines:
        if line.cells is not None:
            text = " | ".join(" ".join(cell.split()) for cell in line.cells)
        else:
            text = line.text.rstrip()
        lines.append(SourceLine(number=line.number, where=line.where, text=text))
    return lines


def text_lines(text: str) -> list[SourceLine]:
    """Plain text (a pasted plan, a JSON file) as numbered lines, counted from 1."""
    return [
        SourceLine(number=i, where=f"ligne {i}", text=line.rstrip())
        for i, line in enumerate(text.splitlines(), start=1)
    ]
