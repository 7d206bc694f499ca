"""The plan's frame: title, organization, period, fiscal year, update date, statements, glossary.

These are found by their labels ("Mission :", "Mise à jour :", "OBJECTIF GLOBAL :", "Liste des
sigles…") and by the usual ways plans write their years ("PLAN D'ACTION 2017-2022", "An 1 =
2017/07/01 au 2018/06/30", "(juillet à juin)"). Each line used here is marked so the tree
recognizers leave it alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..lexicon import ACRONYM_SKIPPED
from ..textutil import (
    MONTH_RE,
    MONTHS,
    clean,
    fold,
    is_caps,
    join_lines,
    list_item,
    openness,
    parse_date,
    starts_lower,
    strip_bullet,
)
from .layout import ORIENTATION_RE, Layout


@dataclass
class Frame:
    title: str = ""
    organization: str = ""
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    fiscal_year_start_month: int | None = None
    updated_on: dt.date | None = None
    mission: str | None = None
    vision: str | None = None
    global_objective: str | None = None
    values: list[str] = field(default_factory=list)
    mandates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)


_PLAN_TITLE = re.compile(
    r"\b(?:plan(?:s)? d['’ ]\s*actions?|plan (?:strat[ée]gique|triennal|quinquennal|annuel|de travail|"
    r"d'intervention|de d[ée]veloppement)|programmation|action plan|strategic plan|work ?plan)\b",
    re.IGNORECASE,
)
_YEARS = re.compile(r"\b((?:19|20)\d\d)\s*(?:[-–/]|à|au|to)\s*((?:19|20)?\d\d)\b")
_ONE_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_UPDATED = re.compile(
    r"^\s*(?:derni[èe]re\s+)?(?:mise\s+[àa]\s+jour|mis\s+[àa]\s+jour|m\.?\s*[àa]\.?\s*j\.?|r[ée]vis[ée]e?|"
    r"r[ée]vision|version\s+du|en\s+date\s+du|updated|last\s+updated|revised|"
    r"(?:[ée]tat\s+(?:d['’]\s*avancement|de\s+(?:situation|r[ée]alisation))|bilan|suivi|status)\s+(?:au|as\s+of))"
    r"\s*(?:le|du|on)?\s*[:：-]?\s*(.+)$",
    re.IGNORECASE,
)
_AN1 = re.compile(
    r"\b(?:an|ann[ée]e|year)\s*1\s*[=:]\s*(?:du\s+)?(.{6,40}?)\s+(?:au|à|to|-|–)\s+(.{6,40}?)(?:[,;]|$)",
    re.IGNORECASE,
)
_MONTH_SPAN = re.compile(
    rf"\(?\s*(?:du\s+)?(?:1er\s+)?({MONTH_RE})\.?\s+(?:au|à|a|to|-|–)\s+(?:\d{{1,2}}\s+)?({MONTH_RE})\.?\s*\)?",
    re.IGNORECASE,
)
_FISCAL = re.compile(
    rf"(?:ann[ée]e\s+financi[èe]re|exercice(?:\s+financier)?|fiscal\s+year)[^.]{{0,40}}?(?:1er|premier|first)?\s*({MONTH_RE})",
    re.IGNORECASE,
)
_LABELS: list[tuple[str, str]] = [
    (
        "global_objective",
        r"objectif\s+(?:g[ée]n[ée]ral|global|ultime)|but\s+(?:g[ée]n[ée]ral|global)|overall\s+(?:goal|objective)",
    ),
    ("mission", r"(?:notre\s+)?mission|raison\s+d['’]\s*[êe]tre"),
    ("vision", r"(?:notre\s+)?vision"),
    ("values", r"(?:nos\s+)?valeurs|values"),
    ("mandates", r"(?:nos\s+)?mandats?|mandates?|r[ôo]les?\s+et\s+mandats?"),
]
# what may follow a statement's label: when or how it was adopted ("MISSION ADOPTÉE EN AG,
# JUIN 2019", "Vision (révisée en 2021)", "Mandats, 2020")
_LABEL_QUALIFIER = (
    r"(?:\s*[,(]?\s*(?:adopt[ée]e?s?|r[ée]vis[ée]e?s?|approuv[ée]e?s?|actualis[ée]e?s?|"
    r"mise?s?\s+[àa]\s+jour|adopted|revised|updated|approved)\b[^:]{0,60}?\)?"
    r"|\s*[,(]\s*(?:[^\W\d_]+\.?\s+)?(?:19|20)\d\d\s*\)?)?"
)
_LABEL_RE = [
    (
        key,
        re.compile(
            rf"^\s*(?:(?:la|le|les|our|the)\s+)?(?:{pat}){_LABEL_QUALIFIER}\s*(?:[:：–—-]\s*(.*))?$",
            re.IGNORECASE,
        ),
    )
    for key, pat in _LABELS
]
_NOTE_RE = re.compile(
    r"^\s*(?:n\.?\s?b\.?|note|notes|remarque|nota)\s*[:：]\s*(.+)$", re.IGNORECASE
)
GLOSSARY_HEAD = re.compile(
    r"^\s*(?:liste\s+des\s+)?(?:sigles|acronymes|abr[ée]viations|glossaire|lexique|list\s+of\s+acronyms|acronyms|abbreviations|glossary)\b.{0,60}$",
    re.IGNORECASE,
)
_ACRONYM = r"[A-ZÀ-Ý][A-ZÀ-Ý0-9&'’]{1,11}(?:-[A-ZÀ-Ý]{1,6})?s?"
_GLOSSARY_ENTRY = re.compile(rf"^\s*({_ACRONYM})\s*(?:[:：=–—-]|\t|\s{{2,}})\s*(.{{3,200}})$")
# under a glossary heading, an acronym then its capitalized expansion, one space apart
_GLOSSARY_SPACED = re.compile(rf"^\s*({_ACRONYM})\s+([A-ZÀ-Ý].{{2,200}})$")
_INLINE_ACRONYM = re.compile(rf"\(({_ACRONYM})\)")


def extract_frame(layout: Layout) -> Frame:
    frame = Frame()
    lines = layout.lines
    _title(layout, frame)
    _labels(layout, frame)
    _glossary(layout, frame)
    _notes_section(layout, frame)
    _years(layout, frame)
    for i, line in enumerate(lines):
        if layout.skipped(i) or i in frame.used or line.cells is not None:
            continue
        text = clean(line.text)
        m = _UPDATED.match(text)
        if m and frame.updated_on is None:
            day = parse_date(m.group(1))
            if day:
                frame.updated_on = day
                frame.used.add(i)
                continue
        m = _NOTE_RE.match(text)
        if m:
            frame.notes.append(m.group(1).strip())
            frame.used.add(i)
    _inline_acronyms(layout, frame)
    return frame


def _title(layout: Layout, frame: Frame) -> None:
    lines = layout.lines
    first: int | None = None
    title_at: int | None = None
    for i, line in enumerate(lines[:80]):
        if layout.skipped(i) or not line.text.strip() or line.cells is not None:
            continue
        if ORIENTATION_RE.match(line.text):
            break
        if _is_menu(line.text):
            continue  # a site's menu names "Plan d'action" among its links
        if first is None:
            first = i
        if _PLAN_TITLE.search(line.text) and len(clean(line.text)) <= 160:
            frame.title = clean(line.text)
            frame.used.add(i)
            title_at = i
            break
    if title_at is not None and not _YEARS_SPAN.search(frame.title):
        # a menu's "Plan d'action" link, then the page's "PLAN D'ACTION 2022-2026": the one
        # naming the plan's years is the title
        for k in range(title_at + 1, min(len(lines), title_at + 40)):
            text = clean(lines[k].text)
            if lines[k].cells is not None or layout.skipped(k) or ORIENTATION_RE.match(text):
                continue
            if (
                _PLAN_TITLE.search(text)
                and _YEARS_SPAN.search(text)
                and len(text) <= 160
                and not _is_menu(lines[k].text)
            ):
                frame.used.discard(title_at)
                frame.title = text
                frame.used.add(k)
                title_at = k
                break
    if title_at is not None and not _YEARS_SPAN.search(frame.title):
        # "PLANIFICATION STRATÉGIQUE 2024-2029" over "Plan d'action": the line naming the
        # plan's years is the title, the other its subtitle
        for k in (title_at - 1, title_at + 1):
            if not (0 <= k < len(lines)) or lines[k].cells is not None or layout.skipped(k):
                continue
            text = clean(lines[k].text)
            if (
                _YEARS_SPAN.search(text)
                and len(text) <= 120
                and (is_caps(text) or lines[k].heading is not None)
                and not ORIENTATION_RE.match(text)
            ):
                frame.title = text
                frame.used.add(k)
                break
    if title_at is not None:
        # the title repeated below (a web page's title then its heading, a cover page then
        # the first page) is the title again, not a heading of the plan
        whole = fold(frame.title)
        head = fold(re.split(r"\s[|–—]\s", frame.title)[0])
        for k in range(title_at + 1, min(len(lines), title_at + 80)):
            if lines[k].cells is not None or k in frame.used:
                continue
            f = fold(clean(lines[k].text))
            if len(f) >= 8 and f in (whole, head):
                frame.used.add(k)
    if not frame.title and first is not None:
        # without a line naming a plan, only a title the format marks as such (a capitalised
        # first line may well be the first orientation of a one-page summary)
        text = clean(lines[first].text)
        level = lines[first].heading
        if len(text) <= 120 and level is not None and level <= 1:
            frame.title = text
            frame.used.add(first)
    if frame.title:
        m = re.match(
            r"^.*?\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?(?:\s*[:–—]|\s+-)\s+(.{4,120})$",
            frame.title,
        )
        if m and not _PLAN_TITLE.search(m.group(1)) and not _MONTH_SPAN.search(m.group(1)):
            frame.organization = m.group(1).strip()
        else:
            m = re.match(r"^(.{4,120}?)\s*[:–—-]\s*" + _PLAN_TITLE.pattern, frame.title, re.I)
            if m and not re.search(r"\d{4}", m.group(1)):
                frame.organization = m.group(1).strip()
    if not frame.organization and title_at is not None:
        _organization_near(layout, frame, title_at)


_YEARS_SPAN = re.compile(r"\b(?:19|20)\d\d\s*[-–/]\s*(?:19|20)?\d\d\b")
_MENU_GAP = re.compile(r"\s{3,}|\s[|•·]\s")


def _is_menu(text: str) -> bool:
    """A row of links: four or more short parts set apart by wide gaps or bars, or a
    breadcrumb ("Accueil › Documents › Plan d'action")."""
    if len(re.findall(r"\s[›>»]\s", text)) >= 2:
        return True
    parts = [p for p in _MENU_GAP.split(text.strip()) if p.strip()]
    return len(parts) >= 4 and all(len(p.split()) <= 4 for p in parts)


_ORG_WORDS = re.compile(
    r"^(?:la\s+|le\s+|l['’]\s*|the\s+)?(?:table|r[ée]seau|regroupement|corporation|consortium|conseil|comit[ée]|"
    r"association|centre|coalition|collectif|f[ée]d[ée]ration|alliance|chantier|forum|instance|"
    r"concertation|soci[ée]t[ée]|organisme|coop[ée]rative|fondation|council|network|coalition|"
    r"association|centre|center|committee|alliance|partnership|roundtable)\b",
    re.IGNORECASE,
)


def _organization_near(layout: Layout, frame: Frame, title_at: int) -> None:
    """The organization named on a line of its own just above or below the title."""
    lines = layout.lines
    near: list[int] = []
    for step in (-1, 1):
        k, seen = title_at + step, 0
        while 0 <= k < len(lines) and seen < 2:
            if layout.skipped(k) or lines[k].cells is not None:
                break
            if lines[k].text.strip():
                near.append(k)
                seen += 1
            k += step
    for k in near:
        text = clean(lines[k].text)
        if not (4 <= len(text) <= 150) or _PLAN_TITLE.search(text) or ORIENTATION_RE.match(text):
            continue
        if _UPDATED.match(text) or any(rx.match(text) for _, rx in _LABEL_RE):
            continue
        if _ORG_WORDS.match(text) or re.search(r"\(" + _ACRONYM + r"\)\s*$", text):
            frame.organization = text
            frame.used.add(k)
            return


def _labels(layout: Layout, frame: Frame) -> None:
    lines = layout.lines
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if layout.skipped(i) or line.cells is not None or i in frame.used:
            i += 1
            continue
        text = clean(line.text)
        hit = None
        for key, rx in _LABEL_RE:
            m = rx.match(text)
            if m:
                hit = (key, (m.group(1) or "").strip())
                break
        if hit is None or (not hit[1] and len(text) > 70):
            i += 1
            continue
        key, rest = hit
        members = [i]
        body_lines: list[str] = [rest] if rest else []
        items: list[str] = []
        j = i + 1
        blank_run = 0
        while j < n:
            nxt = lines[j]
            if layout.skipped(j):
                j += 1
                continue
            if nxt.cells is not None:
                break
            t = clean(nxt.text)
            if not t:
                blank_run += 1
                if blank_run > 2 or (not body_lines and not items and blank_run > 1):
                    break
                j += 1
                continue
            if _starts_new_section(t) or any(rx.match(t) for _, rx in _LABEL_RE):
                break
            prev = body_lines[-1] if body_lines else (items[-1] if items else "")
            if blank_run and prev and not (starts_lower(t) or openness(prev) == 2):
                break
            item = list_item(nxt.text)
            if key in ("values", "mandates") and (nxt.bullet or item is not None):
                items.append(item if item is not None else t)
            elif (
                key in ("values", "mandates")
                and prev
                and not starts_lower(t)
                and openness(prev) < 2
                and not body_lines
            ):
                items.append(t)
            elif items and (starts_lower(t) or openness(items[-1]) == 2):
                items[-1] = join_lines([items[-1], t])
            else:
                body_lines.append(t)
            members.extend(range(i + 1, j + 1))
            blank_run = 0
            j += 1
        body = join_lines(body_lines)
        if not body and not items:
            i += 1
            continue
        frame.used.update(members)
        if key in ("values", "mandates"):
            values = items or [
                v.strip() for v in re.split(r"\s*[;,•·]\s*|\s+-\s+", body) if v.strip()
            ]
            if items and body:
                values = [*_split_list(body), *items]
            getattr(frame, key).extend(values)
        elif getattr(frame, key) is None:
            setattr(frame, key, body)
        i = j


def _split_list(text: str) -> list[str]:
    return [v.strip() for v in re.split(r"\s*[;,•·]\s*", text) if v.strip()]


def _starts_new_section(text: str) -> bool:
    return bool(
        ORIENTATION_RE.match(text)
        or GLOSSARY_HEAD.match(text)
        or re.match(r"^\s*(?:\d+(?:\.\d+)*[.)]|[A-Z]\d+\.|[IVX]{1,4}\.|[A-H]\.)\s", text)
        or (is_caps(text) and len(text) < 60 and not text.endswith((",", ":")))
    )


# A heading that opens a section of notes: "Notes", "Remarques", "Notes et définitions", "Notes:"
NOTES_HEAD = re.compile(
    r"^\s*(?:notes?|remarques?|notes\s+et\s+d[ée]finitions|d[ée]finitions|notes\s+and\s+definitions)\s*[:：]?\s*$",
    re.IGNORECASE,
)


def _notes_section(layout: Layout, frame: Frame) -> None:
    """Paragraphs under a "Notes" heading, up to the next section or table, are the plan's notes."""
    lines = layout.lines
    n = len(lines)
    for i, line in enumerate(lines):
        if layout.skipped(i) or i in frame.used or line.cells is not None:
            continue
        if not NOTES_HEAD.match(clean(line.text)):
            continue
        taken: list[int] = []
        j = i + 1
        while j < n:
            nxt = lines[j]
            if layout.skipped(j) or j in frame.used:
                j += 1
                continue
            if nxt.cells is not None or (
                nxt.heading is not None and nxt.heading <= (line.heading or 9)
            ):
                break
            t = clean(strip_bullet(nxt.text))
            if t and _starts_new_section(t) and not re.match(r"^\s*\d+[.)]\s", t):
                break
            if t:
                taken.append(j)
            j += 1
        if taken:
            frame.used.add(i)
            for k in taken:
                frame.notes.append(clean(strip_bullet(lines[k].text)))
                frame.used.add(k)


