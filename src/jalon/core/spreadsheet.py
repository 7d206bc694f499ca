"""Cells a spreadsheet cannot run: what people typed goes out as text, never as a formula.

A CSV or XLSX cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
read by Excel and LibreOffice as a formula (`=HYPERLINK(...)`, `@SUM(...)`, DDE). Exports pass
every text cell through `safe_cell`, which puts an apostrophe in front of such text (the
spreadsheet's own "this is text" mark, OWASP's advice). Numbers stay numbers, and text that is
just a number ("-12", "+3,5") stays as written: a spreadsheet reads it as that number, nothing
runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

#: What makes a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def safe_cell(value: Any) -> Any:
    """The value as a cell that runs nothing: numbers and dates as they are, text neutralized."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]
