"""Every document says what it is: a draft on each of its pages, an adopted plan its adoption,
a locked year's bilan its AGA note, the organization's logo and a sign-off block on the cover,
the list of acronyms at the end of the mise à jour and the bilans."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document
from PIL import Image

from jalon.reports.registry import BY_IDENTIFIER
from jalon.tracking.models import YearLock

pytestmark = pytest.mark.django_db

DRAFT = "Projet — version de travail"
GLOSSARY = "Liste des sigles et acronymes"


def _pages(content: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def _docx_text(content: bytes) -> tuple[str, str]:
    """The body's paragraphs and the page header, whitespace as single spaces."""
    document = Document(io.BytesIO(content))
    body = " ".join(" ".join(p.text for p in document.paragraphs).split())
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    return body, header


def _render(plan, identifier: str, fmt: str, **options: object) -> bytes:
    return BY_IDENTIFIER[identifier].render(plan, options, fmt).content


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 40), "#1d4f91").save(out, format="PNG")
    return out.getvalue()


def test_a_draft_plan_says_so_on_every_page(plan):
    plan.state = "draft"
    plan.save()
    for identifier, options in (("plan", {}), ("progress", {"as_of": dt.date(2018, 3, 1)})):
        pages = _pages(_render(plan, identifier, "pdf", **options))
        assert len(pages) >= 2
        assert all(DRAFT in page for page in pages), identifier
        body, header = _docx_text(_render(plan, identifier, "docx", **options))
        assert header.startswith(DRAFT + " — ")
        assert DRAFT.upper() in body


def test_an_adopted_plan_prints_its_adoption_and_no_draft_mark(plan):
    plan.adopted_on = dt.date(2017, 6, 14)
    plan.adopted_by = "l'assemblée générale annuelle"
    plan.save()
    pages = _pages(_render(plan, "plan", "pdf"))
    assert "Adopté le 14 juin 2017 par l'assemblée générale annuelle" in pages[0]
    assert "Date d'adoption : 14 juin 2017" in pages[0]
    assert not any(DRAFT in page for page in pages)
    body, header = _docx_text(_render(plan, "plan", "docx"))
    assert "Adopté le 14 juin 2017 par l'assemblée générale annuelle" in body
    assert DRAFT not in header


def test_a_locked_year_bilan_prints_its_aga_note(plan, cast):
    YearLock.objects.create(
        plan=plan,
        year=1,
        note="Bilan adopté à l'assemblée générale du 12 septembre 2018",
        locked_at=timezone.now(),
        locked_by=cast["editor_a"],
    )
    locked = _pages(_render(plan, "annual", "pdf", year=1))
    assert "Bilan adopté à l'assemblée générale du 12 septembre 2018" in locked[0]
    body, _ = _docx_text(_render(plan, "annual", "docx", year=1))
    assert "Bilan adopté à l'assemblée générale du 12 septembre 2018" in body
    open_year = _pages(_render(plan, "annual", "pdf", year=2))
    assert "assemblée générale du 12 septembre" not in " ".join(open_year)


def test_covers_carry_the_logo_and_a_sign_off_block(plan, org_a):
    org_a.logo.save("logo.png", SimpleUploadedFile("logo.png", _png()))
    for identifier, options in (("plan", {}), ("annual", {"year": 1}), ("global", {})):
        content = _render(plan, identifier, "pdf", **options)
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            first = pdf.pages[0]
            assert len(first.images) == 1, identifier
            cover = " ".join((first.extract_text() or "").split())
        assert "Présidence :" in cover and "Direction ou coordination :" in cover
        document = Document(io.BytesIO(_render(plan, identifier, "docx", **options)))
        logo = document.inline_shapes[0]._inline.docPr
        assert logo.get("descr") == "Logo de Consortium A"


@pytest.mark.parametrize(
    ("identifier", "options"),
    [("progress", {"as_of": dt.date(2018, 3, 1)}), ("annual", {"year": 1}), ("global", {})],
)
def test_the_list_of_acronyms_closes_the_mise_a_jour_and_the_bilans(plan, identifier, options):
    pages = _pages(_render(plan, identifier, "pdf", **options))
    assert GLOSSARY in pages[-1]
    assert "CISSS Centre intégré de santé et de services sociaux" in pages[-1]
    body, _ = _docx_text(_render(plan, identifier, "docx", **options))
    assert body.index(GLOSSARY) > len(body) // 2
    assert "CISSS : Centre intégré de santé et de services sociaux" in body


def test_the_plan_document_opens_on_its_overview(plan):
    first = _pages(_render(plan, "plan", "pdf"))[0]
    assert "Le plan en un coup d'œil" in first
    assert "Orientation 1 : Soutenir la relance des démarches régionales" in first
    assert "(2 moyens d'action)" in first or "(1 moyen d'action)" in first
    assert "Moyens d'action" not in first  # the tables start on the next page


def test_a_year_without_follow_up_says_so_first(plan):
    """The plan builder dates its statuses in An 1 and records no value or activity: An 3 has
    no follow-up at all."""
    pages = _pages(_render(plan, "annual", "pdf", year=3))
    assert "Aucun suivi n'a été saisi pour 2019-2020 (An 3) :" in pages[1]
    body, _ = _docx_text(_render(plan, "annual", "docx", year=3))
    assert body.index("Aucun suivi n'a été saisi pour 2019-2020 (An 3) :") < body.index(
        "L'année en chiffres"
    )


def test_a_followed_year_has_no_such_notice(plan, cast):
    from jalon.tracking.models import StatusUpdate

    action = next(a for a in plan.actions.order_by("order") if 3 in (a.schedule_years or []))
    StatusUpdate.objects.create(
        plan=plan, action=action, date=dt.date(2019, 10, 2), status="in_progress", note="Lancé"
    )
    pages = _pages(_render(plan, "annual", "pdf", year=3))
    assert not any("Aucun suivi n'a été saisi" in page for page in pages)


def test_the_bilan_global_lists_every_action_with_its_final_state(plan):
    from jalon.plans.models import Action

    actions = list(Action.objects.filter(plan=plan).order_by("order"))
    text = " ".join(_pages(_render(plan, "global", "pdf")))
    assert text.count("Les moyens d'action et leur état final") == 3  # one per orientation
    for action in actions:
        assert f"{action.code}. " in text
    document = Document(io.BytesIO(_render(plan, "global", "docx")))
    rows = [
        [c.text for c in row.cells]
        for table in document.tables
        if table.rows[0].cells[1].text == "État final"
        for row in table.rows[1:]
    ]
    assert [" ".join(r[0].split()) for r in rows] == [f"{a.code}. {a.title}" for a in actions]
    assert rows[0][1].startswith("Complété")  # plan_builder: the first action is completed


def test_notes_typed_with_indicator_values_are_printed(plan, cast):
    from jalon.plans.models import Indicator
    from jalon.tracking.models import IndicatorValue

    indicator = Indicator.objects.filter(plan=plan).order_by("id")[0]
    IndicatorValue.objects.create(
        indicator=indicator,
        plan_year=1,
        value=6,
        note="Deux rencontres reportées à cause des inondations",
        entered_by=cast["editor_a"],
    )
    pages = " ".join(_pages(_render(plan, "annual", "pdf", year=1)))
    assert "Note : Deux rencontres reportées à cause des inondations" in pages
    document = Document(io.BytesIO(_render(plan, "annual", "docx", year=1)))
    cells = " | ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Note\u00a0: Deux rencontres reportées à cause des inondations" in cells
