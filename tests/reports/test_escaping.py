"""Plan text with an apostrophe, an ampersand and something that looks like markup prints as
typed in every format: escaped exactly once in HTML (never `l&#x27;` on the page), as plain
characters in the PDF, Word, Excel and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from html.parser import HTMLParser

import openpyxl
import pdfplumber
import pytest
from docx import Document

from jalon.plans.models import Action, Orientation
from jalon.reports.registry import get_exporter

pytestmark = pytest.mark.django_db

TYPED = "Respect de l'autonomie & des <b>régions</b>"
OPTIONS: dict[str, dict[str, object]] = {
    "plan": {},
    "progress": {"as_of": dt.date(2018, 3, 15)},
    "annual": {"year": 1},
}


@pytest.fixture
def tricky_plan(plan):
    plan.values = [TYPED, "Équité"]
    plan.mission = TYPED
    plan.save()
    Orientation.objects.filter(pk=plan.orientations.order_by("order")[0].pk).update(title=TYPED)
    first = Action.objects.filter(plan=plan).order_by("order")[0]
    Action.objects.filter(pk=first.pk).update(title=TYPED, progress_note=TYPED)
    return plan


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _words(value: str) -> str:
    """Whitespace as one space: the renderers put non-breaking spaces and wrap lines."""
    return " ".join(value.split())


def _render(plan, identifier: str, fmt: str) -> bytes:
    exporter = get_exporter(identifier)
    assert exporter is not None
    return exporter.render(plan, OPTIONS[identifier], fmt).content


def _formats(identifier: str) -> list[str]:
    exporter = get_exporter(identifier)
    assert exporter is not None
    return [str(f) for f in exporter.formats]


CASES = [(identifier, fmt) for identifier in OPTIONS for fmt in _formats(identifier)]


@pytest.mark.parametrize(("identifier", "fmt"), CASES)
def test_plan_text_prints_as_typed(tricky_plan, identifier, fmt):
    content = _render(tricky_plan, identifier, fmt)
    if fmt == "html":
        page = content.decode()
        assert "&amp;#x27;" not in page and "&amp;amp;" not in page and "&amp;lt;" not in page
        assert "&lt;b&gt;régions&lt;/b&gt;" in page
        parser = _Text()
        parser.feed(page)
        assert TYPED in _words("".join(parser.parts))
        assert "b" not in parser.tags  # the typed <b> is text, not bold
    elif fmt == "pdf":
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            printed = _words(" ".join(page.extract_text() or "" for page in pdf.pages))
        assert TYPED in printed
        assert "&#x27;" not in printed and "&amp;" not in printed
    elif fmt == "docx":
        document = Document(io.BytesIO(content))
        texts = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                texts.extend(cell.text for cell in row.cells)
        joined = _words(" | ".join(texts))
        assert TYPED in joined
        assert "&#x27;" not in joined and "&amp;" not in joined
    elif fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(content))
        cells = [
            str(cell.value)
            for sheet in book.worksheets
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]
        assert any(TYPED in value for value in cells)
        assert not any("&#x27;" in value or "&amp;" in value for value in cells)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
        assert any(TYPED in field for row in rows for field in row)
        assert not any("&#x27;" in field for row in rows for field in row)
    else:  # pragma: no cover - a new format must be added above
        pytest.fail(f"no check for {fmt}")
