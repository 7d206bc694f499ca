"""A plan written as a DOCX table, a PDF (WeasyPrint) table or an XLSX sheet imports back.

The documents are built here from the suite's three-level plan file
(tests/fixtures/plans/haute-riviere.jalon.json, see builders.py), the way a user's word
processor or spreadsheet would hold the plan.
"""

from __future__ import annotations

import json
from types import ModuleType

from jalon.importers import import_document
from jalon.plans.interchange import dumps

from .builders import build_docx, build_pdf, build_xlsx
from .conftest import plan_of

MIN_SCORE = 0.95


def test_docx_table_built_from_truth_imports_back(scorer: ModuleType) -> None:
    truth = plan_of("haute-riviere")

    draft = import_document(build_docx(truth), "plan.docx")

    assert draft.import_report is not None
    assert draft.import_report.format_detected == "docx:table"
    assert scorer.score(json.loads(dumps(draft)), truth)["score"] >= MIN_SCORE


def test_xlsx_rows_built_from_truth_import_back(scorer: ModuleType) -> None:
    truth = plan_of("haute-riviere")

    draft = import_document(build_xlsx(truth), "plan.xlsx")

    assert draft.import_report is not None
    assert draft.import_report.format_detected == "xlsx:spreadsheet-rows"
    metrics = scorer.score(json.loads(dumps(draft)), truth)
    assert metrics["score"] >= MIN_SCORE
    assert metrics["status_accuracy"] in (None, 1.0)


def test_pdf_table_built_from_truth_imports_back(scorer: ModuleType) -> None:
    truth = plan_of("haute-riviere")

    draft = import_document(build_pdf(truth), "plan.pdf")

    assert draft.import_report is not None
    assert draft.import_report.format_detected == "pdf:table"
    assert scorer.score(json.loads(dumps(draft)), truth)["score"] >= MIN_SCORE


def test_docx_table_keeps_plan_years_from_marked_columns() -> None:
    truth = plan_of("haute-riviere")
    first = truth["orientations"][0]["objectives"][0]["actions"][0]
    first["schedule_years"] = [1, 3]

    draft = import_document(build_docx(truth), "plan.docx")

    assert draft.orientations[0].objectives[0].actions[0].schedule_years == [1, 3]
