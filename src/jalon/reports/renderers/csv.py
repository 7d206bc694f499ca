"""CSV: one row per action, UTF-8 with a byte-order mark so that Excel reads the accents.

Values are the plan text as written; several actors, results or indicators share a cell, one
per line, as in the spreadsheet. The separator is a semicolon by default, as Excel expects in
French (Canada), or a comma.
"""

from __future__ import annotations

import csv
import io

from jalon.reports.data import PlanReport

from .tabular import plan_columns, plan_rows

SEPARATORS = {"semicolon": ";", "comma": ","}


def render_plan(plan: PlanReport, *, separator: str = "semicolon") -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=SEPARATORS.get(separator, ";"), lineterminator="\r\n")
    columns = plan_columns(plan)
    writer.writerow([c.header for c in columns])
    for row in plan_rows(plan):
        writer.writerow([c.value(row) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")
