"""Scanned PDFs: pages without a text layer are read by OCR (Tesseract), within their limits.

The scans are made here: a small plan is rendered by WeasyPrint, rasterized by PDFium and
wrapped as an image-only PDF by Pillow (`builders.scanned_pdf`), so what Tesseract reads is
real pixels, not text we typed for it.
"""

from __future__ import annotations

import pytest

from jalon.importers import DocumentError, Limits, import_document
from jalon.plans.interchange import PlanDraft

from .builders import scanned_pdf

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
body {{ font-family: "DejaVu Sans", sans-serif; font-size: 12pt; }}
p {{ margin: 0 0 6pt; }}
</style></head><body>{body}</body></html>"""

PLAN = PAGE.format(
    body="""<h1>Plan d'action 2024-2027</h1>
<p>Orientation 1 : Renforcer la concertation régionale</p>
<p>Objectif 1.1 : Mobiliser les partenaires du territoire</p>
<p>1.1.1 Organiser deux rencontres annuelles des membres</p>
<p>1.1.2 Publier un bulletin d'information trimestriel</p>
<p>Objectif 1.2 : Soutenir les initiatives locales</p>
<p>1.2.1 Offrir un accompagnement aux comités locaux</p>
<p>Orientation 2 : Améliorer l'accès à l'information</p>
<p>Objectif 2.1 : Diffuser les données sociales</p>
<p>2.1.1 Produire un portrait statistique de la région</p>"""
)

SECOND_PAGE = PAGE.format(
    body="""<p>Orientation 3 : Agir sur la sécurité alimentaire</p>
