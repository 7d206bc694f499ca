"""The fields an action's labelled lines name: "Responsable(s) :", "Échéance :", "Résultats
attendus :", "Indicateurs :", "État :", "Lead:", "Timeline:"… (French first, English second).

Shared by every recognizer that reads labels: the outline (labelled lines), the tables (a
labelled line inside a cell) and the structure stage (a title holding another column).
"""

from __future__ import annotations

import re

FIELD_LABELS: list[tuple[str, str]] = [
    (
        "indicators",
        r"indicateurs?(?:\s+de\s+(?:suivi|r[ée]sultats?|performance|rendement))?|indicators?|kpis?|mesures?\s+de\s+suivi",
    ),
    (
        "results",
        r"r[ée]sultats?(?:\s+(?:attendus?|vis[ée]s?|escompt[ée]s?))?|effets?\s+(?:attendus?|vis[ée]s?)|cibles?|livrables?|"
        r"retomb[ée]es?(?:\s+attendues?)?|expected\s+(?:results?|outcomes?)|outcomes?|deliverables?|targets?",
    ),
    (
        "actors",
        r"responsables?|porteurs?(?:\s+de\s+dossiers?)?|acteurs?|partenaires?(?:\s+impliqu[ée]s)?|collaborateurs?|"
        r"qui|mandataires?|intervenants?|lead|responsible|owners?|partners?|who",
    ),
    (
        "schedule",
        r"[ée]ch[ée]ances?|[ée]ch[ée]anciers?|calendrier|p[ée]riodes?|quand|dur[ée]e|ann[ée]es?\s+de\s+r[ée]alisation|"
        r"timelines?|deadlines?|when|due(?:\s+date)?|timing",
    ),
    (
        "status",
        r"[ée]tat(?:\s+d['’]avancement)?|statut|avancement|[ée]tat\s+de\s+r[ée]alisation|status|progress",
    ),
    ("notes", r"commentaires?|remarques?|observations?|comments?|pr[ée]cisions?"),
]
FIELD_RE = [
    (
        name,
        re.compile(
            rf"^\s*(?:{pat})\s*(?:\([^)]{{0,20}}\))?\s*(?:[:=]\s*|[–—]\s+|$)(?P<rest>.*)$",
            re.IGNORECASE,
        ),
    )
    for name, pat in FIELD_LABELS
]
INLINE_FIELD = re.compile(
    r"(?:\s*(?:\||;|—|–|\()\s*|\s+)(?=[A-ZÀ-Ý])(?=(?i:"
    + "|".join(p for _, p in FIELD_LABELS)
    + r")\s*(?:\([^)]{0,20}\))?\s*[:=])"
)


def field_of(text: str) -> tuple[str, str] | None:
    """The field a labelled line names and the text after its label ("Échéance : 2024" →
    ("schedule", "2024")), or None."""
    t = text.strip()
    if not t or len(t) < 3:
        return None
    for name, rx in FIELD_RE:
        m = rx.match(t)
        if m:
            rest = m.group("rest").strip()
            label_part = t[: len(t) - len(m.group("rest"))] if m.group("rest") else t
            # a bare word alone on its line counts only when it looks like a label
            if (
                not rest
                and not re.search(r"[:=]\s*$", label_part)
                and not (t[:1].isupper() and len(t) <= 40)
            ):
                return None
            if (
                not rest
                and not re.search(r"[:=]", label_part)
                and name in ("actors", "notes", "status")
            ):
                return None
            return name, rest
    return None
