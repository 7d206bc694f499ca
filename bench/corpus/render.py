"""What every layout shares: labels in each numbering scheme, the projection of a plan onto
what a layout shows, the statements and preambles, and HTML → PDF through WeasyPrint.

A layout's truth is the plan *as the document shows it*: `project()` blanks the fields a
layout does not print (a table without an actors column has no actors in its truth).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from jalon.plans.interchange import ActionDraft, IndicatorDraft, ObjectiveDraft, OrientationDraft

from .plans import CorpusPlan, Style

STATUS_WORDS = {
    "completed": "Réalisé",
    "in_progress": "En cours",
    "not_started": "À venir",
    "in_preparation": "En préparation",
    "postponed": "Reporté",
    "abandoned": "Abandonné",
}


@dataclass
class Rendered:
    """One generated document: its truth and its files by suffix ("pdf", "docx", "html", "txt")."""

    truth: CorpusPlan
    files: dict[str, bytes] = field(default_factory=dict)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def or_label(style: Style, o: OrientationDraft) -> str:
    if not o.code:
        return ""
    return {
        "axe": f"AXE {o.code} : ",
        "roman": f"{o.code}. ",
        "lettered": f"Orientation {o.code} – ",
        "decimal": f"{o.code}. ",
    }.get(style.numbering, f"ORIENTATION {o.code} : ")


def ob_label(style: Style, ob: ObjectiveDraft) -> str:
    if not ob.code:
        return ""
    return {
        "orientation": f"{ob.code} ",
        "decimal": f"{ob.code} ",
        "axe": f"Objectif {ob.code} : ",
        "unnumbered": f"Objectif {ob.code} – ",
        "lettered": f"Objectif {ob.code} : ",
    }.get(style.numbering, f"{ob.code}. ")


def ac_label(style: Style, a: ActionDraft) -> str:
    if not a.code:
        return ""
    if style.numbering in ("lettered", "unnumbered"):
        return f"{a.code}) "
    if "." in a.code:
        return f"{a.code} "
    return f"{a.code}. "


def ind_label(ind: IndicatorDraft) -> str:
    return f"{ind.kind} = {ind.text}" if ind.kind else ind.text


def years_text(years: list[int] | None) -> str:
    if not years:
        return ""
    if len(years) == 1:
        return f"An {years[0]}"
    if years == list(range(years[0], years[-1] + 1)):
        if len(years) == 2:
            return f"Ans {years[0]} et {years[1]}"
        return f"An {years[0]} à {years[-1]}"
    return "Ans " + ", ".join(str(y) for y in years)


def plan_years(plan: CorpusPlan) -> int:
    d = plan.draft
    if d.period_start and d.period_end:
        return max(1, d.period_end.year - d.period_start.year + (d.period_end.month >= 12))
    found = [y for a in d.iter_actions() for y in (a.schedule_years or [])]
    return max(found, default=5)


def project(
    plan: CorpusPlan,
    *,
    actors: bool = True,
    results: bool = True,
    indicators: bool = True,
    years: bool = True,
    timing: bool = True,
    status: bool = True,
    progress: bool = True,
    codes: bool = True,
    statements: bool = True,
) -> CorpusPlan:
    """A copy of the plan keeping only what the layout prints."""
    out = plan.copy()
    d = out.draft
    if not statements:
        d.mission = d.vision = d.global_objective = None
        d.values, d.mandates = [], []
    for o in d.orientations:
        if not codes:
            o.code = None
        for ob in o.objectives:
            if not codes:
                ob.code, ob.kind = None, None
            if not indicators:
                ob.indicators = []
            for a in ob.actions:
                if not codes:
                    a.code = None
                if not actors:
                    a.actors = []
                if not results:
                    a.expected_results = []
                if not indicators:
                    a.indicators = []
                if not years:
                    a.schedule_years = None
                if not timing:
                    a.timing = None
                if not status:
                    a.status = None
                if not progress or not status:
                    a.progress_note = None
    return out


def statement_blocks(plan: CorpusPlan) -> list[tuple[str, list[str]]]:
    """(label, paragraphs or list items) for mission, vision, values and mandates."""
    d, s = plan.draft, plan.style
    year = d.period_start.year if d.period_start else 2024
    dated = s.statements == "caps-dated"
    out: list[tuple[str, list[str]]] = []
    if d.mission:
        out.append((f"MISSION ADOPTÉE EN AG, JUIN {year - 1}" if dated else "Mission", [d.mission]))
    if d.vision:
        out.append(("VISION" if dated else "Vision", [d.vision]))
    if d.values:
        out.append(("NOS VALEURS" if dated else "Valeurs", list(d.values)))
    if d.mandates:
        out.append(("NOS MANDATS" if dated else "Mandats", list(d.mandates)))
    return out


def toc_entries(plan: CorpusPlan) -> list[str]:
    entries = ["Mot de la présidence", "Introduction", "Mission et valeurs"]
    entries += [f"{or_label(plan.style, o)}{o.title}".strip() for o in plan.draft.orientations]
    return entries


BASE_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: counter(page); font-size: 8pt; color: #555; } }
body { font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #222; }
h1 { font-size: 20pt; color: #1d4e89; margin: 0 0 4mm 0; }
h2 { font-size: 13pt; color: #1d4e89; }
.org { font-size: 12pt; color: #555; margin-bottom: 6mm; }
.pagebreak { page-break-after: always; }
"""


