"""Word documents as printed: no table row split across two pages, headers that keep their
words whole, numbers right-aligned."""

from __future__ import annotations

import io
import unicodedata

import pdfplumber
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from jalon.reports.registry import BY_IDENTIFIER

pytestmark = pytest.mark.django_db

DOCUMENTS = {
    "plan": {},
    "progress": {"as_of": "2018-03-15"},
    "annual": {"year": 1},
    "global": {},
}


def _docx(plan, identifier: str) -> bytes:
    return BY_IDENTIFIER[identifier].render(plan, DOCUMENTS[identifier], "docx").content


@pytest.mark.parametrize("identifier", list(DOCUMENTS))
def test_no_table_row_splits_across_pages(plan, identifier):
    document = Document(io.BytesIO(_docx(plan, identifier)))
    rows = [row for table in document.tables for row in table.rows]
    assert rows
    for row in rows:
        trpr = row._tr.trPr
        assert trpr is not None and trpr.find(qn("w:cantSplit")) is not None, [
            c.text for c in row.cells
        ]


def test_table_headers_are_not_capitals(plan):
    document = Document(io.BytesIO(_docx(plan, "annual")))
    assert document.styles["En-tête de tableau"].font.all_caps is not True


def test_numbers_of_the_bilan_annuel_are_right_aligned(plan):
    document = Document(io.BytesIO(_docx(plan, "annual")))
    summary = next(t for t in document.tables if t.rows[0].cells[0].text == "Orientation")
    for row in summary.rows[1:]:
        for cell in row.cells[1:]:
            assert cell.text.isdigit()
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_printed_docx_keeps_header_words_whole(plan, tmp_path, soffice_convert):
    content = _docx(plan, "annual")
    headers = {
        word.strip(",:;()").lower()
        for table in Document(io.BytesIO(content)).tables
        for cell in table.rows[0].cells
        for word in cell.text.split()
        if len(word.strip(",:;()")) > 3
    }
    assert {"orientation", "appréciation", "réalisations", "précisé"} <= headers
    path = tmp_path / "bilan.docx"
    path.write_bytes(content)
    pdf = soffice_convert([path])[path]
    with pdfplumber.open(pdf) as opened:
        words = {
            unicodedata.normalize("NFC", w["text"]).strip(",:;()").lower()
            for page in opened.pages
            for w in page.extract_words()
        }
    assert headers - words == set()
