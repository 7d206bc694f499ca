"""CSV → lines: the delimiter sniffed (comma, semicolon, tab, bar), one row per line of cells."""

from __future__ import annotations

import csv
import io

from ..blocks import Document, Line
from ..errors import DocumentError
from ..limits import Limits
from .text import decode, strip_html


def read_csv(data: bytes, limits: Limits) -> Document:
    text, _ = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = sniff_delimiter(text)
    lines: list[Line] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', strict=False)
    try:
        for row in reader:
            if len(lines) >= limits.max_rows:
                raise DocumentError(
                    f"le fichier CSV compte plus de {limits.max_rows} lignes",
                    f"the CSV file has more than {limits.max_rows} rows",
                    f"ligne {reader.line_num}",
                )
            if any(len(c) > limits.max_cell_chars for c in row):
                raise DocumentError(
                    f"une cellule du fichier CSV dépasse {limits.max_cell_chars} caractères",
                    f"a cell of the CSV file is longer than {limits.max_cell_chars} characters",
                    f"ligne {reader.line_num}",
                )
            cells = [
                strip_html(c).replace("\u2029", "\n").strip() for c in row[: limits.max_columns]
            ]
            while cells and not cells[-1]:
                cells.pop()
            where = f"ligne {reader.line_num}"
            if not cells:
                lines.append(Line(text="", number=len(lines) + 1, where=where))
                continue
            filled = [c for c in cells if c]
            if len(cells) == 1:
                lines.append(Line(text=cells[0], number=len(lines) + 1, where=where))
                continue
            lines.append(
                Line(
                    text=" ".join(c.replace("\n", " ") for c in filled),
                    number=len(lines) + 1,
                    where=where,
                    cells=cells,
                    table=1,
                )
            )
    except csv.Error as exc:
        raise DocumentError(
            f"le fichier CSV est mal formé : {exc}",
            f"the CSV file is malformed: {exc}",
            f"ligne {reader.line_num}",
        ) from None
    return Document(lines=lines, format="csv")


def sniff_delimiter(text: str) -> str:
    """The delimiter used consistently on the first lines (outside quotes)."""
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        return str(dialect.delimiter)
    except csv.Error:
        pass
    best, best_score = ",", -1.0
    rows = [r for r in sample.split("\n")[:30] if r.strip()]
    for cand in (";", ",", "\t", "|"):
        counts = [_count_outside_quotes(r, cand) for r in rows]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) + common * 0.01
        if common > 0 and score > best_score:
            best, best_score = cand, score
    return best


def _count_outside_quotes(row: str, ch: str) -> int:
    n = 0
    inside = False
    for c in row:
        if c == '"':
            inside = not inside
        elif c == ch and not inside:
            n += 1
    return n
