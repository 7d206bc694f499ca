"""What each reader keeps: DOCX numbering, headings and merged cells; XLSX and CSV rows; PDF
lines and tables."""

from __future__ import annotations

import io

import pytest

from jalon.importers import DocumentError, Limits, import_document
from jalon.importers.readers.csv import read_csv, sniff_delimiter
from jalon.importers.readers.docx import read_docx
from jalon.importers.readers.pdf import read_pdf
from jalon.importers.readers.xlsx import read_xlsx


def _docx_outline() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Plan d'action 2022-2025", level=0)
    d.add_heading("Orientation 1 : Favoriser l'inclusion sociale", level=1)
    d.add_heading("Objectif 1.1 : Briser l'isolement des aînés", level=2)
    d.add_paragraph("Créer un réseau de visites amicales", style="List Bullet")
    d.add_paragraph("Responsable : Coordination")
    d.add_paragraph("Organiser des dîners communautaires", style="List Bullet")
    d.add_heading("Objectif 1.2 : Soutenir les proches aidants", level=2)
    d.add_paragraph("Offrir des ateliers de répit", style="List Number")
    d.add_paragraph("Publier un guide des ressources", style="List Number")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_docx_reader_keeps_headings_and_list_numbers() -> None:
    doc = read_docx(_docx_outline(), Limits())

    texts = [(ln.text, ln.heading, ln.list_level, ln.bullet) for ln in doc.lines]
    assert texts[1] == ("Orientation 1 : Favoriser l'inclusion sociale", 1, None, False)
    assert texts[3] == ("Créer un réseau de visites amicales", None, 0, True)
    assert texts[7] == ("1. Offrir des ateliers de répit", None, 0, False)
    assert texts[8] == ("2. Publier un guide des ressources", None, 0, False)


def test_docx_outline_imports_as_a_tree() -> None:
    draft = import_document(_docx_outline(), "plan.docx")

    assert draft.title == "Plan d'action 2022-2025"
    assert [o.title for o in draft.orientations] == ["Favoriser l'inclusion sociale"]
    objectives = draft.orientations[0].objectives
    assert [(ob.code, ob.title) for ob in objectives] == [
        ("1.1", "Briser l'isolement des aînés"),
        ("1.2", "Soutenir les proches aidants"),
    ]
    assert [(a.title, a.actors) for a in objectives[0].actions] == [
        ("Créer un réseau de visites amicales", ["Coordination"]),
        ("Organiser des dîners communautaires", []),
    ]
    assert [a.title for a in objectives[1].actions] == [
        "Offrir des ateliers de répit",
        "Publier un guide des ressources",
    ]


def test_docx_merged_cells_are_read_once() -> None:
    import docx

    d = docx.Document()
    t = d.add_table(rows=3, cols=3)
    for k, h in enumerate(["Objectifs", "Actions", "Échéance"]):
        t.rows[0].cells[k].text = h
    merged = t.cell(1, 0).merge(t.cell(2, 0))
    merged.text = "Briser l'isolement"
    t.cell(1, 1).text = "Visites amicales"
    t.cell(2, 1).text = "Dîners communautaires"
    t.cell(1, 2).text = "An 1"
    out = io.BytesIO()
    d.save(out)

    doc = read_docx(out.getvalue(), Limits())

    assert [ln.cells for ln in doc.lines if ln.cells] == [
        ["Objectifs", "Actions", "Échéance"],
        ["Briser l'isolement", "Visites amicales", "An 1"],
        ["", "Dîners communautaires"],
    ]


def test_xlsx_title_rows_become_text_and_values_are_formatted() -> None:
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Plan d'action 2024"])
    ws.append(["Action", "Échéance", "Fait", "Budget"])
    ws.append(["Tenir une assemblée", dt.datetime(2024, 6, 1), True, 1500.0])
    out = io.BytesIO()
    wb.save(out)

    doc = read_xlsx(out.getvalue(), Limits())

    assert doc.lines[0].cells is None
    assert doc.lines[0].text == "Plan d'action 2024"
    assert doc.lines[2].cells == ["Tenir une assemblée", "2024-06-01", "X", "1500"]
    assert doc.lines[2].where == "feuille Plan, ligne 3"


def test_xlsx_row_limit_says_where() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    for k in range(12):
        wb.active.append([f"Action {k}", "An 1"])
    out = io.BytesIO()
    wb.save(out)

    with pytest.raises(DocumentError) as err:
        read_xlsx(out.getvalue(), Limits(max_rows=10))

    assert err.value.where == "feuille Sheet, ligne 11"


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Action;Échéance\nA;An 1\nB;An 2\n", ";"),
        ("Action,Échéance\nA,An 1\nB,An 2\n", ","),
        ("Action\tÉchéance\nA\tAn 1\n", "\t"),
        ('Action;Note\n"A, B et C";"x; y"\n', ";"),
    ],
)
def test_csv_delimiter_is_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_csv_quoted_cell_keeps_its_lines() -> None:
    doc = read_csv('Action;Indicateurs\nA;"MO = x\nR = y"\n'.encode("cp1252"), Limits())

    assert doc.lines[1].cells == ["A", "MO = x\nR = y"]


def test_pdf_reader_gives_lines_with_indentation_and_tables() -> None:
    from weasyprint import HTML

    html = """<html><body style="font-family: sans-serif; font-size: 10pt">
    <p>Plan d'action 2024-2027</p>
    <p style="margin-left: 2cm">Texte en retrait</p>
    <table style="border-collapse: collapse"><tr><th style="border: 1px solid black">Actions</th>
    <th style="border: 1px solid black">Échéance</th></tr>
    <tr><td style="border: 1px solid black">Faire A</td><td style="border: 1px solid black">An 1</td></tr>
    </table></body></html>"""
    doc = read_pdf(HTML(string=html).write_pdf(), Limits())

    texts = [ln.text.strip() for ln in doc.lines if ln.cells is None and ln.text.strip()]
    assert texts == ["Plan d'action 2024-2027", "Texte en retrait"]
    indented = next(ln for ln in doc.lines if ln.text.strip() == "Texte en retrait")
    assert indented.indent >= 8
    assert [ln.cells for ln in doc.lines if ln.cells] == [
        ["Actions", "Échéance"],
        ["Faire A", "An 1"],
    ]
    assert doc.lines[0].where == "page 1, ligne 1"
