"""The TUNING layouts: whoever tunes the recognizer may read this module and its output.

Each builder takes a plan and a seeded `random.Random` and returns a `Rendered` document: its
files and its truth (the plan projected onto what the layout prints).
"""

from __future__ import annotations

import io
import random

from .plans import CorpusPlan
from .render import (
    BASE_CSS,
    STATUS_WORDS,
    Rendered,
    ac_label,
    esc,
    html_to_pdf,
    ind_label,
    ob_label,
    or_label,
    plan_years,
    preamble_html,
    project,
    statement_blocks,
    statements_html,
    summary_html,
    years_text,
)

# --- designed: a multi-column designed PDF ------------------------------------------------

DESIGNED_CSS = """
.banner { background: #1d4e89; color: white; padding: 3mm 4mm; width: 110mm; font-size: 13pt;
  font-weight: bold; margin: 6mm 0 3mm 0; page-break-after: avoid; }
.banner .lab { display: block; font-size: 10pt; letter-spacing: 1pt; }
h3 { font-size: 11pt; color: #1d4e89; border-bottom: 1px solid #9ab; margin: 4mm 0 2mm 0; }
.cards { columns: 2; column-gap: 7mm; }
.card { break-inside: avoid; border-left: 2.5pt solid #f39c12; padding: 0 0 0 3mm;
  margin: 0 0 3mm 0; }
.card .t { font-weight: bold; margin: 0 0 1mm 0; }
.card p, .card li { margin: 0 0 0.6mm 0; font-size: 8.5pt; }
.card ul { margin: 0 0 1mm 0; padding-left: 4mm; }
.stmts { columns: 2; column-gap: 8mm; background: #eef3f8; padding: 3mm; }
.stmt { break-inside: avoid; }
.stmt h3 { border: none; margin-top: 0; }
.ind { font-size: 8.5pt; }
"""


def build_designed(plan: CorpusPlan, rng: random.Random) -> Rendered:
    show_status = rng.random() < 0.5
    hyphenate = rng.random() < 0.4
    truth = project(plan, timing=False, status=show_status)
    s, d = truth.style, truth.draft
    body: list[str] = [f"<div class='org'>{esc(d.organization)}</div><h1>{esc(d.title)}</h1>"]
    pre = preamble_html(truth)
    if pre:
        body.append(f"{pre}<div class='pagebreak'></div>")
    if statement_blocks(truth):
        body.append(f"<div class='stmts'>{statements_html(truth)}</div>")
    body.append(summary_html(truth))
    for o in d.orientations:
        lab = or_label(s, o).strip(" :–")
        body.append(
            f"<div class='banner'>{f'<span class=lab>{esc(lab)}</span>' if lab else ''}"
            f"{esc(o.title)}</div>"
        )
        for ob in o.objectives:
            body.append(f"<h3>{esc(ob_label(s, ob))}{esc(ob.title)}</h3>")
            if ob.indicators:
                body.append("<p class='ind'><b>Indicateurs</b></p><ul class='ind'>")
                body += [f"<li>{esc(ind_label(i))}</li>" for i in ob.indicators]
                body.append("</ul>")
            if not ob.actions:
                continue
            body.append("<div class='cards'>")
            for a in ob.actions:
                card = [f"<p class='t'>{esc(ac_label(s, a))}{esc(a.title)}</p>"]
                if a.actors:
                    card.append(f"<p><b>Responsables :</b> {esc(', '.join(a.actors))}</p>")
                if a.schedule_years:
                    card.append(f"<p><b>Échéance :</b> {esc(years_text(a.schedule_years))}</p>")
                if a.expected_results:
                    card.append("<p><b>Résultats attendus :</b></p><ul>")
                    card += [f"<li>{esc(r)}</li>" for r in a.expected_results]
                    card.append("</ul>")
                if a.indicators:
                    card.append("<p><b>Indicateurs :</b></p><ul>")
                    card += [f"<li>{esc(ind_label(i))}</li>" for i in a.indicators]
                    card.append("</ul>")
                if a.status:
                    note = f" – {a.progress_note}" if a.progress_note else ""
                    card.append(f"<p><b>État :</b> {esc(STATUS_WORDS[a.status])}{esc(note)}</p>")
                body.append("<div class='card'>" + "".join(card) + "</div>")
            body.append("</div>")
    css = BASE_CSS + DESIGNED_CSS
    if hyphenate:
        # designed documents often justify and hyphenate: words cut at line ends ("concer-tation")
        css += ".card p, .card li { text-align: justify; hyphens: auto; }"
    doc = f"<html lang='fr'><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(body)}</body></html>"
    return Rendered(truth, {"pdf": html_to_pdf(doc)})


