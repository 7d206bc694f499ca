"""The HELD-OUT layouts. Whoever tunes the recognizer must not read this module nor look at
what it renders (see bench/corpus/README.md): these layouts measure generality only because
nobody tuned on them.
"""

from __future__ import annotations

import random

from .plans import CorpusPlan
from .render import (
    BASE_CSS,
    STATUS_WORDS,
    Rendered,
    esc,
    html_to_pdf,
    ob_label,
    or_label,
    preamble_html,
    project,
)
from .vocab import GLOSSARY

# --- status_table: OBJECTIFS | ACTIONS | ÉCHÉANCIER | ÉTAT D'AVANCEMENT -------------------

STATUS_CSS = """
h2.or { font-size: 11pt; color: #333; margin: 6mm 0 2mm 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin-bottom: 4mm; }
th, td { border: 0.6pt solid #888; padding: 1.5mm; vertical-align: top; }
th { background: #e8e8e8; }
td p { margin: 0 0 1.2mm 0; }
.gl td { border: none; padding: 0.5mm 2mm; }
"""


def build_status_table(plan: CorpusPlan, rng: random.Random) -> Rendered:
    truth = project(
        plan, actors=False, results=False, indicators=False, years=False, statements=False
    )
    s, d = truth.style, truth.draft
    for ob in (ob for o in d.orientations for ob in o.objectives):
        ob.code, ob.kind = None, None
        for a in ob.actions:
            a.code = None
    per_cell = rng.random() < 0.7
    d.glossary = dict(GLOSSARY) if rng.random() < 0.6 else {}
    head = (
        "<tr><th>OBJECTIFS</th><th>ACTIONS</th><th>ÉCHÉANCIER</th><th>ÉTAT D'AVANCEMENT</th></tr>"
    )
    body = [f"<h1>{esc(d.title)}</h1><div class='org'>{esc(d.organization)}</div>"]
    pre = preamble_html(truth)
    if pre:
        body.append(pre)
    if d.period_start:
        body.append(f"<p>Mise à jour : {d.period_start.year + 1}-03-15</p>")

    def status_text(a_status: str | None, note: str | None) -> str:
        word = STATUS_WORDS[a_status] if a_status else ""
        return f"{word} – {note}" if note and word else word

    for o in d.orientations:
        body.append(f"<h2 class='or'>{esc(or_label(s, o))}{esc(o.title)}</h2>")
        body.append(f"<table><thead>{head}</thead><tbody>")
        for ob in o.objectives:
            if per_cell:
                acts = "".join(f"<p>- {esc(a.title)}</p>" for a in ob.actions)
                when = "".join(f"<p>{esc(a.timing or '')}</p>" for a in ob.actions)
                state = "".join(
                    f"<p>{esc(status_text(a.status, a.progress_note))}</p>" for a in ob.actions
                )
                body.append(
                    f"<tr><td>{esc(ob_label(s, ob))}{esc(ob.title)}</td><td>{acts}</td>"
                    f"<td>{when}</td><td>{state}</td></tr>"
                )
            else:
                for k, a in enumerate(ob.actions):
                    first = f"{esc(ob.title)}" if k == 0 else ""
                    body.append(
                        f"<tr><td>{first}</td><td>- {esc(a.title)}</td><td>{esc(a.timing or '')}</td>"
                        f"<td>{esc(status_text(a.status, a.progress_note))}</td></tr>"
                    )
        body.append("</tbody></table>")
    if d.glossary:
        body.append("<h2>Liste des acronymes</h2><table class='gl'>")
        body += [f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in d.glossary.items()]
        body.append("</table>")
    doc = (
        f"<html lang='fr'><head><meta charset='utf-8'><style>{BASE_CSS + STATUS_CSS}</style>"
        f"</head><body>{''.join(body)}</body></html>"
    )
    return Rendered(truth, {"pdf": html_to_pdf(doc)})


# --- slides: one landscape page per orientation ---------------------------------------------

SLIDES_CSS = """
@page { size: 254mm 142.9mm; margin: 0; }
body { font-family: 'DejaVu Sans', sans-serif; margin: 0; }
.slide { width: 254mm; height: 142.9mm; page-break-after: always; position: relative;
  overflow: hidden; box-sizing: border-box; padding: 8mm 10mm; }
.slide h1 { font-size: 24pt; color: #8a1c4a; margin-top: 30mm; }
.bar { background: #8a1c4a; color: white; margin: -8mm -10mm 5mm -10mm; padding: 4mm 10mm; }
.bar .num { font-size: 11pt; letter-spacing: 1pt; }
.bar .t { font-size: 15pt; font-weight: bold; }
.cols { display: flex; gap: 5mm; }
.col { flex: 1; background: #f6eef2; padding: 3mm; font-size: 8.5pt; }
.col h3 { font-size: 9.5pt; margin: 0 0 2mm 0; color: #8a1c4a; }
.col ul { padding-left: 4mm; margin: 0; }
.foot { position: absolute; bottom: 4mm; left: 10mm; right: 10mm; font-size: 7pt; color: #777; }
.foot .n { float: right; }
"""