def _glossary(layout: Layout, frame: Frame) -> None:
    lines = layout.lines
    n = len(lines)
    for i, line in enumerate(lines):
        if layout.skipped(i) or i in frame.used:
            continue
        if line.cells is None and not GLOSSARY_HEAD.match(clean(line.text)):
            continue
        if line.cells is not None:
            continue
        entries: list[tuple[str, str, int]] = []
        j = i + 1
        misses = 0
        while j < n and misses <= 2:
            nxt = lines[j]
            if layout.skipped(j):
                j += 1
                continue
            if nxt.cells is not None and len([c for c in nxt.cells if c]) == 2:
                a, b = [c for c in nxt.cells if c]
                if re.fullmatch(_ACRONYM, a.strip()):
                    entries.append((a.strip(), clean(b), j))
                    j += 1
                    misses = 0
                    continue
            t = clean(strip_bullet(nxt.text)) if nxt.cells is None else ""
            if not t:
                j += 1
                continue
            raw = strip_bullet(nxt.text).strip()
            # "CDC     Corporation de…": the columns' spaces matter before they are cleaned
            m = _GLOSSARY_ENTRY.match(raw) or _GLOSSARY_ENTRY.match(t) or _GLOSSARY_SPACED.match(t)
            if m:
                entries.append((m.group(1), m.group(2).strip(), j))
                misses = 0
            elif entries and starts_lower(t):
                a, b, _ = entries[-1]
                entries[-1] = (a, join_lines([b, t]), j)
            else:
                misses += 1
                if misses == 1 and not entries:
                    break
            j += 1
        if entries:
            frame.used.add(i)
            for acro, full, k in entries:
                frame.glossary.setdefault(acro, full)
                frame.used.add(k)
            # continuation lines folded into an entry are used too
            last = max(k for _, _, k in entries)
            for k in range(i, last + 1):
                if lines[k].cells is None and (
                    not lines[k].text.strip() or starts_lower(lines[k].text)
                ):
                    frame.used.add(k)