# --- wide_table: the landscape table repeated over pages ------------------------------------

WIDE_CSS = """
@page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
  @bottom-right { content: "Page " counter(page); font-size: 7pt; } }
table { border-collapse: collapse; width: 100%; font-size: 7.5pt; }
th, td { border: 0.6pt solid #666; padding: 1.2mm; vertical-align: top; }
th { background: #d9e2ef; font-size: 7pt; }
td.or { background: #1d4e89; color: white; font-weight: bold; font-size: 8.5pt; }
td.yr { text-align: center; width: 7mm; }
td p { margin: 0 0 1mm 0; }
.legend { font-size: 7pt; color: #444; }
"""


def build_wide_table(plan: CorpusPlan, rng: random.Random) -> Rendered:
    truth = project(plan, timing=False, status=False)
    s, d = truth.style, truth.draft
    n = plan_years(truth)
    mark = rng.choice(["X", "X", "●", "✓"])
    head = (
        "<thead><tr><th rowspan='2'>OBJECTIFS</th><th rowspan='2'>MOYENS D'ACTION</th>"
        f"<th rowspan='2'>ACTEURS</th><th colspan='{n}'>ÉCHÉANCE</th>"
        "<th rowspan='2'>RÉSULTATS ATTENDUS</th><th rowspan='2'>INDICATEURS DE SUIVI</th></tr><tr>"
        + "".join(f"<th>An {y}</th>" for y in range(1, n + 1))
        + "</tr></thead>"
    )
    rows: list[str] = []
    for o in d.orientations:
        rows.append(
            f"<tr><td class='or' colspan='{n + 5}'>{esc(or_label(s, o))}{esc(o.title)}</td></tr>"
        )
        for ob in o.objectives:
            for k, a in enumerate(ob.actions):
                cells = []
                if k == 0:
                    cells.append(
                        f"<td rowspan='{len(ob.actions)}'>{esc(ob_label(s, ob))}{esc(ob.title)}</td>"
                    )
                cells.append(f"<td>{esc(ac_label(s, a))}{esc(a.title)}</td>")
                cells.append("<td>" + "".join(f"<p>{esc(x)}</p>" for x in a.actors) + "</td>")
                cells += [
                    f"<td class='yr'>{mark if y in (a.schedule_years or []) else ''}</td>"
                    for y in range(1, n + 1)
                ]
                cells.append(
                    "<td>" + "".join(f"<p>{esc(r)}</p>" for r in a.expected_results) + "</td>"
                )
                cells.append(
                    "<td>" + "".join(f"<p>{esc(ind_label(i))}</p>" for i in a.indicators) + "</td>"
                )
                rows.append("<tr>" + "".join(cells) + "</tr>")
    start = d.period_start.year if d.period_start else 2024
    legend = " ; ".join(f"An {y} = {start + y - 1}-{start + y}" for y in range(1, n + 1))
    pre = preamble_html(truth)
    body = (
        f"<h1>{esc(d.title)}</h1><div class='org'>{esc(d.organization)}</div>"
        + (f"{pre}<div class='pagebreak'></div>" if pre else "")
        + statements_html(truth)
        + summary_html(truth)
        + f"<p class='legend'>{esc(legend)}</p>"
        + f"<table>{head}<tbody>{''.join(rows)}</tbody></table>"
    )
    css = BASE_CSS + WIDE_CSS
    doc = f"<html lang='fr'><head><meta charset='utf-8'><style>{css}</style></head><body>{body}</body></html>"
    return Rendered(truth, {"pdf": html_to_pdf(doc)})