def build_slides(plan: CorpusPlan, rng: random.Random) -> Rendered:
    truth = project(
        plan, actors=False, results=False, indicators=False, years=False, timing=False, status=False
    )
    s, d = truth.style, truth.draft
    for ob in (ob for o in d.orientations for ob in o.objectives):
        for a in ob.actions:
            a.code = None
    slides = [f"<div class='slide'><h1>{esc(d.title)}</h1><p>{esc(d.organization)}</p></div>"]
    if d.mission or d.values:
        inner = ""
        if d.mission:
            inner += f"<div class='col'><h3>Notre mission</h3><p>{esc(d.mission)}</p></div>"
        if d.values:
            vals = "".join(f"<li>{esc(v)}</li>" for v in d.values)
            inner += f"<div class='col'><h3>Nos valeurs</h3><ul>{vals}</ul></div>"
        slides.append(
            "<div class='slide'><div class='bar'><span class='t'>Qui sommes-nous</span></div>"
            f"<div class='cols'>{inner}</div></div>"
        )
        d.vision, d.mandates = None, []
    for k, o in enumerate(d.orientations, 1):
        # columns of at most 6 actions, at most 3 columns a slide: a long orientation goes on
        # over further slides ("(suite)"), an objective cut in two repeats its heading
        columns: list[str] = []
        for ob in o.objectives:
            head = f"{esc(ob_label(s, ob))}{esc(ob.title)}"
            chunks = [ob.actions[i : i + 6] for i in range(0, len(ob.actions), 6)] or [[]]
            for c, chunk in enumerate(chunks):
                acts = "".join(f"<li>{esc(a.title)}</li>" for a in chunk)
                suite = " (suite)" if c else ""
                columns.append(f"<div class='col'><h3>{head}{suite}</h3><ul>{acts}</ul></div>")
        label = (or_label(s, o).strip(" :–.") or f"Orientation {k}") if o.code else ""
        for g in range(0, len(columns), 3):
            suite = " (suite)" if g else ""
            slides.append(
                f"<div class='slide'><div class='bar'><div class='num'>{esc(label)}{suite}</div>"
                f"<div class='t'>{esc(o.title)}</div></div><div class='cols'>{''.join(columns[g : g + 3])}</div>"
                f"<div class='foot'>{esc(d.organization)} · {esc(d.title)}<span class='n'>{len(slides) + 1}</span></div></div>"
            )
    doc = (
        f"<html lang='fr'><head><meta charset='utf-8'><style>{SLIDES_CSS}</style></head>"
        f"<body>{''.join(slides)}</body></html>"
    )
    return Rendered(truth, {"pdf": html_to_pdf(doc)})


# --- slide_flat: a slide's text pasted as one paragraph -------------------------------------


def build_slide_flat(plan: CorpusPlan, rng: random.Random) -> Rendered:
    truth = project(
        plan,
        actors=False,
        results=False,
        indicators=False,
        years=False,
        timing=False,
        status=False,
        statements=False,
    )
    s, d = truth.style, truth.draft
    bullet = rng.choice(["• ", "- ", "▪ ", ""])
    for ob in (ob for o in d.orientations for ob in o.objectives):
        for a in ob.actions:
            a.code = None
    parts = []
    for o in d.orientations:
        words = [f"{or_label(s, o)}{o.title}"]
        for ob in o.objectives:
            words.append(f"{ob_label(s, ob)}{ob.title}")
            words += [f"{bullet}{a.title}" for a in ob.actions]
        parts.append(" ".join(words))
    one_paragraph = rng.random() < 0.5
    body = " ".join(parts) if one_paragraph else "\n\n".join(parts)
    text = f"{d.title}\n\n{body}\n"
    return Rendered(truth, {"txt": text.encode("utf-8")})


# --- summary_page: the whole plan on one landscape page -------------------------------------

SUMMARY_CSS = """
@page { size: A4 landscape; margin: 8mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; }
h1 { font-size: 14pt; text-align: center; margin: 0; color: #0a5a5a; }
.org { text-align: center; font-size: 9pt; margin-bottom: 3mm; }
.grid { display: flex; gap: 3mm; }
.or { flex: 1; border-top: 3pt solid #0a5a5a; padding-top: 1.5mm; }
.or h2 { font-size: 8pt; margin: 0 0 2mm 0; color: #0a5a5a; }
.ob { font-weight: bold; margin: 2mm 0 0.8mm 0; }
.or ul { padding-left: 3mm; margin: 0; }
"""