<p>Objectif 3.1 : Soutenir les cuisines collectives</p>
<p>3.1.1 Financer six groupes de cuisine par année</p>"""
)

TREE = [
    (
        "1",
        "Renforcer la concertation régionale",
        [
            (
                "1.1",
                "Mobiliser les partenaires du territoire",
                [
                    ("1.1.1", "Organiser deux rencontres annuelles des membres"),
                    ("1.1.2", "Publier un bulletin d'information trimestriel"),
                ],
            ),
            (
                "1.2",
                "Soutenir les initiatives locales",
                [("1.2.1", "Offrir un accompagnement aux comités locaux")],
            ),
        ],
    ),
    (
        "2",
        "Améliorer l'accès à l'information",
        [
            (
                "2.1",
                "Diffuser les données sociales",
                [("2.1.1", "Produire un portrait statistique de la région")],
            )
        ],
    ),
]


def tree(draft: PlanDraft) -> list[tuple[str | None, str, list]]:  # type: ignore[type-arg]
    return [
        (
            o.code,
            o.title,
            [(ob.code, ob.title, [(a.code, a.title) for a in ob.actions]) for ob in o.objectives],
        )
        for o in draft.orientations
    ]


@pytest.fixture(scope="module")
def scan() -> bytes:
    return scanned_pdf([PLAN])


@pytest.fixture(scope="module")
def two_page_scan() -> bytes:
    return scanned_pdf([PLAN, SECOND_PAGE])


def test_scanned_plan_is_read_by_ocr_into_its_tree(scan: bytes) -> None:
    draft = import_document(scan, "scan.pdf")

    assert draft.title == "Plan d'action 2024-2027"
    assert tree(draft) == TREE
    assert draft.import_report is not None
    assert draft.import_report.unplaced == []


def test_scanned_page_says_how_sure_the_reading_is_and_stays_under_ten_seconds(
    scan: bytes,
) -> None:
    draft = import_document(scan, "scan.pdf")

    assert draft.import_report is not None
    [page] = draft.import_report.ocr
    assert page.page == 1
    assert page.mean_confidence is not None and page.mean_confidence >= 85
    # counted by hand: 67 words in the title and the 9 lines, each " : " one word as Tesseract reads it
    assert page.words == 67
    assert 0 < page.seconds <= 10
    assert (
        "Pages numérisées lues par reconnaissance de caractères (OCR) : 1 — vérifiez leur texte"
        in draft.import_report.warnings
    )


def test_each_scanned_page_is_announced_before_it_is_read(two_page_scan: bytes) -> None:
    told: list[tuple[int, int, int]] = []

    draft = import_document(
        two_page_scan,
        "scan.pdf",
        progress=lambda done, total, page: told.append((done, total, page)),
    )

    assert told == [(0, 2, 1), (1, 2, 2), (2, 2, 2)]
    assert draft.import_report is not None
    assert [p.page for p in draft.import_report.ocr] == [1, 2]
    assert tree(draft)[2] == (
        "3",
        "Agir sur la sécurité alimentaire",
        [
            (
                "3.1",
                "Soutenir les cuisines collectives",
                [("3.1.1", "Financer six groupes de cuisine par année")],
            )
        ],
    )


def _text_pdf_with_a_picture_of_text() -> bytes:
    """A PDF with a text layer whose page also shows an image of other text (a scanned logo)."""
    import base64
    import io

    import pypdfium2 as pdfium
    from weasyprint import HTML

    picture = pdfium.PdfDocument(scanned_pdf([PAGE.format(body="<h1>Texte dans une image</h1>")]))
    png = io.BytesIO()
    picture[0].render(scale=1).to_pil().save(png, format="PNG")
    picture.close()
    uri = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    body = PLAN.split("<body>")[1].split("</body>")[0]
    return HTML(string=PAGE.format(body=f'<img src="{uri}" width="300" alt="">{body}')).write_pdf()


def test_pdf_with_a_text_layer_is_never_ocrd() -> None:
    draft = import_document(_text_pdf_with_a_picture_of_text(), "plan.pdf")

    assert draft.import_report is not None
    assert draft.import_report.ocr == []
    assert tree(draft) == TREE
    everything = " ".join(draft.import_report.unplaced + draft.notes + [draft.title])
    assert "image" not in everything  # the picture's words were not recognized
    assert not any("OCR" in w for w in draft.import_report.warnings)


def test_only_the_pages_without_text_are_ocrd() -> None:
    import pypdfium2 as pdfium
    from weasyprint import HTML

    mixed = pdfium.PdfDocument(HTML(string=PLAN).write_pdf())
    mixed.import_pages(pdfium.PdfDocument(scanned_pdf([SECOND_PAGE])))
    import io

    out = io.BytesIO()
    mixed.save(out)

    draft = import_document(out.getvalue(), "plan.pdf")

    assert draft.import_report is not None
    assert [p.page for p in draft.import_report.ocr] == [2]
    assert tree(draft)[:2] == TREE
    assert tree(draft)[2][2][0][2] == [("3.1.1", "Financer six groupes de cuisine par année")]


def test_more_scanned_pages_than_allowed_is_refused_before_reading(two_page_scan: bytes) -> None:
    told: list[int] = []
    with pytest.raises(DocumentError) as err:
        import_document(
            two_page_scan,
            "scan.pdf",
            limits=Limits(ocr_max_pages=1),
            progress=lambda done, total, page: told.append(page),
        )

    assert err.value.message == (
        "ce PDF compte 2 pages numérisées (sans texte) à lire par reconnaissance de caractères, "
        "plus que la limite de 1 : importez-le en plusieurs parties, ou copiez-collez son texte"
    )
    assert err.value.message_en.startswith("this PDF has 2 scanned pages")
    assert told == []


def test_ocr_past_the_total_time_refuses_the_document(scan: bytes) -> None:
    with pytest.raises(DocumentError) as err:
        import_document(scan, "scan.pdf", limits=Limits(ocr_total_seconds=0.01))

    assert err.value.message == (
        "la reconnaissance de caractères a dépassé la limite de 0.01 s pour ce document "
        "(0 pages lues sur 1) : importez-le en plusieurs parties, ou copiez-collez son texte"
    )
    assert err.value.where == "page 1"


def test_a_page_past_its_time_is_left_unread_with_a_warning(two_page_scan: bytes) -> None:
    # every page past its time: nothing left to read, and the message says OCR found nothing
    with pytest.raises(DocumentError) as err:
        import_document(two_page_scan, "scan.pdf", limits=Limits(ocr_page_seconds=0.01))
    assert "(OCR) n'y a trouvé aucun texte lisible" in err.value.message


def test_a_slow_page_among_read_ones_is_reported_unread() -> None:
    import io

    import pypdfium2 as pdfium
    from weasyprint import HTML

    mixed = pdfium.PdfDocument(HTML(string=PLAN).write_pdf())
    mixed.import_pages(pdfium.PdfDocument(scanned_pdf([SECOND_PAGE])))
    out = io.BytesIO()
    mixed.save(out)

    draft = import_document(out.getvalue(), "plan.pdf", limits=Limits(ocr_page_seconds=0.01))

    assert draft.import_report is not None
    assert tree(draft) == TREE
    assert (
        "Page 2 : la reconnaissance de caractères a dépassé 0.01 s ; son contenu n'a pas été lu"
        in (draft.import_report.warnings)
    )
    [page] = draft.import_report.ocr
    assert (page.page, page.words, page.mean_confidence) == (2, 0, None)


def test_with_ocr_turned_off_a_scan_is_refused_with_advice(scan: bytes) -> None:
    with pytest.raises(DocumentError) as err:
        import_document(scan, "scan.pdf", limits=Limits(ocr=False))

    assert "passez-le d'abord dans un logiciel de reconnaissance de caractères (OCR)" in (
        err.value.message
    )


TABLE = (
    PAGE.format(
        body="""<style>table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 0.8pt solid #000; padding: 3pt; vertical-align: top; text-align: left; }}</style>
