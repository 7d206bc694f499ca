"""Printed reports as a board member holds them: every page's text inside the printable area,
no two words printed over each other, body text of at least 8 pt, a tagged PDF with its title.

Checked on the demo's national plan (every document, the locked year and the current one) and
on a 600-action plan, with pdfplumber reading the words back out of the PDF.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1

from jalon.demo.build import NETWORK_SLUG, build_demo
from jalon.plans.enums import PlanState
from jalon.plans.models import Plan
from jalon.reports.registry import get_exporter
from jalon.tracking.models import YearLock

from .plan_builder import build_plan

pytestmark = pytest.mark.django_db

# Letter landscape with the side margins of pdf.css (1.4 cm); running heads and page numbers
# sit in the top and bottom margins but at least a quarter inch from the edge, which most
# printers cannot reach.
SIDE_MARGIN = 1.4 / 2.54 * 72
EDGE = 18.0
SMALLEST = 8.0


@dataclass
class Layout:
    pages: int = 0
    outside: list[tuple[int, str]] = field(default_factory=list)
    overlapping: list[tuple[int, str, str]] = field(default_factory=list)
    small_chars: int = 0
    chars: int = 0
    sizes: Counter[float] = field(default_factory=Counter)


def layout_of(content: bytes) -> Layout:
    found = Layout()
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        found.pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            words = page.extract_words(extra_attrs=["size"])
            for word in words:
                size = round(word["size"], 1)
                found.sizes[size] += len(word["text"])
                found.chars += len(word["text"])
                if size < SMALLEST:
                    found.small_chars += len(word["text"])
                if (
                    word["x0"] < SIDE_MARGIN - 1
                    or word["x1"] > page.width - SIDE_MARGIN + 1
                    or word["top"] < EDGE
                    or word["bottom"] > page.height - EDGE
                ):
                    found.outside.append((number, word["text"]))
            # Words sorted by their top: only those starting above a word's bottom can overlap it.
            words.sort(key=lambda w: w["top"])
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    if b["top"] >= a["bottom"] - 1:
                        break
                    across = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    if across > 1 and down > 1:
                        found.overlapping.append((number, a["text"], b["text"]))
    return found


def assert_printable(content: bytes, title: str) -> Layout:
    found = layout_of(content)
    assert found.outside == [], found.outside[:10]
    assert found.overlapping == [], found.overlapping[:10]
    assert found.small_chars == 0, sorted(found.sizes.items())
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        catalog = pdf.doc.catalog
        assert "StructTreeRoot" in catalog, "the PDF is not tagged"
        assert resolve1(catalog["MarkInfo"])["Marked"] is True
        assert pdf.metadata["Title"] == title
    return found


def render_pdf(plan: Plan, identifier: str, **options: object) -> bytes:
    exporter = get_exporter(identifier)
    assert exporter is not None
    return exporter.render(plan, options, "pdf").content


@pytest.fixture
def national():
    build_demo()
    return Plan.objects.get(organization__slug=NETWORK_SLUG, state=PlanState.ADOPTED)


def test_every_report_of_the_demo_national_plan_prints_inside_the_page(national):
    locked = YearLock.objects.filter(plan=national, unlocked_at__isnull=True).latest("year").year
    current = max(y.number for y in national.years)
    title = national.title
    documents = [
        (render_pdf(national, "plan"), title),
        (render_pdf(national, "progress", as_of=date.today()), f"Mise à jour — {title}"),
        (render_pdf(national, "global"), f"Bilan global — {title}"),
    ]
    for number in sorted({locked, current}):
        year = next(y for y in national.years if y.number == number)
        label = f"{year.start.year}-{year.end.year} (An {number})"
        documents.append(
            (render_pdf(national, "annual", year=number), f"Bilan annuel {label} — {title}")
        )
    for content, expected_title in documents:
        found = assert_printable(content, expected_title)
        assert found.pages >= 2


def test_a_600_action_plan_prints_inside_the_page(org_a):
    plan = build_plan(org_a, actions=600, orientations=4, objectives_per_orientation=3)
    found = assert_printable(render_pdf(plan, "plan"), plan.title)
    assert found.pages > 50
    assert_printable(
        render_pdf(plan, "progress", as_of=date(2019, 3, 1)), f"Mise à jour — {plan.title}"
    )
    assert_printable(
        render_pdf(plan, "annual", year=1), f"Bilan annuel 2017-2018 (An 1) — {plan.title}"
    )