# --- docx_merged: a Word table with merged cells --------------------------------------------


def _repeat_header(row: object) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cell_paragraphs(cell: object, texts: list[str]) -> None:
    cell.text = texts[0] if texts else ""  # type: ignore[attr-defined]
    for t in texts[1:]:
        cell.add_paragraph(t)  # type: ignore[attr-defined]


def build_docx_merged(plan: CorpusPlan, rng: random.Random) -> Rendered:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    indicators_plan = not plan.draft.iter_actions()
    truth = project(plan, timing=False, status=False)
    s, d = truth.style, truth.draft
    doc = docx.Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.left_margin = sec.right_margin = Mm(15)
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_heading(d.title, level=0)
    doc.add_paragraph(d.organization)
    if "presidence" in s.preamble:
        doc.add_heading("Mot de la présidence", level=1)
        for p in s.presidency:
            doc.add_paragraph(p)
    if "intro" in s.preamble:
        doc.add_heading("Introduction", level=1)
        for p in s.intro:
            doc.add_paragraph(p)
    for label, items in statement_blocks(truth):
        doc.add_heading(label, level=2)
        if len(items) == 1 and not label.lower().startswith(("valeurs", "mandats", "nos ")):
            doc.add_paragraph(items[0])
        else:
            for it in items:
                doc.add_paragraph(it, style="List Bullet")
    if s.summary_list:
        doc.add_heading("Nos orientations en bref", level=2)
        for o in d.orientations:
            doc.add_paragraph(o.title, style="List Number")
    if indicators_plan:
        headers = ["OBJECTIFS", "INDICATEURS"]
    else:
        headers = [
            "OBJECTIFS",
            "ACTIONS",
            "RESPONSABLES",
            "ÉCHÉANCIER",
            "RÉSULTATS ATTENDUS",
            "INDICATEURS",
        ]
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, h in zip(table.rows[0].cells, headers, strict=True):
        cell.text = h
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0])
    for o in d.orientations:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        merged.text = f"{or_label(s, o)}{o.title}"
        merged.paragraphs[0].runs[0].bold = True
        for ob in o.objectives:
            ob_text = f"{ob_label(s, ob)}{ob.title}"
            if indicators_plan:
                row = table.add_row()
                row.cells[0].text = ob_text
                _cell_paragraphs(row.cells[1], [ind_label(i) for i in ob.indicators])
                continue
            first = None
            for a in ob.actions:
                row = table.add_row()
                if first is None:
                    first = row.cells[0]
                    first.text = ob_text
                row.cells[1].text = f"{ac_label(s, a)}{a.title}"
                _cell_paragraphs(row.cells[2], a.actors)
                row.cells[3].text = years_text(a.schedule_years)
                _cell_paragraphs(row.cells[4], a.expected_results)
                _cell_paragraphs(row.cells[5], [ind_label(i) for i in a.indicators])
            if first is not None and len(ob.actions) > 1:
                first.merge(row.cells[0])
    buf = io.BytesIO()
    doc.save(buf)
    return Rendered(truth, {"docx": buf.getvalue()})


def docx_to_pdf(data: bytes) -> bytes | None:
    """The DOCX exported to PDF by LibreOffice (None where LibreOffice is not installed)."""
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory(prefix="jalon-corpus-lo-") as tmp:
        src = Path(tmp) / "plan.docx"
        src.write_bytes(data)
        # a profile of its own, so that another LibreOffice running on the machine is no bother
        profile = f"-env:UserInstallation=file://{tmp}/profile"
        subprocess.run(
            [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(src)],
            capture_output=True,
            timeout=240,
            check=False,
        )
        out = Path(tmp) / "plan.pdf"
        return out.read_bytes() if out.exists() else None


# --- web_nav: a web page with menu, breadcrumbs and footer ---------------------------------


