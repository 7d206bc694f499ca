"""What a reader finds in the plan document: every action, with every one of its expected
results and indicators, in the Word file, the spreadsheet and the PDF — not only a valid file.

The plan is tests/reports/plan_builder.py's: 8 actions; actions 2, 4, 6 and 8 have two expected
results, the others one; every action has two indicators.
"""

from __future__ import annotations

import io

import openpyxl
import pdfplumber
import pytest
from docx import Document

from jalon.reports.registry import export_plan

pytestmark = pytest.mark.django_db
NB = "\u00a0"
CONTACT = "Le contact est maintenu avec les démarches régionales de DS"
TOOLS = "Les membres connaissent les outils offerts et s'en servent"
MEETINGS = "MO = 8 rencontres annuelles"
RATE = f"R = Taux de 75{NB}% de satisfaction des participants"
NEWSLETTERS = "MO = Publication de 10 infolettres"
# action code → (its expected results, its indicators), as plan_builder writes them
EXPECTED = {
    "1": ([CONTACT], [MEETINGS, RATE]),
    "2": ([CONTACT, TOOLS], [RATE, NEWSLETTERS]),
    "3": ([CONTACT], [NEWSLETTERS, MEETINGS]),
    "4": ([CONTACT, TOOLS], [MEETINGS, RATE]),
    "5": ([CONTACT], [RATE, NEWSLETTERS]),
    "6": ([CONTACT, TOOLS], [NEWSLETTERS, MEETINGS]),
    "7": ([CONTACT], [MEETINGS, RATE]),
    "8": ([CONTACT, TOOLS], [RATE, NEWSLETTERS]),
}


def _code(label: str) -> str:
    return label.split(".", 1)[0].strip()


def test_the_word_plan_lists_every_expected_result_and_indicator_of_every_action(plan):
    document = Document(io.BytesIO(export_plan(plan, "docx").content))
    found = {}
    for table in document.tables:
        for row in table.rows[1:]:
            cells = row.cells
            found[_code(cells[1].text)] = (
                [p.text for p in cells[-2].paragraphs if p.text],
                [p.text for p in cells[-1].paragraphs if p.text],
            )
    assert found == EXPECTED


def test_the_spreadsheet_plan_lists_every_expected_result_and_indicator(plan):
    book = openpyxl.load_workbook(io.BytesIO(export_plan(plan, "xlsx").content))
    rows = [[c.value for c in row] for row in book["Plan d'action"].iter_rows()]
    header = next(r for r in rows if r[0] == "Objectifs")
    action_at = header.index("Moyens d'action")
    results_at = header.index("Résultats attendus")
    indicators_at = header.index("Indicateurs de suivi")
    found = {
        _code(row[action_at]): (
            str(row[results_at] or "").split("\n"),
            str(row[indicators_at] or "").split("\n"),
        )
        for row in rows
        if row[action_at] and row[action_at][0].isdigit()
    }
    assert found == EXPECTED


def _bullets(lines: list[str]) -> str:
    return " ".join(" ".join(f"• {line}" for line in lines).replace(NB, " ").split())


def test_the_pdf_plan_shows_every_expected_result_of_every_action(plan):
    cells = []
    with pdfplumber.open(io.BytesIO(export_plan(plan, "pdf").content)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                for row in table:
                    cells.append([" ".join((c or "").replace(NB, " ").split()) for c in row])
    rows = [r for r in cells if r[1] and r[1][0].isdigit()]
    found = {_code(r[1]): (r[-2], r[-1]) for r in rows}
    assert sorted(found) == sorted(EXPECTED)
    for code, (results, indicators) in EXPECTED.items():
        assert found[code][0] == _bullets(results), code
        assert found[code][1] == _bullets(indicators), code