def _inline_acronyms(layout: Layout, frame: Frame) -> None:
    """ "Nom complet (SIGLE)" anywhere: kept when the initials fit the words before."""
    for line in layout.lines:
        raw = line.text if line.cells is None else " ".join(line.cells)
        if "(" not in raw:
            continue
        text = clean(raw)
        for m in _INLINE_ACRONYM.finditer(text):
            acro = m.group(1)
            if acro in frame.glossary or len(acro) < 2:
                continue
            before = text[max(0, m.start() - 160) : m.start()].rstrip()
            before = re.split(r"[.;:()\[\]«»]", before)[-1]
            full = _expansion_for(before, acro)
            if full:
                frame.glossary[acro] = full


def _expansion_for(before: str, acro: str) -> str | None:
    letters = [c for c in fold(acro) if c.isalpha()]
    if acro.endswith("s") and len(letters) > 2:
        letters = letters[:-1]
    tokens = re.findall(r"[\w]+(?:['’][\w]+)?", before)
    # walk back from the end: the expansion's significant words must give the letters in order
    for start in range(len(tokens) - 1, -1, -1):
        cand = tokens[start:]
        sig = []
        for tok in cand:
            core = re.split(r"['’]", tok)[-1]
            if fold(core) in ACRONYM_SKIPPED:
                continue
            sig.append(fold(core))
        if not sig:
            continue
        if _initials_fit(sig, letters):
            if fold(re.split(r"['’]", cand[0])[-1]) in ACRONYM_SKIPPED:
                continue
            phrase = " ".join(cand)
            idx = before.rfind(cand[0])
            if idx >= 0:
                phrase = before[idx:].strip()
            return phrase[:1].upper() + phrase[1:] if phrase else None
        if len(sig) > len(letters) + 1:
            break
    return None


