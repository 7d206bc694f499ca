"""The files themselves: they open in LibreOffice, python-docx, openpyxl and pdfplumber, and
read as French documents (accents, « », non-breaking spaces, no broken ligatures)."""

import csv
import io
import re

import openpyxl
import pdfplumber
import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from jalon.reports.registry import BY_IDENTIFIER, export_plan

NBSP = "\u00a0"
LIGATURES = "\ufb00\ufb01\ufb02\ufb03\ufb04"


def _pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_every_office_document_converts_in_libreoffice(plan, tmp_path, soffice_convert):
    files = {
        "plan.docx": export_plan(plan, "docx").content,
        "plan-tableur.xlsx": export_plan(plan, "xlsx").content,
        "plan-imprime.pdf": export_plan(plan, "pdf").content,
        "maj.docx": BY_IDENTIFIER["progress"].render(plan, {"as_of": "2018-03-15"}, "docx").content,
        "maj-tableur.xlsx": BY_IDENTIFIER["progress"]
        .render(plan, {"as_of": "2018-03-15"}, "xlsx")
        .content,
        "bilan.docx": BY_IDENTIFIER["annual"].render(plan, {"year": 1}, "docx").content,
    }
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content)
        paths.append(path)

    converted = soffice_convert([p for p in paths if p.suffix != ".pdf"])

    for source, pdf in converted.items():
        assert pdf.exists(), source.name
        assert pdf.stat().st_size > 1000, source.name
        text = _pdf_text(pdf.read_bytes())
        assert ("Développement social" if source.suffix == ".xlsx" else "Développer") in text


def test_plan_docx_is_a_landscape_table_with_repeated_header(plan):
    rendered = export_plan(plan, "docx")
    document = Document(io.BytesIO(rendered.content))

    assert rendered.filename == "plan-daction-2017-2022.docx"
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert document.sections[0].page_width > document.sections[0].page_height
    tables = document.tables
    assert len(tables) == 3  # one per orientation
    first = tables[0]
    header_flags = [
        row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None
        for row in first.rows
    ]
    assert header_flags[:1] == [True]
    assert not any(header_flags[1:])
    top = [c.text for c in first.rows[0].cells]
    assert top[:3] == ["Objectifs", "Moyens d'action", "Acteurs"]
    assert top[3:8] == ["An 1", "An 2", "An 3", "An 4", "An 5"]
    body_rows = sum(len(t.rows) - 1 for t in tables)
    assert body_rows == 8
    assert (
        first.rows[1].cells[1].text
        == "1. Développer et maintenir un contact personnalisé avec les porteurs du DS dans chaque région"
    )
    texts = "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert f"«{NBSP}orphelines{NBSP}»" in texts
    assert f"R = Taux de 75{NBSP}% de satisfaction des participants" in texts
    assert "✓" in texts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert (
        headings[0]
        == f"Orientation 1{NBSP}: Soutenir la relance des démarches régionales en développement social"
    )
    assert document.core_properties.language == "fr-CA"


def test_plan_docx_objective_cell_spans_its_actions(plan):
    document = Document(io.BytesIO(export_plan(plan, "docx").content))
    first = document.tables[0]
    # python-docx answers a continued cell with the cell it continues: read the XML itself
    merges = [row._tr.tc_lst[0].tcPr.find(qn("w:vMerge")) for row in first.rows[1:]]
    values = [None if m is None else m.get(qn("w:val"), "continue") for m in merges]
    # orientation 1 holds actions 1–3: objective P1 has two, S2 one (see plan_builder)
    assert values == ["restart", "continue", None]