def build_summary_page(plan: CorpusPlan, rng: random.Random) -> Rendered:
    truth = project(
        plan,
        actors=False,
        results=False,
        indicators=False,
        years=False,
        timing=False,
        status=False,
        codes=False,
        statements=False,
    )
    d = truth.draft
    for o in d.orientations:
        o.title = o.title.upper()
    cols = []
    for o in d.orientations:
        inner = [f"<h2>{esc(o.title)}</h2>"]
        for ob in o.objectives:
            inner.append(f"<p class='ob'>{esc(ob.title)}</p><ul>")
            inner += [f"<li>{esc(a.title)}</li>" for a in ob.actions]
            inner.append("</ul>")
        cols.append(f"<div class='or'>{''.join(inner)}</div>")
    doc = (
        f"<html lang='fr'><head><meta charset='utf-8'><style>{SUMMARY_CSS}</style></head><body>"
        f"<h1>{esc(d.title)}</h1><div class='org'>{esc(d.organization)}</div>"
        f"<div class='grid'>{''.join(cols)}</div></body></html>"
    )
    return Rendered(truth, {"pdf": html_to_pdf(doc)})


# --- bilan_web: a progress page where the section gives each action's status ---------------

SECTIONS = [
    ("completed", "Réalisations"),
    ("in_progress", "En cours"),
    ("in_preparation", "En préparation"),
    ("postponed", "Reportées"),
    ("not_started", "À venir"),
]


def build_bilan_web(plan: CorpusPlan, rng: random.Random) -> Rendered:
    from .render import web_page

    truth = project(
        plan,
        actors=False,
        results=False,
        indicators=False,
        years=False,
        timing=False,
        progress=False,
    )
    s, d = truth.style, truth.draft
    year = rng.randint(1, 3)
    main = [f"<h1>Bilan de l'an {year} – {esc(d.title)}</h1>"]
    main.append(f"<p>{esc(s.intro[0])}</p>")
    for o in d.orientations:
        main.append(f"<h2>{esc(or_label(s, o))}{esc(o.title)}</h2>")
        for ob in o.objectives:
            main.append(f"<h3>{esc(ob_label(s, ob))}{esc(ob.title)}</h3>")
            ordered = []
            for status, heading in SECTIONS:
                acts = [a for a in ob.actions if (a.status or "not_started") == status]
                for a in acts:
                    a.status = status
                    a.code = None
                ordered += acts
                if acts:
                    items = "".join(f"<li>{esc(a.title)}</li>" for a in acts)
                    main.append(f"<h4>{heading}</h4><ul>{items}</ul>")
            ob.actions = ordered
    page = web_page(truth, "".join(main), page_title="Bilan", crumb=f"Bilan de l'an {year}")
    return Rendered(truth, {"html": page.encode("utf-8"), "pdf": html_to_pdf(page)})


# --- gov_indicators: objectives carrying indicators, no actions -----------------------------

GOV_CSS = """
@page { size: A4; margin: 15mm; @bottom-left { content: "Plan stratégique"; font-size: 7pt; }
  @bottom-right { content: counter(page); font-size: 7pt; } }
h2.enj { font-size: 11pt; background: #eee; padding: 2mm; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; margin-bottom: 4mm; }
th, td { border: 0.5pt solid #999; padding: 1.5mm; vertical-align: top; }
th { background: #345; color: white; }
td p { margin: 0 0 1mm 0; }
"""


def build_gov_indicators(plan: CorpusPlan, rng: random.Random) -> Rendered:
    from .vocab import ACTORS

    truth = project(plan, statements=False)
    d = truth.draft
    word = rng.choice(["Enjeu", "Orientation", "Axe"])
    body = [f"<h1>{esc(d.title)}</h1><div class='org'>{esc(d.organization)}</div>"]
    body.append(preamble_html(truth))
    for k, o in enumerate(d.orientations, 1):
        o.code = str(k)
        body.append(f"<h2 class='enj'>{word} {k} – {esc(o.title)}</h2>")
        body.append(
            "<table><thead><tr><th>OBJECTIFS</th><th>INDICATEURS ET CIBLES</th>"
            "<th>RESPONSABLE</th></tr></thead><tbody>"
        )
        for j, ob in enumerate(o.objectives, 1):
            ob.code, ob.kind = f"{k}.{j}", None
            inds = "".join(f"<p>{esc(i.text)}</p>" for i in ob.indicators)
            for i in ob.indicators:
                i.kind = None
            body.append(
                f"<tr><td>Objectif {ob.code} : {esc(ob.title)}</td><td>{inds}</td>"
                f"<td>{esc(rng.choice(ACTORS))}</td></tr>"
            )
        body.append("</tbody></table>")
    doc = (
        f"<html lang='fr'><head><meta charset='utf-8'><style>{BASE_CSS + GOV_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )
    return Rendered(truth, {"pdf": html_to_pdf(doc)})