def _initials_fit(sig: list[str], letters: list[str]) -> bool:
    """Each significant word gives the next letters of the acronym from its own start:
    "Ministère Travail Emploi Solidarité Sociale" → MTESS, "COmité COordination" → COCO."""
    if not sig:
        return not letters
    if not letters:
        return False
    word = sig[0]
    for k in range(1, min(len(word), len(letters)) + 1):
        if word[:k] != "".join(letters[:k]):
            break
        if _initials_fit(sig[1:], letters[k:]):
            return True
    return False


def _years(layout: Layout, frame: Frame) -> None:
    lines = layout.lines
    texts = [
        (i, clean(ln.text if ln.cells is None else " ".join(ln.cells)))
        for i, ln in enumerate(lines)
    ]
    # fiscal year start month
    start_date: dt.date | None = None
    for _, text in texts:
        m = _AN1.search(text)
        if m:
            d1 = parse_date(m.group(1))
            if d1:
                start_date = d1
                frame.fiscal_year_start_month = d1.month
                break
    head = " ".join(t for _, t in texts[:60])
    if frame.fiscal_year_start_month is None and frame.title:
        m = _MONTH_SPAN.search(frame.title)
        if m:
            frame.fiscal_year_start_month = MONTHS[m.group(1).lower().strip(". ")]
    if frame.fiscal_year_start_month is None:
        m = _FISCAL.search(head)
        if m:
            frame.fiscal_year_start_month = MONTHS[m.group(1).lower().strip(". ")]
    # period: from the title, else from the first lines
    source = frame.title or head[:400]
    m = _YEARS.search(source)
    first_year: int | None = None
    last_year: int | None = None
    if m:
        first_year = int(m.group(1))
        y2 = m.group(2)
        last_year = int(y2) if len(y2) == 4 else (first_year // 100) * 100 + int(y2)
        if last_year < first_year:
            first_year, last_year = None, None
    else:
        m1 = _ONE_YEAR.search(frame.title)
        if m1:
            first_year = last_year = int(m1.group(1))
    month = frame.fiscal_year_start_month
    if start_date and (first_year is None or start_date.year == first_year):
        frame.period_start = start_date
        first_year = start_date.year
    elif first_year is not None:
        frame.period_start = dt.date(first_year, month or 1, 1)
    if last_year is not None and first_year is not None:
        if month and month > 1:
            if last_year == first_year:
                last_year += 1
            frame.period_end = dt.date(last_year, month, 1) - dt.timedelta(days=1)
        else:
            frame.period_end = dt.date(last_year, 12, 31)