def build_web_nav(plan: CorpusPlan, rng: random.Random) -> Rendered:
    from .render import web_page

    show_status = rng.random() < 0.4
    truth = project(plan, timing=False, status=show_status, progress=False)
    s, d = truth.style, truth.draft
    main = [f"<h1>{esc(d.title)}</h1>"]
    if "intro" in s.preamble:
        main += [f"<p>{esc(p)}</p>" for p in s.intro]
    main.append(statements_html(truth).replace("<h3>", "<h2>").replace("</h3>", "</h2>"))
    main.append(summary_html(truth))
    for o in d.orientations:
        main.append(f"<h2>{esc(or_label(s, o))}{esc(o.title)}</h2>")
        for ob in o.objectives:
            main.append(f"<h3>{esc(ob_label(s, ob))}{esc(ob.title)}</h3>")
            if ob.indicators:
                main.append("<p>Indicateurs :</p><ul>")
                main += [f"<li>{esc(ind_label(i))}</li>" for i in ob.indicators]
                main.append("</ul>")
            if not ob.actions:
                continue
            main.append("<ul class='actions'>")
            for a in ob.actions:
                item = [f"<strong>{esc(ac_label(s, a))}{esc(a.title)}</strong>"]
                if a.actors:
                    item.append(f"<br>Porteurs : {esc(', '.join(a.actors))}")
                if a.schedule_years:
                    item.append(f"<br>Échéance : {esc(years_text(a.schedule_years))}")
                if a.status:
                    item.append(f"<br>État : {esc(STATUS_WORDS[a.status])}")
                sub = [f"<li>Résultat attendu : {esc(r)}</li>" for r in a.expected_results]
                sub += [f"<li>Indicateur : {esc(ind_label(i))}</li>" for i in a.indicators]
                main.append(f"<li>{''.join(item)}<ul>{''.join(sub)}</ul></li>")
            main.append("</ul>")
    page = web_page(truth, "".join(main), page_title=d.title, crumb=d.title)
    return Rendered(truth, {"html": page.encode("utf-8"), "pdf": html_to_pdf(page)})


# --- numbered_means: means numbered 1.1.1, then each one's expected result by number -------


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def build_numbered_means(plan: CorpusPlan, rng: random.Random) -> Rendered:
    from .plans import apply_numbering

    truth = project(plan, actors=False, indicators=False, status=False)
    truth.style.numbering = rng.choice(["orientation", "decimal"])
    apply_numbering(truth.draft, truth.style.numbering)
    s, d = truth.style, truth.draft
    width = rng.choice([68, 76, 90])
    lines: list[str] = [d.title, d.organization, ""]
    if "intro" in s.preamble:
        for p in s.intro:
            lines += [*_wrap(p, width), ""]
    for label, items in statement_blocks(truth):
        lines += [f"{label} :", *[f"- {i}" if len(items) > 1 else i for i in items], ""]
    for o in d.orientations:
        lines += [*_wrap(f"{or_label(s, o)}{o.title}", width), ""]
        for ob in o.objectives:
            lines += [*_wrap(f"Objectif {ob.code} : {ob.title}", width), "", "Moyens d'action"]
            for a in ob.actions:
                a.expected_results = a.expected_results[:1]
                first, last = (a.schedule_years or [1])[0], (a.schedule_years or [1])[-1]
                a.timing = f"an {first}" if first == last else f"an {first}-{last}"
                a.schedule_years = list(range(first, last + 1))
                lines += _wrap(f"{a.code} {a.title}; {a.timing}", width)
            lines += ["", "Résultats attendus"]
            for a in ob.actions:
                if a.expected_results:
                    lines += _wrap(f"{a.code} {a.expected_results[0]}", width)
            lines.append("")
    text = "\n".join(lines) + "\n"
    paras = "".join(
        f"<p>{esc(block)}</p>" for block in "\n".join(lines).split("\n\n") if block.strip()
    ).replace("\n", "<br>")
    doc = f"<html lang='fr'><head><meta charset='utf-8'><style>{BASE_CSS}</style></head><body>{paras}</body></html>"
    return Rendered(truth, {"txt": text.encode("utf-8"), "pdf": html_to_pdf(doc)})
