"""XLSX → lines: each sheet a table, each row a line of cells (read-only, values not formulas).

Rows above the first header row that hold a single value (a title, "Mise à jour : …") are
given as plain text lines so the frame recognizer sees them.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ..blocks import Document, Line
from ..errors import DocumentError
from ..limits import Limits
from .zipsafe import check_container


def read_xlsx(data: bytes, limits: Limits) -> Document:
    check_container(data, limits, label="XLSX")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, ValueError, TypeError, IndexError, OSError) as exc:
        raise DocumentError(
            "le classeur XLSX est endommagé ou n'est pas un classeur Excel",
            "the XLSX workbook is damaged or not an Excel workbook",
        ) from exc
    lines: list[Line] = []
    total = 0
    try:
        for t, ws in enumerate(wb.worksheets, start=1):
            title = str(ws.title)
            for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
                total += 1
                if total > limits.max_rows:
                    raise DocumentError(
                        f"le classeur compte plus de {limits.max_rows} lignes",
                        f"the workbook has more than {limits.max_rows} rows",
                        f"feuille {title}, ligne {r}",
                    )
                cells = [_cell(v, limits) for v in row[: limits.max_columns]]
                while cells and not cells[-1]:
                    cells.pop()
                if not any(cells):
                    lines.append(
                        Line(text="", number=len(lines) + 1, where=f"feuille {title}, ligne {r}")
                    )
                    continue
                filled = [c for c in cells if c]
                where = f"feuille {title}, ligne {r}"
                if len(filled) == 1 and cells[0] and len(cells) == 1:
                    lines.append(Line(text=cells[0], number=len(lines) + 1, where=where, page=t))
                    continue
                lines.append(
                    Line(
                        text=" ".join(c.replace("\n", " ") for c in filled),
                        number=len(lines) + 1,
                        where=where,
                        page=t,
                        cells=cells,
                        table=t,
                    )
                )
    finally:
        wb.close()
    return Document(lines=lines, format="xlsx", pages=len(wb.worksheets))


def _cell(value: Any, limits: Limits) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "X" if value else ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text[: limits.max_cell_chars]