def test_plan_xlsx_reads_like_the_plan_document(plan):
    rendered = export_plan(plan, "xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(rendered.content))
    sheet = workbook["Plan d'action"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    headers = [i for i, row in enumerate(rows) if row[0] == "Objectifs"]

    assert workbook.sheetnames == ["Plan d'action"]
    assert rows[0][0] == plan.title
    assert rows[headers[0] - 1][0].startswith("Orientation 1: ")
    assert rows[headers[0]][:3] == ["Objectifs", "Moyens d'action", "Acteurs"]
    assert rows[headers[0]][3:8] == ["An 1", "An 2", "An 3", "An 4", "An 5"]
    first = rows[headers[0] + 1]
    assert first[0].startswith("P1. ")
    assert first[1].startswith("1. Développer et maintenir")
    action_rows = [r for r in rows if r[1] and r[1][0].isdigit()]
    assert len(action_rows) == 8
    assert sheet.cell(headers[0] + 2, 2).alignment.wrap_text is True
    assert sheet.column_dimensions["B"].width == 55
    assert sheet.page_setup.orientation == "landscape"


def test_plan_csv_is_utf8_with_bom_one_row_per_action(plan):
    rendered = export_plan(plan, "csv")

    assert rendered.content.startswith(b"\xef\xbb\xbf")
    assert rendered.content_type == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(rendered.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 9
    assert rows[0][5] == "Moyen d'action"
    assert (
        rows[1][5]
        == "Développer et maintenir un contact personnalisé avec les porteurs du DS dans chaque région"
    )
    assert rows[1][6] == "Coordination"


def test_plan_csv_can_use_commas(plan):
    rendered = export_plan(plan, "csv", separator="comma")
    rows = list(csv.reader(io.StringIO(rendered.content.decode("utf-8-sig"))))
    assert len(rows[0]) > 10


def test_plan_pdf_text_extracts_with_accents_and_no_ligatures(plan):
    rendered = export_plan(plan, "pdf")
    text = _pdf_text(rendered.content)

    assert rendered.content.startswith(b"%PDF")
    assert "Plan d'action 2017-2022" in text
    assert "Développer et maintenir un contact" in text
    assert "efficace" in text and "affiliation" in text and "officielle" in text
    assert not any(ch in text for ch in LIGATURES)
    assert "Orientation 1" in text
    assert "Page 1 de " in text
    # table cells come out line by line across columns: check the words, not the sentence
    assert re.search(r"Taux de 75[ \u00a0]% de", text)
    with pdfplumber.open(io.BytesIO(rendered.content)) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        fonts = {c["fontname"].split("+")[-1] for c in page.chars}
    assert fonts <= {
        "Liberation-Sans",
        "Liberation-Sans-Bold",
        "DejaVu-Sans",
        "DejaVu-Sans-Bold",
    }, fonts


def test_plan_pdf_repeats_table_header_on_every_page(org_a):
    from .plan_builder import build_plan

    big = build_plan(org_a, actions=30, orientations=1, objectives_per_orientation=2)
    with pdfplumber.open(io.BytesIO(export_plan(big, "pdf").content)) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    assert len(pages) >= 3
    assert "Le plan en un coup d'œil" in pages[0]  # the overview page, then the tables
    assert all("Moyens d'action" in page for page in pages[1:])


def test_progress_docx_marks_completed_and_in_progress_actions_in_bold(plan):
    rendered = BY_IDENTIFIER["progress"].render(plan, {"as_of": "2018-03-15"}, "docx")
    document = Document(io.BytesIO(rendered.content))

    assert rendered.filename == "plan-daction-2017-2022-mise-a-jour-2018-03-15.docx"
    paragraphs = [p.text for p in document.paragraphs]
    assert f"Mise à jour{NBSP}: 15 mars 2018" in paragraphs
    detail = document.tables[1]  # after the summary table
    bold = {}
    for row in detail.rows[1:]:
        status = row.cells[3].text.split("\n")[0]
        runs = row.cells[1].paragraphs[0].runs
        bold[status] = bool(runs and runs[0].bold)
    assert bold["Complété"] is True
    assert bold["En cours"] is True
    assert bold["En préparation"] is False


def test_progress_summary_counts_per_orientation_in_docx(plan):
    document = Document(
        io.BytesIO(BY_IDENTIFIER["progress"].render(plan, {"as_of": "2018-03-15"}, "docx").content)
    )
    summary = document.tables[0]
    header = [c.text for c in summary.rows[0].cells]
    assert header[0] == "Orientation"
    assert header[-2:] == ["Total", "Complétées"]
    last = [c.text for c in summary.rows[-1].cells]
    assert last[0] == "Ensemble du plan"
    assert last[-2] == "8"


def test_progress_xlsx_bolds_marked_rows_and_sums_up(plan):
    content = BY_IDENTIFIER["progress"].render(plan, {"as_of": "2018-03-15"}, "xlsx").content
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook["Mise à jour"]
    status_column = [c.value for c in sheet[1]].index("État") + 1
    bold_by_status = {
        sheet.cell(row, status_column).value: sheet.cell(row, 6).font.bold
        for row in range(2, sheet.max_row + 1)
    }
    assert bold_by_status["Complété"] is True
    assert bold_by_status["En cours"] is True
    assert bold_by_status["À venir"] is False
    summary = workbook["Sommaire"]
    assert summary.cell(summary.max_row, 2).value == "Ensemble du plan"


def test_progress_pdf_reads_its_date_and_summary(plan):
    content = BY_IDENTIFIER["progress"].render(plan, {"as_of": "2013-10-03"}, "pdf").content
    text = _pdf_text(content).replace(NBSP, " ")
    assert "Mise à jour : 3 octobre 2013" in text
    assert "Sommaire par orientation" in text
    assert "Ensemble du plan" in text


def test_html_download_is_a_standalone_document(plan):
    rendered = BY_IDENTIFIER["plan"].render(plan, {}, "html")
    html = rendered.content.decode("utf-8")
    assert html.startswith("<!doctype html>")
    assert '<html lang="fr">' in html
    assert "<style>" in html
    assert '<th scope="rowgroup" class="plan-table__objective">P1.' in html


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_annual_report_renders_in_each_format(plan, fmt):
    rendered = BY_IDENTIFIER["annual"].render(plan, {"year": 1}, fmt)
    assert rendered.filename == f"plan-daction-2017-2022-bilan-annuel-an-1.{fmt}"
    if fmt == "docx":
        document = Document(io.BytesIO(rendered.content))
        assert "Bilan annuel 2017-2018 (An 1)" in [p.text for p in document.paragraphs]
    elif fmt == "pdf":
        assert "Bilan annuel 2017-2018 (An 1)" in _pdf_text(rendered.content)
    else:
        assert "Actions par état et par orientation" in rendered.content.decode()


def test_annual_xlsx_is_one_filterable_table_with_numbers_and_dates(plan):
    import datetime as dt

    from jalon.plans.models import Indicator
    from jalon.tracking.models import IndicatorValue

    indicator = Indicator.objects.filter(plan=plan).order_by("id")[0]
    IndicatorValue.objects.create(indicator=indicator, plan_year=1, value=6, note="Deux reportées")
    rendered = BY_IDENTIFIER["annual"].render(plan, {"year": 1}, "xlsx")
    assert rendered.filename == "plan-daction-2017-2022-bilan-annuel-an-1.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(rendered.content))
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:5] == ["Orientation", "Objectif", "Moyen d'action", "État", "Date de l'état"]
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"
    rows = [dict(zip(headers, (c.value for c in r), strict=True)) for r in sheet.iter_rows(2)]
    dated = [r for r in rows if r["Date de l'état"] is not None]
    assert dated and all(isinstance(r["Date de l'état"], dt.datetime) for r in dated)
    measured = next(
        r for r in rows if r["Indicateur"] == indicator.text and r["Valeur"] is not None
    )
    assert measured["Valeur"] == 6
    assert measured["Notes"] == "Deux reportées"
