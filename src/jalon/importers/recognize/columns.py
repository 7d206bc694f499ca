"""Column headers: which column of a plan table holds what, read from its header words.

Plans name their columns in many ways ("MOYENS D'ACTION", "Actions", "Activités";
"ACTEURS", "Responsable(s)", "Porteurs"; "ÉCHÉANCE", "Échéancier", "An 1"…), in French or
English. `role_of_header` maps one header cell to a role; `header_roles` finds the roles, in
order, in header text that PDF extraction spread over several lines.
"""

from __future__ import annotations

import re

from ..textutil import fold, memoized

ORIENTATION = "orientation"
OBJECTIVE = "objective"
ACTION = "action"
ACTORS = "actors"
SCHEDULE = "schedule"
YEAR = "year"
RESULTS = "results"
INDICATORS = "indicators"
STATUS = "status"
NOTES = "notes"
CODE = "code"

# (role, folded regular expression of the header wording); first match wins, so specific
# wordings come before general ones.
_ROLE_PATTERNS: list[tuple[str, str]] = [
    (
        INDICATORS,
        r"indicateurs?(?: (?:de suivi|de resultats?|de performance|de rendement|de reussite))?|indicators?|kpis?|mesures? de (?:suivi|resultats?)|moyens? de verification",
    ),
    (
        RESULTS,
        r"resultats? (?:attendus?|vises?|escomptes?)|effets? (?:attendus?|vises?)|cibles?|"
        r"retombees?(?: attendues?)?|livrables?|expected (?:results?|outcomes?)|outcomes?|"
        r"targets?|deliverables?|results?|resultats?",
    ),
    (
        STATUS,
        r"etat d'avancement|etat de (?:realisation|situation)|etat|statut|avancement|"
        r"progression|realisations?|suivi(?: de realisation)?|bilan|status|progress",
    ),
    (NOTES, r"commentaires?|remarques?|observations?|notes?|comments?|precisions?"),
    (
        ACTORS,
        r"acteurs?|responsables?(?: ?/ ?partenaires?)?|porteurs?(?: de dossiers?)?|"
        r"partenaires?(?: impliques)?|collaborateurs?|qui|mandataires?|lead|owners?|"
        r"responsib(?:le|ility)|who|partners?|intervenants?|personnes? responsables?",
    ),
    (YEAR, r"(?:an|annee|year|yr)s? ?\d{1,2}|(?:19|20)\d\d(?: ?[-/] ?(?:19|20)?\d\d)?"),
    (
        SCHEDULE,
        r"echeances?|echeanciers?|calendrier|quand|periodes?|dates?|durees?|"
        r"timelines?|deadlines?|when|timing|due(?: date)?|schedule|horizon|"
        r"annees? de realisation|echeance ?/ ?annees?",
    ),
    (
        ORIENTATION,
        r"orientations?(?: strategiques?)?|axes?(?: strategiques?)?|enjeux?|"
        r"priorites?|champs? d'action|domaines?(?: d'action)?|goals?|strategic (?:directions?|priorities)|themes?",
    ),
    (
        OBJECTIVE,
        r"objectifs?(?: (?:specifiques?|generaux|general|principaux|secondaires|operationnels?|strategiques?))?|"
        r"objectives?|buts?|aims?",
    ),
    (
        ACTION,
        r"moyens?(?: d'actions?)?|actions?(?: (?:prevues?|a realiser|concretes?))?|activites?|"
        r"mesures?|strategies?|taches?|initiatives?|interventions?|activities|tasks?|means|steps?|projets?",
    ),
    (CODE, r"n[o°º]?\.?|#|numeros?|codes?|id|ref\.?|references?"),
]
_ROLE_RE = [(role, re.compile(rf"^(?:{pat})$")) for role, pat in _ROLE_PATTERNS]
_ROLE_SEARCH = [(role, re.compile(rf"(?<![\w])(?:{pat})(?![\w])")) for role, pat in _ROLE_PATTERNS]

# Words that may fill out a header line without being content ("(priorisés)", "Mise en œuvre (MO)").
_HEADER_FILLER = frozenset(
    [
        "de",
        "du",
        "des",
        "la",
        "le",
        "les",
        "l",
        "d",
        "et",
        "ou",
        "en",
        "a",
        "au",
        "aux",
        "par",
        "pour",
        "sur",
        "/",
        "-",
        ":",
        "(",
        ")",
        "mise",
        "oeuvre",
        "œuvre",
        "suivi",
        "principaux",
        "principales",
        "secondaires",
        "specifiques",
        "generaux",
        "general",
        "operationnels",
        "prioritises",
        "priorises",
        "priorise",
        "attendus",
        "attendu",
        "vises",
        "strategiques",
        "strategique",
        "d'action",
        "d'avancement",
        "avancement",
        "p",
        "s",
        "mo",
        "r",
        "i",
        "an",
        "ans",
        "annee",
        "annees",
        "year",
        "years",
        "no",
        "n°",
        "#",
        "qui",
        "quand",
        "comment",
        "ou",
        "realisation",
        "responsable",
        "responsables",
        "partenaires",
        "partenaire",
        "implique",
        "impliques",
        "concretes",
        "prevues",
        "a",
        "realiser",
        "echeance",
        "echeancier",
        "echeances",
    ]
)


@memoized(4096)
def role_of_header(text: str) -> str | None:
    """The role a table header cell names, or None."""
    f = fold(text).strip(" :.*")
    f = re.sub(r"\([^)]*\)", "", f).strip()
    f = re.sub(r"\s+", " ", f)
    # "État d'avancement au 31 janvier", "Status as of March 31": the date names no column
    f = re.sub(
        r" (?:au|en date du|as of|at) (?:\d{1,2}(?:er)? [a-z]+\.?(?: \d{4})?|[a-z]+\.? \d{1,2}(?:,? \d{4})?|\d{4}-\d\d-\d\d)$",
        "",
        f,
    )
    if not f or len(f) > 60:
        return None
    for role, rx in _ROLE_RE:
        if rx.match(f):
            return role
    # "Actions / moyens", "Échéance (année)": the first known wording decides
    for part in re.split(r"\s*(?:/|\||\bet\b|&|\n)\s*", f):
        for role, rx in _ROLE_RE:
            if part and rx.match(part.strip()):
                return role
    return None


def header_line_roles(text: str) -> list[str] | None:
    """Roles named by a line made only of header wording, in order; None for a content line."""
    found = _header_line_roles(text)
    return list(found) if found is not None else None


@memoized(8192)
def _header_line_roles(text: str) -> tuple[str, ...] | None:
    f = fold(text)
    f = re.sub(r"\s+", " ", f).strip(" :")
    if not f or len(f) > 160:
        return None
    # legends such as "Principaux (P)", "Mise en œuvre (MO)", "Résultats (R)" name no column
    f = re.sub(r"(?<![\w'])(?:[\w']+ ){0,2}[\w']+ ?\((?:p|s|mo|r|i|ir|imo)\)", " ", f)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for role, rx in _ROLE_SEARCH:
        for m in rx.finditer(f):
            if m.end() == m.start():
                continue
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), role))
    rest = f
    for s, e in sorted(taken, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    leftover = [w for w in re.findall(r"[\w'’]+|\S", rest) if w not in _HEADER_FILLER]
    leftover = [w for w in leftover if not re.fullmatch(r"\d{1,2}|[(),:;/.-]", w)]
    if leftover:
        return None
    found.sort()
    roles = [r for _, _, r in found]
    if not roles and re.fullmatch(r"[\d\s()pSsmor]*|an|ans", f):
        return ()
    return tuple(roles)
