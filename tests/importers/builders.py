"""Documents built from a plan (a truth file): the DOCX, PDF and XLSX a user would bring.

The DOCX and the PDF hold the plan as the usual wide table, one row per action:
Objectifs | Actions | Acteurs | An 1 … An 5 | Résultats attendus | Indicateurs, with a row
spanning the table for each orientation and the objective written in the first row of its
actions only. The XLSX has one row per action with the orientation and the objective
repeated on every row.
"""

from __future__ import annotations

import html
import io
from typing import Any

YEARS = 5


def _actions(plan: dict[str, Any]):  # type: ignore[no-untyped-def]
    for o in plan["orientations"]:
        for ob in o["objectives"]:
            for k, a in enumerate(ob["actions"]):
                yield o, ob, k, a


def _orientation_label(o: dict[str, Any]) -> str:
    return f"ORIENTATION {o['code']} : {o['title']}" if o.get("code") else o["title"]


def _objective_label(ob: dict[str, Any]) -> str:
    return f"{ob['code']}. {ob['title']}" if ob.get("code") else ob["title"]


def _action_label(a: dict[str, Any]) -> str:
    return (
        f"{a['code']}. {a['title']}"
        if a.get("code") and "." not in a["code"]
        else (f"{a['code']} {a['title']}" if a.get("code") else a["title"])
    )


def _indicator_label(ind: dict[str, Any]) -> str:
    return f"{ind['kind']} = {ind['text']}" if ind.get("kind") else ind["text"]


HEADERS = [
    "Objectifs",
    "Actions",
    "Acteurs",
    *[f"An {y}" for y in range(1, YEARS + 1)],
    "Résultats attendus",
    "Indicateurs",
]


def build_docx(plan: dict[str, Any]) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(plan.get("title") or "Plan d'action", level=1)
    table = d.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for k, h in enumerate(HEADERS):
        table.rows[0].cells[k].text = h
    previous: dict[str, Any] | None = None
    for o, ob, k, a in _actions(plan):
        if o is not previous:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[len(HEADERS) - 1])
            merged.text = _orientation_label(o)
            previous = o
        row = table.add_row()
        cells = row.cells
        if k == 0:
            cells[0].text = _objective_label(ob)
        cells[1].text = _action_label(a)
        _paragraphs(cells[2], a.get("actors") or [])
        for y in a.get("schedule_years") or []:
            if 1 <= y <= YEARS:
                cells[2 + y].text = "X"
        _paragraphs(cells[3 + YEARS], a.get("expected_results") or [])
        _paragraphs(cells[4 + YEARS], [_indicator_label(i) for i in a.get("indicators") or []])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _paragraphs(cell: Any, texts: list[str]) -> None:
    if not texts:
        return
    cell.text = texts[0]
    for t in texts[1:]:
        cell.add_paragraph(t)


def plan_html(plan: dict[str, Any]) -> str:
    esc = html.escape
    rows = []
    previous: dict[str, Any] | None = None
    for o, ob, k, a in _actions(plan):
        if o is not previous:
            rows.append(
                f'<tr><td colspan="{len(HEADERS)}" class="ori">{esc(_orientation_label(o))}</td></tr>'
            )
            previous = o
        years = set(a.get("schedule_years") or [])
        cells = [
            esc(_objective_label(ob)) if k == 0 else "",
            esc(_action_label(a)),
            "<br>".join(esc(x) for x in a.get("actors") or []),
            *["X" if y in years else "" for y in range(1, YEARS + 1)],
            "<br>".join(esc(x) for x in a.get("expected_results") or []),
            "<br>".join(esc(_indicator_label(i)) for i in a.get("indicators") or []),
        ]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{esc(h)}</th>" for h in HEADERS)
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
@page {{ size: letter landscape; margin: 1.2cm; }}
body {{ font-family: sans-serif; font-size: 8pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 0.6pt solid #000; padding: 2pt; vertical-align: top; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; }}
.ori {{ font-weight: bold; }}
</style></head><body><h1>{esc(plan.get("title") or "Plan d'action")}</h1>
<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></body></html>"""


def build_pdf(plan: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    return HTML(string=plan_html(plan)).write_pdf()


def build_xlsx(plan: dict[str, Any]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append([plan.get("title") or "Plan d'action"])
    ws.append([])
    ws.append(
        [
            "Orientation",
            "Objectif",
            "Code",
            "Action",
            "Responsables",
            "Échéance",
            "Résultats attendus",
            "Indicateurs",
            "État",
            "Avancement",
        ]
    )
    for o, ob, _, a in _actions(plan):
        ws.append(
            [
                _orientation_label(o),
                _objective_label(ob),
                a.get("code") or "",
                a["title"],
                "\n".join(a.get("actors") or []),
                "; ".join(f"An {y}" for y in a.get("schedule_years") or [])
                or (a.get("timing") or ""),
                "\n".join(a.get("expected_results") or []),
                "\n".join(_indicator_label(i) for i in a.get("indicators") or []),
                _status_word(a.get("status")),
                a.get("progress_note") or "",
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _status_word(code: str | None) -> str:
    return {
        "completed": "Complété",
        "in_progress": "En cours",
        "in_preparation": "En préparation",
        "not_started": "À venir",
        "postponed": "Reporté",
        "abandoned": "Abandonné",
    }.get(code or "", "")


def scanned_pdf(html_pages: list[str], dpi: int = 200) -> bytes:
    """A scan of documents: each HTML page rendered, rasterized, and wrapped as an image-only PDF.

    WeasyPrint makes the PDF, PDFium renders its pages to grey images at `dpi` (as a scanner
    would), and Pillow writes the images as a PDF with no text layer.
    """
    import pypdfium2 as pdfium
    from weasyprint import HTML

    images = []
    for page_html in html_pages:
        pdf = pdfium.PdfDocument(HTML(string=page_html).write_pdf())
        try:
            for page in pdf:
                images.append(page.render(scale=dpi / 72, grayscale=True).to_pil())
        finally:
            pdf.close()
    out = io.BytesIO()
    images[0].save(out, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out.getvalue()