<table><tr><th>Objectifs</th><th>Actions</th><th>Acteurs</th></tr>
<tr><td colspan="3">ORIENTATION 1 : Renforcer la concertation régionale</td></tr>
<tr><td>1.1 Mobiliser les partenaires</td><td>1.1.1 Organiser deux rencontres annuelles</td>
<td>Coordination</td></tr>
<tr><td></td><td>1.1.2 Publier un bulletin trimestriel</td><td>Agent de liaison</td></tr>
</table>"""
    )
    .replace("{{", "{")
    .replace("}}", "}")
)


def test_a_scanned_table_is_read_cell_by_cell_from_its_borders() -> None:
    from jalon.importers import read_document
    from jalon.importers.readers.pdf import SOFT_BREAK

    doc = read_document(scanned_pdf([TABLE]), "scan.pdf")

    rows = [
        [" ".join(c.replace(SOFT_BREAK, " ").split()) for c in line.cells]
        for line in doc.lines
        if line.cells is not None
    ]
    assert rows == [
        ["Objectifs", "Actions", "Acteurs"],
        ["ORIENTATION 1 : Renforcer la concertation régionale", "", ""],
        [
            "1.1 Mobiliser les partenaires",
            "1.1.1 Organiser deux rencontres annuelles",
            "Coordination",
        ],
        ["", "1.1.2 Publier un bulletin trimestriel", "Agent de liaison"],
    ]
    assert {line.table for line in doc.lines if line.cells is not None} == {1}


def test_a_scanned_table_plan_imports_with_its_actors() -> None:
    draft = import_document(scanned_pdf([TABLE]), "scan.pdf")

    assert draft.import_report is not None
    assert draft.import_report.format_detected == "pdf:table"
    assert tree(draft) == [
        (
            "1",
            "Renforcer la concertation régionale",
            [
                (
                    "1.1",
                    "Mobiliser les partenaires",
                    [
                        ("1.1.1", "Organiser deux rencontres annuelles"),
                        ("1.1.2", "Publier un bulletin trimestriel"),
                    ],
                )
            ],
        )
    ]
    assert [a.actors for a in draft.iter_actions()] == [["Coordination"], ["Agent de liaison"]]
    assert draft.import_report.unplaced == []