def preamble_html(plan: CorpusPlan) -> str:
    """Introduction, mot de la présidence, table des matières: text a plan carries, not items."""
    s = plan.style
    parts: list[str] = []
    if "presidence" in s.preamble:
        parts.append("<section><h2>Mot de la présidence</h2>")
        parts += [f"<p>{esc(p)}</p>" for p in s.presidency]
        parts.append("<p>Claudine Bergeron, présidente</p></section>")
    if "intro" in s.preamble:
        parts.append("<section><h2>Introduction</h2>")
        parts += [f"<p>{esc(p)}</p>" for p in s.intro]
        parts.append("</section>")
    if "toc" in s.preamble:
        parts.append("<section><h2>Table des matières</h2><ul class='toc'>")
        parts += [
            f"<li>{esc(e)} <span class='pg'>{k + 2}</span></li>"
            for k, e in enumerate(toc_entries(plan))
        ]
        parts.append("</ul></section>")
    return "\n".join(parts)


def statements_html(plan: CorpusPlan) -> str:
    parts = []
    for label, items in statement_blocks(plan):
        if label.lower().startswith(("valeurs", "mandats", "nos ")):
            body = "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"
        else:
            body = "".join(f"<p>{esc(i)}</p>" for i in items)
        parts.append(f"<div class='stmt'><h3>{esc(label)}</h3>{body}</div>")
    return "\n".join(parts)


def summary_html(plan: CorpusPlan) -> str:
    if not plan.style.summary_list:
        return ""
    items = "".join(f"<li>{esc(o.title)}</li>" for o in plan.draft.orientations)
    return f"<section class='summary'><h2>Nos orientations en bref</h2><ol>{items}</ol></section>"


def html_to_pdf(document: str) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=document).write_pdf())


WEB_CSS = """
@page { size: A4; margin: 12mm; @bottom-right { content: counter(page) "/" counter(pages);
  font-size: 7pt; } @top-left { content: "Plan d'action – site Web"; font-size: 7pt; color: #888; } }
header.site { border-bottom: 2pt solid #2a7; padding-bottom: 2mm; }
header.site .logo { font-weight: bold; font-size: 12pt; color: #2a7; }
nav.menu ul { list-style: none; padding: 0; margin: 1mm 0; }
nav.menu li { display: inline; margin-right: 4mm; font-size: 8.5pt; }
nav.crumbs { font-size: 8pt; color: #666; margin: 2mm 0 4mm 0; }
main h2 { border-bottom: 1px solid #ccc; }
main li { margin-bottom: 1.5mm; }
footer.site { border-top: 1px solid #ccc; margin-top: 8mm; font-size: 8pt; color: #555; }
footer.site ul { list-style: none; padding: 0; }
footer.site li { display: inline; margin-right: 3mm; }
"""


def web_page(plan: CorpusPlan, main: str, *, page_title: str, crumb: str) -> str:
    """A public site's page around `main`: menu, breadcrumbs, footer (text a copy keeps)."""
    from .vocab import NAV_ITEMS

    d = plan.draft
    menu = "".join(f"<li><a href='#'>{esc(n)}</a></li>" for n in NAV_ITEMS)
    year = d.period_start.year + 1 if d.period_start else 2025
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>{esc(page_title)} | {esc(d.organization)}</title><style>{WEB_CSS}</style></head><body>
<header class="site"><div class="logo">{esc(d.organization)}</div>
<nav class="menu" aria-label="Menu principal"><ul>{menu}</ul></nav>
<form class="search"><label>Rechercher</label> <input type="search"></form></header>
<nav class="crumbs" aria-label="Fil d'Ariane">Accueil › Documents › {esc(crumb)}</nav>
<main>{main}</main>
<footer class="site"><p>{esc(d.organization)} · 245, rue Principale, bureau 3 · 819 555-0142</p>
<ul><li>Facebook</li><li>LinkedIn</li><li>S'abonner à l'infolettre</li><li>Politique de confidentialité</li></ul>
<p>© {year} Tous droits réservés · Site réalisé avec le soutien de nos partenaires financiers</p>
</footer></body></html>"""
